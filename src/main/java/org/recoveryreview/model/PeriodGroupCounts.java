package org.recoveryreview.model;

import java.util.OptionalDouble;

/**
 * Counts of one clinic (or the whole programme) for the review period that are not adherence sums:
 * patients in review per follow-up tier, patients with two or more complete Fugl-Meyer assessments
 * and of those how many gained the MCID since the first, sessions cancelled by the clinic, and
 * counted completed sessions whose minutes were imputed from planned.
 */
public record PeriodGroupCounts(
    long patientsTier1,
    long patientsTier2,
    long patientsTier3,
    long patientsWithTwoFma,
    long patientsMcidReached,
    long clinicCancelledSessions,
    long imputedMinutesSessions) {

  /** All zero. */
  public static final PeriodGroupCounts NONE = new PeriodGroupCounts(0, 0, 0, 0, 0, 0, 0);

  /**
   * Of the patients with two or more complete Fugl-Meyer assessments, the share who reached the
   * MCID; empty when there are none.
   */
  public OptionalDouble mcidShare() {
    return Ratio.of(patientsMcidReached, patientsWithTwoFma);
  }

  /**
   * True when the MCID share rests on fewer than {@link RollupRow#FEW_PATIENTS} patients (but
   * some): one patient then moves it by 20 points or more.
   */
  public boolean fewFmaPatients() {
    return patientsWithTwoFma > 0 && patientsWithTwoFma < RollupRow.FEW_PATIENTS;
  }
}
