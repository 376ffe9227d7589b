package org.recoveryreview.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.recoveryreview.model.GoalGroup;
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
    assertTrue(t.contains("GAS T-score 43.8 over 2 scored goals; 1 achieved"), t);
    assertTrue(t.contains("Put on a shirt with buttons without help"), t);
    assertTrue(t.contains("Set 3 Aug 2026, target 30 Nov 2026"), t);
    assertTrue(t.contains("1 Sep −1 · 5 Oct 0"), t);
    assertTrue(t.contains("Dressing"), t);
    assertTrue(t.contains("Drink from a cup with my weaker hand"), t);
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
}
