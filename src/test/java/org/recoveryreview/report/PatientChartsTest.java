package org.recoveryreview.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.Marker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.Layer;
import org.jfree.data.category.CategoryDataset;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.Test;
import org.recoveryreview.model.Adherence;
import org.recoveryreview.model.Patient;
import org.recoveryreview.model.PatientHistory;
import org.recoveryreview.model.PatientReview;
import org.recoveryreview.model.ReportSettings;
import org.recoveryreview.model.TherapyMinutes;
import org.recoveryreview.model.WeekAdherence;

class PatientChartsTest {
  private static final ReportSettings SETTINGS = ReportSettings.defaults();
  private static final ReportFonts FONTS = ReportFonts.forSettings(SETTINGS);
  private static final PatientCharts CHARTS = new PatientCharts(new ChartKit(FONTS), SETTINGS);
  private static final ReportRenderer RENDERER = new ReportRenderer(SETTINGS, FONTS);

  /** Monday of ISO 2026-W40, inside the 16 weeks ending with October 2026. */
  static final LocalDate W40 = LocalDate.of(2026, 9, 28);

  private static DocFonts doc() {
    return new DocFonts(FONTS, ReportFonts.CjkRegion.SC, "test");
  }

  /** The low-adherence fixture with W40 at 0 of 3 clinic and 0 of 5 home sessions. */
  static PatientReview zeroWeek() {
    PatientReview base = ReportFixtures.lowAdherencePlateau();
    List<WeekAdherence> weeks = new ArrayList<>();
    for (WeekAdherence w : base.history().weeks()) {
      weeks.add(
          w.weekStart().equals(W40)
              ? new WeekAdherence(W40, 2026, 40, new Adherence(3, 0, 5, 0, 300, 0, 0))
              : w);
    }
    return withHistory(base, weeks);
  }

  /** The low-adherence fixture whose programme started on 17 Aug 2026 (weeks from then on). */
  static PatientReview lateStart() {
    PatientReview base = ReportFixtures.lowAdherencePlateau();
    LocalDate start = LocalDate.of(2026, 8, 17);
    Patient p = base.metrics().patient();
    Patient late =
        new Patient(
            p.patientId(),
            p.name(),
            p.birthDate(),
            p.sex(),
            p.affectedSide(),
            p.diagnosis(),
            p.onsetDate(),
            p.clinic(),
            p.therapist(),
            Optional.of(start),
            p.dischargeDate(),
            Optional.empty());
    List<WeekAdherence> weeks =
        base.history().weeks().stream().filter(w -> !w.weekStart().isBefore(start)).toList();
    return withHistory(new PatientReview(base.metrics().withPatient(late), base.history()), weeks);
  }

  private static PatientReview withHistory(PatientReview base, List<WeekAdherence> weeks) {
    PatientHistory h = base.history();
    return new PatientReview(
        base.metrics(),
        ReportFixtures.history(
            base.metrics().patient(),
            weeks,
            h.therapyMinutes(),
            h.assessments(),
            h.transitions(),
            h.periodSessions(),
            h.periodAssessments()));
  }

