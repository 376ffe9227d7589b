package org.recoveryreview.ingest;

import java.nio.file.Path;
import org.recoveryreview.model.Dataset;
import org.recoveryreview.model.InputOptions;

/** Reads an input directory of patients, sessions and assessments exports into a {@link Dataset}. */
public final class Ingestor {
  private final InputOptions options;

  public Ingestor(InputOptions options) {
    this.options = options;
  }

  /**
   * Reads every {@code patients*}, {@code sessions*} and {@code assessments*} file (.csv or .csv.gz)
   * in {@code inputDir}, accounting for every data row.
   *
   * @throws org.recoveryreview.model.JobFailure with NO_INPUT when the directory, the patients
   *     files or the sessions files are missing, DATA_ERROR for whole-file problems
   */
  public Dataset ingest(Path inputDir) {
    throw new UnsupportedOperationException("not yet built: " + options + inputDir);
  }
}
