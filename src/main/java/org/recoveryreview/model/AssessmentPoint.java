package org.recoveryreview.model;

import java.time.LocalDate;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * One assessment as the charts need it: Brunnstrom stages and each Fugl-Meyer part as a percentage
 * (0–100) of its maximum, with the raw assessment for tables.
 */
public record AssessmentPoint(
    Assessment assessment,
    OptionalDouble fmaAPercent,
    OptionalDouble fmaBPercent,
    OptionalDouble fmaCPercent,
    OptionalDouble fmaDPercent,
    OptionalInt fmaTotal) {

  public AssessmentPoint {
    Objects.requireNonNull(assessment, "assessment");
    Objects.requireNonNull(fmaAPercent, "fmaAPercent");
    Objects.requireNonNull(fmaBPercent, "fmaBPercent");
    Objects.requireNonNull(fmaCPercent, "fmaCPercent");
    Objects.requireNonNull(fmaDPercent, "fmaDPercent");
    Objects.requireNonNull(fmaTotal, "fmaTotal");
  }

  /** The assessment's date. */
  public LocalDate date() {
    return assessment.date();
  }
}
