package org.recoveryreview.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.recoveryreview.analysis.Fixtures.OCT_2026;
import static org.recoveryreview.analysis.Fixtures.a;
import static org.recoveryreview.analysis.Fixtures.d;
import static org.recoveryreview.analysis.Fixtures.fma;
import static org.recoveryreview.analysis.Fixtures.stages;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.recoveryreview.model.Adherence;
import org.recoveryreview.model.AnalysisSettings;
import org.recoveryreview.model.Assessment;
import org.recoveryreview.model.BrunnstromScale;
import org.recoveryreview.model.ChangeLabel;
import org.recoveryreview.model.Flag;
import org.recoveryreview.model.FlagFinding;
import org.recoveryreview.model.FlagSettings;
import org.recoveryreview.model.FollowUpTier;
import org.recoveryreview.model.PatientGoals;
import org.recoveryreview.model.Phase;
import org.recoveryreview.model.Session;
import org.recoveryreview.model.Setting;
import org.recoveryreview.model.StageTransition;
import org.recoveryreview.model.Status;

/** The flag rules at the edges docs/metrics.md defines, on hand-made inputs. */
class FlagRulesTest {
  private static final FlagSettings F = FlagSettings.defaults();
  private static final AnalysisSettings S = AnalysisSettings.defaults();
  private static final LocalDate END = OCT_2026.end(); // 2026-10-31

  // ---- phase, MCIDs, change labels ----

  @Test
  void phase_day90_earlySubacute() {
    assertEquals(Phase.EARLY_SUBACUTE, S.phase(90));
    assertEquals(Phase.LATE_SUBACUTE, S.phase(91));
  }

  @Test
  void phase_day180_lateSubacute() {
    assertEquals(Phase.LATE_SUBACUTE, S.phase(180));
    assertEquals(Phase.CHRONIC, S.phase(181));
  }

  @Test
  void mcids_byPhase_fma9Then5Arat12Then6() {
    assertEquals(9, S.fmaMcid(Phase.EARLY_SUBACUTE));
    assertEquals(9, S.fmaMcid(Phase.LATE_SUBACUTE));
    assertEquals(5, S.fmaMcid(Phase.CHRONIC));
    assertEquals(12, S.aratMcid(Phase.LATE_SUBACUTE));
    assertEquals(6, S.aratMcid(Phase.CHRONIC));
  }

  @Test
  void changeLabel_deltaThree_withinErrorOfMdc32() {
    assertEquals(ChangeLabel.WITHIN_ERROR, ChangeLabel.of(3, 3.2, 9));
    assertEquals(ChangeLabel.WITHIN_ERROR, ChangeLabel.of(-3, 3.2, 9));
    assertEquals(ChangeLabel.WITHIN_ERROR, ChangeLabel.of(0, 3.2, 9));
  }

  @Test
  void changeLabel_deltaFour_detectable() {
    assertEquals(ChangeLabel.DETECTABLE, ChangeLabel.of(4, 3.2, 9));
    assertEquals(ChangeLabel.DETECTABLE, ChangeLabel.of(-4, 3.2, 9));
    assertEquals(ChangeLabel.DETECTABLE, ChangeLabel.of(8, 3.2, 9));
  }

  @Test
  void changeLabel_atMcid_important() {
    assertEquals(ChangeLabel.IMPORTANT, ChangeLabel.of(9, 3.2, 9));
    assertEquals(ChangeLabel.IMPORTANT, ChangeLabel.of(-5, 3.2, 5));
    assertEquals("+8 — detectable change; MCID 9", ChangeLabel.describe(8, 3.2, 9));
  }

  // ---- home_programme_low ----

  @Test
  void homeProgrammeLow_fourHomeSessionsOneDone_flagged() {
    // 85% clinic attendance does not hide an abandoned home programme.
    Adherence a = new Adherence(20, 17, 4, 1, 0, 0, 0);
    Optional<FlagFinding> f = FlagRules.homeProgrammeLow(a, F);
    assertTrue(f.isPresent());
    assertEquals(
        "1 of 4 home sessions done (25%); clinic attendance 17 of 20 (85%)", f.get().evidence());
  }

