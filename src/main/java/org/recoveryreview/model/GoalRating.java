package org.recoveryreview.model;

import java.time.LocalDate;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One row of a goals export: one goal of one patient as rated at one review, on the Goal Attainment
 * Scaling levels -2..+2.
 *
 * @param domain the activity area in lower_snake_case after aliases ("dressing"); empty when blank
 * @param baseline the GAS level at the time the goal was set (-1 when the export leaves it blank)
 * @param attainment the GAS level reached at this review; empty when not yet reviewed
 * @param importance 0-3, when given
 * @param difficulty 0-3, when given
 */
public record GoalRating(
    String patientId,
    String goalId,
    LocalDate setOn,
    LocalDate reviewDate,
    Optional<String> domain,
    String description,
    int baseline,
    OptionalInt attainment,
    OptionalInt importance,
    OptionalInt difficulty,
    Optional<LocalDate> targetDate) {

  /** The lowest and highest GAS levels. */
  public static final int MIN_LEVEL = -2;

  public static final int MAX_LEVEL = 2;

  /** The baseline when the export gives none (the GAS convention). */
  public static final int DEFAULT_BASELINE = -1;

  /** The highest importance or difficulty rating. */
  public static final int MAX_WEIGHT_RATING = 3;
}
