package org.recoveryreview.model;

import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
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

  public PatientMetrics {
    Objects.requireNonNull(patient, "patient");
    Objects.requireNonNull(reviewPeriod, "reviewPeriod");
    Objects.requireNonNull(adherence, "adherence");
    Objects.requireNonNull(recovery, "recovery");
    Objects.requireNonNull(goals, "goals");
    Objects.requireNonNull(signals, "signals");
  }

  /**
   * The figures of a patient whose scales' dates are not known, from positional values: the short
   * form the test fixtures build by hand.
   */
  public PatientMetrics(
      Patient patient,
      ReviewPeriod reviewPeriod,
      Adherence period,
      Adherence previousMonth,
      AdherenceBand band,
      AdherenceBand previousBand,
      OptionalInt brunnstromArm,
      OptionalInt brunnstromArmChange,
      OptionalInt brunnstromHand,
      OptionalInt brunnstromHandChange,
      OptionalInt fmaTotal,
      OptionalInt fmaChange,
      int mcid,
      Phase phase,
      long daysSinceOnset,
      int stageTransitions,
      List<FlagFinding> findings,
      Optional<LocalDate> lastAssessment,
      Optional<FmaWindow> plateauWindow,
      OptionalInt arat,
      OptionalInt aratChange,
      int aratMcid,
      Optional<ChangeLabel> fmaChangeLabel,
      Optional<FollowUpTier> followUpTier,
      FmaCourse fmaCourse,
      long clinicCancelledSessions,
      long imputedMinutesSessions,
      PatientGoals goals) {
    this(
        patient,
        reviewPeriod,
        new AdherenceFigures(
            period,
            previousMonth,
            band,
            previousBand,
            clinicCancelledSessions,
            imputedMinutesSessions,
            0,
            0),
        new RecoveryFigures(
            phase,
            daysSinceOnset,
            new RecoveryFigures.Stages(
                brunnstromArm,
                brunnstromArmChange,
                brunnstromHand,
                brunnstromHandChange,
                stageTransitions),
            new RecoveryFigures.Fma(
                fmaTotal, fmaChange, mcid, fmaChangeLabel, fmaCourse, plateauWindow),
            new RecoveryFigures.Arat(arat, aratChange, aratMcid, Optional.empty()),
            lastAssessment,
            LastMeasured.none()),
        goals,
        new PatientSignals(findings, followUpTier));
  }

  /** These figures with {@code goals} instead of the current ones. */
  public PatientMetrics withGoals(PatientGoals goals) {
    return new PatientMetrics(patient, reviewPeriod, adherence, recovery, goals, signals);
  }

  /**
   * The bullets of the review's flag box and the follow-up entry, in the order {@link
   * FlagFinding#bullets} gives.
   */
  public List<FlagFinding> bullets() {
    return FlagFinding.bullets(findings());
  }

  /** Actual minutes of the period that were recorded, not assumed from the plan. */
  public long recordedMinutes() {
    return period().actualMinutes() - imputedMinutes();
  }

  /** The raised flags, sorted by code. */
  public List<Flag> flags() {
    return findings().stream().map(FlagFinding::flag).toList();
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

  // Accessors by the names the report and the CSVs read; each is one component of the parts.

  public Adherence period() {
    return adherence.period();
  }

  public Adherence previousMonth() {
    return adherence.previousMonth();
  }

  public AdherenceBand band() {
    return adherence.band();
  }

  public AdherenceBand previousBand() {
    return adherence.previousBand();
  }

  public long clinicCancelledSessions() {
    return adherence.clinicCancelledSessions();
  }

  public long imputedMinutesSessions() {
    return adherence.imputedMinutesSessions();
  }

  public long imputedMinutes() {
    return adherence.imputedMinutes();
  }

  public long previousImputedMinutes() {
    return adherence.previousImputedMinutes();
  }

  public Phase phase() {
    return recovery.phase();
  }

  public long daysSinceOnset() {
    return recovery.daysSinceOnset();
  }

  public OptionalInt brunnstromArm() {
    return recovery.stages().arm();
  }

  public OptionalInt brunnstromArmChange() {
    return recovery.stages().armChange();
  }

  public OptionalInt brunnstromHand() {
    return recovery.stages().hand();
  }

  public OptionalInt brunnstromHandChange() {
    return recovery.stages().handChange();
  }

  public int stageTransitions() {
    return recovery.stages().transitions();
  }

  public OptionalInt fmaTotal() {
    return recovery.fma().total();
  }

  public OptionalInt fmaChange() {
    return recovery.fma().change();
  }

  public int mcid() {
    return recovery.fma().mcid();
  }

  public Optional<ChangeLabel> fmaChangeLabel() {
    return recovery.fma().changeLabel();
  }

  public FmaCourse fmaCourse() {
    return recovery.fma().course();
  }

  public Optional<FmaWindow> plateauWindow() {
    return recovery.fma().plateauWindow();
  }

  public OptionalInt arat() {
    return recovery.arat().score();
  }

  public OptionalInt aratChange() {
    return recovery.arat().change();
  }

  public int aratMcid() {
    return recovery.arat().mcid();
  }

  public Optional<ChangeLabel> aratChangeLabel() {
    return recovery.arat().changeLabel();
  }

  public Optional<LocalDate> lastAssessment() {
    return recovery.lastAssessment();
  }

  public LastMeasured lastMeasured() {
    return recovery.lastMeasured();
  }

  public List<FlagFinding> findings() {
    return signals.findings();
  }

  public Optional<FollowUpTier> followUpTier() {
    return signals.followUpTier();
  }
}
