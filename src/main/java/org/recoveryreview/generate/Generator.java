package org.recoveryreview.generate;

import java.nio.file.Path;
import java.time.YearMonth;

/** Writes a realistic synthetic data set in the input contract, the same bytes for the same seed. */
public final class Generator {
  private Generator() {}

  /** Writes a tidy data set (no export noise). */
  public static void generate(Path outputDir, int patients, int months, YearMonth end, long seed) {
    generate(outputDir, patients, months, end, seed, false);
  }

  /** Writes patients.csv, sessions-*.csv and assessments.csv into {@code outputDir}. */
  public static void generate(
      Path outputDir, int patients, int months, YearMonth end, long seed, boolean messy) {
    throw new UnsupportedOperationException("not yet built" + outputDir + patients + months + end + seed + messy);
  }
}
