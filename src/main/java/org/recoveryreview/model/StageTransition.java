package org.recoveryreview.model;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A change between consecutive recorded Brunnstrom stages of one scale of one patient, dated on the
 * later assessment.
 */
public record StageTransition(
    String patientId,
    LocalDate date,
    BrunnstromScale scale,
    int fromStage,
    int toStage,
    long daysSinceOnset) {

  public StageTransition {
    Objects.requireNonNull(patientId, "patientId");
    Objects.requireNonNull(date, "date");
    Objects.requireNonNull(scale, "scale");
    if (fromStage == toStage) {
      throw new IllegalArgumentException("a transition needs a change of stage");
    }
  }

  /** True for an improvement, false for a regression. */
  public boolean isUp() {
    return toStage > fromStage;
  }
}