  @Test
  void homeProgrammeLow_threeHomeSessions_notFlagged() {
    assertTrue(FlagRules.homeProgrammeLow(new Adherence(0, 0, 3, 0, 0, 0, 0), F).isEmpty());
  }

  @Test
  void homeProgrammeLow_exactlyHalf_notFlagged() {
    assertTrue(FlagRules.homeProgrammeLow(new Adherence(0, 0, 4, 2, 0, 0, 0), F).isEmpty());
  }

  // ---- drop_off ----

  private static Session session(String date, Status status) {
    return Fixtures.s("P1", date, Setting.CLINIC, status, 30, null);
  }

  private static SessionSignals signals(Session... s) {
    return SessionSignals.of(List.of(s), OCT_2026, F.dropOffDays());
  }

  @Test
  void dropOff_threeDueInLast14DaysNoneDone_flagged() {
    // The window is 2026-10-18 (end - 13) ... 2026-10-31.
    SessionSignals sig =
        signals(
            session("2026-10-10", Status.COMPLETED),
            session("2026-10-18", Status.MISSED),
            session("2026-10-25", Status.CANCELLED),
            session("2026-10-31", Status.LATE_CANCEL));
    assertEquals(3, sig.recent().due());
    Optional<FlagFinding> f = FlagRules.dropOff(sig.recent(), F);
    assertTrue(f.isPresent());
    assertEquals(
        "none of the 3 sessions due 18 Oct 2026 – 31 Oct 2026 done; last session done 10 Oct 2026",
        f.get().evidence());
  }

  @Test
  void dropOff_twoDue_notFlagged() {
    SessionSignals sig =
        signals(session("2026-10-18", Status.MISSED), session("2026-10-25", Status.MISSED));
    assertTrue(FlagRules.dropOff(sig.recent(), F).isEmpty());
  }

  @Test
  void dropOff_sessionFourteenDaysBeforeEnd_outsideWindow() {
    // 2026-10-17 is end - 14: outside, so only two are due.
    SessionSignals sig =
        signals(
            session("2026-10-17", Status.MISSED),
            session("2026-10-20", Status.MISSED),
            session("2026-10-30", Status.MISSED));
    assertEquals(2, sig.recent().due());
    assertTrue(FlagRules.dropOff(sig.recent(), F).isEmpty());
  }

  @Test
  void dropOff_sessionThirteenDaysBeforeEnd_insideWindow() {
    SessionSignals sig =
        signals(
            session("2026-10-18", Status.MISSED),
            session("2026-10-20", Status.MISSED),
            session("2026-10-30", Status.MISSED));
    assertEquals(3, sig.recent().due());
    assertTrue(FlagRules.dropOff(sig.recent(), F).isPresent());
  }

  @Test
  void dropOff_oneDoneInWindow_notFlagged() {
    SessionSignals sig =
        signals(
            session("2026-10-18", Status.MISSED),
            session("2026-10-20", Status.PARTIAL),
            session("2026-10-30", Status.MISSED));
    assertTrue(FlagRules.dropOff(sig.recent(), F).isEmpty());
  }

  @Test
  void sessionSignals_clinicCancelledAndImputed_countedInPeriodOnly() {
    SessionSignals sig =
        signals(
            session("2026-09-30", Status.CLINIC_CANCELLED),
            session("2026-10-02", Status.CLINIC_CANCELLED),
            session("2026-09-30", Status.COMPLETED),
            session("2026-10-03", Status.COMPLETED),
            Fixtures.s("P1", "2026-10-04", Setting.HOME, Status.COMPLETED, 30, 25),
            session("2026-10-05", Status.PARTIAL),
            session("2026-11-01", Status.CLINIC_CANCELLED));
    assertEquals(1, sig.clinicCancelled());
    // Only the completed session without actual minutes inside the period.
    assertEquals(1, sig.imputedMinutes());
    // Clinic cancellations are not due.
    assertEquals(0, sig.recent().due());
  }

