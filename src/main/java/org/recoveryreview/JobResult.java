package org.recoveryreview;

import java.nio.file.Path;
import java.util.Map;
import org.recoveryreview.model.RunStats;

/**
 * What a successful run published: where, how many patients and pages, rows used and set aside, and
 * stage times.
 */
public record JobResult(
    Path folder,
    int patients,
    int pages,
    long rowsUsed,
    long rowsSetAside,
    Map<String, Double> stageSeconds,
    double totalSeconds) {

  public JobResult {
    stageSeconds = Map.copyOf(stageSeconds);
  }

  /** The result of a run that published {@code folder}, from its timings and counts. */
  static JobResult of(Path folder, RunStats stats, double totalSeconds) {
    return new JobResult(
        folder,
        stats.patients(),
        stats.pages(),
        stats.rowsUsed(),
        stats.rowsSetAside(),
        stats.stageSeconds(),
        totalSeconds);
  }
}
