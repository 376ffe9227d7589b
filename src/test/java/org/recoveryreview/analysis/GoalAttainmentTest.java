package org.recoveryreview.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.recoveryreview.analysis.Fixtures.d;
import static org.recoveryreview.analysis.Fixtures.patient;
import static org.recoveryreview.analysis.Fixtures.s;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.recoveryreview.model.Dataset;
import org.recoveryreview.model.GoalGroup;
import org.recoveryreview.model.GoalRating;
import org.recoveryreview.model.PatientGoals;
import org.recoveryreview.model.ReviewResults;
import org.recoveryreview.model.RollupRow.Dimension;
import org.recoveryreview.model.Setting;
import org.recoveryreview.model.Status;

class GoalAttainmentTest {
  private static final LocalDate END = d("2026-10-31");
  private static final double EPS = 1e-9;

  /** A goal review; {@code level}, {@code importance}, {@code difficulty} null mean blank. */
  private static GoalRating g(
      String patient, String goal, String review, Integer level, Integer importance, Integer diff) {
    return new GoalRating(
        patient,
        goal,
        d("2026-08-01"),
        d(review),
        Optional.of("dressing"),
        "goal " + goal,
        -1,
        level == null ? OptionalInt.empty() : OptionalInt.of(level),
        importance == null ? OptionalInt.empty() : OptionalInt.of(importance),
        diff == null ? OptionalInt.empty() : OptionalInt.of(diff),
        Optional.empty());
  }

  private static GoalRating g(String goal, String review, Integer level) {
    return g("P1", goal, review, level, null, null);
  }

  private static double t(double[] w, int... x) {
    return GoalAttainment.tScore(w, x);
  }

  private static double[] ones(int n) {
    double[] w = new double[n];
    java.util.Arrays.fill(w, 1);
    return w;
  }

  @Test
  void tScore_allGoalsAtExpectedOutcome_is50() {
    for (int n = 1; n <= 6; n++) {
      assertEquals(50.0, t(ones(n), new int[n]), EPS);
    }
    assertEquals(50.0, t(new double[] {6, 2, 9}, 0, 0, 0), EPS);
  }

  @Test
  void tScore_oneGoalPlusOne_is60() {
    // One goal: the denominator is sqrt(0.7 + 0.3) = 1, so each level is 10 T points.
    assertEquals(60.0, t(ones(1), 1), EPS);
    assertEquals(30.0, t(ones(1), -2), EPS);
  }

  @Test
  void tScore_handComputedUnweightedSets_matchFormula() {
    // Two goals at -1: 50 + 10 * -2 / sqrt(0.7 * 2 + 0.3 * 4) = 50 - 20 / sqrt(2.6) = 37.5965.
    assertEquals(37.5965, t(ones(2), -1, -1), 1e-4);
    // Three goals at -1 (everyone at baseline): 50 - 30 / sqrt(2.1 + 2.7) = 36.3069.
    assertEquals(36.3069, t(ones(3), -1, -1, -1), 1e-4);
    // Four goals at +1: 50 + 40 / sqrt(2.8 + 4.8) = 64.5095.
    assertEquals(64.5095, t(ones(4), 1, 1, 1, 1), 1e-4);
    // Mixed (+2, 0, -1): 50 + 10 / sqrt(4.8) = 54.5644.
    assertEquals(54.5644, t(ones(3), 2, 0, -1), 1e-4);
    // Symmetric: +1 and -1 cancel.
    assertEquals(50.0, t(ones(2), 1, -1), EPS);
  }

  @Test
  void tScore_handComputedWeightedSet_matchesFormula() {
    // w = (6, 2), x = (+1, -1): 50 + 10 * 4 / sqrt(0.7 * 40 + 0.3 * 64) = 50 + 40 / sqrt(47.2).
    assertEquals(50 + 40 / Math.sqrt(47.2), t(new double[] {6, 2}, 1, -1), EPS);
    assertEquals(55.8222, t(new double[] {6, 2}, 1, -1), 1e-4);
  }

  @Test
  void tScore_zeroWeightsOrEmpty_isRefused() {
    assertThrows(IllegalArgumentException.class, () -> t(new double[] {0, 0}, 1, 1));
    assertThrows(IllegalArgumentException.class, () -> t(new double[0]));
    assertThrows(IllegalArgumentException.class, () -> t(new double[] {1}, 1, 1));
  }

  @Test
  void forPatient_latestReviewUpToEndCounts_laterReviewsIgnored() {
    PatientGoals p =
        GoalAttainment.forPatient(
            List.of(
                g("G1", "2026-09-01", -1),
                g("G1", "2026-10-20", 1),
                g("G1", "2026-11-05", 2),
                g("G2", "2026-10-01", 0)),
            END);
    assertEquals(2, p.scored());
    assertEquals(2, p.achieved());
    assertEquals(OptionalInt.of(1), p.goals().get(0).latest());
    assertEquals(2, p.goals().get(0).reviews().size());
    // (+1, 0) unweighted: 50 + 10 / sqrt(2.6).
    assertEquals(50 + 10 / Math.sqrt(2.6), p.gasT().getAsDouble(), EPS);
  }

