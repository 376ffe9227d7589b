package org.recoveryreview.generate;

import java.time.LocalDate;
import java.util.Optional;

/**
 * One synthetic patient: the demographics written to patients.csv plus the hidden parameters that
 * drive their sessions and assessments. Fields are set once by {@link Cohort} and then only read.
 */
// Cohort.patient sets every field, one by one in the order it draws them from the patient's random
// stream (the data set depends on that order), before the patient is used; a constructor taking
// them all would have to restate that order for no gain.
@SuppressWarnings("NullAway.Init")
final class SimPatient {
  int index;

  /** Patient id, e.g. {@code P00042}; {@link #number} is its digits, reused in session ids. */
  String id;

  String number;
  String name;
  LocalDate birthDate;
  String sex;
  String affectedSide;
  String diagnosis;
  LocalDate onset;
  int clinic;
  String therapist;

  /** The clinic's other therapists cover for the primary one now and then. */
  String[] clinicTherapists;

  LocalDate programStart;
  Optional<LocalDate> discharge = Optional.empty();

  long onsetDay;
  long programStartDay;

  /** Last day with sessions or assessments: the discharge date or the end of the range. */
  long lastActiveDay;

  // Recovery (Fugl-Meyer upper extremity, see Recovery).
  double fma0;
  double gain;
  double tauDays;
  double chronicSlopePerDay;
  boolean nonFitter;
  boolean overdueAssessments;

  // Adherence.
  double homeAdherence;
  double clinicAttendance;
  double driftPerMonth;
  long dropOffDay = Long.MAX_VALUE;
  double dropHomeFactor = 1;
  double dropClinicFactor = 1;

  /** From this day on the patient does no session at all (a two-week drop-off). */
  long stopDay = Long.MAX_VALUE;

  double awayWeekRate;
  double blankActualRate;
  boolean writesZeroForAbsent;

  // Programme.
  /** Bit d set when the patient attends clinic on weekday d (0 = Monday). */
  int clinicDays;

  int homeDays;
  double teleShare;
  double secondTherapyRate;
  String[] clinicTherapies;
  int[] clinicMinutes;
  String[] homeTherapies;
  int homeMinutes;
}
