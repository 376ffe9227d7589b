package org.recoveryreview.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.recoveryreview.model.GoalGroup;
import org.recoveryreview.model.GoalProgress;
import org.recoveryreview.model.PatientGoals;
import org.recoveryreview.model.PatientReview;
import org.recoveryreview.model.ReportSettings;
import org.recoveryreview.model.RollupRow.Dimension;

class GoalSectionTest {
  private static final ReportRenderer RENDERER = new ReportRenderer(ReportSettings.defaults());

  private static byte[] patientPdf(PatientReview r) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    RENDERER.renderPatient(r, ReportFixtures.CONTEXT, out);
    return out.toByteArray();
  }

  @Test
  void renderPatient_withGoals_showsEachGoalItsHistoryAndTScore() throws Exception {
    String t = PdfChecks.text(patientPdf(GoalFixtures.englishWithGoals()));
    assertTrue(t.contains("Goals (Goal Attainment Scaling)"), t);
    assertTrue(t.contains("GAS T-score 43.8, from 2 of 2 goals (equal weights); 1 of 2 rated"), t);
    assertTrue(t.contains("Weight"), t);
    assertTrue(t.contains("Put on a shirt with buttons without"), t);
    assertTrue(t.contains("yes equal 1 Sep −1 · 5 Oct 0"), t);
    assertTrue(t.contains("Set 3 Aug 2026, target 30 Nov 2026"), t);
    assertTrue(t.contains("1 Sep −1 · 5 Oct 0"), t);
    assertTrue(t.contains("Dressing"), t);
    assertTrue(t.contains("Drink from a cup with my weaker"), t);
  }

  @Test
  void renderPatient_withoutGoals_hasNoGoalSection() throws Exception {
    String t = PdfChecks.text(patientPdf(ReportFixtures.lowAdherencePlateau()));
    assertFalse(t.contains("Goal Attainment Scaling"), t);
    assertFalse(t.contains("T-score"), t);
  }

  @Test
  void renderPatient_chineseGoals_extractAndStayPdfA1b() throws Exception {
    byte[] pdf = patientPdf(GoalFixtures.chineseWithGoals());
    String t = PdfChecks.text(pdf);
    assertTrue(t.contains("自己穿上有扣子的衬衫"), t);
    assertEquals("", PdfChecks.pdfA1bFailures(pdf));
  }

  @Test
  void renderProgram_goalGroups_tableWithNPerClinic() throws Exception {
    var program =
        ReportFixtures.program()
            .withGoalGroups(
                List.of(
                    new GoalGroup(Dimension.PROGRAM, "all", 3, OptionalDouble.of(52.04), 7, 4),
                    new GoalGroup(Dimension.CLINIC, "北京康复中心", 3, OptionalDouble.of(52.04), 7, 4)));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    RENDERER.renderProgram(program, List.of(), ReportFixtures.CONTEXT, out);
    String t = PdfChecks.text(out.toByteArray());
    assertTrue(t.contains("Goal attainment by clinic"), t);
    assertTrue(t.contains("All clinics 3 52.0 7 4 57%"), t);
    assertTrue(t.contains("北京康复中心 3 52.0 7 4 57%"), t);
  }

  @Test
  void renderProgram_noGoals_noGoalTable() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    RENDERER.renderProgram(ReportFixtures.program(), List.of(), ReportFixtures.CONTEXT, out);
    assertFalse(PdfChecks.text(out.toByteArray()).contains("Goal attainment"));
  }

  private static GoalProgress goal(String id, int level, int importance, int difficulty, double w) {
    return new GoalProgress(
        id,
        Optional.empty(),
        "Goal " + id,
        LocalDate.of(2026, 8, 3),
        Optional.empty(),
        -1,
        List.of(new GoalProgress.Review(LocalDate.of(2026, 10, 5), OptionalInt.of(level))),
        OptionalInt.of(level),
        w,
        OptionalInt.of(importance),
        OptionalInt.of(difficulty));
  }

  @Test
  void weight_weightedGoal_showsProductOfImportanceAndDifficulty() {
    assertEquals("6 = 3 × 2", GoalSection.weight(goal("G1", 0, 3, 2, 6), true));
  }

  @Test
  void weight_weightZeroGoal_saysNotCounted() {
    assertEquals("0 = 2 × 0: not counted", GoalSection.weight(goal("G2", 2, 2, 0, 0), true));
  }

  @Test
  void weight_unweightedTScore_saysEqual() {
    assertEquals("equal", GoalSection.weight(goal("G1", 0, 3, 2, 1), false));
  }

  @Test
  void summary_oneOfThreeGoalsCounted_namesTheOthersAndWhy() {
    // P00012's case: T = 70 rests on one goal of three (one of weight 0, one not rated).
    GoalProgress unrated =
        new GoalProgress(
            "G3",
            Optional.empty(),
            "Goal G3",
            LocalDate.of(2026, 8, 3),
            Optional.empty(),
            -1,
            List.of(new GoalProgress.Review(LocalDate.of(2026, 10, 5), OptionalInt.empty())),
            OptionalInt.empty(),
            2,
            OptionalInt.of(1),
            OptionalInt.of(2));
    PatientGoals goals =
        new PatientGoals(
            List.of(goal("G1", 2, 3, 2, 6), goal("G2", 0, 2, 0, 0), unrated),
            2,
            2,
            OptionalDouble.of(70.0),
            true);
    assertEquals(1, goals.counted());
    assertEquals(
        "GAS T-score 70.0, from 1 of 3 goals"
            + GoalSection.SPLIT
            + " (importance × difficulty; weight 0, not counted: G2; not rated: G3); 2 of 2 rated"
            + " achieved.",
        GoalSection.summary(goals));
  }

  @Test
  void renderPatient_weightZeroGoal_rowAndTScoreLineSayItIsNotCounted() throws Exception {
    // P00013's case: goals at 0 and +2, the +2 goal has difficulty 0, so T = 50.0.
    PatientGoals goals =
        new PatientGoals(
            List.of(goal("G1", 0, 3, 1, 3), goal("G2", 2, 1, 0, 0)),
            2,
            2,
            OptionalDouble.of(50.0),
            true);
    PatientReview r =
        GoalFixtures.with(ReportFixtures.lowAdherencePlateau(), goals, Optional.of("en"));
    String t = PdfChecks.text(patientPdf(r));
    assertTrue(t.contains("GAS T-score 50.0, from 1 of 2 goals"), t);
    assertTrue(t.contains("weight 0, not counted: G2"), t);
    assertTrue(t.contains("0 = 1 × 0:"), t);
    assertTrue(t.contains("not counted"), t);
    assertTrue(t.contains("3 = 3 × 1"), t);
  }
}
