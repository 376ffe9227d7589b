package org.recoveryreview.model;

import java.util.OptionalDouble;

/**
 * For one Brunnstrom stage (2–6) of one scale: how many patients were first seen below it ({@code
 * firstSeenBelow}), how many of them have since been recorded at it or above ({@code patients}),
 * and the median days from onset at which they first were; {@code medianDays} is empty when none
 * has.
 */
public record StageOnset(
    BrunnstromScale scale,
    int stage,
    OptionalDouble medianDays,
    long patients,
    long firstSeenBelow) {

  /** Bars resting on fewer patients than this are hidden: one or two patients are anecdotes. */
  public static final int MIN_PATIENTS = 3;

  /** True when enough patients reached the stage for the median to be shown. */
  public boolean shown() {
    return medianDays.isPresent() && patients >= MIN_PATIENTS;
  }
}
