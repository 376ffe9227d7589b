package org.recoveryreview.model;

/**
 * Thresholds and windows of the adherence and recovery figures; see docs/metrics.md for what each
 * one means.
 */
public record AnalysisSettings(
    double adherenceTarget,
    double partialThreshold,
    int mcidSubacute,
    int mcidChronic,
    int subacuteDays,
    int plateauDays,
    int overdueDays) {

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
    if (plateauDays <= 0 || overdueDays <= 0) {
      throw new IllegalArgumentException("plateau and overdue windows must be positive");
    }
  }

  /**
   * Defaults: target 0.80, partial 0.50, MCID 9 within 180 days of onset and 5 after, 90/42 days.
   */
  public static AnalysisSettings defaults() {
    return new AnalysisSettings(0.80, 0.50, 9, 5, 180, 90, 42);
  }

  /**
   * Classifies an overall rate; an empty rate (no denominator) is {@link AdherenceBand#NO_DATA}.
   */
  public AdherenceBand band(java.util.OptionalDouble overallRate) {
    if (overallRate.isEmpty()) {
      return AdherenceBand.NO_DATA;
    }
    double r = overallRate.getAsDouble();
    if (r >= adherenceTarget) {
      return AdherenceBand.ADHERENT;
    }
    return r >= partialThreshold ? AdherenceBand.PARTIAL : AdherenceBand.LOW;
  }
}
