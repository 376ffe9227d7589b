package org.recoveryreview.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.recoveryreview.analysis.Fixtures.a;
import static org.recoveryreview.analysis.Fixtures.analyze;
import static org.recoveryreview.analysis.Fixtures.d;
import static org.recoveryreview.analysis.Fixtures.dataset;
import static org.recoveryreview.analysis.Fixtures.fma;
import static org.recoveryreview.analysis.Fixtures.patient;
import static org.recoveryreview.analysis.Fixtures.review;
import static org.recoveryreview.analysis.Fixtures.stages;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.recoveryreview.model.Assessment;
import org.recoveryreview.model.BrunnstromScale;
import org.recoveryreview.model.ChangeLabel;
import org.recoveryreview.model.Flag;
import org.recoveryreview.model.FmaWindow;
import org.recoveryreview.model.PatientMetrics;
import org.recoveryreview.model.PatientReview;
import org.recoveryreview.model.Phase;
import org.recoveryreview.model.ReviewResults;
import org.recoveryreview.model.StageTransition;

class RecoveryAnalysisTest {

  /** Chronic patient (MCID 5) reviewed for 2026-10 with the given assessments. */
  private static PatientReview chronic(Assessment... as) {
    return review(
        analyze(dataset(List.of(patient("P1", "2025-01-01")), List.of(), List.of(as))), "P1");
  }

  @Test
  void analyze_brunnstrom_latestStageAndChangeAgainstBeforePeriod() {
    PatientMetrics m =
        chronic(
                stages("P1", "2026-08-10", 2, null),
                stages("P1", "2026-09-15", 3, 2),
                stages("P1", "2026-10-05", 4, null))
            .metrics();
    assertEquals(OptionalInt.of(4), m.recovery().stages().arm());
    assertEquals(OptionalInt.of(1), m.recovery().stages().armChange());
    // Hand blank in October: the latest non-blank value (September) is current, but with no new
    // measurement there is no change.
    assertEquals(OptionalInt.of(2), m.recovery().stages().hand());
    assertTrue(m.recovery().stages().handChange().isEmpty());
    assertEquals(Optional.of(d("2026-09-15")), m.recovery().lastMeasured().brunnstromHand());
    assertEquals(Optional.of(d("2026-10-05")), m.recovery().lastMeasured().brunnstromArm());
  }

  @Test
  void analyze_brunnstromWithoutEarlierValue_changeEmpty() {
    PatientMetrics m =
        chronic(stages("P1", "2026-09-15", 3, null), stages("P1", "2026-10-05", 4, 3)).metrics();
    assertEquals(OptionalInt.of(3), m.recovery().stages().hand());
    assertTrue(m.recovery().stages().handChange().isEmpty());
    assertEquals(OptionalInt.of(1), m.recovery().stages().armChange());
  }

  @Test
  void analyze_fmaTotal_needsAllFourParts() {
    PatientMetrics m =
        chronic(
                a("P1", "2026-09-01", null, null, 20, 5, 4, 2), // 31
                a("P1", "2026-10-10", null, null, 35, 9, 12, null), // D missing: no total
                a("P1", "2026-10-20", null, null, 30, 6, 6, 3)) // 45
            .metrics();
    assertEquals(OptionalInt.of(45), m.recovery().fma().total());
    assertEquals(OptionalInt.of(14), m.recovery().fma().change());
    assertTrue(m.flags().contains(Flag.FMA_GAIN));
  }

  @Test
  void analyze_onlyIncompleteFma_totalEmpty() {
    PatientMetrics m = chronic(a("P1", "2026-10-10", null, null, 35, 9, 12, null)).metrics();
    assertTrue(m.recovery().fma().total().isEmpty());
    assertTrue(m.recovery().fma().change().isEmpty());
  }

  @Test
  void analyze_transitionsAcrossPeriodStart_onlyInPeriodCounted() {
    PatientReview r =
        chronic(
            stages("P1", "2026-08-01", 2, null),
            stages("P1", "2026-09-20", 3, null), // before the period: not counted
            stages("P1", "2026-10-03", 2, null), // regression in the period
            stages("P1", "2026-10-03", null, 1),
            stages("P1", "2026-10-25", 4, 1)); // hand unchanged: no transition
    assertEquals(
        List.of(
            new StageTransition("P1", d("2026-09-20"), BrunnstromScale.ARM, 2, 3, 627),
            new StageTransition("P1", d("2026-10-03"), BrunnstromScale.ARM, 3, 2, 640),
            new StageTransition("P1", d("2026-10-25"), BrunnstromScale.ARM, 2, 4, 662)),
        r.history().transitions());
    assertEquals(2, r.metrics().recovery().stages().transitions());
    assertTrue(r.metrics().flags().contains(Flag.STAGE_REGRESSION));
  }

