package org.recoveryreview.model;

import java.util.OptionalDouble;

/**
 * Goal attainment of one group of patients in review (the programme or one clinic) for the period:
 * patients with a GAS T-score, their mean T-score, and the goals scored and achieved among them.
 */
public record GoalGroup(
    RollupRow.Dimension dimension,
    String group,
    int patientsWithGoals,
    OptionalDouble meanGasT,
    int goalsScored,
    int goalsAchieved) {

  /** Goals achieved / goals scored; empty when no goal was scored. */
  public OptionalDouble achievedShare() {
    return Ratio.of(goalsAchieved, goalsScored);
  }
}