  // ---- plateau ----

  private static FlagRules.Plateau plateau(Assessment... as) {
    return FlagRules.plateau(List.of(as), END, 90, F, 5);
  }

  @Test
  void plateau_span56DaysDeltaThree_flagged() {
    // 2026-09-05 .. 2026-10-31 is 56 days.
    FlagRules.Plateau p = plateau(fma("P1", "2026-09-05", 40), fma("P1", "2026-10-31", 43));
    assertTrue(p.finding().isPresent());
    assertTrue(
        p.finding().get().evidence().contains("+3 over 56 days"), p.finding().get().evidence());
  }

  @Test
  void plateau_span55Days_notFlaggedButWindowKept() {
    FlagRules.Plateau p = plateau(fma("P1", "2026-09-06", 40), fma("P1", "2026-10-31", 43));
    assertTrue(p.finding().isEmpty());
    assertTrue(p.window().isPresent());
  }

  @Test
  void plateau_deltaFour_detectableNotPlateau() {
    assertTrue(
        plateau(fma("P1", "2026-08-03", 40), fma("P1", "2026-10-10", 44)).finding().isEmpty());
  }

  @Test
  void plateau_deltaMinusThree_flagged() {
    assertTrue(
        plateau(fma("P1", "2026-08-03", 40), fma("P1", "2026-10-10", 37)).finding().isPresent());
  }

  @Test
  void plateau_latest59_flagged() {
    assertTrue(
        plateau(fma("P1", "2026-08-03", 58), fma("P1", "2026-10-10", 59)).finding().isPresent());
  }

  @Test
  void plateau_latest60_ceilingNotPlateau() {
    assertTrue(
        plateau(fma("P1", "2026-08-03", 59), fma("P1", "2026-10-10", 60)).finding().isEmpty());
  }

  @Test
  void plateau_middleAssessmentsDoNotCount_firstAndLastOnly() {
    FlagRules.Plateau p =
        plateau(
            fma("P1", "2026-08-03", 40), fma("P1", "2026-09-01", 50), fma("P1", "2026-10-10", 42));
    assertTrue(p.finding().isPresent());
    assertEquals(3, p.window().get().assessments());
  }

  @Test
  void plateau_stageGainInWindow_notFlagged() {
    assertTrue(
        plateau(
                stages("P1", "2026-07-01", 3, 2),
                fma("P1", "2026-08-03", 40),
                stages("P1", "2026-09-01", 3, 3),
                fma("P1", "2026-10-10", 41))
            .finding()
            .isEmpty());
  }

  @Test
  void plateau_stageGainBeforeWindow_stillFlagged() {
    assertTrue(
        plateau(
                stages("P1", "2026-07-01", 3, 2),
                stages("P1", "2026-08-01", 4, 2),
                fma("P1", "2026-08-03", 40),
                fma("P1", "2026-10-10", 41))
            .finding()
            .isPresent());
  }

  @Test
  void plateau_firstAssessmentBeforeWindow_notCounted() {
    // 2026-08-02 is end - 90: outside the 90-day window, leaving one FMA inside.
    FlagRules.Plateau p = plateau(fma("P1", "2026-08-02", 40), fma("P1", "2026-10-10", 41));
    assertTrue(p.finding().isEmpty());
    assertTrue(p.window().isEmpty());
  }

  // ---- assessment_overdue ----

  private static boolean overdue(String last, Phase phase) {
    return FlagRules.assessmentOverdue(
            Optional.of(d(last)), END, phase, AnalysisSettings.defaults().overdueDays(phase))
        .isPresent();
  }

  @Test
  void overdue_earlySubacute27DaysAgo_notOverdue() {
    assertFalse(overdue("2026-10-04", Phase.EARLY_SUBACUTE)); // end - 27
  }