  @Test
  void analyze_regressionBeforePeriod_noRegressionFlag() {
    PatientMetrics m =
        chronic(
                stages("P1", "2026-09-01", 3, null),
                stages("P1", "2026-09-30", 2, null),
                fma("P1", "2026-10-02", 30))
            .metrics();
    assertFalse(m.flags().contains(Flag.STAGE_REGRESSION));
    assertEquals(0, m.recovery().stages().transitions());
  }

  @Test
  void analyze_plateau_flaggedWithWindow() {
    // Window for October 2026: 90 days ending 2026-10-31, i.e. from 2026-08-03.
    PatientMetrics m = chronic(fma("P1", "2026-08-03", 40), fma("P1", "2026-10-10", 43)).metrics();
    assertEquals(List.of(Flag.PLATEAU), m.flags());
    assertEquals(
        Optional.of(new FmaWindow(d("2026-08-03"), 40, d("2026-10-10"), 43, 2)),
        m.recovery().fma().plateauWindow());
  }

  @Test
  void analyze_stageGainInWindow_noPlateauButWindowKept() {
    PatientMetrics m =
        chronic(
                stages("P1", "2026-07-01", 3, null),
                fma("P1", "2026-08-15", 40),
                stages("P1", "2026-09-01", 4, null),
                fma("P1", "2026-10-10", 44))
            .metrics();
    assertFalse(m.flags().contains(Flag.PLATEAU));
    assertTrue(m.recovery().fma().plateauWindow().isPresent());
  }

  @Test
  void analyze_oneCompleteAssessmentInWindow_noPlateauNoWindow() {
    PatientMetrics m = chronic(fma("P1", "2026-08-02", 40), fma("P1", "2026-10-10", 44)).metrics();
    assertFalse(m.flags().contains(Flag.PLATEAU));
    assertEquals(Optional.empty(), m.recovery().fma().plateauWindow());
  }

  @Test
  void analyze_gainOfMcidInWindow_noPlateau() {
    PatientMetrics m = chronic(fma("P1", "2026-08-15", 40), fma("P1", "2026-10-10", 45)).metrics();
    assertFalse(m.flags().contains(Flag.PLATEAU));
  }

  @Test
  void analyze_lateSubacuteLastAssessment42DaysBeforeEnd_notOverdue() {
    // Late subacute (153 days at the period's end): reassessment every 42 days, so an assessment
    // on 2026-09-19 is due again on 2026-10-31 itself, not yet overdue.
    PatientMetrics m =
        review(
                analyze(
                    dataset(
                        List.of(patient("P1", "2026-05-31")),
                        List.of(
                            Fixtures.s(
                                "P1",
                                "2026-10-01",
                                org.recoveryreview.model.Setting.HOME,
                                org.recoveryreview.model.Status.COMPLETED,
                                30,
                                null)),
                        List.of(fma("P1", "2026-09-19", 30)))),
                "P1")
            .metrics();
    assertFalse(m.flags().contains(Flag.ASSESSMENT_OVERDUE));
    assertEquals(Optional.of(d("2026-09-19")), m.recovery().lastAssessment());
  }

  @Test
  void analyze_lateSubacuteLastAssessment43DaysBeforeEnd_overdue() {
    PatientMetrics m =
        review(
                analyze(
                    dataset(
                        List.of(patient("P1", "2026-05-31")),
                        List.of(
                            Fixtures.s(
                                "P1",
                                "2026-10-01",
                                org.recoveryreview.model.Setting.HOME,
                                org.recoveryreview.model.Status.COMPLETED,
                                30,
                                null)),
                        List.of(fma("P1", "2026-09-18", 30), fma("P1", "2026-11-02", 30)))),
                "P1")
            .metrics();
    assertEquals(List.of(Flag.ASSESSMENT_OVERDUE), m.flags());
    assertEquals(Optional.of(d("2026-09-18")), m.recovery().lastAssessment());
  }

  @Test
  void analyze_fmaChangeExactlyPlusMcid_gain() {
    PatientMetrics m = chronic(fma("P1", "2026-06-01", 30), fma("P1", "2026-10-10", 35)).metrics();
    assertEquals(OptionalInt.of(5), m.recovery().fma().change());
    assertEquals(List.of(Flag.FMA_GAIN), m.flags());
  }

