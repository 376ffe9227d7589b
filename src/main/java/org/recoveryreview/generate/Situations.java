package org.recoveryreview.generate;

import java.time.LocalDate;
import java.util.Optional;

/**
 * Situations the flags of docs/metrics.md must catch, given to fixed patients so that every data
 * set of 40 or more patients shows each of them (one patient in 40 each): a home programme
 * abandoned while clinic attendance stays high, a patient who stops coming in the last two weeks, a
 * patient near the Fugl-Meyer ceiling, and (with --messy) an assessment whose Brunnstrom stage
 * contradicts the record. The overrides draw from their own keyed values, never from the patient's
 * profile stream, so every other patient keeps the same data.
 */
final class Situations {
  /** Purpose key of the situations' own random values. */
  private static final long SITUATION = 0x73697475L;

  private static final int EVERY = 40;
  static final int HOME_ABANDONED = 6;
  static final int STOPPED_COMING = 12;
  static final int NEAR_CEILING = 17;
  static final int INCONSISTENT_RECORD = 21;

  private Situations() {}

  /** The situation of a patient index, or -1 for none. */
  static int of(int index) {
    int slot = index % EVERY;
    return slot == HOME_ABANDONED
            || slot == STOPPED_COMING
            || slot == NEAR_CEILING
            || slot == INCONSISTENT_RECORD
        ? slot
        : -1;
  }

  /** Applies the patient's situation to the drawn profile; {@code rangeEnd} is the data's end. */
  static void apply(long seed, SimPatient p, LocalDate rangeEnd) {
    int s = of(p.index);
    if (s < 0 || s == INCONSISTENT_RECORD) {
      return;
    }
    // The situation must be visible in the last month: the patient is still in the programme.
    p.discharge = Optional.empty();
    p.lastActiveDay = rangeEnd.toEpochDay();
    double u = Rng.uniform(seed, SITUATION, p.index, 0);
    switch (s) {
      case HOME_ABANDONED -> {
        // Keeps coming to the clinic but gives up the home programme about six weeks before
        // the end: the pooled overall rate stays near 50% and hides it.
        p.clinicAttendance = Math.max(p.clinicAttendance, 0.85 + 0.1 * u);
        p.driftPerMonth = 0;
        p.awayWeekRate = 0;
        p.dropOffDay = rangeEnd.toEpochDay() - 40 - (long) (10 * u);
        p.dropHomeFactor = 0.08;
        p.dropClinicFactor = 1.0;
      }
      // Stops coming 13-17 days before the end: nothing done in the last two weeks.
      case STOPPED_COMING -> p.stopDay = rangeEnd.toEpochDay() - 13 - (long) (5 * u);
      case NEAR_CEILING -> {
        // A mild paresis that recovers to 62-65 of 66, where no further 5-9 points can show.
        p.fma0 = 54 + 4 * u;
        p.nonFitter = false;
        p.gain = Math.min(66 - p.fma0, (66 - p.fma0) * 0.75 + 0.4);
        p.chronicSlopePerDay = 0.5 / 365.0;
      }
      default -> throw new IllegalStateException("situation " + s);
    }
  }

  /** True for the patient whose record --messy corrupts in the last month. */
  static boolean inconsistentRecord(int index) {
    return of(index) == INCONSISTENT_RECORD;
  }
}