  @Test
  void forPatient_latestReviewUnrated_goalNotScoredEvenWithEarlierRating() {
    PatientGoals p =
        GoalAttainment.forPatient(
            List.of(
                g("G1", "2026-09-01", 1), g("G1", "2026-10-01", null), g("G2", "2026-10-01", -2)),
            END);
    assertEquals(2, p.goals().size());
    assertEquals(1, p.scored());
    assertEquals(0, p.achieved());
    assertEquals(30.0, p.gasT().getAsDouble(), EPS);
  }

  @Test
  void forPatient_noGoalScored_hasNoTScore() {
    PatientGoals p = GoalAttainment.forPatient(List.of(g("G1", "2026-10-01", null)), END);
    assertEquals(0, p.scored());
    assertEquals(OptionalDouble.empty(), p.gasT());
    assertEquals(1, p.goals().size());
  }

  @Test
  void forPatient_goalReviewedOnlyAfterEnd_doesNotExistYet() {
    PatientGoals p = GoalAttainment.forPatient(List.of(g("G1", "2026-11-02", 1)), END);
    assertTrue(p.isEmpty());
  }

  @Test
  void forPatient_importanceAndDifficultyForEveryScoredGoal_weightsByProduct() {
    PatientGoals p =
        GoalAttainment.forPatient(
            List.of(
                g("P1", "G1", "2026-10-01", 1, 3, 2),
                g("P1", "G2", "2026-10-01", -1, 1, 2),
                // Unscored: its missing weights do not switch weighting off.
                g("P1", "G3", "2026-10-01", null, null, null)),
            END);
    assertEquals(50 + 40 / Math.sqrt(47.2), p.gasT().getAsDouble(), EPS);
    assertEquals(6.0, p.goals().get(0).weight(), EPS);
    assertTrue(p.weighted());
    assertEquals(OptionalInt.of(3), p.goals().get(0).importance());
    assertEquals(OptionalInt.of(2), p.goals().get(0).difficulty());
    assertEquals(2, p.counted());
  }

  @Test
  void forPatient_weightZeroGoal_notCountedAndTScoreUnmoved() {
    // Goals at 0 and +2, the +2 goal with difficulty 0: T = 50.0 from 1 of 2 goals (P00013).
    PatientGoals p =
        GoalAttainment.forPatient(
            List.of(g("P1", "G1", "2026-10-01", 0, 3, 1), g("P1", "G2", "2026-10-01", 2, 1, 0)),
            END);
    assertEquals(50.0, p.gasT().getAsDouble(), EPS);
    assertTrue(p.weighted());
    assertEquals(0.0, p.goals().get(1).weight(), EPS);
    assertEquals(1, p.counted());
    assertEquals(2, p.scored());
  }

  @Test
  void forPatient_weightMissingOnOneScoredGoal_allWeightsOne() {
    PatientGoals p =
        GoalAttainment.forPatient(
            List.of(g("P1", "G1", "2026-10-01", 1, 3, 2), g("P1", "G2", "2026-10-01", -1, 1, null)),
            END);
    assertEquals(50.0, p.gasT().getAsDouble(), EPS);
    assertFalse(p.weighted());
    assertEquals(2, p.counted());
  }

  @Test
  void forPatient_everyProductZero_allWeightsOne() {
    PatientGoals p =
        GoalAttainment.forPatient(
            List.of(g("P1", "G1", "2026-10-01", 1, 0, 2), g("P1", "G2", "2026-10-01", 1, 3, 0)),
            END);
    assertEquals(50 + 20 / Math.sqrt(2.6), p.gasT().getAsDouble(), EPS);
  }

