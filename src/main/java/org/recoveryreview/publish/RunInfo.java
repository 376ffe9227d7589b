package org.recoveryreview.publish;

import java.time.Instant;
import java.util.List;
import org.recoveryreview.model.InputFile;
import org.recoveryreview.model.ReviewPeriod;
import org.recoveryreview.model.RunStats;
import org.recoveryreview.model.Settings;

/**
 * What the manifest records about a run besides the files it wrote: version, period, times,
 * settings, inputs, patient count, per-stage seconds and the exit code.
 */
public record RunInfo(
    String toolVersion,
    ReviewPeriod period,
    Instant started,
    Instant finished,
    String inputDir,
    Settings settings,
    List<InputFile> inputs,
    List<String> patientFilter,
    int patientsReported,
    int pages,
    RunStats stages,
    int jobs,
    int exitCode) {

  public RunInfo {
    inputs = List.copyOf(inputs);
    patientFilter = List.copyOf(patientFilter);
  }
}
