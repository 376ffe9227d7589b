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
 * @param flags sorted by code
 * @param lastAssessment date of the latest assessment on or before the period's end
 * @param plateauWindow complete Fugl-Meyer totals in the plateau window, when at least two exist
 * @param goals the patient's goals and their Goal Attainment Scaling summary at the period's end
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
    List<Flag> flags,
    Optional<LocalDate> lastAssessment,
    Optional<FmaWindow> plateauWindow,
    PatientGoals goals) {

  /** Figures without goals (the goals are attached after the adherence and recovery pass). */
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
      List<Flag> flags,
      Optional<LocalDate> lastAssessment,
      Optional<FmaWindow> plateauWindow) {
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
        flags,
        lastAssessment,
        plateauWindow,
        PatientGoals.none());
  }

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
    flags = flags.stream().sorted((a, b) -> a.code().compareTo(b.code())).toList();
    Objects.requireNonNull(lastAssessment, "lastAssessment");
    Objects.requireNonNull(plateauWindow, "plateauWindow");
    Objects.requireNonNull(goals, "goals");
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
        flags,
        lastAssessment,
        plateauWindow,
        goals);
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
}
