package org.recoveryreview.analysis;

import java.util.List;
import org.recoveryreview.model.Adherence;
import org.recoveryreview.model.BrunnstromScale;
import org.recoveryreview.model.DataIssue;
import org.recoveryreview.model.Flag;
import org.recoveryreview.model.InputFile;
import org.recoveryreview.model.PatientMetrics;
import org.recoveryreview.model.PatientReview;
import org.recoveryreview.model.ProgramParts;
import org.recoveryreview.model.ProgramReview;
import org.recoveryreview.model.ReviewPeriod;
import tech.tablesaw.api.Table;

/**
 * The programme side of the analysis: the partial results a run (or each shard) keeps of its
 * patients, and the programme view built from them (headline, roll-ups, transitions, follow-ups,
 * completeness), so a merge builds it the same way from summed parts.
 */
final class ProgramView {
  private ProgramView() {}

  /** The programme view's partial results of the analysed patients. */
  static ProgramParts parts(
      List<PatientReview> reviews,
      List<PatientMetrics> previousMonth,
      Table patientMonth,
      Table patientMonthTherapy,
      Table stages,
      Table transitions,
      ReviewPeriod period) {
    // A transition dated in the period comes from an assessment in the period, so its patient is
    // in review: the matrices need no patient filter.
    Table inPeriod =
        transitions.where(
            transitions
                .dateColumn(AssessmentFacts.DATE)
                .isBetweenIncluding(period.start(), period.end()));
    long[] tally = Completeness.tally(Completeness.periodAssessments(reviews));
    return new ProgramParts(
        reviews.stream().map(PatientReview::metrics).toList(),
        previousMonth,
        Aggregates.peopleCells(patientMonth),
        Aggregates.careCells(patientMonthTherapy),
        ProgramFigures.matrix(BrunnstromScale.ARM, inPeriod),
        ProgramFigures.matrix(BrunnstromScale.HAND, inPeriod),
        AssessmentFacts.onsetFacts(stages),
        tally[0],
        tally[1],
        tally[2],
        false);
  }

  /** The programme view from its partial results, with the run's row accounting. */
  static ProgramReview of(
      ReviewPeriod period, ProgramParts parts, List<InputFile> inputFiles, List<DataIssue> issues) {
    List<PatientMetrics> metrics = parts.inReview();
    Table patients = ProgramFigures.patients(metrics);
    Adherence overall = ProgramFigures.overall(patients);
    ProgramReview program =
        new ProgramReview(
            ProgramFigures.withPeriodCounts(
                Aggregates.rollups(parts.people(), parts.care(), period.month()), period, patients),
            parts.armTransitions(),
            parts.handTransitions(),
            AssessmentFacts.onsets(parts.onsets()),
            FollowUps.ranked(patients, metrics),
            ProgramFigures.overallRates(patients),
            DataQuality.perFile(inputFiles, issues),
            List.of(),
            ProgramFigures.headline(period, patients),
            ProgramFigures.headline(
                period.previous(), ProgramFigures.patients(parts.previousMonth())),
            Aggregates.trendWindow(period.month()),
            Completeness.of(
                parts.periodAssessments(),
                parts.missingFmaPart(),
                parts.missingArat(),
                overall,
                ProgramFigures.programmeCounts(patients),
                metrics.size(),
                ProgramFigures.flagged(patients, Flag.DATA_QUERY)));
    return parts.goalsRated() ? program.withGoalGroups(GoalAttainment.groups(metrics)) : program;
  }
}
