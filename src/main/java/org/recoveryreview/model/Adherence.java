package org.recoveryreview.model;

import java.util.OptionalDouble;

/**
 * Adherence counts of a patient or a group over some dates, and the rates derived from them. This
 * is the one place where attendance, home completion, dose and overall rates are defined; a rate
 * whose denominator is 0 is empty, never 0 or 1.
 *
 * @param clinicScheduled clinic and tele sessions that were completed, partial, missed, late
 *     cancelled or cancelled by the patient (clinic cancellations and void/scheduled are left out)
 * @param clinicAttended of those, completed or partial
 * @param homePrescribed home sessions with the same statuses as {@code clinicScheduled}
 * @param homeCompleted of those, completed or partial
 * @param plannedMinutes planned minutes of every session counted above
 * @param actualMinutes actual minutes of the same sessions (see {@link
 *     Session#effectiveActualMinutes()})
 * @param creditedMinutes sum over the same sessions of min(actual, planned), the dose numerator
 *     (the {@code credited_minutes} column)
 */
public record Adherence(
    long clinicScheduled,
    long clinicAttended,
    long homePrescribed,
    long homeCompleted,
    long plannedMinutes,
    long actualMinutes,
    long creditedMinutes) {

  /** No sessions at all. */
  public static final Adherence NONE = new Adherence(0, 0, 0, 0, 0, 0, 0);

  /** clinicAttended / clinicScheduled. */
  public OptionalDouble attendanceRate() {
    return ratio(clinicAttended, clinicScheduled);
  }

  /** homeCompleted / homePrescribed. */
  public OptionalDouble homeCompletionRate() {
    return ratio(homeCompleted, homePrescribed);
  }

  /** min(actual, planned) summed per session, over planned minutes. */
  public OptionalDouble doseRate() {
    return ratio(creditedMinutes, plannedMinutes);
  }

  /** (clinicAttended + homeCompleted) / (clinicScheduled + homePrescribed). */
  public OptionalDouble overallRate() {
    return ratio(clinicAttended + homeCompleted, clinicScheduled + homePrescribed);
  }

  /** Sessions counted in either denominator. */
  public long sessionsExpected() {
    return clinicScheduled + homePrescribed;
  }

  /** Sessions counted in either numerator. */
  public long sessionsDone() {
    return clinicAttended + homeCompleted;
  }

  /** Component-wise sum, for roll-ups: sums of counts first, then rates. */
  public Adherence plus(Adherence o) {
    return new Adherence(
        clinicScheduled + o.clinicScheduled,
        clinicAttended + o.clinicAttended,
        homePrescribed + o.homePrescribed,
        homeCompleted + o.homeCompleted,
        plannedMinutes + o.plannedMinutes,
        actualMinutes + o.actualMinutes,
        creditedMinutes + o.creditedMinutes);
  }

  private static OptionalDouble ratio(long numerator, long denominator) {
    return Ratio.of(numerator, denominator);
  }
}
