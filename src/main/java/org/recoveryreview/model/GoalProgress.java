package org.recoveryreview.model;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One goal of a patient as known at the period's end: what it is, its reviews up to the end in date
 * order, and the attainment of the latest of them (empty when that review has no rating, so the
 * goal is not scored).
 *
 * @param weight the GAS weight used for the patient's T-score (importance x difficulty, or 1)
 * @param importance the importance rating (0-3) of the latest review, when given
 * @param difficulty the difficulty rating (0-3) of the latest review, when given
 */
public record GoalProgress(
    String goalId,
    Optional<String> domain,
    String description,
    LocalDate setOn,
    Optional<LocalDate> targetDate,
    int baseline,
    List<Review> reviews,
    OptionalInt latest,
    double weight,
    OptionalInt importance,
    OptionalInt difficulty) {

  /** One review of the goal: its date and the GAS level given (empty when not rated). */
  public record Review(LocalDate date, OptionalInt attainment) {
    public Review {}
  }

  public GoalProgress {
    reviews = List.copyOf(reviews);
  }

  /** True when the latest review up to the period's end has a rating. */
  public boolean scored() {
    return latest.isPresent();
  }

  /** True when scored at the expected outcome (0) or better. */
  public boolean achieved() {
    return latest.isPresent() && latest.getAsInt() >= 0;
  }
}