  @Test
  void analyze_fmaChangeOneBelowMcid_noGain() {
    PatientMetrics m = chronic(fma("P1", "2026-06-01", 30), fma("P1", "2026-10-10", 34)).metrics();
    assertEquals(List.of(), m.flags());
  }

  @Test
  void analyze_fmaChangeExactlyMinusMcid_decline() {
    PatientMetrics m = chronic(fma("P1", "2026-06-01", 30), fma("P1", "2026-10-10", 25)).metrics();
    assertEquals(List.of(Flag.FMA_DECLINE), m.flags());
  }

  @Test
  void analyze_periodEnd180DaysAfterOnset_subacuteMcid9() {
    // 2026-05-04 to 2026-10-31 is 180 days.
    ReviewResults r =
        analyze(
            dataset(
                List.of(patient("P1", "2026-05-04")),
                List.of(),
                List.of(fma("P1", "2026-05-20", 20), fma("P1", "2026-10-10", 28))));
    PatientMetrics m = review(r, "P1").metrics();
    assertEquals(180, m.recovery().daysSinceOnset());
    assertEquals(Phase.LATE_SUBACUTE, m.recovery().phase());
    assertEquals(9, m.recovery().fma().mcid());
    assertEquals(List.of(), m.flags()); // +8 is below 9
  }

  @Test
  void analyze_periodEnd181DaysAfterOnset_chronicMcid5() {
    ReviewResults r =
        analyze(
            dataset(
                List.of(patient("P1", "2026-05-03")),
                List.of(),
                List.of(fma("P1", "2026-05-20", 20), fma("P1", "2026-10-10", 28))));
    PatientMetrics m = review(r, "P1").metrics();
    assertEquals(181, m.recovery().daysSinceOnset());
    assertEquals(Phase.CHRONIC, m.recovery().phase());
    assertEquals(5, m.recovery().fma().mcid());
    assertEquals(List.of(Flag.FMA_GAIN), m.flags());
  }

  @Test
  void analyze_assessmentPoints_partsAsPercentOfMaximum() {
    PatientReview r =
        chronic(
            a("P1", "2026-10-10", 3, 2, 18, 5, 7, 3),
            a("P1", "2026-10-20", null, 3, 9, null, null, null));
    var p = r.history().assessments().get(0);
    assertEquals(50.0, p.fmaAPercent().getAsDouble(), 1e-9);
    assertEquals(50.0, p.fmaBPercent().getAsDouble(), 1e-9);
    assertEquals(50.0, p.fmaCPercent().getAsDouble(), 1e-9);
    assertEquals(50.0, p.fmaDPercent().getAsDouble(), 1e-9);
    assertEquals(OptionalInt.of(33), p.fmaTotal());
    var q = r.history().assessments().get(1);
    assertEquals(25.0, q.fmaAPercent().getAsDouble(), 1e-9);
    assertTrue(q.fmaBPercent().isEmpty());
    assertTrue(q.fmaTotal().isEmpty());
    assertEquals(2, r.history().periodAssessments().size());
  }

  // ---- a change needs a new measurement ----

  /** Chronic patient with one completed session in October, so in review without assessments. */
  private static PatientMetrics attending(Assessment... as) {
    return review(
            analyze(
                dataset(
                    List.of(patient("P1", "2025-01-01")),
                    List.of(
                        Fixtures.s(
                            "P1",
                            "2026-10-01",
                            org.recoveryreview.model.Setting.HOME,
                            org.recoveryreview.model.Status.COMPLETED,
                            30,
                            null)),
                    List.of(as))),
            "P1")
        .metrics();
  }

  /** Brunnstrom stages, a complete FMA of {@code fma} and an ARAT of {@code arat}. */
  private static Assessment full(String date, int arm, int fma, int arat) {
    Assessment f = Fixtures.a("P1", date, arm, arm, fma - 6, 2, 2, 2);
    return new Assessment(
        f.patientId(),
        f.date(),
        f.assessor(),
        f.brunnstromArm(),
        f.brunnstromHand(),
        f.fmaA(),
        f.fmaB(),
        f.fmaC(),
        f.fmaD(),
        OptionalInt.of(arat),
        org.recoveryreview.model.AratParts.NONE);
  }

