package org.recoveryreview.model;

import java.util.Objects;
import java.util.OptionalDouble;

/** Median days from onset at which patients were first recorded at a Brunnstrom stage (2–6). */
public record StageOnset(
    BrunnstromScale scale, int stage, OptionalDouble medianDays, long patients) {

  public StageOnset {
    Objects.requireNonNull(scale, "scale");
    Objects.requireNonNull(medianDays, "medianDays");
  }
}
