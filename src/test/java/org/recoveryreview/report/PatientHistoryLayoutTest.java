package org.recoveryreview.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.Test;
import org.recoveryreview.model.AratParts;
import org.recoveryreview.model.Assessment;
import org.recoveryreview.model.AssessmentPoint;
import org.recoveryreview.model.PatientHistory;
import org.recoveryreview.model.PatientReview;
import org.recoveryreview.model.ReportSettings;

/** The review's assessment history, ARAT subtests chart, sessions table and page budget. */
class PatientHistoryLayoutTest {
  private static final ReportSettings SETTINGS = ReportSettings.defaults();
  private static final ReportFonts FONTS = ReportFonts.forSettings(SETTINGS);
  private static final PatientCharts CHARTS = new PatientCharts(new ChartKit(FONTS), SETTINGS);
  private static final ReportRenderer RENDERER = new ReportRenderer(SETTINGS, FONTS);

  private static byte[] pdf(PatientReview r) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    RENDERER.renderPatient(r, ReportFixtures.CONTEXT, out);
    return out.toByteArray();
  }

  private static String history(String text) {
    return text.substring(text.indexOf("Assessment history"));
  }

  @Test
  void renderPatient_history_mostRecentFirstWithChangeLabels() throws Exception {
    String t = history(PdfChecks.text(pdf(ReportFixtures.lowAdherencePlateau())));

    // Totals 14, 24, 30, 31, 33 against MDC 3.2 and MCID 9; onset 23 May 2026.
    List<String> rows =
        List.of(
            "19 Oct 2026 152 IV III 22 4 5 2 33 +2 within error 23",
            "14 Sep 2026 117 IV III 21 4 4 2 31 +1 within error 21",
            "10 Aug 2026 82 IV II 20 4 4 2 30 +6 detectable 20",
            "6 Jul 2026 47 III II 16 3 3 2 24 +10 important 15",
            "2 Jun 2026 13 II I 10 2 1 1 14 8");
    int last = -1;
    for (String row : rows) {
      int at = t.indexOf(row);
      assertTrue(at > last, row + " after the previous row in:\n" + t);
      last = at;
    }
    assertFalse(t.contains("not listed"), t);
  }

  /** The plateau fixture with {@code n} monthly assessments back from October 2026. */
  static PatientReview manyAssessments(int n) {
    PatientReview base = ReportFixtures.lowAdherencePlateau();
    List<AssessmentPoint> points = new ArrayList<>();
    for (int k = n - 1; k >= 0; k--) {
      points.add(
          ReportFixtures.point(
              ReportFixtures.assessment(
                  LocalDate.of(2026, 10, 19).minusWeeks(2L * k), 3, 2, 20, 4, 4, 2, 20)));
    }
    PatientHistory h = base.history();
    return new PatientReview(
        base.metrics(),
        ReportFixtures.history(
            base.metrics().patient(),
            h.weeks(),
            h.therapyMinutes(),
            points,
            h.transitions(),
            h.periodSessions(),
            h.periodAssessments()));
  }

  @Test
  void renderPatient_moreAssessmentsThanFit_oldestLeftOutAndCountedStillTwoPages()
      throws Exception {
    RenderOutcome o =
        RENDERER.renderPatient(
            manyAssessments(40), ReportFixtures.CONTEXT, new ByteArrayOutputStream());
    String t = history(PdfChecks.text(pdf(manyAssessments(40))));

    assertEquals(2, o.pages());
    assertTrue(t.contains("19 Oct 2026"), t);
    // 40 assessments two weeks apart: the first, 78 weeks before, cannot fit.
    assertFalse(t.contains(Fmt.date(LocalDate.of(2026, 10, 19).minusWeeks(78))), t);
    assertTrue(t.matches("(?s).*\\d+ earlier assessments not listed; all are in the charts.*"), t);
  }

  @Test
  void renderPatient_sessions_oneRowPerTherapyAndSettingWithOutcomes() throws Exception {
    String t = PdfChecks.text(pdf(ReportFixtures.lowAdherencePlateau()));
    String sessions = t.substring(t.indexOf("Sessions in October 2026"));

    // physiotherapy clinic: completed and missed in one row
    assertTrue(sessions.contains("missed"), sessions);
    assertTrue(sessions.matches("(?s).*\\d+ completed, \\d+ missed.*"), sessions);
    assertTrue(sessions.contains("10 completed, 6 missed"), sessions);
  }

  /** The plateau fixture with ARAT subtests that recover gross first and pinch last. */
  static PatientReview withAratParts() {
    PatientReview base = ReportFixtures.lowAdherencePlateau();
    int[][] parts = {{3, 4, 1, 0}, {5, 7, 2, 1}, {6, 9, 4, 1}, {7, 10, 6, 3}, {8, 12, 7, 4}};
    List<AssessmentPoint> points = new ArrayList<>();
    for (int k = 0; k < 5; k++) {
      Assessment a = base.history().assessments().get(k).assessment();
      int[] p = parts[k];
      AratParts ap =
          new AratParts(
              OptionalInt.of(p[1]),
              OptionalInt.of(p[2]),
              OptionalInt.of(p[3]),
              OptionalInt.of(p[0]));
      Assessment withParts =
          new Assessment(
              a.patientId(),
              a.date(),
              a.assessor(),
              a.brunnstromArm(),
              a.brunnstromHand(),
              a.fmaA(),
              a.fmaB(),
              a.fmaC(),
              a.fmaD(),
              OptionalInt.of(p[0] + p[1] + p[2] + p[3]),
              ap);
      points.add(ReportFixtures.point(withParts));
    }
    PatientHistory h = base.history();
    return new PatientReview(
        base.metrics(),
        ReportFixtures.history(
            base.metrics().patient(),
            h.weeks(),
            h.therapyMinutes(),
            points,
            h.transitions(),
            h.periodSessions(),
            h.periodAssessments()));
  }

  @Test
  void aratParts_seriesTotalThenGrossToFineAsPercentOfMaxima() {
    JFreeChart c = CHARTS.aratParts(withAratParts(), ReportFixtures.CONTEXT, FONTS_DOC);
    XYPlot plot = c.getXYPlot();
    XYDataset d = plot.getDataset(0);
    assertEquals(5, d.getSeriesCount());
    assertEquals("Total /57", d.getSeriesKey(0));
    assertEquals("Gross movement /9", d.getSeriesKey(1));
    assertEquals("Grasp /18", d.getSeriesKey(2));
    assertEquals("Grip /12", d.getSeriesKey(3));
    assertEquals("Pinch /18", d.getSeriesKey(4));
    // Last assessment: gross 8/9, grasp 12/18, grip 7/12, pinch 4/18, total 31/57.
    assertEquals(100.0 * 8 / 9, d.getYValue(1, 4), 1e-9);
    assertEquals(100.0 * 12 / 18, d.getYValue(2, 4), 1e-9);
    assertEquals(100.0 * 7 / 12, d.getYValue(3, 4), 1e-9);
    assertEquals(100.0 * 4 / 18, d.getYValue(4, 4), 1e-9);
    assertEquals(100.0 * 31 / 57, d.getYValue(0, 4), 1e-9);
    // The right-hand axis reads points: 57 sits where 100% does.
    assertEquals(
        plot.getRangeAxis(0).getUpperBound() * 0.57, plot.getRangeAxis(1).getUpperBound(), 1e-9);
  }

  private static final DocFonts FONTS_DOC = new DocFonts(FONTS, ReportFonts.CjkRegion.SC, "test");

  @Test
  void renderPatient_aratParts_chartBesideFmaPartsAndStillTwoPagesAndPdfA() throws Exception {
    byte[] pdf = pdf(withAratParts());
    String t = PdfChecks.text(pdf);

    assertTrue(t.contains("ARAT: total and subtests, gross to fine"), t);
    assertTrue(t.contains("Gross movement /9"), t);
    assertTrue(t.contains("Pinch /18"), t);
    assertFalse(t.contains("Action Research Arm Test\n"), t);
    assertEquals(2, PdfChecks.pages(pdf));
    assertEquals("", PdfChecks.pdfA1bFailures(pdf));
  }

  @Test
  void renderPatient_noAratParts_plainAratChart() throws Exception {
    String t = PdfChecks.text(pdf(ReportFixtures.lowAdherencePlateau()));

    assertTrue(t.contains("Action Research Arm Test"), t);
    assertFalse(t.contains("gross to fine"), t);
  }
}
