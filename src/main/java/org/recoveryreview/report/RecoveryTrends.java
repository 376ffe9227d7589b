package org.recoveryreview.report;

import java.awt.BasicStroke;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.recoveryreview.model.Assessment;
import org.recoveryreview.model.AssessmentPoint;
import org.recoveryreview.model.PatientReview;

/**
 * The Fugl-Meyer total and ARAT over time, on the recovery charts' shared time axis: the total with
 * the minimal detectable change around its first value and, early after onset, the population
 * reference of proportional recovery (see docs/metrics.md, "FMA total and ARAT charts").
 */
final class RecoveryTrends {
  /** Minimal detectable change of the FMA-UE total (See et al., NNR 2013;27:732). */
  static final double FMA_MDC = 3.2;

  /** The share of the possible gain (66 − first) that proportional recovery describes. */
  static final double PROPORTION = 0.7;

  /** The reference is drawn only when the first total was taken this soon after onset. */
  static final long REFERENCE_WITHIN_DAYS = 30;

  static final String REFERENCE_LABEL =
      "population reference (proportional recovery), not a prediction";

  private final ChartKit kit;

  RecoveryTrends(ChartKit kit) {
    this.kit = kit;
  }

  /** Whether there is anything for these charts: a complete FMA total or an ARAT score. */
  static boolean any(PatientReview r) {
    return r.history().assessments().stream()
        .anyMatch(p -> p.fmaTotal().isPresent() || p.assessment().arat().isPresent());
  }

  /** The first complete FMA total on or before the period's end, with its date. */
  static Optional<AssessmentPoint> firstTotal(PatientReview r) {
    return r.history().assessments().stream().filter(p -> p.fmaTotal().isPresent()).findFirst();
  }

  /**
   * 0.7 × (66 − first) + first, when the first complete total is dated within 30 days of onset;
   * empty otherwise.
   */
  static Optional<Double> reference(PatientReview r) {
    LocalDate onset = r.metrics().patient().onsetDate();
    return firstTotal(r)
        .filter(
            p -> {
              long days = ChronoUnit.DAYS.between(onset, p.date());
              return days >= 0 && days <= REFERENCE_WITHIN_DAYS;
            })
        .map(
            p -> {
              int first = p.fmaTotal().getAsInt();
              return PROPORTION * (Assessment.FMA_TOTAL_MAX - first) + first;
            });
  }

  /** FMA total (0–66) over time with the MDC band around the first total and the reference. */
  JFreeChart fmaTotal(PatientReview r, DateAxis time, DocFonts doc) {
    XYSeries total = new XYSeries("FMA total", true, true);
    for (AssessmentPoint p : r.history().assessments()) {
      if (p.fmaTotal().isPresent()) {
        total.addOrUpdate(ChartKit.millis(p.date()), p.fmaTotal().getAsInt());
      }
    }
    XYSeriesCollection data = new XYSeriesCollection();
    if (!total.isEmpty()) {
      data.addSeries(total);
    }
    NumberAxis y = scoreAxis("FMA-UE total (0–66)", Assessment.FMA_TOTAL_MAX);
    XYLineAndShapeRenderer line = new XYLineAndShapeRenderer(true, true);
    XYPlot plot = new XYPlot(data, time, y, line);
    JFreeChart chart = kit.chart("Fugl-Meyer total", plot, true, doc);
    line.setSeriesPaint(0, Palette.BLUE);
    line.setSeriesStroke(0, new BasicStroke(1.8f));
    line.setSeriesShape(0, ChartKit.SHAPES[0]);
    style(plot, y);
    Optional<AssessmentPoint> first = firstTotal(r);
    if (first.isPresent()) {
      double v = first.get().fmaTotal().getAsInt();
      IntervalMarker mdc =
          new IntervalMarker(
              Math.max(0, v - FMA_MDC), Math.min(Assessment.FMA_TOTAL_MAX, v + FMA_MDC));
      mdc.setPaint(Palette.MDC);
      mdc.setAlpha(1f);
      mdc.setOutlinePaint(null);
      mdc.setLabelBackgroundColor(Palette.MDC);
      plot.addRangeMarker(mdc, Layer.BACKGROUND);
    }
    reference(r).ifPresent(v -> plot.addRangeMarker(referenceLine(v)));
    if (!total.isEmpty()) {
      ChartKit.periodLegend(plot);
      ChartKit.addLegendSwatch(plot, "MDC ±3.2 around the first total", Palette.MDC);
    }
    return chart;
  }

  /** ARAT total (0–57) over time; "No data" when none is recorded. */
  JFreeChart arat(PatientReview r, DateAxis time, DocFonts doc) {
    XYSeries arat = new XYSeries("ARAT total", true, true);
    for (AssessmentPoint p : r.history().assessments()) {
      p.assessment().arat().ifPresent(v -> arat.addOrUpdate(ChartKit.millis(p.date()), v));
    }
    XYSeriesCollection data = new XYSeriesCollection();
    if (!arat.isEmpty()) {
      data.addSeries(arat);
    }
    NumberAxis y = scoreAxis("ARAT total (0–57)", Assessment.ARAT_MAX);
    XYLineAndShapeRenderer line = new XYLineAndShapeRenderer(true, true);
    XYPlot plot = new XYPlot(data, time, y, line);
    JFreeChart chart = kit.chart("Action Research Arm Test", plot, true, doc);
    line.setSeriesPaint(0, Palette.GREEN);
    line.setSeriesStroke(0, new BasicStroke(1.8f));
    line.setSeriesShape(0, ChartKit.SHAPES[2]);
    style(plot, y);
    if (!arat.isEmpty()) {
      ChartKit.periodLegend(plot);
    }
    return chart;
  }

  private NumberAxis scoreAxis(String label, int max) {
    NumberAxis y = new NumberAxis(label);
    y.setRange(0, max + 2);
    y.setTickUnit(new NumberTickUnit(10));
    return y;
  }

  private void style(XYPlot plot, NumberAxis y) {
    kit.restyleAxisFonts(plot.getDomainAxis());
    kit.restyleAxisFonts(y);
    plot.getDomainAxis().setTickLabelFont(kit.tickFont());
    y.setTickLabelFont(kit.tickFont());
  }

  private ValueMarker referenceLine(double value) {
    ValueMarker m =
        new ValueMarker(
            value,
            Palette.MUTED,
            new BasicStroke(
                1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {4f, 3f}, 0f));
    m.setAlpha(1f);
    m.setLabel(REFERENCE_LABEL);
    m.setLabelFont(kit.tickFont().deriveFont(5.5f));
    m.setLabelPaint(Palette.MUTED);
    m.setLabelBackgroundColor(java.awt.Color.WHITE);
    m.setLabelAnchor(RectangleAnchor.TOP_LEFT);
    m.setLabelTextAnchor(TextAnchor.BOTTOM_LEFT);
    m.setLabelOffset(new RectangleInsets(1, 2, 1, 2));
    return m;
  }
}
