package org.recoveryreview.model;

import java.time.Period;
import java.util.List;
import java.util.OptionalInt;

/**
 * The figures of one patient for the review period (one row of patient-metrics.csv) plus the
 * previous month's adherence and the evidence behind each flag, in parts: adherence, recovery,
 * goals and the signals (flags and follow-up tier) they raise.
 *
 * @param patient the patient
 * @param reviewPeriod the month under review
 * @param adherence the period's and the previous month's adherence
 * @param recovery stages, Fugl-Meyer and ARAT with their changes
 * @param goals the patient's goals and their Goal Attainment Scaling summary at the period's end
 * @param signals the raised flags with their evidence and the follow-up tier
 */
public record PatientMetrics(
    Patient patient,
    ReviewPeriod reviewPeriod,
    AdherenceFigures adherence,
    RecoveryFigures recovery,
    PatientGoals goals,
    PatientSignals signals) {

  /** These figures with {@code goals} instead of the current ones. */
  public PatientMetrics withGoals(PatientGoals goals) {
    return new PatientMetrics(patient, reviewPeriod, adherence, recovery, goals, signals);
  }

  /**
   * The bullets of the review's flag box and the follow-up entry, in the order {@link
   * FlagFinding#bullets} gives.
   */
  public List<FlagFinding> bullets() {
    return FlagFinding.bullets(signals().findings());
  }

  /** Actual minutes of the period that were recorded, not assumed from the plan. */
  public long recordedMinutes() {
    return adherence().period().actualMinutes() - adherence().imputedMinutes();
  }

  /** The raised flags, sorted by code. */
  public List<Flag> flags() {
    return signals().findings().stream().map(FlagFinding::flag).toList();
  }

  /** True when the patient's discharge date is on or before the period's last day. */
  public boolean discharged() {
    return patient.dischargedBy(reviewPeriod.end());
  }

  /** Age in whole years on the period's last day; empty without a birth date. */
  public OptionalInt ageAtPeriodEnd() {
    return patient
        .birthDate()
        .map(b -> OptionalInt.of(Period.between(b, reviewPeriod.end()).getYears()))
        .orElse(OptionalInt.empty());
  }

  /** The patient's id, the sort key of every per-patient output. */
  public String patientId() {
    return patient.patientId();
  }

  /** The same figures for another patient record (e.g. a changed programme start in tests). */
  public PatientMetrics withPatient(Patient p) {
    return new PatientMetrics(p, reviewPeriod, adherence, recovery, goals, signals);
  }

  /** These figures with other adherence figures. */
  public PatientMetrics withAdherence(AdherenceFigures a) {
    return new PatientMetrics(patient, reviewPeriod, a, recovery, goals, signals);
  }
}
