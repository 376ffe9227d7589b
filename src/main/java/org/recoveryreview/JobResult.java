package org.recoveryreview;

import java.nio.file.Path;
import java.util.Map;

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
}
