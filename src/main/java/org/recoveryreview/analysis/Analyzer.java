package org.recoveryreview.analysis;

import java.util.Set;
import org.recoveryreview.model.AnalysisSettings;
import org.recoveryreview.model.Dataset;
import org.recoveryreview.model.ReviewPeriod;
import org.recoveryreview.model.ReviewResults;

/** Computes every adherence and recovery figure of a review period from an ingested dataset. */
public final class Analyzer {
  private final AnalysisSettings settings;

  public Analyzer(AnalysisSettings settings) {
    this.settings = settings;
  }

  /**
   * Figures for the patients in review during {@code period}; when {@code patientFilter} is not
   * empty, only those patients (the programme view is then computed over them too).
   */
  public ReviewResults analyze(Dataset dataset, ReviewPeriod period, Set<String> patientFilter) {
    throw new UnsupportedOperationException("not yet built" + settings + dataset + period + patientFilter);
  }
}
