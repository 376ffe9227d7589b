package org.recoveryreview.model;

import java.util.Objects;

/** Everything a patient's PDF shows: the period's figures and the history behind the charts. */
public record PatientReview(PatientMetrics metrics, PatientHistory history) {

  public PatientReview {
    Objects.requireNonNull(metrics, "metrics");
    Objects.requireNonNull(history, "history");
  }
}
