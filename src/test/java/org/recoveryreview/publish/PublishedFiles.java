package org.recoveryreview.publish;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.recoveryreview.model.PatientMetrics;
import org.recoveryreview.model.ProgramReview;

/**
 * Tests outside the publish package read manifests and write the CSVs through this, since only
 * {@link Publisher} and the types it exposes are public.
 */
public final class PublishedFiles {
  private PublishedFiles() {}

  /** The manifest's patients_reported in {@code folder}; empty without a readable manifest. */
  public static OptionalInt patientsReported(Path folder) {
    return Manifest.patientsReported(folder);
  }

  /** The SHA-256 of each output file by relative path, as the manifest in {@code folder} lists. */
  public static Map<String, String> outputHashes(Path folder) throws IOException {
    return Manifest.outputHashes(folder);
  }

  /** The manifest {@code file} as a plain map. */
  public static Map<String, Object> readManifest(Path file) throws IOException {
    return Manifest.read(file);
  }

  /** Writes patient-metrics.csv as a run does. */
  public static void writePatientMetrics(List<PatientMetrics> patients, OutputStream out)
      throws IOException {
    CsvOutputs.writePatientMetrics(patients, out);
  }

  /** Writes program-metrics.csv as a run does. */
  public static void writeProgramMetrics(ProgramReview program, OutputStream out)
      throws IOException {
    CsvOutputs.writeProgramMetrics(program, out);
  }
}
