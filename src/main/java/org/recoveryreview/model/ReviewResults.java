package org.recoveryreview.model;

import java.util.List;

/**
 * The output of analysis: one review per patient in the period (sorted by patient_id) and the
 * programme view.
 */
public record ReviewResults(
    ReviewPeriod period, List<PatientReview> patients, ProgramReview program) {

  public ReviewResults {
    patients = List.copyOf(patients);
  }
}