  @Test
  void overdue_earlySubacuteOnTheDueDay_notOverdue() {
    assertFalse(overdue("2026-10-03", Phase.EARLY_SUBACUTE)); // end - 28: due today
  }

  @Test
  void overdue_earlySubacuteDayAfterDue_overdueNamingTheDueDate() {
    assertTrue(overdue("2026-10-02", Phase.EARLY_SUBACUTE)); // end - 29
    assertEquals(
        "last assessment 2 Oct 2026, 29 days before 31 Oct 2026; the next was due by 30 Oct 2026"
            + " (early subacute patients are reassessed at least every 28 days)",
        FlagRules.assessmentOverdue(Optional.of(d("2026-10-02")), END, Phase.EARLY_SUBACUTE, 28)
            .orElseThrow()
            .evidence());
  }

  @Test
  void overdue_lateSubacute42Vs43DaysAgo() {
    assertFalse(overdue("2026-09-19", Phase.LATE_SUBACUTE)); // end - 42: due today
    assertTrue(overdue("2026-09-18", Phase.LATE_SUBACUTE)); // end - 43
    // A patient 29 days past an assessment is fine in the late subacute phase.
    assertFalse(overdue("2026-10-02", Phase.LATE_SUBACUTE));
  }

  @Test
  void overdue_chronic90Vs91DaysAgo() {
    assertFalse(overdue("2026-08-02", Phase.CHRONIC)); // end - 90: due today
    assertTrue(overdue("2026-08-01", Phase.CHRONIC)); // end - 91
    assertFalse(overdue("2026-09-19", Phase.CHRONIC));
  }

  @Test
  void overdue_neverAssessed_overdueWithEvidence() {
    Optional<FlagFinding> f =
        FlagRules.assessmentOverdue(Optional.empty(), END, Phase.EARLY_SUBACUTE, 28);
    assertEquals(
        "no assessment recorded; early subacute patients are reassessed at least every 28 days",
        f.orElseThrow().evidence());
  }

  // ---- data_query ----

  private static List<DataQueries.DataQuery> queries(Assessment... as) {
    return DataQueries.of(List.of(as), OCT_2026, F.dataQuery());
  }

  @Test
  void dataQuery_stageJumpOfTwo_queried() {
    List<DataQueries.DataQuery> q =
        queries(stages("P1", "2026-09-01", 2, 3), stages("P1", "2026-10-05", 4, 3));
    assertEquals(1, q.size());
    assertEquals(d("2026-10-05"), q.get(0).date());
    assertEquals(
        "arm stage IV on 5 Oct 2026 after II on 1 Sep 2026 (2 stages at once)", q.get(0).text());
  }

  @Test
  void dataQuery_stageJumpOfOne_notQueried() {
    assertEquals(
        List.of(), queries(stages("P1", "2026-09-01", 2, 3), stages("P1", "2026-10-05", 3, 4)));
  }

  @Test
  void dataQuery_downwardJumpOfTwoInHand_queried() {
    assertEquals(
        1, queries(stages("P1", "2026-09-01", 3, 5), stages("P1", "2026-10-05", 3, 3)).size());
  }

  @Test
  void dataQuery_jumpAgainstSameDayRecord_comparesWithEarlierDateOnly() {
    // Two rows on 2026-10-05: the previous value "on an earlier date" is stage 3 for both.
    assertEquals(
        List.of(),
        queries(
            stages("P1", "2026-09-01", 3, null),
            stages("P1", "2026-10-05", 4, null),
            stages("P1", "2026-10-05", 2, null)));
  }

  @Test
  void dataQuery_jumpBeforePeriod_notQueried() {
    assertEquals(
        List.of(), queries(stages("P1", "2026-08-01", 1, 1), stages("P1", "2026-09-01", 4, 4)));
  }

