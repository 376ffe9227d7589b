package org.recoveryreview.report;

import java.awt.BasicStroke;
import java.util.Optional;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYLineAnnotation;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.recoveryreview.model.Assessment;
import org.recoveryreview.model.AssessmentPoint;
import org.recoveryreview.model.PatientReview;
import org.recoveryreview.model.PopulationReference;

/**
 * The Fugl-Meyer total and ARAT over time, on the recovery charts' shared time axis: the total with
 * the minimal detectable change around its first value and, where it applies ({@link
 * PopulationReference}), the population reference of proportional recovery over months 3–6 (see
 * docs/metrics.md, "FMA total and ARAT charts").
 */
final class RecoveryTrends {
  /** Minimal detectable change of the FMA-UE total (See et al., NNR 2013;27:732). */
  static final double FMA_MDC = 3.2;

  /** The reference line's label on the chart; the legend names it in full. */
  static final String REFERENCE_LABEL = "population reference, months 3–6";

  /** The legend entry of the reference line. */
  static final String REFERENCE_LEGEND =
      "Population reference (proportional recovery), not a prediction";

  /** The FMA axis spans at least this many points, so a 5-point change is a clear step. */
  static final double MIN_SPAN = 20;

  /** Points of room kept above and below the values drawn. */
  static final double PAD = 4;

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
   * FMA total over time with the MDC band around the first total and, when {@code ref} is drawn,
   * the population reference over its window; the axis zooms to the patient's range (at least
   * {@link #MIN_SPAN} points, within 0–66) and says so.
   */
  JFreeChart fmaTotal(PatientReview r, DateAxis time, DocFonts doc, PopulationReference ref) {
    XYSeries total = totalSeries(r);
    XYSeriesCollection data = new XYSeriesCollection();
    if (!total.isEmpty()) {
      data.addSeries(total);
    }
    Optional<AssessmentPoint> first = firstTotal(r);
    double[] range = fmaRange(total, first, ref);
    NumberAxis y = new NumberAxis("FMA-UE total");
    y.setRange(range[0], range[1]);
    y.setTickUnit(new NumberTickUnit(range[1] - range[0] <= 34 ? 5 : 10));
    XYLineAndShapeRenderer line = new XYLineAndShapeRenderer(true, true);
    XYPlot plot = new XYPlot(data, time, y, line);
    JFreeChart chart = kit.chart(fmaTitle(range), plot, true, doc);
    line.setSeriesPaint(0, Palette.BLUE);
    line.setSeriesStroke(0, new BasicStroke(1.8f));
    line.setSeriesShape(0, ChartKit.SHAPES[0]);
    style(plot, y);
    if (first.isPresent()) {
      plot.addRangeMarker(mdcBand(first.get().fmaTotal().getAsInt()), Layer.BACKGROUND);
    }
    if (ref.drawn()) {
      addReference(plot, time, ref, range);
    }
    if (!total.isEmpty()) {
      ChartKit.periodLegend(plot);
      ChartKit.addLegendSwatch(plot, "MDC ±3.2 around the first total", Palette.MDC);
      if (ref.drawn()) {
        addReferenceLegend(plot);
      }
    }
    return chart;
  }

  private static XYSeries totalSeries(PatientReview r) {
    XYSeries total = new XYSeries("FMA total", true, true);
    for (AssessmentPoint p : r.history().assessments()) {
      if (p.fmaTotal().isPresent()) {
        total.addOrUpdate(ChartKit.millis(p.date()), p.fmaTotal().getAsInt());
      }
    }
    return total;
  }

  /** The axis range that shows every total, the MDC band and, when drawn, the reference. */
  private static double[] fmaRange(
      XYSeries total, Optional<AssessmentPoint> first, PopulationReference ref) {
    double lo = Double.MAX_VALUE;
    double hi = -Double.MAX_VALUE;
    for (int i = 0; i < total.getItemCount(); i++) {
      lo = Math.min(lo, total.getY(i).doubleValue());
      hi = Math.max(hi, total.getY(i).doubleValue());
    }
    if (first.isPresent()) {
      double v = first.get().fmaTotal().getAsInt();
      lo = Math.min(lo, v - FMA_MDC);
      hi = Math.max(hi, v + FMA_MDC);
    }
    if (ref.drawn()) {
      lo = Math.min(lo, ref.value().get());
      hi = Math.max(hi, ref.value().get());
    }
    return fmaRange(lo, hi);
  }

  /** The MDC band around the first total {@code v}, within 0 and the scale's maximum. */
  private static IntervalMarker mdcBand(double v) {
    IntervalMarker mdc =
        new IntervalMarker(
            Math.max(0, v - FMA_MDC), Math.min(Assessment.FMA_TOTAL_MAX, v + FMA_MDC));
    mdc.setPaint(Palette.MDC);
    mdc.setAlpha(1f);
    mdc.setOutlinePaint(null);
    mdc.setLabelBackgroundColor(Palette.MDC);
    return mdc;
  }

  /** The population reference's line in the legend, after the fixed items already there. */
  private static void addReferenceLegend(XYPlot plot) {
    ChartKit.appendLegend(
        plot,
        ChartKit.lineLegendItem(REFERENCE_LEGEND, Palette.MUTED, referenceMarker().getStroke()));
  }

  /**
   * The axis range for values from {@code lo} to {@code hi}: {@link #PAD} points either side, at
   * least {@link #MIN_SPAN} points, inside 0 to 66 + 2 (room for the top marker).
   */
  static double[] fmaRange(double lo, double hi) {
    double top = Assessment.FMA_TOTAL_MAX + 2;
    if (lo > hi) {
      return new double[] {0, top};
    }
    double a = Math.max(0, Math.floor(lo - PAD));
    double b = Math.min(top, Math.ceil(hi + PAD));
    if (b - a < MIN_SPAN) {
      double mid = (a + b) / 2;
      a = Math.max(0, Math.floor(mid - MIN_SPAN / 2));
      b = Math.min(top, a + MIN_SPAN);
      a = Math.max(0, b - MIN_SPAN);
    }
    // Round to whole 5s so the ticks start on the axis ends.
    a = Math.floor(a / 5) * 5;
    b = Math.min(top, Math.ceil(b / 5) * 5);
    return new double[] {a, b};
  }

  /**
   * "Fugl-Meyer total (0–66)", or with the zoom named so the scale is not misread: "Fugl-Meyer
   * total, axis 40–60 of 0–66".
   */
  static String fmaTitle(double[] range) {
    if (range[0] <= 0 && range[1] >= Assessment.FMA_TOTAL_MAX) {
      return "Fugl-Meyer total (0–66)";
    }
    long to = Math.min((long) range[1], Assessment.FMA_TOTAL_MAX);
    return "Fugl-Meyer total, axis " + (long) range[0] + "–" + to + " of 0–66";
  }

  /**
   * The reference as a dashed segment over its window, labelled at its start, above the line, or
   * below it when the line is near the top of the axis so that the label is never cut.
   */
  private void addReference(XYPlot plot, DateAxis time, PopulationReference ref, double[] range) {
    double v = ref.value().get();
    double x0 = ChartKit.millis(ref.from());
    double x1 = ChartKit.millis(ref.to().plusDays(1));
    ValueMarker style = referenceMarker();
    plot.addAnnotation(
        new XYLineAnnotation(x0, v, x1, v, style.getStroke(), style.getPaint()), false);
    boolean left = x0 - time.getLowerBound() < (time.getUpperBound() - time.getLowerBound()) / 2;
    boolean below = labelBelow(v, range);
    XYTextAnnotation label = new XYTextAnnotation(REFERENCE_LABEL, left ? x0 : x1, v);
    label.setFont(kit.tickFont().deriveFont(5.5f));
    label.setPaint(Palette.MUTED);
    label.setTextAnchor(
        below
            ? (left ? TextAnchor.TOP_LEFT : TextAnchor.TOP_RIGHT)
            : (left ? TextAnchor.BOTTOM_LEFT : TextAnchor.BOTTOM_RIGHT));
    plot.addAnnotation(label, false);
  }

  /** True when a label above a line at {@code v} would run past the top of the axis. */
  static boolean labelBelow(double v, double[] range) {
    return v > range[1] - (range[1] - range[0]) * 0.15;
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

  private static ValueMarker referenceMarker() {
    ValueMarker m =
        new ValueMarker(
            0,
            Palette.MUTED,
            new BasicStroke(
                1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {4f, 3f}, 0f));
    m.setAlpha(1f);
    return m;
  }
}
