package org.recoveryreview.model;

import java.util.OptionalDouble;

/**
 * Thresholds and windows of the adherence, recovery and flag figures; see docs/metrics.md for what
 * each one means.
 */
public record AnalysisSettings(
    double adherenceTarget,
    double partialThreshold,
    int mcidSubacute,
    int mcidChronic,
    int subacuteDays,
    int plateauDays,
    FlagSettings flags) {

  public AnalysisSettings {
    if (!(partialThreshold >= 0 && partialThreshold <= adherenceTarget && adherenceTarget <= 1)) {
      throw new IllegalArgumentException(
          "need 0 <= partial threshold <= adherence target <= 1, got "
              + partialThreshold
              + " and "
              + adherenceTarget);
    }
    if (mcidSubacute <= 0 || mcidChronic <= 0 || subacuteDays <= 0) {
      throw new IllegalArgumentException("MCID values and the subacute window must be positive");
    }
    if (plateauDays <= 0) {
      throw new IllegalArgumentException("the plateau window must be positive");
    }
    if (flags.earlySubacuteDays() > subacuteDays) {
      throw new IllegalArgumentException(
          "the early subacute phase cannot end after the subacute phase");
    }
  }

  /**
   * Defaults: target 0.80, partial 0.50, MCID 9 within 180 days of onset and 5 after, a 90-day
   * plateau window, and the flag defaults of {@link FlagSettings#defaults()}.
   */
  public static AnalysisSettings defaults() {
    return new AnalysisSettings(0.80, 0.50, 9, 5, 180, 90, FlagSettings.defaults());
  }

  /**
   * Classifies an overall rate; an empty rate (no denominator) is {@link AdherenceBand#NO_DATA}.
   */
  public AdherenceBand band(OptionalDouble overallRate) {
    if (overallRate.isEmpty()) {
      return AdherenceBand.NO_DATA;
    }
    double r = overallRate.getAsDouble();
    if (r >= adherenceTarget) {
      return AdherenceBand.ADHERENT;
    }
    return r >= partialThreshold ? AdherenceBand.PARTIAL : AdherenceBand.LOW;
  }

  /** The phase at {@code daysSinceOnset}; each boundary day belongs to the earlier phase. */
  public Phase phase(long daysSinceOnset) {
    if (daysSinceOnset <= flags.earlySubacuteDays()) {
      return Phase.EARLY_SUBACUTE;
    }
    return daysSinceOnset <= subacuteDays ? Phase.LATE_SUBACUTE : Phase.CHRONIC;
  }

  /** The FMA-UE MCID in force in a phase. */
  public int fmaMcid(Phase phase) {
    return phase.isSubacute() ? mcidSubacute : mcidChronic;
  }

  /** The ARAT MCID in force in a phase. */
  public int aratMcid(Phase phase) {
    return phase.isSubacute() ? flags.aratMcidSubacute() : flags.aratMcidChronic();
  }

  /** How many days may pass without an assessment in a phase before it is overdue. */
  public int overdueDays(Phase phase) {
    return switch (phase) {
      case EARLY_SUBACUTE -> flags.overdueEarlyDays();
      case LATE_SUBACUTE -> flags.overdueLateDays();
      case CHRONIC -> flags.overdueChronicDays();
    };
  }
}
