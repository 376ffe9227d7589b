package org.recoveryreview.analysis;

import org.recoveryreview.model.Adherence;

/**
 * The one slot layout of the seven {@link Adherence} counts in a {@code long[]} scratch buffer
 * (clinic scheduled, clinic attended, home prescribed, home completed, planned, actual, credited
 * minutes), used by the per-session pass for its week and month cells.
 */
final class Counts {
  /** Slots per cell. */
  static final int W = 7;

  private Counts() {}

  /** Adds one counted session to the cell at offset {@code o}. */
  static void add(long[] a, int o, boolean clinicGroup, boolean done, int planned, int actual) {
    if (clinicGroup) {
      a[o]++;
      if (done) {
        a[o + 1]++;
      }
    } else {
      a[o + 2]++;
      if (done) {
        a[o + 3]++;
      }
    }
    a[o + 4] += planned;
    a[o + 5] += actual;
    // Credited minutes: a session never earns more dose than was planned for it.
    a[o + 6] += Math.min(actual, planned);
  }

  /** Sessions counted in the cell (either denominator). */
  static long sessions(long[] a, int o) {
    return a[o] + a[o + 2];
  }

  /** The cell as adherence; {@link Adherence#NONE} when it counted no session. */
  static Adherence adherence(long[] a, int o) {
    if (sessions(a, o) == 0) {
      return Adherence.NONE;
    }
    return new Adherence(a[o], a[o + 1], a[o + 2], a[o + 3], a[o + 4], a[o + 5], a[o + 6]);
  }
}
