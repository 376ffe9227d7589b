package org.recoveryreview.analysis;

import java.time.LocalDate;
import org.recoveryreview.model.Dataset;
import org.recoveryreview.model.ReviewPeriod;

/** Turns a {@code --period} value ({@code YYYY-MM}, {@code latest}, {@code previous}) into a month. */
public final class Periods {
  private Periods() {}

  /**
   * Resolves {@code spec}; {@code latest} is the month of the latest session with an outcome,
   * {@code previous} the month before {@code today}.
   *
   * @throws org.recoveryreview.model.JobFailure USAGE for a malformed value, DATA_ERROR when
   *     {@code latest} finds no session with an outcome
   */
  public static ReviewPeriod resolve(String spec, Dataset dataset, LocalDate today) {
    throw new UnsupportedOperationException("not yet built" + spec + dataset + today);
  }
}
