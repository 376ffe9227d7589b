package org.recoveryreview.cli;

import java.nio.file.Path;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.recoveryreview.JobOptions;
import org.recoveryreview.config.ConfigLoader;
import org.recoveryreview.model.ExitCode;
import org.recoveryreview.model.JobFailure;
import org.recoveryreview.model.Settings;

/** The checks and settings that {@code run} and {@code merge} share, so they stay one rule. */
final class JobArguments {
  private JobArguments() {}

  /** The worker threads for {@code --jobs} (the processor count when not given); at least 1. */
  static int threads(@Nullable Integer jobs) {
    int threads = jobs == null ? JobOptions.defaultJobs() : jobs;
    if (threads < 1) {
      throw new JobFailure(ExitCode.USAGE, "--jobs must be at least 1, got " + threads + ".");
    }
    return threads;
  }

  /** Refuses a {@code --max-rejected-percent} outside 0–100 (NaN included). */
  static void checkRejectedPercent(double maxRejectedPercent) {
    if (!(maxRejectedPercent >= 0 && maxRejectedPercent <= 100)) {
      throw new JobFailure(
          ExitCode.USAGE,
          "--max-rejected-percent must be from 0 to 100, got " + maxRejectedPercent + ".");
    }
  }

  /**
   * The configuration file's settings, with {@code --allow-fewer-patients} and {@code
   * --allow-fewer-sessions} applied over them (an option can only switch a guard off).
   */
  static Settings settings(
      @Nullable Path config, boolean allowFewerPatients, boolean allowFewerSessions) {
    Settings settings = ConfigLoader.load(Optional.ofNullable(config));
    return settings.withPublish(
        settings.publish().allowing(allowFewerPatients, allowFewerSessions));
  }
}
