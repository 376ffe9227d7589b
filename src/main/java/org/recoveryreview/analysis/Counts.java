package org.recoveryreview.analysis;

import static org.recoveryreview.model.AdherenceCount.ACTUAL_MINUTES;
import static org.recoveryreview.model.AdherenceCount.CLINIC_ATTENDED;
import static org.recoveryreview.model.AdherenceCount.CLINIC_SCHEDULED;
import static org.recoveryreview.model.AdherenceCount.CREDITED_MINUTES;
import static org.recoveryreview.model.AdherenceCount.HOME_COMPLETED;
import static org.recoveryreview.model.AdherenceCount.HOME_PRESCRIBED;
import static org.recoveryreview.model.AdherenceCount.PLANNED_MINUTES;

import org.recoveryreview.model.Adherence;
import org.recoveryreview.model.AdherenceCount;

/**
 * Cells of the seven {@link Adherence} counts in a {@code long[]} scratch buffer, in {@link
 * AdherenceCount} slot order, used by the per-session pass for its week and month cells.
 */
final class Counts {
  /** Slots per cell. */
  static final int W = AdherenceCount.SLOTS;

  private Counts() {}

  /** Adds one counted session to the cell at offset {@code o}. */
  static void add(long[] a, int o, boolean clinicGroup, boolean done, int planned, int actual) {
    if (clinicGroup) {
      a[o + CLINIC_SCHEDULED.slot()]++;
      if (done) {
        a[o + CLINIC_ATTENDED.slot()]++;
      }
    } else {
      a[o + HOME_PRESCRIBED.slot()]++;
      if (done) {
        a[o + HOME_COMPLETED.slot()]++;
      }
    }
    a[o + PLANNED_MINUTES.slot()] += planned;
    a[o + ACTUAL_MINUTES.slot()] += actual;
    // Credited minutes: a session never earns more dose than was planned for it.
    a[o + CREDITED_MINUTES.slot()] += Math.min(actual, planned);
  }

  /** Sessions counted in the cell (either denominator). */
  static long sessions(long[] a, int o) {
    return a[o + CLINIC_SCHEDULED.slot()] + a[o + HOME_PRESCRIBED.slot()];
  }

  /** The cell's planned minutes. */
  static long planned(long[] a, int o) {
    return a[o + PLANNED_MINUTES.slot()];
  }

  /** The cell's actual minutes. */
  static long actual(long[] a, int o) {
    return a[o + ACTUAL_MINUTES.slot()];
  }

  /** The cell as adherence; {@link Adherence#NONE} when it counted no session. */
  static Adherence adherence(long[] a, int o) {
    return sessions(a, o) == 0 ? Adherence.NONE : AdherenceCount.fromCell(a, o);
  }
}
