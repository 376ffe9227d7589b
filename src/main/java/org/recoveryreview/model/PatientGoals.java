package org.recoveryreview.model;

import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * A patient's goals at the period's end (sorted by set_on, then goal_id) with the Goal Attainment
 * Scaling summary: goals scored, of those achieved (latest level 0 or better), and the T-score over
 * the scored goals (empty when none is scored).
 */
public record PatientGoals(
    List<GoalProgress> goals, int scored, int achieved, OptionalDouble gasT) {

  private static final PatientGoals NONE =
      new PatientGoals(List.of(), 0, 0, OptionalDouble.empty());

  public PatientGoals {
    goals = List.copyOf(goals);
    Objects.requireNonNull(gasT, "gasT");
  }

  /** A patient without goals. */
  public static PatientGoals none() {
    return NONE;
  }

  /** True when the patient has no goal set on or before the period's end. */
  public boolean isEmpty() {
    return goals.isEmpty();
  }
}
