package org.recoveryreview.model;

import java.util.List;
import java.util.OptionalDouble;

/**
 * A patient's goals at the period's end (sorted by set_on, then goal_id) with the Goal Attainment
 * Scaling summary: goals scored, of those achieved (latest level 0 or better), and the T-score over
 * the scored goals (empty when none is scored).
 *
 * @param weighted true when the T-score weighs each goal by importance x difficulty, false when
 *     every goal weighs 1 (equal weights)
 */
public record PatientGoals(
    List<GoalProgress> goals, int scored, int achieved, OptionalDouble gasT, boolean weighted) {

  private static final PatientGoals NONE =
      new PatientGoals(List.of(), 0, 0, OptionalDouble.empty(), false);

  /** Goals scored with equal weights (every weight 1). */
  public PatientGoals(List<GoalProgress> goals, int scored, int achieved, OptionalDouble gasT) {
    this(goals, scored, achieved, gasT, false);
  }

  public PatientGoals {
    goals = List.copyOf(goals);
  }

  /** A patient without goals. */
  public static PatientGoals none() {
    return NONE;
  }

  /** Scored goals whose weight is positive: the goals the T-score rests on. */
  public int counted() {
    return (int) goals.stream().filter(g -> g.scored() && g.weight() > 0).count();
  }

  /** True when the patient has no goal set on or before the period's end. */
  public boolean isEmpty() {
    return goals.isEmpty();
  }
}
