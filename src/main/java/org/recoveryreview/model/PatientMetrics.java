package org.recoveryreview.model;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The figures of one patient for the review period (one row of patient-metrics.csv) plus the
 * previous month's adherence and the evidence behind each flag.
 *
 * @param period adherence counts inside the period
 * @param previousMonth adherence counts of the month before the period
 * @param band band of {@code period.overallRate()}
 * @param previousBand band of {@code previousMonth.overallRate()}
 * @param stageTransitions transitions of either scale dated inside the period
 * @param findings the raised flags with their evidence, sorted by flag code
 * @param lastAssessment date of the latest assessment on or before the period's end
 * @param plateauWindow complete Fugl-Meyer totals in the plateau window, when at least two exist
 * @param arat latest ARAT on or before the period's end
 * @param aratChange that minus the latest ARAT before the period's start
 * @param aratMcid the ARAT MCID in force in {@code phase}
 * @param fmaChangeLabel how {@code fmaChange} compares with the MDC and MCID; empty without it
 * @param followUpTier the most urgent tier of the flags; empty without one or when discharged
 * @param fmaCourse complete Fugl-Meyer assessments so far and the change since the first
 * @param clinicCancelledSessions sessions in the period cancelled by the clinic
 * @param imputedMinutesSessions counted completed sessions in the period whose actual minutes were
 *     blank and taken as planned
 * @param goals the patient's goals and their Goal Attainment Scaling summary at the period's end
 * @param lastMeasured when each scale was last measured; a change is empty when it lies before the
 *     period
 * @param aratChangeLabel how {@code aratChange} compares with the ARAT measurement error and MCID;
 *     {@link ChangeLabel#NOT_REASSESSED} when ARAT was measured before the period but not in it
 * @param imputedMinutes the planned minutes of those {@code imputedMinutesSessions}: the part of
 *     {@code period.actualMinutes()} assumed from the plan rather than recorded
 * @param previousImputedMinutes the same for the month before the period ({@code previousMonth})
 */
public record PatientMetrics(
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
    PatientGoals goals,
    LastMeasured lastMeasured,
    Optional<ChangeLabel> aratChangeLabel,
    long imputedMinutes,
    long previousImputedMinutes) {

  public PatientMetrics {
    Objects.requireNonNull(patient, "patient");
    Objects.requireNonNull(reviewPeriod, "reviewPeriod");
    Objects.requireNonNull(period, "period");
    Objects.requireNonNull(previousMonth, "previousMonth");
    Objects.requireNonNull(band, "band");
    Objects.requireNonNull(previousBand, "previousBand");
    Objects.requireNonNull(brunnstromArm, "brunnstromArm");
    Objects.requireNonNull(brunnstromArmChange, "brunnstromArmChange");
    Objects.requireNonNull(brunnstromHand, "brunnstromHand");
    Objects.requireNonNull(brunnstromHandChange, "brunnstromHandChange");
    Objects.requireNonNull(fmaTotal, "fmaTotal");
    Objects.requireNonNull(fmaChange, "fmaChange");
    Objects.requireNonNull(phase, "phase");
    findings =
        findings.stream().sorted((a, b) -> a.flag().code().compareTo(b.flag().code())).toList();
    Objects.requireNonNull(lastAssessment, "lastAssessment");
    Objects.requireNonNull(plateauWindow, "plateauWindow");
    Objects.requireNonNull(arat, "arat");
    Objects.requireNonNull(aratChange, "aratChange");
    Objects.requireNonNull(fmaChangeLabel, "fmaChangeLabel");
    Objects.requireNonNull(followUpTier, "followUpTier");
    Objects.requireNonNull(fmaCourse, "fmaCourse");
    Objects.requireNonNull(goals, "goals");
    Objects.requireNonNull(lastMeasured, "lastMeasured");
    Objects.requireNonNull(aratChangeLabel, "aratChangeLabel");
  }

  /** The figures of a patient whose scales' dates are not known (tests and older callers). */
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
        period,
        previousMonth,
        band,
        previousBand,
        brunnstromArm,
        brunnstromArmChange,
        brunnstromHand,
        brunnstromHandChange,
        fmaTotal,
        fmaChange,
        mcid,
        phase,
        daysSinceOnset,
        stageTransitions,
        findings,
        lastAssessment,
        plateauWindow,
        arat,
        aratChange,
        aratMcid,
        fmaChangeLabel,
        followUpTier,
        fmaCourse,
        clinicCancelledSessions,
        imputedMinutesSessions,
        goals,
        LastMeasured.none(),
        Optional.empty(),
        0,
        0);
  }

  /** These figures with {@code goals} instead of the current ones. */
  public PatientMetrics withGoals(PatientGoals goals) {
    return new PatientMetrics(
        patient,
        reviewPeriod,
        period,
        previousMonth,
        band,
        previousBand,
        brunnstromArm,
        brunnstromArmChange,
        brunnstromHand,
        brunnstromHandChange,
        fmaTotal,
        fmaChange,
        mcid,
        phase,
        daysSinceOnset,
        stageTransitions,
        findings,
        lastAssessment,
        plateauWindow,
        arat,
        aratChange,
        aratMcid,
        fmaChangeLabel,
        followUpTier,
        fmaCourse,
        clinicCancelledSessions,
        imputedMinutesSessions,
        goals,
        lastMeasured,
        aratChangeLabel,
        imputedMinutes,
        previousImputedMinutes);
  }

  /**
   * The bullets of the review's flag box and the follow-up entry, in the order {@link
   * FlagFinding#bullets} gives.
   */
  public List<FlagFinding> bullets() {
    return FlagFinding.bullets(findings);
  }

  /** Actual minutes of the period that were recorded, not assumed from the plan. */
  public long recordedMinutes() {
    return period.actualMinutes() - imputedMinutes;
  }

  /** The raised flags, sorted by code. */
  public List<Flag> flags() {
    return findings.stream().map(FlagFinding::flag).toList();
  }

  /** True when the patient's discharge date is on or before the period's last day. */
  public boolean discharged() {
    return patient.dischargedBy(reviewPeriod.end());
  }

  /** Age in whole years on the period's last day; empty without a birth date. */
  public OptionalInt ageAtPeriodEnd() {
    return patient
        .birthDate()
        .map(b -> OptionalInt.of(java.time.Period.between(b, reviewPeriod.end()).getYears()))
        .orElse(OptionalInt.empty());
  }

  /** The patient's id, the sort key of every per-patient output. */
  public String patientId() {
    return patient.patientId();
  }

  /** The same figures for another patient record (e.g. a changed programme start in tests). */
  public PatientMetrics withPatient(Patient p) {
    return new PatientMetrics(
        p,
        reviewPeriod,
        period,
        previousMonth,
        band,
        previousBand,
        brunnstromArm,
        brunnstromArmChange,
        brunnstromHand,
        brunnstromHandChange,
        fmaTotal,
        fmaChange,
        mcid,
        phase,
        daysSinceOnset,
        stageTransitions,
        findings,
        lastAssessment,
        plateauWindow,
        arat,
        aratChange,
        aratMcid,
        fmaChangeLabel,
        followUpTier,
        fmaCourse,
        clinicCancelledSessions,
        imputedMinutesSessions,
        goals,
        lastMeasured,
        aratChangeLabel,
        imputedMinutes,
        previousImputedMinutes);
  }
}
