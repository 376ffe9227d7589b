package org.recoveryreview.analysis;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.recoveryreview.model.ReviewPeriod;
import org.recoveryreview.model.Session;
import org.recoveryreview.model.Status;

/**
 * The session counts of one patient that the flags and the clinic counts need beyond adherence:
 * sessions due and done in the drop-off window, the last done session, sessions the clinic
 * cancelled and completed sessions whose minutes were imputed, over the patient's sessions (any
 * order).
 *
 * @param recent the drop-off window's counts
 * @param clinicCancelled sessions dated in the period with status {@code clinic_cancelled}
 * @param imputedMinutes counted {@code completed} sessions in the period without actual minutes
 * @param anyInPeriod whether any session (of any status) is dated in the period
 * @param assumedMinutes the planned minutes of those sessions, taken as their actual minutes
 * @param previousAssumedMinutes the same for the calendar month before the period
 */
record SessionSignals(
    FlagRules.RecentSessions recent,
    long clinicCancelled,
    long imputedMinutes,
    boolean anyInPeriod,
    long assumedMinutes,
    long previousAssumedMinutes) {

  /** Counts {@code sessions} for {@code period}, with a drop-off window of {@code days} days. */
  static SessionSignals of(List<Session> sessions, ReviewPeriod period, int days) {
    LocalDate end = period.end();
    LocalDate from = end.minusDays(days - 1L);
    long due = 0;
    long done = 0;
    long cancelled = 0;
    long imputed = 0;
    LocalDate lastDone = null;
    boolean any = false;
    long assumed = 0;
    long assumedBefore = 0;
    LocalDate monthBefore = period.start().minusMonths(1);
    for (Session s : sessions) {
      LocalDate d = s.date();
      if (d.isAfter(end)) {
        continue;
      }
      Status st = s.status();
      boolean inPeriod = !d.isBefore(period.start());
      any |= inPeriod;
      if (inPeriod && st == Status.CLINIC_CANCELLED) {
        cancelled++;
      }
      if (!st.countsAsScheduled()) {
        continue;
      }
      if (st == Status.COMPLETED && s.actualMinutes().isEmpty()) {
        if (inPeriod) {
          imputed++;
          assumed += s.plannedMinutes();
        } else if (!d.isBefore(monthBefore)) {
          assumedBefore += s.plannedMinutes();
        }
      }
      if (st.countsAsDone() && (lastDone == null || d.isAfter(lastDone))) {
        lastDone = d;
      }
      if (!d.isBefore(from)) {
        due++;
        if (st.countsAsDone()) {
          done++;
        }
      }
    }
    return new SessionSignals(
        new FlagRules.RecentSessions(from, end, due, done, Optional.ofNullable(lastDone)),
        cancelled,
        imputed,
        any,
        assumed,
        assumedBefore);
  }
}
