package org.recoveryreview;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.recoveryreview.model.Settings;

/**
 * What one run of the job was asked to do: where to read and write, which period and patients, how
 * many rendering threads, and how many rejected rows (percent of rows read) it tolerates.
 */
public record JobOptions(
    Path input,
    Path output,
    String period,
    Settings settings,
    List<String> patients,
    int jobs,
    double maxRejectedPercent) {

  public JobOptions {
    Objects.requireNonNull(input, "input");
    Objects.requireNonNull(output, "output");
    Objects.requireNonNull(period, "period");
    Objects.requireNonNull(settings, "settings");
    patients = List.copyOf(patients);
    if (jobs < 1) {
      throw new IllegalArgumentException("jobs must be at least 1");
    }
  }
}
