package org.recoveryreview.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.time.YearMonth;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import org.recoveryreview.generate.Generator;
import org.recoveryreview.model.ExitCode;
import org.recoveryreview.model.JobFailure;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code generate}: writes a realistic synthetic data set in the input contract. */
@Command(
    name = "generate",
    mixinStandardHelpOptions = true,
    description =
        "Write a synthetic data set (patients, monthly sessions exports, assessments); the same seed gives the same bytes. See docs/generator.md.")
final class GenerateCommand implements Callable<Integer> {
  @Mixin LogSetup log;

  @Option(
      names = "--output",
      required = true,
      paramLabel = "DIR",
      description = "Folder to write into (created if missing).")
  Path output;

  @Option(
      names = "--patients",
      paramLabel = "N",
      defaultValue = "40",
      description = "Number of patients (default: ${DEFAULT-VALUE}).")
  int patients;

  @Option(
      names = "--months",
      paramLabel = "M",
      defaultValue = "6",
      description = "Months of history (default: ${DEFAULT-VALUE}).")
  int months;

  @Option(
      names = "--end",
      paramLabel = "YYYY-MM",
      description = "Last month of the data (default: last calendar month).")
  @Nullable YearMonth end;

  @Option(
      names = "--seed",
      paramLabel = "S",
      defaultValue = "1",
      description = "Random seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--messy",
      description =
          "Add the noise of real exports: overlapping files, aliases, duplicates, superseded, void and a few bad rows.")
  boolean messy;

  @Override
  public Integer call() {
    log.apply();
    if (patients < 1 || patients > 1_000_000) {
      throw new JobFailure(
          ExitCode.USAGE, "--patients must be from 1 to 1000000, got " + patients + ".");
    }
    if (months < 1 || months > 120) {
      throw new JobFailure(ExitCode.USAGE, "--months must be from 1 to 120, got " + months + ".");
    }
    YearMonth last = end != null ? end : YearMonth.now(Clock.systemUTC()).minusMonths(1);
    Generator.generate(output, patients, months, last, seed, messy);
    return ExitCode.OK.code();
  }
}
