package org.recoveryreview.model;

import java.util.List;

/**
 * The programme-wide figures for administrators: the period's headline (its period, patients in
 * review, summed adherence and patients per band, flag and tier), roll-ups for the period and the
 * 12 months ending with it, transition matrices, stage onset medians and the follow-up list
 * (ranked: tier, then more flags, then lower overall rate, then patient id). {@code overallRates}
 * are the patients' overall rates that have one (for the histogram); {@code dataQuality} is one
 * entry per input file in reading order; {@code goalGroups} is goal attainment for the programme,
 * then each clinic (empty without goals); {@code headline} is the period's headline figures with
 * each clinic's period counts, and {@code previousMonth} is the same for the month before the
 * period, computed the same way; {@code trendWindow} the 12 months the trend shows; {@code
 * completeness} what the period's figures rest on.
 */
public record ProgramReview(
    List<RollupRow> rollups,
    TransitionMatrix armTransitions,
    TransitionMatrix handTransitions,
    List<StageOnset> stageOnsets,
    List<FollowUp> followUps,
    List<Double> overallRates,
    List<FileQuality> dataQuality,
    List<GoalGroup> goalGroups,
    ProgramHeadline headline,
    ProgramHeadline previousMonth,
    MonthWindow trendWindow,
    DataCompleteness completeness) {

  public ProgramReview {
    rollups = List.copyOf(rollups);
    stageOnsets = List.copyOf(stageOnsets);
    followUps = List.copyOf(followUps);
    overallRates = List.copyOf(overallRates);
    dataQuality = List.copyOf(dataQuality);
    goalGroups = List.copyOf(goalGroups);
  }

  /** This view with {@code goalGroups} instead of the current ones. */
  public ProgramReview withGoalGroups(List<GoalGroup> goalGroups) {
    return new ProgramReview(
        rollups,
        armTransitions,
        handTransitions,
        stageOnsets,
        followUps,
        overallRates,
        dataQuality,
        goalGroups,
        headline,
        previousMonth,
        trendWindow,
        completeness);
  }
}