  @Test
  void dataQuery_armStageTwoWithFmaA18_queried() {
    List<DataQueries.DataQuery> q = queries(a("P1", "2026-10-05", 2, null, 18, 0, 0, 0));
    assertEquals(1, q.size());
    assertEquals("arm stage II with Fugl-Meyer A 18/36 on 5 Oct 2026", q.get(0).text());
  }

  @Test
  void dataQuery_armStageTwoWithFmaA17_notQueried() {
    assertEquals(List.of(), queries(a("P1", "2026-10-05", 2, null, 17, 0, 0, 0)));
    assertEquals(List.of(), queries(a("P1", "2026-10-05", 3, null, 30, 0, 0, 0)));
  }

  @Test
  void dataQuery_armStageFiveWithFmaA12_queried() {
    assertEquals(1, queries(a("P1", "2026-10-05", 5, null, 12, 0, 0, 0)).size());
  }

  @Test
  void dataQuery_armStageFiveWithFmaA13_notQueried() {
    assertEquals(List.of(), queries(a("P1", "2026-10-05", 5, null, 13, 0, 0, 0)));
    assertEquals(List.of(), queries(a("P1", "2026-10-05", 4, null, 5, 0, 0, 0)));
  }

  @Test
  void dataQuery_handStageTwoWithFmaC7_queriedAndC6Not() {
    assertEquals(1, queries(a("P1", "2026-10-05", null, 2, 0, 0, 7, 0)).size());
    assertEquals(List.of(), queries(a("P1", "2026-10-05", null, 2, 0, 0, 6, 0)));
  }

  @Test
  void dataQuery_handStageFiveWithFmaC4_queriedAndC5Not() {
    assertEquals(1, queries(a("P1", "2026-10-05", null, 5, 0, 0, 4, 0)).size());
    assertEquals(List.of(), queries(a("P1", "2026-10-05", null, 5, 0, 0, 5, 0)));
  }

  @Test
  void dataQuery_blankPart_notChecked() {
    assertEquals(List.of(), queries(a("P1", "2026-10-05", 1, 1, null, null, null, null)));
  }

  @Test
  void dataQuery_flaccidArmWithA27_oneFindingNamingDateAndValues() {
    Optional<FlagFinding> f =
        FlagRules.dataQuery(queries(a("P1", "2026-10-05", 1, null, 27, 4, 5, 2)));
    assertEquals(
        "check the record: arm stage I with Fugl-Meyer A 27/36 on 5 Oct 2026",
        f.orElseThrow().evidence());
  }

  // ---- stage_regression with a data query ----

  private static final FlagRules.Corroboration NOTHING_ELSE =
      new FlagRules.Corroboration(
          java.util.OptionalInt.empty(), java.util.OptionalInt.empty(), F.fmaMdc());

  @Test
  void stageRegression_withDataQuerySameDay_stillFlaggedAndAsksToCheck() {
    List<StageTransition> t =
        List.of(new StageTransition("P1", d("2026-10-05"), BrunnstromScale.ARM, 4, 1, 300));
    Optional<FlagFinding> f =
        FlagRules.stageRegression(t, OCT_2026, Set.of(d("2026-10-05")), NOTHING_ELSE);
    assertTrue(f.orElseThrow().evidence().contains("check the record"), f.get().evidence());
    Optional<FlagFinding> plain = FlagRules.stageRegression(t, OCT_2026, Set.of(), NOTHING_ELSE);
    assertEquals(
        "Brunnstrom arm IV → I on 5 Oct 2026 (two or more stages at once); FMA-UE not reassessed"
            + " and ARAT not reassessed in the same period",
        plain.orElseThrow().evidence());
  }

