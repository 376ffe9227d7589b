package org.recoveryreview.model;

import java.util.List;

/**
 * The exact partial results the programme figures are computed from, for one set of patients: the
 * metrics of the patients in review (with their goals) and of those in review the month before, in
 * patient_id order; the roll-up cells (clinic × therapist × month from {@code people}, therapy ×
 * setting × month from {@code care}); the period's transition counts; the onset facts; the period's
 * assessments and those missing a Fugl-Meyer part or ARAT; and whether any goal review was used. A
 * single run computes its programme view from its own parts; a merge from the sum of its shards'
 * parts, through the same code.
 */
public record ProgramParts(
    List<PatientMetrics> inReview,
    List<PatientMetrics> previousMonth,
    List<FactCell> people,
    List<FactCell> care,
    TransitionMatrix armTransitions,
    TransitionMatrix handTransitions,
    List<OnsetFact> onsets,
    long periodAssessments,
    long missingFmaPart,
    long missingArat,
    boolean goalsRated) {

  public ProgramParts {
    inReview = List.copyOf(inReview);
    previousMonth = List.copyOf(previousMonth);
    people = List.copyOf(people);
    care = List.copyOf(care);
    onsets = List.copyOf(onsets);
  }

  /** These parts, saying whether any goal review was used. */
  public ProgramParts withGoalsRated(boolean rated) {
    return new ProgramParts(
        inReview,
        previousMonth,
        people,
        care,
        armTransitions,
        handTransitions,
        onsets,
        periodAssessments,
        missingFmaPart,
        missingArat,
        rated);
  }

  /** The parts of no patient (a shard whose hash range holds none). */
  public static ProgramParts none() {
    return new ProgramParts(
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        new TransitionMatrix(BrunnstromScale.ARM, new int[6][6]),
        new TransitionMatrix(BrunnstromScale.HAND, new int[6][6]),
        List.of(),
        0,
        0,
        0,
        false);
  }
}
