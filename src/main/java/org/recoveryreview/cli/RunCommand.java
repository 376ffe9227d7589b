package org.recoveryreview.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import org.recoveryreview.JobOptions;
import org.recoveryreview.ReviewJob;
import org.recoveryreview.model.ExitCode;
import org.recoveryreview.model.Settings;
import org.recoveryreview.shard.Shard;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code run}: ingest, analyse, render and publish one period. */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description =
        "Write the period's patient reviews, programme summary and CSVs under OUTPUT/PERIOD.")
final class RunCommand implements Callable<Integer> {
  @Mixin LogSetup log;

  @Option(
      names = "--input",
      paramLabel = "DIR",
      defaultValue = "sample-data",
      description =
          "Folder with patients*.csv, sessions*.csv, assessments*.csv and optional goals*.csv"
              + " (default: ${DEFAULT-VALUE}).")
  Path input;

  @Option(
      names = "--output",
      paramLabel = "DIR",
      defaultValue = "reports",
      description = "Folder that receives OUTPUT/PERIOD/ (default: ${DEFAULT-VALUE}).")
  Path output;

  @Option(
      names = "--period",
      paramLabel = "P",
      defaultValue = "latest",
      description =
          "YYYY-MM, latest (month of the latest session with an outcome) or previous (last calendar month) (default: ${DEFAULT-VALUE}).")
  String period;

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description = "YAML configuration (see docs/configuration.md).")
  @Nullable Path config;

  @Option(
      names = "--patient",
      paramLabel = "ID",
      description =
          "Only this patient (repeatable); re-renders their reports inside an existing period folder.")
  List<String> patients = new ArrayList<>();

  @Option(
      names = "--jobs",
      paramLabel = "N",
      description =
          "Worker threads for reading the input, the analysis and rendering (default: number of"
              + " cores).")
  @Nullable Integer jobs;

  @Option(
      names = "--max-rejected-percent",
      paramLabel = "X",
      defaultValue = "5",
      description =
          "Fail with exit 65 when more than X%% of rows are rejected (default: ${DEFAULT-VALUE}).")
  double maxRejectedPercent;

  @Option(
      names = "--allow-fewer-patients",
      description =
          "Publish even when the period folder would hold fewer than half the patients it holds"
              + " now (config: publish.allow_fewer_patients).")
  boolean allowFewerPatients;

  @Option(
      names = "--allow-fewer-sessions",
      description =
          "Publish even when the month has assessments but no session rows, or fewer than half the"
              + " previous month's, which looks like a missing sessions export (config:"
              + " publish.allow_fewer_sessions).")
  boolean allowFewerSessions;

  @Option(
      names = "--shard",
      paramLabel = "i/N",
      description =
          "Render only shard i of N (0 <= i < N) into OUTPUT/PERIOD.shard-i-of-N/ for a later"
              + " 'merge' (see docs/operations.md).")
  @Nullable String shard;

  @Override
  public Integer call() {
    log.apply();
    CompilerMode.applyFor(input);
    int threads = JobArguments.threads(jobs);
    JobArguments.checkRejectedPercent(maxRejectedPercent);
    Settings settings = JobArguments.settings(config, allowFewerPatients, allowFewerSessions);
    Optional<Shard> part = shard == null ? Optional.empty() : Optional.of(Shard.parse(shard));
    JobOptions options =
        new JobOptions(
            input, output, period, settings, patients, threads, maxRejectedPercent, part);
    new ReviewJob(options, Clock.systemDefaultZone(), ConsoleProgress.create(log.quiet)).run();
    return ExitCode.OK.code();
  }
}
