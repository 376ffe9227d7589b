package org.recoveryreview.model;

import java.time.LocalDate;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * One assessment as the charts and the history table need it: Brunnstrom stages, each Fugl-Meyer
 * part as a percentage (0–100) of its maximum, the days since onset and, for a complete Fugl-Meyer,
 * its change against the previous complete one with its label; with the raw assessment.
 *
 * @param fmaChange this total minus the previous complete total; empty unless both exist
 * @param fmaChangeLabel {@link ChangeLabel} of {@code fmaChange} (MDC and the MCID of the phase on
 *     the assessment's date); present exactly when {@code fmaChange} is
 */
public record AssessmentPoint(
    Assessment assessment,
    OptionalDouble fmaAPercent,
    OptionalDouble fmaBPercent,
    OptionalDouble fmaCPercent,
    OptionalDouble fmaDPercent,
    OptionalInt fmaTotal,
    long daysSinceOnset,
    OptionalInt fmaChange,
    Optional<ChangeLabel> fmaChangeLabel) {

  public AssessmentPoint {
    if (fmaChange.isPresent() != fmaChangeLabel.isPresent()) {
      throw new IllegalArgumentException("a Fugl-Meyer change comes with its label");
    }
  }

  /** The assessment's date. */
  public LocalDate date() {
    return assessment.date();
  }

  /** An ARAT subtest as a percentage (0–100) of its maximum; empty when not recorded. */
  public OptionalDouble aratPercent(AratPart part) {
    OptionalInt v = assessment.aratParts().get(part);
    return v.isPresent()
        ? OptionalDouble.of(100.0 * v.getAsInt() / part.max())
        : OptionalDouble.empty();
  }
}