  @Test
  void evaluate_regressionToFlaccidWithA27_regressionAndDataQuery() {
    List<Assessment> as =
        List.of(a("P1", "2026-09-01", 4, 3, 28, 5, 6, 2), a("P1", "2026-10-05", 1, 3, 27, 5, 6, 2));
    List<StageTransition> t =
        List.of(new StageTransition("P1", d("2026-10-05"), BrunnstromScale.ARM, 4, 1, 300));
    FlagRules.Evaluation e =
        FlagRules.evaluate(
            new FlagRules.Inputs(
                OCT_2026,
                Phase.CHRONIC,
                Adherence.NONE,
                org.recoveryreview.model.AdherenceBand.NO_DATA,
                new FlagRules.RecentSessions(d("2026-10-18"), END, 0, 0, Optional.empty()),
                as,
                t,
                java.util.OptionalInt.of(41),
                java.util.OptionalInt.of(-1),
                Optional.of(d("2026-10-05")),
                java.util.OptionalInt.empty(),
                PatientGoals.none()),
            S);
    assertEquals(
        List.of(Flag.DATA_QUERY, Flag.STAGE_REGRESSION),
        e.findings().stream().map(FlagFinding::flag).toList());
  }

  // ---- fma_gain / fma_decline ----

  @Test
  void fmaChange_atMcid_gainWithLabel() {
    FlagFinding f =
        FlagRules.fmaChange(java.util.OptionalInt.of(9), java.util.OptionalInt.of(45), 3.2, 9)
            .orElseThrow();
    assertEquals(Flag.FMA_GAIN, f.flag());
    assertEquals(
        "+9 to 45/66 since the last assessment before the period — clinically important change"
            + " (MCID 9)",
        f.evidence());
  }

  @Test
  void fmaChange_belowMcid_noFlag() {
    assertTrue(
        FlagRules.fmaChange(java.util.OptionalInt.of(-8), java.util.OptionalInt.of(30), 3.2, 9)
            .isEmpty());
    assertEquals(
        Flag.FMA_DECLINE,
        FlagRules.fmaChange(java.util.OptionalInt.of(-9), java.util.OptionalInt.of(30), 3.2, 9)
            .orElseThrow()
            .flag());
  }

  // ---- follow-up tier ----

  @Test
  void tier_discharged_noTierWhateverTheFlags() {
    List<FlagFinding> f = List.of(new FlagFinding(Flag.STAGE_REGRESSION, "x"));
    assertEquals(Optional.empty(), FollowUps.tier(f, true));
    assertEquals(
        Optional.of(org.recoveryreview.model.FollowUpTier.ACT_NOW), FollowUps.tier(f, false));
  }

  // ---- stage_regression tiers ----

  private static final List<StageTransition> ONE_STAGE_DOWN =
      List.of(new StageTransition("P1", d("2026-10-15"), BrunnstromScale.ARM, 6, 5, 300));

  private static FlagRules.Corroboration other(Integer fma, Integer arat) {
    return new FlagRules.Corroboration(
        fma == null ? java.util.OptionalInt.empty() : java.util.OptionalInt.of(fma),
        arat == null ? java.util.OptionalInt.empty() : java.util.OptionalInt.of(arat),
        F.fmaMdc());
  }

  @Test
  void stageRegression_oneStageFmaFlatAratUp_tier2AskingToConfirm() {
    FlagFinding f =
        FlagRules.stageRegression(ONE_STAGE_DOWN, OCT_2026, Set.of(), other(0, 6)).orElseThrow();
    assertEquals(Optional.of(FollowUpTier.DISCUSS), f.tier());
    assertEquals(
        "Brunnstrom arm VI → V on 15 Oct 2026; FMA-UE 0 and ARAT +6 in the same period; confirm"
            + " at the next assessment",
        f.evidence());
  }

  @Test
  void stageRegression_oneStageFmaFellByFour_tier1() {
    FlagFinding f =
        FlagRules.stageRegression(ONE_STAGE_DOWN, OCT_2026, Set.of(), other(-4, -2)).orElseThrow();
    assertEquals(Optional.of(FollowUpTier.ACT_NOW), f.tier());
    assertEquals(
        "Brunnstrom arm VI → V on 15 Oct 2026; FMA-UE -4 and ARAT -2 in the same period (FMA-UE"
            + " fall at least the measurement error, 3.2)",
        f.evidence());
  }