  @Test
  void analyze_lastAssessedBeforePeriod_noChangeLabelNotReassessed() {
    PatientMetrics m = attending(full("2026-06-01", 3, 30, 20), full("2026-07-31", 4, 32, 24));
    assertEquals(OptionalInt.of(32), m.recovery().fma().total());
    assertTrue(m.recovery().fma().change().isEmpty());
    assertEquals(Optional.of(ChangeLabel.NOT_REASSESSED), m.recovery().fma().changeLabel());
    assertTrue(m.recovery().stages().armChange().isEmpty());
    assertTrue(m.recovery().stages().handChange().isEmpty());
    assertTrue(m.recovery().arat().change().isEmpty());
    assertEquals(Optional.of(ChangeLabel.NOT_REASSESSED), m.recovery().arat().changeLabel());
    assertEquals(Optional.of(d("2026-07-31")), m.recovery().lastMeasured().fma());
    // No change, so neither fma_gain nor fma_decline, whatever happened before.
    assertFalse(m.flags().contains(Flag.FMA_GAIN) || m.flags().contains(Flag.FMA_DECLINE));
  }

  @Test
  void analyze_reassessedOnFirstDayOfPeriod_changeLabelled() {
    PatientMetrics m = attending(full("2026-09-30", 3, 30, 20), full("2026-10-01", 3, 30, 24));
    assertEquals(OptionalInt.of(0), m.recovery().fma().change());
    assertEquals(Optional.of(ChangeLabel.WITHIN_ERROR), m.recovery().fma().changeLabel());
    assertEquals(OptionalInt.of(0), m.recovery().stages().armChange());
    assertEquals(OptionalInt.of(4), m.recovery().arat().change());
    assertEquals(Optional.of(ChangeLabel.DETECTABLE), m.recovery().arat().changeLabel());
  }

  @Test
  void analyze_onlyIncompleteFmaInPeriod_fmaNotReassessedButStagesChange() {
    PatientMetrics m =
        attending(
            full("2026-09-01", 3, 30, 20), Fixtures.a("P1", "2026-10-10", 4, 3, 30, 2, 2, null));
    assertTrue(m.recovery().fma().change().isEmpty());
    assertEquals(Optional.of(ChangeLabel.NOT_REASSESSED), m.recovery().fma().changeLabel());
    assertEquals(OptionalInt.of(1), m.recovery().stages().armChange());
  }

  @Test
  void analyze_firstFmaInPeriod_noChangeAndNoLabel() {
    PatientMetrics m = attending(full("2026-10-10", 3, 30, 20));
    assertTrue(m.recovery().fma().change().isEmpty());
    assertEquals(Optional.empty(), m.recovery().fma().changeLabel());
    assertEquals(Optional.empty(), m.recovery().arat().changeLabel());
  }

  @Test
  void analyze_neverAssessed_noLabel() {
    PatientMetrics m = attending();
    assertEquals(Optional.empty(), m.recovery().fma().changeLabel());
    assertEquals(Optional.empty(), m.recovery().arat().changeLabel());
    assertEquals(org.recoveryreview.model.LastMeasured.none(), m.recovery().lastMeasured());
  }

  @Test
  void analyze_aratChangeChronic_labelledAgainstMdcAndMcid6() {
    // Chronic: ARAT MCID 6, measurement error 3.85.
    assertEquals(
        Optional.of(ChangeLabel.WITHIN_ERROR),
        attending(full("2026-09-01", 3, 30, 20), full("2026-10-10", 3, 30, 23))
            .recovery()
            .arat()
            .changeLabel());
    assertEquals(
        Optional.of(ChangeLabel.DETECTABLE),
        attending(full("2026-09-01", 3, 30, 20), full("2026-10-10", 3, 30, 25))
            .recovery()
            .arat()
            .changeLabel());
    assertEquals(
        Optional.of(ChangeLabel.IMPORTANT),
        attending(full("2026-09-01", 3, 30, 20), full("2026-10-10", 3, 30, 14))
            .recovery()
            .arat()
            .changeLabel());
  }

  @Test
  void notReassessed_lastBeforePeriod_datesAndDaysToPeriodEnd() {
    assertEquals(
        Optional.of("not reassessed since 31 Jul 2026 (92 days)"),
        org.recoveryreview.model.LastMeasured.notReassessed(
            Optional.of(d("2026-07-31")), Fixtures.OCT_2026));
    assertEquals(
        Optional.of("not reassessed since 30 Sep 2026 (31 days)"),
        org.recoveryreview.model.LastMeasured.notReassessed(
            Optional.of(d("2026-09-30")), Fixtures.OCT_2026));
    assertEquals(
        Optional.empty(),
        org.recoveryreview.model.LastMeasured.notReassessed(
            Optional.of(d("2026-10-01")), Fixtures.OCT_2026));
    assertEquals(
        Optional.empty(),
        org.recoveryreview.model.LastMeasured.notReassessed(Optional.empty(), Fixtures.OCT_2026));
  }
}
