package org.recoveryreview.model;

import java.util.OptionalDouble;

/**
 * How complete the records behind the period's figures are, over the patients in review: counted
 * sessions done and how many of the completed ones had their minutes imputed from planned, clinic
 * sessions booked (scheduled plus cancelled by the clinic) and how many the clinic cancelled,
 * assessments dated in the period and how many lack one of the four Fugl-Meyer parts or the ARAT,
 * and patients with a data query flag.
 */
public record DataCompleteness(
    long sessionsDone,
    long imputedMinutesSessions,
    long clinicSessionsBooked,
    long clinicCancelledSessions,
    long assessments,
    long assessmentsWithoutAllFmaParts,
    long assessmentsWithoutArat,
    long patientsInReview,
    long patientsWithDataQuery) {

  /** Nothing to account for. */
  public static final DataCompleteness NONE = new DataCompleteness(0, 0, 0, 0, 0, 0, 0, 0, 0);

  /** {@code part} as a share of {@code whole}; empty when {@code whole} is 0. */
  public static OptionalDouble share(long part, long whole) {
    return Ratio.of(part, whole);
  }
}