  @Test
  void stageRegression_oneStageFmaFellByThree_belowMdcTier2() {
    FlagFinding f =
        FlagRules.stageRegression(ONE_STAGE_DOWN, OCT_2026, Set.of(), other(-3, null))
            .orElseThrow();
    assertEquals(Optional.of(FollowUpTier.DISCUSS), f.tier());
    assertTrue(
        f.evidence()
            .endsWith(
                "FMA-UE -3 and ARAT not reassessed in the same period;"
                    + " confirm at the next assessment"),
        f.evidence());
  }

  @Test
  void stageRegression_oneStageFmaNotReassessed_tier2() {
    FlagFinding f =
        FlagRules.stageRegression(ONE_STAGE_DOWN, OCT_2026, Set.of(), NOTHING_ELSE).orElseThrow();
    assertEquals(Optional.of(FollowUpTier.DISCUSS), f.tier());
  }

  @Test
  void stageRegression_twoStagesAtOnceWithFmaFlat_tier1() {
    List<StageTransition> t =
        List.of(new StageTransition("P1", d("2026-10-15"), BrunnstromScale.HAND, 5, 3, 300));
    FlagFinding f = FlagRules.stageRegression(t, OCT_2026, Set.of(), other(0, 1)).orElseThrow();
    assertEquals(Optional.of(FollowUpTier.ACT_NOW), f.tier());
    assertTrue(f.evidence().contains("(two or more stages at once)"), f.evidence());
  }

  @Test
  void stageRegression_tier2Regression_patientTier2() {
    FlagFinding f =
        FlagRules.stageRegression(ONE_STAGE_DOWN, OCT_2026, Set.of(), other(0, 6)).orElseThrow();
    assertEquals(Optional.of(FollowUpTier.DISCUSS), FollowUps.tier(List.of(f), false));
    assertEquals(Optional.empty(), FollowUps.tier(List.of(f), true));
  }

  // ---- goal_below_baseline ----

  private static org.recoveryreview.model.GoalRating goal(
      String id, String review, int baseline, Integer level) {
    return new org.recoveryreview.model.GoalRating(
        "P1",
        id,
        d("2026-08-01"),
        d(review),
        Optional.empty(),
        "Brush my teeth",
        baseline,
        level == null ? java.util.OptionalInt.empty() : java.util.OptionalInt.of(level),
        java.util.OptionalInt.empty(),
        java.util.OptionalInt.empty(),
        Optional.empty());
  }

  private static Optional<FlagFinding> belowBaseline(org.recoveryreview.model.GoalRating... gs) {
    return FlagRules.goalBelowBaseline(GoalAttainment.forPatient(List.of(gs), END), OCT_2026);
  }

  @Test
  void goalBelowBaseline_ratedBelowInPeriod_flaggedNamingGoalBaselineAndRating() {
    assertEquals(
        "goal G1 “Brush my teeth” rated -2 on 20 Oct 2026, below its baseline -1",
        belowBaseline(goal("G1", "2026-10-20", -1, -2)).orElseThrow().evidence());
  }

  @Test
  void goalBelowBaseline_ratedAtBaseline_notFlagged() {
    assertTrue(belowBaseline(goal("G1", "2026-10-20", -2, -2)).isEmpty());
    assertTrue(belowBaseline(goal("G1", "2026-10-20", -1, -1)).isEmpty());
  }

  @Test
  void goalBelowBaseline_latestRatingBeforePeriod_notFlagged() {
    // Rated below baseline on 30 Sep, then an unrated review in October: no rating this period.
    assertTrue(
        belowBaseline(goal("G1", "2026-09-30", -1, -2), goal("G1", "2026-10-15", -1, null))
            .isEmpty());
  }

