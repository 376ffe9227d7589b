package org.recoveryreview.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import org.recoveryreview.JobOptions;
import org.recoveryreview.ReviewJob;
import org.recoveryreview.model.ExitCode;
import org.recoveryreview.model.Settings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code merge}: combines the shard folders of a partitioned run into the period folder. */
@Command(
    name = "merge",
    mixinStandardHelpOptions = true,
    description = {
      "Check that SHARDS holds every shard folder PERIOD.shard-i-of-N of one run and publish"
          + " OUTPUT/PERIOD from them, byte-identical to a single 'run' except manifest.json.",
      "Never reads the input: builds the programme figures from the shards' partial results and"
          + " renders the programme summary and therapist bundles; exit 65 when a shard is missing"
          + " or the shards differ, 75 while a shard is still being written."
    })
final class MergeCommand implements Callable<Integer> {
  @Mixin LogSetup log;

  @Option(
      names = "--shards",
      paramLabel = "DIR",
      required = true,
      description = "Folder holding the shard folders (the shards' --output).")
  Path shards;

  @Option(
      names = "--output",
      paramLabel = "DIR",
      required = true,
      description = "Folder that receives OUTPUT/PERIOD/.")
  Path output;

  @Option(
      names = "--period",
      paramLabel = "P",
      required = true,
      description =
          "YYYY-MM, previous, or latest (the one period of the shard folders in --shards).")
  String period;

  @Option(
      names = "--input",
      paramLabel = "DIR",
      description =
          "Accepted for scripts of earlier versions and ignored: the merge reads the shards'"
              + " partial results, not the exports.")
  @Nullable Path input;

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description = "YAML configuration; must give the same settings as the shards'.")
  @Nullable Path config;

  @Option(
      names = "--jobs",
      paramLabel = "N",
      description = "Threads for reading, analysis and bundles (default: number of cores).")
  @Nullable Integer jobs;

  @Option(
      names = "--max-rejected-percent",
      paramLabel = "X",
      defaultValue = "5",
      description = "As for run (default: ${DEFAULT-VALUE}).")
  double maxRejectedPercent;

  @Option(
      names = "--allow-fewer-patients",
      description = "As for run: publish even when the period folder would shrink by half.")
  boolean allowFewerPatients;

  @Option(
      names = "--allow-fewer-sessions",
      description = "As for run: publish even when the month's session rows look incomplete.")
  boolean allowFewerSessions;

  @Override
  public Integer call() {
    log.apply();
    int threads = JobArguments.threads(jobs);
    JobArguments.checkRejectedPercent(maxRejectedPercent);
    Settings settings = JobArguments.settings(config, allowFewerPatients, allowFewerSessions);
    JobOptions options =
        new JobOptions(
            input == null ? shards : input,
            output,
            period,
            settings,
            List.of(),
            threads,
            maxRejectedPercent,
            Optional.empty());
    new ReviewJob(options, Clock.systemDefaultZone(), ConsoleProgress.create(log.quiet))
        .merge(shards, Optional.ofNullable(input));
    return ExitCode.OK.code();
  }
}
