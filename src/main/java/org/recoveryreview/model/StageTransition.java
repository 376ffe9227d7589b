package org.recoveryreview.model;

import java.time.LocalDate;

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
    if (fromStage == toStage) {
      throw new IllegalArgumentException("a transition needs a change of stage");
    }
  }

  /** True for an improvement, false for a regression. */
  public boolean isUp() {
    return toStage > fromStage;
  }
}
