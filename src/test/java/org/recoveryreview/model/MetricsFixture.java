package org.recoveryreview.model;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Builds {@link PatientMetrics} from positional values for a patient whose scales' dates are not
 * known: the short form the test fixtures write by hand (the job itself builds the parts).
 */
public final class MetricsFixture {
  private MetricsFixture() {}

  /** The metrics of these values; a scale's measured dates are unknown, the minutes none. */
  public static PatientMetrics metrics(
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
    return new PatientMetrics(
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
}