  @Test
  void goalBelowBaseline_ratedBelowOnFirstDayThenUnrated_flagged() {
    // The latest rated review (1 Oct) is in the period; the later unrated one does not hide it.
    assertTrue(
        belowBaseline(goal("G1", "2026-10-01", -1, -2), goal("G1", "2026-10-20", -1, null))
            .isPresent());
  }

  @Test
  void goalBelowBaseline_laterRatingAfterPeriodEnd_ignored() {
    assertTrue(
        belowBaseline(goal("G1", "2026-10-20", -1, -2), goal("G1", "2026-11-03", -1, 0))
            .isPresent());
  }

  @Test
  void goalBelowBaseline_twoGoals_oneFindingNamingBoth() {
    String e =
        belowBaseline(goal("G1", "2026-10-20", -1, -2), goal("G2", "2026-10-21", 0, -1))
            .orElseThrow()
            .evidence();
    assertTrue(e.contains("goal G1") && e.contains("goal G2"), e);
  }

  // ---- one bullet per event, in the order that explains the tier ----

  @Test
  void oneBulletPerEvent_dropOffWithLowAdherenceAndHomeLow_oneStoppedAttendingBullet() {
    List<FlagFinding> all =
        FlagRules.oneBulletPerEvent(
            List.of(
                new FlagFinding(Flag.LOW_ADHERENCE, "13 of 38 scheduled sessions done (34%)"),
                new FlagFinding(Flag.HOME_PROGRAMME_LOW, "6 of 21 home sessions done (29%)"),
                new FlagFinding(Flag.DROP_OFF, "none of the 17 sessions due done"),
                new FlagFinding(Flag.ASSESSMENT_OVERDUE, "last assessment 31 Jul 2026")));
    // Every flag stays (CSV, counts), sorted by code.
    assertEquals(
        List.of(
            Flag.ASSESSMENT_OVERDUE, Flag.DROP_OFF, Flag.HOME_PROGRAMME_LOW, Flag.LOW_ADHERENCE),
        all.stream().map(FlagFinding::flag).toList());
    List<FlagFinding> bullets = FlagFinding.bullets(all);
    assertEquals(
        List.of(Flag.DROP_OFF, Flag.ASSESSMENT_OVERDUE),
        bullets.stream().map(FlagFinding::flag).toList());
    assertEquals(
        "Stopped attending: none of the 17 sessions due done. With it this month: low adherence —"
            + " 13 of 38 scheduled sessions done (34%); home programme low — 6 of 21 home sessions"
            + " done (29%)",
        bullets.get(0).line());
  }

  @Test
  void oneBulletPerEvent_noDropOff_eachFlagItsOwnBullet() {
    List<FlagFinding> all =
        FlagRules.oneBulletPerEvent(
            List.of(
                new FlagFinding(Flag.LOW_ADHERENCE, "a"),
                new FlagFinding(Flag.HOME_PROGRAMME_LOW, "b")));
    assertEquals(
        List.of(Flag.LOW_ADHERENCE, Flag.HOME_PROGRAMME_LOW),
        FlagFinding.bullets(all).stream().map(FlagFinding::flag).toList());
    assertEquals("a", all.get(1).evidence());
  }

  @Test
  void bullets_reasonForTierFirstThenOthersGoodNewsLast() {
    List<FlagFinding> all =
        List.of(
            new FlagFinding(Flag.ASSESSMENT_OVERDUE, "o"),
            new FlagFinding(Flag.FMA_GAIN, "g"),
            new FlagFinding(Flag.HOME_PROGRAMME_LOW, "h"),
            new FlagFinding(Flag.STAGE_REGRESSION, "s").withTier(FollowUpTier.DISCUSS),
            new FlagFinding(Flag.PLATEAU, "p"));
    assertEquals(
        List.of(
            Flag.STAGE_REGRESSION,
            Flag.HOME_PROGRAMME_LOW,
            Flag.PLATEAU,
            Flag.ASSESSMENT_OVERDUE,
            Flag.FMA_GAIN),
        FlagFinding.bullets(all).stream().map(FlagFinding::flag).toList());
  }
}