  @Test
  void attach_perClinicAndProgramme_meanTAndAchievedShareWithN() {
    Dataset data =
        new Dataset(
            List.of(
                patient("P1", "2026-01-01", "North", "Ann", Optional.empty()),
                patient("P2", "2026-01-01", "North", "Ann", Optional.empty()),
                patient("P3", "2026-01-01", "South", "Bo", Optional.empty()),
                patient("P4", "2026-01-01", "South", "Bo", Optional.empty())),
            List.of(
                s("P1", "2026-10-05", Setting.CLINIC, Status.COMPLETED, 45, null),
                s("P2", "2026-10-05", Setting.CLINIC, Status.COMPLETED, 45, null),
                s("P3", "2026-10-05", Setting.CLINIC, Status.COMPLETED, 45, null),
                s("P4", "2026-10-05", Setting.CLINIC, Status.COMPLETED, 45, null)),
            List.of(),
            List.of(),
            List.of(),
            List.of(
                g("P1", "G1", "2026-10-01", 0, null, null),
                g("P1", "G2", "2026-10-01", 0, null, null),
                g("P2", "G1", "2026-10-01", 1, null, null),
                g("P3", "G1", "2026-10-01", -1, null, null),
                g("P3", "G2", "2026-10-01", -1, null, null),
                // P4's only goal is unrated: not among the patients with a T-score.
                g("P4", "G1", "2026-10-01", null, null, null)));
    ReviewResults r = Fixtures.analyze(data);
    assertEquals(OptionalDouble.of(60.0), Fixtures.review(r, "P2").metrics().goals().gasT());
    List<GoalGroup> groups = r.program().goalGroups();
    assertEquals(3, groups.size());
    GoalGroup all = groups.get(0);
    assertEquals(Dimension.PROGRAM, all.dimension());
    assertEquals(3, all.patientsWithGoals());
    assertEquals((50 + 60 + (50 - 20 / Math.sqrt(2.6))) / 3, all.meanGasT().getAsDouble(), EPS);
    assertEquals(5, all.goalsScored());
    assertEquals(3, all.goalsAchieved());
    assertEquals(0.6, all.achievedShare().getAsDouble(), EPS);
    GoalGroup north = groups.get(1);
    assertEquals("North", north.group());
    assertEquals(2, north.patientsWithGoals());
    assertEquals(55.0, north.meanGasT().getAsDouble(), EPS);
    assertEquals(1.0, north.achievedShare().getAsDouble(), EPS);
    GoalGroup south = groups.get(2);
    assertEquals(1, south.patientsWithGoals());
    assertEquals(0.0, south.achievedShare().getAsDouble(), EPS);
  }

  @Test
  void attach_clinicWithoutTScores_hasZeroPatientsAndNoMean() {
    Dataset data =
        new Dataset(
            List.of(
                patient("P1", "2026-01-01", "North", "Ann", Optional.empty()),
                patient("P2", "2026-01-01", "South", "Bo", Optional.empty())),
            List.of(
                s("P1", "2026-10-05", Setting.CLINIC, Status.COMPLETED, 45, null),
                s("P2", "2026-10-05", Setting.CLINIC, Status.COMPLETED, 45, null)),
            List.of(),
            List.of(),
            List.of(),
            List.of(g("P1", "G1", "2026-10-01", 1, null, null)));
    GoalGroup south = Fixtures.analyze(data).program().goalGroups().get(2);
    assertEquals("South", south.group());
    assertEquals(0, south.patientsWithGoals());
    assertEquals(OptionalDouble.empty(), south.meanGasT());
    assertEquals(OptionalDouble.empty(), south.achievedShare());
  }

  @Test
  void attach_noGoals_resultsUnchanged() {
    Dataset data =
        Fixtures.dataset(
            List.of(patient("P1", "2026-01-01")),
            List.of(s("P1", "2026-10-05", Setting.CLINIC, Status.COMPLETED, 45, null)),
            List.of());
    ReviewResults r = Fixtures.analyze(data);
    assertEquals(List.of(), r.program().goalGroups());
    assertTrue(Fixtures.review(r, "P1").metrics().goals().isEmpty());
  }

  @Test
  void analyze_goalRatedBelowBaselineInPeriod_goalBelowBaselineTier2OnFollowUpList() {
    Dataset data =
        new Dataset(
            List.of(patient("P1", "2026-01-01"), patient("P2", "2026-01-01")),
            List.of(
                s("P1", "2026-10-05", Setting.CLINIC, Status.COMPLETED, 45, null),
                s("P2", "2026-10-05", Setting.CLINIC, Status.COMPLETED, 45, null)),
            List.of(Fixtures.fma("P1", "2026-10-05", 40), Fixtures.fma("P2", "2026-10-05", 40)),
            List.of(),
            List.of(),
            List.of(
                // Baseline -1: P1 rated -2 in October (below), P2 rated -1 (at baseline).
                g("P1", "G1", "2026-10-20", -2, null, null),
                g("P2", "G1", "2026-10-20", -1, null, null)));
    ReviewResults r = Fixtures.analyze(data);
    org.recoveryreview.model.PatientMetrics p1 = Fixtures.review(r, "P1").metrics();
    assertEquals(List.of(org.recoveryreview.model.Flag.GOAL_BELOW_BASELINE), p1.flags());
    assertEquals(
        Optional.of(org.recoveryreview.model.FollowUpTier.DISCUSS), p1.signals().followUpTier());
    assertEquals(
        "goal G1 “goal G1” rated -2 on 20 Oct 2026, below its baseline -1",
        p1.signals().findings().get(0).evidence());
    assertEquals(List.of(), Fixtures.review(r, "P2").metrics().flags());
    assertEquals(
        List.of("P1"),
        r.program().followUps().stream()
            .map(org.recoveryreview.model.FollowUp::patientId)
            .toList());
  }
}
