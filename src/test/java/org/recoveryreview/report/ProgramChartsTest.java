package org.recoveryreview.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.time.YearMonth;
import java.util.List;
import java.util.OptionalDouble;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.CategoryTextAnnotation;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.junit.jupiter.api.Test;
import org.recoveryreview.model.Adherence;
import org.recoveryreview.model.AnalysisSettings;
import org.recoveryreview.model.BrunnstromScale;
import org.recoveryreview.model.ReportSettings;
import org.recoveryreview.model.RollupRow;
import org.recoveryreview.model.RollupRow.Dimension;
import org.recoveryreview.model.StageOnset;

class ProgramChartsTest {
  private static final ReportFonts FONTS = ReportFonts.forSettings(ReportSettings.defaults());
  private static final ProgramCharts CHARTS = new ProgramCharts(new ChartKit(FONTS));
  private static final YearMonth OCT = YearMonth.of(2026, 10);

  private static DocFonts doc() {
    return new DocFonts(FONTS, ReportFonts.CjkRegion.SC, "test");
  }

  private static RollupRow row(String group, long due, long done, long patients) {
    return new RollupRow(
        Dimension.THERAPIST, group, OCT, new Adherence(due, done, 0, 0, 0, 0, 0), patients);
  }

  @Test
  void labelBarEnds_anyBar_itsOwnLabelShownPastItsEnd() {
    BarRenderer bars = new BarRenderer();

    ProgramCharts.labelBarEnds(bars, (row, column) -> row + "/" + column);

    assertEquals("1/2", bars.getDefaultItemLabelGenerator().generateLabel(null, 1, 2));
    assertTrue(bars.getDefaultItemLabelsVisible());
    assertEquals(
        ItemLabelAnchor.OUTSIDE3, bars.getDefaultPositiveItemLabelPosition().getItemLabelAnchor());
  }

  @Test
  void barLabel_fewerThanFivePatients_starredLikeTheTrend() {
    assertEquals("97% (n=1*)", ProgramCharts.barLabel(row("A", 39, 38, 1)));
    assertEquals("75% (n=4*)", ProgramCharts.barLabel(row("B", 4, 3, 4)));
    assertEquals("75% (n=5)", ProgramCharts.barLabel(row("C", 4, 3, 5)));
  }

  @Test
  void barLabel_halfPercent_roundsHalfUpAsTheCsv() {
    assertEquals("58% (n=12)", ProgramCharts.barLabel(row("A", 40, 23, 12)));
  }

  @Test
  void barLabel_noSessionsDue_saysWhyTheBarIsBlank() {
    assertEquals(
        "no sessions due in Oct 2026 (n=0)", ProgramCharts.barLabel(row("Maria", 0, 0, 0)));
  }

  @Test
  void rateByGroup_fewPatientsHollowBlankBarNoted() {
    List<RollupRow> rows = List.of(row("A", 39, 38, 1), row("B", 40, 30, 9), row("C", 0, 0, 0));
    JFreeChart c = CHARTS.rateByGroup("t", "Therapist", rows, AnalysisSettings.defaults(), doc());
    CategoryPlot plot = c.getCategoryPlot();
    BarRenderer bars = (BarRenderer) plot.getRenderer();
    assertEquals(Color.WHITE, bars.getItemPaint(0, 0));
    assertEquals(
        Palette.band(org.recoveryreview.model.AdherenceBand.ADHERENT),
        bars.getItemOutlinePaint(0, 0));
    assertEquals(bars.getItemOutlinePaint(0, 1), bars.getItemPaint(0, 1));
    assertEquals(
        "97% (n=1*)", bars.getItemLabelGenerator(0, 0).generateLabel(plot.getDataset(), 0, 0));
    CategoryTextAnnotation blank = (CategoryTextAnnotation) plot.getAnnotations().get(0);
    assertEquals("no sessions due in Oct 2026 (n=0)", blank.getText());
    assertEquals("C", blank.getCategory());
    assertTrue(plot.getRangeAxis().getUpperBound() > 100, "room for the labels of a 100% bar");
  }

  @Test
  void stageOnsets_stageSixOnTop_asOnThePatientCharts() {
    List<StageOnset> onsets =
        List.of(
            new StageOnset(BrunnstromScale.ARM, 2, OptionalDouble.of(10), 5, 6),
            new StageOnset(BrunnstromScale.ARM, 4, OptionalDouble.of(40), 4, 8),
            new StageOnset(BrunnstromScale.HAND, 6, OptionalDouble.of(90), 3, 9));
    CategoryPlot plot = CHARTS.stageOnsets(onsets, doc()).getCategoryPlot();
    List<?> columns = plot.getDataset().getColumnKeys();
    assertEquals(List.of("Stage VI", "Stage V", "Stage IV", "Stage III", "Stage II"), columns);
    // Labels follow their bars.
    assertEquals(
        "90 d, n=3/9",
        plot.getRenderer().getItemLabelGenerator(1, 0).generateLabel(plot.getDataset(), 1, 0));
    assertEquals(
        "10 d, n=5/6",
        plot.getRenderer().getItemLabelGenerator(0, 4).generateLabel(plot.getDataset(), 0, 4));
  }

  @Test
  void renderProgram_attendance_headlineAndSettingRowsLabelledApart() throws Exception {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    new ReportRenderer(ReportSettings.defaults())
        .renderProgram(ReportFixtures.program(), List.of(), ReportFixtures.CONTEXT, out);
    String t = PdfChecks.text(out.toByteArray());
    assertTrue(t.contains("Clinic + tele attendance"), t);
    assertTrue(t.contains("count clinic and tele sessions together"), t);
    assertTrue(t.contains("the Setting rows give each setting on its own"), t);
  }
}
