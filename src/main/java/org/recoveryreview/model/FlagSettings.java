package org.recoveryreview.model;

/**
 * Thresholds of the phase, change-label and flag rules; see docs/metrics.md for each definition and
 * its source, docs/configuration.md for the keys.
 *
 * @param earlySubacuteDays days since onset up to which a patient is early subacute [90]
 * @param fmaMdc minimal detectable change of the FMA-UE total [3.2]
 * @param aratMcidSubacute ARAT MCID while subacute [12]
 * @param aratMcidChronic ARAT MCID when chronic [6]
 * @param aratMdc ARAT change below it is within measurement error [3.85: the widest interrater
 *     limit of agreement, van der Lee 2001]
 * @param plateauMinSpanDays days the first and last FMA of the plateau window must lie apart [56]
 * @param plateauCeiling a latest FMA total at or above it is never a plateau [60]
 * @param overdueEarlyDays assessment interval in the early subacute phase [28]
 * @param overdueLateDays assessment interval in the late subacute phase [42]
 * @param overdueChronicDays assessment interval in the chronic phase [90]
 * @param dropOffDays the drop-off window at the end of the period [14]
 * @param dropOffMinDue counted sessions the window must hold for a drop-off [3]
 * @param homeLowMinSessions counted home sessions needed before home_programme_low can fire [4]
 * @param homeLowRate home completion below it is home_programme_low [0.50]
 * @param dataQuery the consistency checks behind data_query
 */
public record FlagSettings(
    int earlySubacuteDays,
    double fmaMdc,
    int aratMcidSubacute,
    int aratMcidChronic,
    double aratMdc,
    int plateauMinSpanDays,
    int plateauCeiling,
    int overdueEarlyDays,
    int overdueLateDays,
    int overdueChronicDays,
    int dropOffDays,
    int dropOffMinDue,
    int homeLowMinSessions,
    double homeLowRate,
    DataQuerySettings dataQuery) {

  public FlagSettings {
    if (earlySubacuteDays <= 0
        || aratMcidSubacute <= 0
        || aratMcidChronic <= 0
        || plateauMinSpanDays < 0
        || plateauCeiling <= 0
        || overdueEarlyDays <= 0
        || overdueLateDays <= 0
        || overdueChronicDays <= 0
        || dropOffDays <= 0
        || dropOffMinDue <= 0
        || homeLowMinSessions <= 0) {
      throw new IllegalArgumentException("flag windows, counts and MCIDs must be positive");
    }
    if (!(fmaMdc > 0) || !(aratMdc > 0) || !(homeLowRate >= 0 && homeLowRate <= 1)) {
      throw new IllegalArgumentException(
          "need fma_mdc > 0, arat_mdc > 0 and 0 <= home_low_rate <= 1");
    }
  }

  /** The defaults, each with its source in docs/metrics.md. */
  public static FlagSettings defaults() {
    return new FlagSettings(
        90, 3.2, 12, 6, 3.85, 56, 60, 28, 42, 90, 14, 3, 4, 0.50, DataQuerySettings.defaults());
  }

  /**
   * Thresholds of the consistency checks: a stage jump of {@code stageJump} or more between
   * consecutive records; at stage ≤ {@code lowStage} a part score at or above the "low" limit, at
   * stage ≥ {@code highStage} a part score at or below the "high" limit.
   */
  public record DataQuerySettings(
      int stageJump,
      int lowStage,
      int highStage,
      int fmaAAtLowStage,
      int fmaAAtHighStage,
      int fmaCAtLowStage,
      int fmaCAtHighStage) {

    public DataQuerySettings {
      if (stageJump < 1
          || lowStage < BrunnstromScale.FIRST_STAGE
          || highStage > BrunnstromScale.LAST_STAGE
          || lowStage >= highStage) {
        throw new IllegalArgumentException(
            "need stage_jump >= 1 and 1 <= low_stage < high_stage <= 6");
      }
    }

    /** Jump 2; arm ≤ II with A ≥ 18 or ≥ V with A ≤ 12; hand ≤ II with C ≥ 7 or ≥ V with C ≤ 4. */
    public static DataQuerySettings defaults() {
      return new DataQuerySettings(2, 2, 5, 18, 12, 7, 4);
    }
  }
}
