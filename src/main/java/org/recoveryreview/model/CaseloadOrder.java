package org.recoveryreview.model;

import java.util.Comparator;

/**
 * The order in which a therapist's patients are listed in their bundle: the one place that decides
 * it. Until follow-up tiers exist, patients on the follow-up list (any flag that needs follow-up)
 * come first, then the others, each by patient_id; a tier would replace {@link #rank}.
 */
public final class CaseloadOrder {
  /** Patients needing follow-up first, then by patient_id. */
  public static final Comparator<PatientMetrics> ORDER =
      Comparator.comparingInt(CaseloadOrder::rank).thenComparing(PatientMetrics::patientId);

  private CaseloadOrder() {}

  /** 0 for a patient on the follow-up list, 1 otherwise; lower ranks are listed first. */
  public static int rank(PatientMetrics m) {
    return m.flags().stream().anyMatch(Flag::needsFollowUp) ? 0 : 1;
  }
}
