package org.recoveryreview.model;

import java.util.Comparator;

/**
 * The order in which a therapist's patients are listed in their bundle: the one place that decides
 * it. Follow-up tier first (1 act now, 2 discuss, 3 check, then patients without a tier, discharged
 * ones included), then more bullets (events: a patient who stopped attending is one, not three)
 * first, then patient_id.
 */
public final class CaseloadOrder {
  /** By follow-up tier, then number of bullets (more first), then patient_id. */
  public static final Comparator<PatientMetrics> ORDER =
      Comparator.comparingInt(CaseloadOrder::rank)
          .thenComparing(m -> -m.bullets().size())
          .thenComparing(PatientMetrics::patientId);

  private CaseloadOrder() {}

  /** The follow-up tier's number (1–3), or 4 for a patient without a tier; lower come first. */
  public static int rank(PatientMetrics m) {
    return m.signals().followUpTier().map(FollowUpTier::number).orElse(4);
  }
}