  private static byte[] pdf(PatientReview r) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    RENDERER.renderPatient(r, ReportFixtures.CONTEXT, out);
    return out.toByteArray();
  }

  @Test
  void weeklyAdherence_zeroWeek_barAtZeroAndRedMarkerAtItsPlace() {
    JFreeChart c = CHARTS.weeklyAdherence(zeroWeek(), ReportFixtures.CONTEXT, doc());
    XYPlot plot = c.getXYPlot();
    XYDataset bars = plot.getDataset(0);
    int w40 = 15 - 4; // W40 is the 12th of the 16 weeks ending with W44
    assertEquals(0.0, bars.getYValue(0, w40));
    assertEquals(0.0, bars.getYValue(1, w40));
    XYDataset zeros = plot.getDataset(1);
    // Clinic: only W40 is at zero; home: the fixture has other zero weeks too, W40 among them.
    assertEquals(1, zeros.getItemCount(0));
    assertEquals(w40 + WeekBars.BAR_OFFSET[0], zeros.getXValue(0, 0), 1e-9);
    boolean homeMarked = false;
    for (int i = 0; i < zeros.getItemCount(1); i++) {
      homeMarked |= Math.abs(zeros.getXValue(1, i) - (w40 + WeekBars.BAR_OFFSET[1])) < 1e-9;
      assertEquals(0.0, bars.getYValue(1, (int) Math.round(zeros.getXValue(1, i) - 0.16)));
    }
    assertTrue(homeMarked);
    assertTrue(legend(c).contains("None done (0 of due)"), legend(c).toString());
  }

  @Test
  void weeklyAdherence_everyWeekDue_labelledDoneOverDue() {
    JFreeChart c = CHARTS.weeklyAdherence(zeroWeek(), ReportFixtures.CONTEXT, doc());
    List<String> labels = new ArrayList<>();
    for (Object o : c.getXYPlot().getAnnotations()) {
      if (o instanceof XYTextAnnotation a) {
        labels.add(a.getText());
      }
    }
    // 16 weeks, each with clinic and home sessions due: 32 labels.
    assertEquals(32, labels.size(), labels.toString());
    assertTrue(labels.stream().allMatch(l -> l.matches("\\d+/[1-9]\\d*")), labels.toString());
    assertTrue(labels.contains("0/3"), labels.toString());
    assertTrue(labels.contains("0/5"), labels.toString());
  }

  @Test
  void renderPatient_zeroWeek_doneOverDueLabelsExtractable() throws Exception {
    byte[] pdf = pdf(zeroWeek());
    String t = PdfChecks.text(pdf);

    assertTrue(t.contains("0/3"), t);
    assertTrue(t.contains("0/5"), t);
    assertTrue(t.contains("sessions done/due"), t);
    assertEquals("", PdfChecks.pdfA1bFailures(pdf));
  }

  @Test
  void weeklyAdherence_weeksBeforeProgrammeStart_shadedAsOutside() {
    JFreeChart c = CHARTS.weeklyAdherence(lateStart(), ReportFixtures.CONTEXT, doc());
    XYPlot plot = c.getXYPlot();
    IntervalMarker outside = null;
    for (Object o : plot.getDomainMarkers(Layer.BACKGROUND)) {
      if (o instanceof IntervalMarker m && Palette.OUTSIDE.equals(m.getPaint())) {
        outside = m;
      }
    }
    assertTrue(outside != null, "no outside band");
    // 16 weeks from Mon 13 Jul; 17 Aug is week index 5, so the band ends at 4.5.
    assertEquals(-0.5, outside.getStartValue(), 1e-9);
    assertEquals(4.5, outside.getEndValue(), 1e-9);
    assertTrue(legend(c).contains("Before programme start"), legend(c).toString());
  }

  @Test
  void weeklyAdherence_programmeBeforeWindow_noOutsideBand() {
    JFreeChart c = CHARTS.weeklyAdherence(zeroWeek(), ReportFixtures.CONTEXT, doc());
    for (Object o : c.getXYPlot().getDomainMarkers(Layer.BACKGROUND)) {
      assertFalse(((Marker) o).getPaint().equals(Palette.OUTSIDE));
    }
    assertFalse(legend(c).contains("Before programme start"));
  }

  /** Twelve therapies, each 60 of 90 minutes a month, and in October 118 of 1,035 in all. */
  static PatientReview manyTherapies() {
    PatientReview base = ReportFixtures.lowAdherencePlateau();
    List<TherapyMinutes> minutes = new ArrayList<>();
    for (YearMonth m = YearMonth.of(2026, 3);
        !m.isAfter(YearMonth.of(2026, 10));
        m = m.plusMonths(1)) {
      for (int t = 0; t < 12; t++) {
        boolean october = m.equals(YearMonth.of(2026, 10));
        long planned = october ? (t == 0 ? 45 : 90) : 90;
        long done = october ? (t < 2 ? 59 : 0) : 60;
        minutes.add(new TherapyMinutes(m, "therapy_" + (char) ('a' + t), planned, done));
      }
    }
    PatientHistory h = base.history();
    return new PatientReview(
        base.metrics(),
        ReportFixtures.history(
            base.metrics().patient(),
            h.weeks(),
            minutes,
            h.assessments(),
            h.transitions(),
            h.periodSessions(),
            h.periodAssessments()));
  }

  @Test
  void therapyMinutes_twelveTherapies_twelveDistinctColours() {
    JFreeChart c = CHARTS.therapyMinutes(manyTherapies(), ReportFixtures.CONTEXT, doc());
    CategoryPlot plot = c.getCategoryPlot();
    assertEquals(12, plot.getDataset(0).getRowCount());
    java.util.Set<java.awt.Paint> paints = new java.util.HashSet<>();
    for (int i = 0; i < 12; i++) {
      paints.add(plot.getRenderer(0).getSeriesPaint(i));
    }
    assertEquals(12, paints.size());
  }

  @Test
  void therapyMinutes_plannedPerMonth_outlineDatasetAndWindowInTitle() {
    JFreeChart c = CHARTS.therapyMinutes(manyTherapies(), ReportFixtures.CONTEXT, doc());
    CategoryPlot plot = c.getCategoryPlot();
    CategoryDataset planned = plot.getDataset(1);
    assertEquals(6, planned.getColumnCount());
    assertEquals("May 2026", planned.getColumnKey(0));
    assertEquals(1080.0, planned.getValue(0, 0).doubleValue());
    assertEquals(1035.0, planned.getValue(0, 5).doubleValue());
    assertTrue(c.getTitle().getText().contains("last 6 months"), c.getTitle().getText());
    assertTrue(legend(c).contains(MinutesChart.PLANNED), legend(c).toString());
  }

  @Test
  void renderPatient_manyTherapies_doneOverPlannedLabelsExtractable() throws Exception {
    byte[] pdf = pdf(manyTherapies());
    String t = PdfChecks.text(pdf);

    assertTrue(t.contains("118/1,035"), t);
    assertTrue(t.contains("720/1,080"), t);
    assertTrue(t.contains("last 6 months"), t);
    assertEquals("", PdfChecks.pdfA1bFailures(pdf));
  }

  /** Arm and hand at the same stage at every assessment. */
  static PatientReview armEqualsHand() {
    PatientReview base = ReportFixtures.lowAdherencePlateau();
    List<org.recoveryreview.model.AssessmentPoint> points = new ArrayList<>();
    int[] stages = {2, 3, 3, 4, 4};
    int[] days = {2, 6, 10, 14, 19};
    for (int k = 0; k < 5; k++) {
      points.add(
          ReportFixtures.point(
              ReportFixtures.assessment(
                  LocalDate.of(2026, 6 + k, days[k]),
                  stages[k],
                  stages[k],
                  10 + 3 * k,
                  2,
                  1 + k,
                  1,
                  8 + 4 * k)));
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
  void brunnstrom_armEqualsHand_handDrawnLastInsideTheWiderArmLine() {
    JFreeChart c = CHARTS.brunnstrom(armEqualsHand(), ReportFixtures.CONTEXT, doc());
    XYPlot plot = c.getXYPlot();
    XYDataset d = plot.getDataset(0);
    assertEquals(5, d.getItemCount(0));
    assertEquals(5, d.getItemCount(1));
    for (int i = 0; i < 5; i++) {
      assertEquals(d.getYValue(0, i), d.getYValue(1, i));
    }
    assertEquals(org.jfree.chart.plot.SeriesRenderingOrder.FORWARD, plot.getSeriesRenderingOrder());
    float arm = ((java.awt.BasicStroke) plot.getRenderer(0).getSeriesStroke(0)).getLineWidth();
    java.awt.BasicStroke hand = (java.awt.BasicStroke) plot.getRenderer(0).getSeriesStroke(1);
    assertTrue(arm > hand.getLineWidth() * 2, arm + " vs " + hand.getLineWidth());
    assertTrue(hand.getDashArray() != null);
    assertFalse(
        plot.getRenderer(1)
            .getSeriesShape(0)
            .getBounds2D()
            .equals(plot.getRenderer(1).getSeriesShape(1).getBounds2D()));
  }

  @Test
  void recoveryCharts_sameTimeAxisRangeAndMonthTicks() {
    PatientReview r = armEqualsHand();
    org.jfree.chart.axis.DateAxis b =
        (org.jfree.chart.axis.DateAxis)
            CHARTS.brunnstrom(r, ReportFixtures.CONTEXT, doc()).getXYPlot().getDomainAxis();
    org.jfree.chart.axis.DateAxis f =
        (org.jfree.chart.axis.DateAxis)
            CHARTS.fuglMeyer(r, ReportFixtures.CONTEXT, doc()).getXYPlot().getDomainAxis();
    assertEquals(b.getRange(), f.getRange());
    assertEquals(b.getTickUnit(), f.getTickUnit());
    assertEquals("Assessment date, 2026", b.getLabel());
    assertEquals(
        "May",
        b.getTickUnit()
            .dateToString(java.util.Date.from(java.time.Instant.parse("2026-05-01T00:00:00Z"))));
  }

  @Test
  void monthAxis_rangeAcrossYears_ticksNameTheYear() {
    org.jfree.chart.axis.DateAxis a =
        new ChartKit(FONTS)
            .monthAxis("Assessment date", LocalDate.of(2025, 11, 20), LocalDate.of(2026, 11, 4));
    assertEquals("Assessment date", a.getLabel());
    assertEquals(
        "Jan 2026",
        a.getTickUnit()
            .dateToString(java.util.Date.from(java.time.Instant.parse("2026-01-01T00:00:00Z"))));
    assertEquals(3, ((org.jfree.chart.axis.DateTickUnit) a.getTickUnit()).getMultiple());
  }

  @Test
  void renderPatient_recoveryCharts_monthTicksReadAsMonths() throws Exception {
    byte[] pp = pdf(armEqualsHand());
    String t = PdfChecks.text(pp);

    assertTrue(t.contains("May Jun Jul Aug Sep Oct Nov"), t);
    assertTrue(t.contains("Assessment date, 2026"), t);
    assertFalse(t.contains("Jul 26"), t);
  }

  @Test
  void fmaTotal_strokeFirstWithin30DaysOfOnset_mdcBandAndReferenceOverMonths3To6() {
    // Onset 20 May, first complete total 14 on 2 Jun (13 days): 0.7 × (66 − 14) + 14 = 50.4,
    // drawn from day 90 (18 Aug) to the chart's end (31 Oct; day 180 is 16 Nov).
    PatientReview r = ReportFixtures.lowAdherencePlateau();
    JFreeChart c = CHARTS.fmaTotal(r, ReportFixtures.CONTEXT, doc());
    XYPlot plot = c.getXYPlot();
    assertEquals(5, plot.getDataset().getItemCount(0));
    assertEquals(14.0, plot.getDataset().getYValue(0, 0));
    IntervalMarker mdc = null;
    for (Object o : plot.getRangeMarkers(Layer.BACKGROUND)) {
      mdc = o instanceof IntervalMarker m ? m : mdc;
    }
    assertEquals(10.8, mdc.getStartValue(), 1e-9);
    assertEquals(17.2, mdc.getEndValue(), 1e-9);
    org.jfree.chart.annotations.XYLineAnnotation line = referenceLine(plot);
    assertEquals(50.4, line.getY1(), 1e-9);
    assertEquals(50.4, line.getY2(), 1e-9);
    assertEquals(ChartKit.millis(LocalDate.of(2026, 8, 18)), line.getX1(), 1e-3);
    assertEquals(ChartKit.millis(LocalDate.of(2026, 11, 1)), line.getX2(), 1e-3);
    assertTrue(legend(c).contains(RecoveryTrends.REFERENCE_LEGEND), legend(c).toString());
    assertTrue(PatientCharts.reference(r, SETTINGS).drawn());
  }

  @Test
  void fmaTotal_firstAfter30Days_noReferenceAndReasonNamesTheDay() {
    PatientReview r = armEqualsHand(); // first total on 2 Jun, onset moved to 2 May: 31 days
    PatientReview late = withOnset(r, LocalDate.of(2026, 5, 2));
    org.recoveryreview.model.PopulationReference ref = PatientCharts.reference(late, SETTINGS);
    assertFalse(ref.drawn());
    assertTrue(ref.reason().get().contains("within 30 days of onset (first here: day 31)"));
    assertTrue(PatientCharts.reference(withOnset(r, LocalDate.of(2026, 5, 3)), SETTINGS).drawn());
    JFreeChart c = CHARTS.fmaTotal(late, ReportFixtures.CONTEXT, doc());
    assertTrue(referenceLines(c.getXYPlot()).isEmpty());
    assertFalse(legend(c).contains(RecoveryTrends.REFERENCE_LEGEND));
  }

  @Test
  void fmaTotal_traumaticBrainInjury_noReferenceAndPageSaysWhy() throws Exception {
    PatientReview tbi =
        withDiagnosis(ReportFixtures.lowAdherencePlateau(), "traumatic brain injury");
    assertTrue(
        referenceLines(CHARTS.fmaTotal(tbi, ReportFixtures.CONTEXT, doc()).getXYPlot()).isEmpty());
    String t = PdfChecks.text(pdf(tbi));
    assertTrue(
        t.contains("not drawn: it describes recovery after stroke, not traumatic brain injury"), t);
    assertFalse(t.contains(RecoveryTrends.REFERENCE_LABEL), t);
  }

  @Test
  void fmaTotal_labelNearTopOfAxis_placedBelowTheLineInsideThePlot() {
    // First total 62 on day 13: reference 0.7 × 4 + 62 = 64.8, at the top of a 45–68 axis.
    PatientReview r = withFirstTotal(ReportFixtures.lowAdherencePlateau(), 62);
    XYPlot plot = CHARTS.fmaTotal(r, ReportFixtures.CONTEXT, doc()).getXYPlot();
    assertEquals(64.8, referenceLine(plot).getY1(), 1e-9);
    XYTextAnnotation label = referenceLabel(plot);
    org.jfree.chart.axis.ValueAxis y = plot.getRangeAxis();
    assertTrue(label.getY() <= y.getUpperBound(), "label inside the axis");
    assertTrue(label.getTextAnchor().isTop(), "hangs below the line: " + label.getTextAnchor());
    // A line in the middle of the axis keeps its label above it; from 85% of the axis up, below.
    assertFalse(RecoveryTrends.labelBelow(40, new double[] {10, 55}));
    assertFalse(RecoveryTrends.labelBelow(48.25, new double[] {10, 55}));
    assertTrue(RecoveryTrends.labelBelow(48.3, new double[] {10, 55}));
  }

  @Test
  void fmaRange_narrowValues_zoomsToAtLeast20PointsInside0To66() {
    double[] r = RecoveryTrends.fmaRange(47.8, 54.2);
    assertTrue(r[1] - r[0] >= RecoveryTrends.MIN_SPAN);
    assertTrue(r[0] <= 47.8 - 4 && r[1] >= 54.2 + 4, r[0] + "–" + r[1]);
    assertEquals("Fugl-Meyer total, axis 40–65 of 0–66", RecoveryTrends.fmaTitle(r));
    double[] top = RecoveryTrends.fmaRange(60, 66);
    assertEquals(68, top[1], 1e-9);
    assertEquals(45, top[0], 1e-9);
    double[] wide = RecoveryTrends.fmaRange(2, 64);
    assertEquals(0, wide[0], 1e-9);
    assertEquals("Fugl-Meyer total (0–66)", RecoveryTrends.fmaTitle(wide));
  }

  @Test
  void fmaTotal_fivePointChange_atLeastAQuarterOfTheAxis() {
    PatientReview r = ReportFixtures.lowAdherencePlateau(); // totals 14 to 33, reference 50.4
    org.jfree.chart.axis.ValueAxis y =
        CHARTS.fmaTotal(r, ReportFixtures.CONTEXT, doc()).getXYPlot().getRangeAxis();
    assertTrue(5 / (y.getUpperBound() - y.getLowerBound()) >= 0.1, y.getRange().toString());
  }

  @Test
  void renderPatient_aratRising_trendAndReferenceLabelExtractable() throws Exception {
    byte[] pdf = pdf(ReportFixtures.lowAdherencePlateau());
    String t = PdfChecks.text(pdf);

    assertTrue(t.contains("Action Research Arm Test"), t);
    assertTrue(t.contains("Fugl-Meyer total"), t);
    assertTrue(t.contains(RecoveryTrends.REFERENCE_LABEL), t);
    assertFalse(t.contains("Population reference (proportional recovery) not drawn"), t);
    assertTrue(PdfChecks.pages(pdf) <= 3);
    assertEquals("", PdfChecks.pdfA1bFailures(pdf));
  }

  private static List<org.jfree.chart.annotations.XYLineAnnotation> referenceLines(XYPlot plot) {
    List<org.jfree.chart.annotations.XYLineAnnotation> out = new ArrayList<>();
    for (Object o : plot.getAnnotations()) {
      if (o instanceof org.jfree.chart.annotations.XYLineAnnotation l) {
        out.add(l);
      }
    }
    return out;
  }

  private static org.jfree.chart.annotations.XYLineAnnotation referenceLine(XYPlot plot) {
    List<org.jfree.chart.annotations.XYLineAnnotation> lines = referenceLines(plot);
    assertEquals(1, lines.size());
    return lines.get(0);
  }

  private static XYTextAnnotation referenceLabel(XYPlot plot) {
    for (Object o : plot.getAnnotations()) {
      if (o instanceof XYTextAnnotation t && t.getText().equals(RecoveryTrends.REFERENCE_LABEL)) {
        return t;
      }
    }
    throw new AssertionError("no reference label");
  }

  private static PatientReview withDiagnosis(PatientReview r, String diagnosis) {
    Patient p = r.metrics().patient();
    Patient q =
        new Patient(
            p.patientId(),
            p.name(),
            p.birthDate(),
            p.sex(),
            p.affectedSide(),
            Optional.of(diagnosis),
            p.onsetDate(),
            p.clinic(),
            p.therapist(),
            p.programStart(),
            p.dischargeDate(),
            Optional.empty());
    return new PatientReview(r.metrics().withPatient(q), r.history());
  }

  /** {@code r} with its first complete FMA total set to {@code total} (parts scaled from A). */
  private static PatientReview withFirstTotal(PatientReview r, int total) {
    List<org.recoveryreview.model.AssessmentPoint> points =
        new ArrayList<>(r.history().assessments());
    for (int i = 0; i < points.size(); i++) {
      org.recoveryreview.model.AssessmentPoint p = points.get(i);
      if (p.fmaTotal().isPresent()) {
        points.set(
            i,
            new org.recoveryreview.model.AssessmentPoint(
                p.assessment(),
                p.fmaAPercent(),
                p.fmaBPercent(),
                p.fmaCPercent(),
                p.fmaDPercent(),
                java.util.OptionalInt.of(total),
                p.daysSinceOnset(),
                p.fmaChange(),
                p.fmaChangeLabel()));
        break;
      }
    }
    PatientHistory h = r.history();
    return new PatientReview(
        r.metrics(),
        new PatientHistory(
            h.weeks(),
            h.therapyMinutes(),
            points,
            h.transitions(),
            h.periodSessions(),
            h.periodAssessments(),
            h.periodTransitions(),
            h.windows()));
  }

  @Test
  void therapyMinutes_assumedMinutes_notedPerMonthUnderTheChart() {
    PatientReview base = ReportFixtures.lowAdherencePlateau();
    PatientHistory h = base.history();
    List<TherapyMinutes> minutes =
        List.of(
            new TherapyMinutes(YearMonth.of(2026, 9), "mirror", 300, 250, 120),
            new TherapyMinutes(YearMonth.of(2026, 10), "mirror", 300, 200, 0),
            new TherapyMinutes(YearMonth.of(2026, 10), "cimt", 200, 195, 195));
    PatientReview r =
        new PatientReview(
            base.metrics(),
            new PatientHistory(
                h.weeks(),
                minutes,
                h.assessments(),
                h.transitions(),
                h.periodSessions(),
                h.periodAssessments(),
                h.periodTransitions(),
                h.windows()));
    JFreeChart c = CHARTS.therapyMinutes(r, ReportFixtures.CONTEXT, doc());
    List<String> notes = new ArrayList<>();
    for (Object t : c.getSubtitles()) {
      if (t instanceof org.jfree.chart.title.TextTitle tt) {
        notes.add(tt.getText());
      }
    }
    assertTrue(
        notes.contains(MinutesChart.assumedText(List.of("Sep 120", "Oct 195"))), notes.toString());
  }

  @Test
  void therapyMinutes_allRecorded_noAssumedNote() {
    JFreeChart c =
        CHARTS.therapyMinutes(ReportFixtures.lowAdherencePlateau(), ReportFixtures.CONTEXT, doc());
    for (Object t : c.getSubtitles()) {
      if (t instanceof org.jfree.chart.title.TextTitle tt) {
        assertFalse(tt.getText().contains("assumed"), tt.getText());
      }
    }
  }

  @Test
  void arat_recorded_seriesRisesAsRecorded() {
    JFreeChart c = CHARTS.arat(ReportFixtures.lowAdherencePlateau(), ReportFixtures.CONTEXT, doc());
    XYDataset d = c.getXYPlot().getDataset();
    assertEquals(8.0, d.getYValue(0, 0));
    assertEquals(23.0, d.getYValue(0, d.getItemCount(0) - 1));
  }

  private static PatientReview withOnset(PatientReview r, LocalDate onset) {
    Patient p = r.metrics().patient();
    Patient q =
        new Patient(
            p.patientId(),
            p.name(),
            p.birthDate(),
            p.sex(),
            p.affectedSide(),
            p.diagnosis(),
            onset,
            p.clinic(),
            p.therapist(),
            p.programStart(),
            p.dischargeDate(),
            Optional.empty());
    org.recoveryreview.model.PatientMetrics m = r.metrics();
    return new PatientReview(m.withPatient(q), r.history());
  }

  static List<String> legend(JFreeChart c) {
    List<String> out = new ArrayList<>();
    org.jfree.chart.LegendItemCollection items = c.getPlot().getLegendItems();
    for (int i = 0; i < items.getItemCount(); i++) {
      out.add(items.get(i).getLabel());
    }
    return out;
  }
}
