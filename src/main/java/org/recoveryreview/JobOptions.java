package org.recoveryreview;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.recoveryreview.concurrent.Parallel;
import org.recoveryreview.model.ExitCode;
import org.recoveryreview.model.JobFailure;
import org.recoveryreview.model.Settings;
import org.recoveryreview.shard.Shard;

/**
 * What one run of the job was asked to do: where to read and write, which period and patients, how
 * many threads read, analyse and render, how many rejected rows (percent of rows read) it
 * tolerates, and which shard of a partitioned run it is (empty for a whole run).
 */
public record JobOptions(
    Path input,
    Path output,
    String period,
    Settings settings,
    List<String> patients,
    int jobs,
    double maxRejectedPercent,
    Optional<Shard> shard) {

  /** {@code --jobs} when not given: {@link Parallel#defaultThreads}, for the command line. */
  public static int defaultJobs() {
    return Parallel.defaultThreads();
  }

  public JobOptions {
    patients = List.copyOf(patients);
    if (jobs < 1) {
      throw new IllegalArgumentException("jobs must be at least 1");
    }
    if (shard.isPresent() && !patients.isEmpty()) {
      throw new JobFailure(
          ExitCode.USAGE,
          "--patient cannot be combined with --shard: a shard renders every patient it owns; re-run"
              + " one patient with --patient on the merged period folder instead.");
    }
  }
}
