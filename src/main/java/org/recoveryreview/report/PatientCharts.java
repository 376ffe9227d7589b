package org.recoveryreview.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.SeriesRenderingOrder;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.ClusteredXYBarRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.renderer.xy.XYStepRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.recoveryreview.model.AratPart;
import org.recoveryreview.model.Assessment;
import org.recoveryreview.model.AssessmentPoint;
import org.recoveryreview.model.ChartWindows;
import org.recoveryreview.model.Evidence;
import org.recoveryreview.model.PatientReview;
import org.recoveryreview.model.PopulationReference;
import org.recoveryreview.model.ReportSettings;
import org.recoveryreview.model.WeekAdherence;

/** The four charts of a patient's review, built from the history records without new figures. */
final class PatientCharts {
  private final ChartKit kit;
  private final ReportSettings settings;

  PatientCharts(ChartKit kit, ReportSettings settings) {
    this.kit = kit;
    this.settings = settings;
  }

  /**
   * Clinic attendance and home completion for the 16 ISO weeks ending with the period's end, each
   * bar labelled done/due, a week with nothing done marked at zero, and the weeks before the
   * programme shaded as outside it.
   */
  JFreeChart weeklyAdherence(PatientReview r, ReportContext ctx, DocFonts doc) {
    ChartWindows win = r.history().windows();
    List<WeekAdherence> window = win.weeks();
    int count = window.size();
    LocalDate firstMonday = window.get(0).weekStart();
    LocalDate end = ctx.period().end();
    WeekBars weeks = WeekBars.of(window);
    XYSeriesCollection data = new XYSeriesCollection();
    if (weeks.any()) {
      data.addSeries(weeks.clinic());
      data.addSeries(weeks.home());
    }
    data.setIntervalWidth(0.8);
    SymbolAxis x = weekAxis(window, weeks);
    NumberAxis y = kit.percentAxis("Sessions done");
    // Headroom above 100% for the done/due labels; no tick is drawn there.
    y.setRange(0, weeks.axisTop());
    y.setTickUnit(new NumberTickUnit(20, ChartKit.percentUpTo100()));
    ClusteredXYBarRenderer bars = WeekBars.renderer();
    XYPlot plot = new XYPlot(data, x, y, bars);
    JFreeChart chart = kit.chart("Weekly adherence, last " + count + " weeks", plot, true, doc);
    bars.setSeriesPaint(0, Palette.BLUE);
    bars.setSeriesPaint(1, Palette.SKY);
    bars.setMargin(0.2);
    kit.restyleAxisFonts(x);
    kit.restyleAxisFonts(y);
    plot.setDomainGridlinesVisible(false);
    if (weeks.any()) {
      weeks.addZeroMarkers(plot);
      weeks.addLabels(plot, kit.tickFont().deriveFont(5f));
    }
    double from = ChronoUnit.DAYS.between(firstMonday, ctx.period().start()) / 7.0 - 0.5;
    double to = (ChronoUnit.DAYS.between(firstMonday, end) + 1) / 7.0 - 0.5;
    kit.addPeriodBand(plot, from, to);
    LocalDate programme = win.programmeStart();
    double outsideTo = ChronoUnit.DAYS.between(firstMonday, programme) / 7.0 - 0.5;
    boolean outside = outsideTo > -0.5;
    if (outside) {
      kit.addOutsideBand(plot, -0.5, Math.min(outsideTo, count - 0.5));
    }
    if (weeks.any()) {
      weekLegend(plot, weeks, outside);
      if (r.metrics().adherence().period().sessionsExpected() == 0) {
        XYTextAnnotation none =
            new XYTextAnnotation("No sessions due in this period", (from + to) / 2, 50);
        none.setFont(kit.labelFont());
        none.setPaint(Palette.MUTED);
        plot.addAnnotation(none);
      }
    }
    ValueMarker target = kit.target(ctx.analysis().adherenceTarget() * 100, null);
    plot.addRangeMarker(target);
    ChartKit.addTargetLegend(
        plot, target, "Target " + Evidence.pct(ctx.analysis().adherenceTarget()));
    return chart;
  }

  /** One tick per week, named by the ISO year or years the window spans. */
  private static SymbolAxis weekAxis(List<WeekAdherence> window, WeekBars weeks) {
    int count = window.size();
    int firstYear = window.get(0).isoYear();
    int lastYear = window.get(count - 1).isoYear();
    String axisLabel =
        "ISO week (Monday first), "
            + (firstYear == lastYear ? Integer.toString(lastYear) : firstYear + "–" + lastYear)
            + "; bar labels: sessions done/due";
    SymbolAxis x = new SymbolAxis(axisLabel, weeks.labels());
    x.setGridBandsVisible(false);
    x.setRange(-0.5, count - 0.5);
    x.setTickUnit(new NumberTickUnit(1));
    return x;
  }

  /** The period, and the outside and zero-week swatches where the chart shows them. */
  private static void weekLegend(XYPlot plot, WeekBars weeks, boolean outside) {
    ChartKit.periodLegend(plot);
    if (outside) {
      ChartKit.addLegendSwatch(plot, "Before programme start", Palette.OUTSIDE);
    }
    if (weeks.hasZeroWeek()) {
      ChartKit.addLegendSwatch(plot, "None done (0 of due)", Palette.ZERO);
    }
  }

  /** Fugl-Meyer total over time; see {@link RecoveryTrends#fmaTotal}. */
  JFreeChart fmaTotal(PatientReview r, ReportContext ctx, DocFonts doc) {
    JFreeChart c = new RecoveryTrends(kit).fmaTotal(r, timeAxis(r), doc, reference(r, settings));
    periodOnDates(c.getXYPlot(), ctx);
    return c;
  }

  /**
   * The population reference of the patient's Fugl-Meyer chart over the recovery charts' dates, or
   * why there is none; one decision for the chart and the line under it.
   */
  static PopulationReference reference(PatientReview r, ReportSettings settings) {
    ChartWindows win = r.history().windows();
    return PopulationReference.of(
        r.metrics().patient(),
        RecoveryTrends.firstTotal(r),
        win.recoveryFrom(),
        win.recoveryTo(),
        settings.referenceDiagnoses());
  }

  /** ARAT over time; see {@link RecoveryTrends#arat}. */
  JFreeChart arat(PatientReview r, ReportContext ctx, DocFonts doc) {
    JFreeChart c = new RecoveryTrends(kit).arat(r, timeAxis(r), doc);
    periodOnDates(c.getXYPlot(), ctx);
    return c;
  }

  /** Brunnstrom arm and hand stages as step lines over the assessment history. */
  JFreeChart brunnstrom(PatientReview r, ReportContext ctx, DocFonts doc) {
    XYSeries arm = new XYSeries("Arm (proximal)", true, true);
    XYSeries hand = new XYSeries("Hand (distal)", true, true);
    for (AssessmentPoint p : r.history().assessments()) {
      double t = ChartKit.millis(p.date());
      p.assessment().brunnstromArm().ifPresent(s -> arm.addOrUpdate(t, s));
      p.assessment().brunnstromHand().ifPresent(s -> hand.addOrUpdate(t, s));
    }
    XYSeriesCollection data = new XYSeriesCollection();
    if (!arm.isEmpty() || !hand.isEmpty()) {
      data.addSeries(arm);
      data.addSeries(hand);
    }
    SymbolAxis y = stageAxis();
    XYStepRenderer steps = new XYStepRenderer();
    steps.setDefaultShapesVisible(true);
    XYPlot plot = new XYPlot(data, timeAxis(r), y, steps);
    JFreeChart chart = kit.chart("Brunnstrom stage, arm and hand", plot, true, doc);
    // Arm wide and solid, hand narrow, dashed and drawn last: where the stages are equal the hand
    // line runs inside the arm line and both stay visible, as do their differently shaped markers.
    plot.setSeriesRenderingOrder(SeriesRenderingOrder.FORWARD);
    Shape armShape = new Ellipse2D.Double(-4, -4, 8, 8);
    Shape handShape = new Rectangle2D.Double(-2.2, -2.2, 4.4, 4.4);
    steps.setSeriesPaint(0, Palette.BLUE);
    steps.setSeriesPaint(1, Palette.ORANGE);
    steps.setSeriesStroke(0, new BasicStroke(3.2f));
    steps.setSeriesStroke(
        1,
        new BasicStroke(
            1.4f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {4f, 2.5f}, 0f));
    steps.setSeriesShape(0, armShape);
    steps.setSeriesShape(1, handShape);
    // XYStepRenderer draws no shapes; a second, shapes-only renderer marks each assessment.
    XYLineAndShapeRenderer dots = new XYLineAndShapeRenderer(false, true);
    dots.setDefaultSeriesVisibleInLegend(false);
    dots.setSeriesPaint(0, Palette.BLUE);
    dots.setSeriesPaint(1, Palette.ORANGE);
    dots.setSeriesShape(0, armShape);
    dots.setSeriesShape(1, handShape);
    // A separate collection: XYPlot finds a dataset's renderer by identity, so sharing one
    // collection would list the step renderer's legend items twice.
    XYSeriesCollection dotData = new XYSeriesCollection();
    if (data.getSeriesCount() > 0) {
      dotData.addSeries(arm);
      dotData.addSeries(hand);
    }
    plot.setDataset(1, dotData);
    plot.setRenderer(1, dots);
    kit.restyleAxisFonts(plot.getDomainAxis());
    kit.restyleAxisFonts(y);
    y.setTickLabelFont(kit.tickFont());
    plot.getDomainAxis().setTickLabelFont(kit.tickFont());
    periodOnDates(plot, ctx);
    if (data.getSeriesCount() > 0) {
      ChartKit.periodLegend(plot);
    }
    return chart;
  }

  /** Stages I to VI, one tick each. */
  private static SymbolAxis stageAxis() {
    SymbolAxis y =
        new SymbolAxis("Brunnstrom stage", new String[] {"", "I", "II", "III", "IV", "V", "VI"});
    y.setGridBandsVisible(false);
    y.setRange(0.5, 6.5);
    y.setTickUnit(new NumberTickUnit(1));
    return y;
  }

  /** Fugl-Meyer parts as % of their maximum: the proximal-to-distal picture. */
  JFreeChart fuglMeyer(PatientReview r, ReportContext ctx, DocFonts doc) {
    String[] names = {"A Shoulder/elbow/forearm", "B Wrist", "C Hand", "D Coordination/speed"};
    List<XYSeries> series = new ArrayList<>();
    for (String n : names) {
      series.add(new XYSeries(n, true, true));
    }
    boolean any = false;
    for (AssessmentPoint p : r.history().assessments()) {
      double t = ChartKit.millis(p.date());
      OptionalDouble[] parts = {p.fmaAPercent(), p.fmaBPercent(), p.fmaCPercent(), p.fmaDPercent()};
      for (int i = 0; i < 4; i++) {
        if (parts[i].isPresent()) {
          series.get(i).addOrUpdate(t, parts[i].getAsDouble());
          any = true;
        }
      }
    }
    XYSeriesCollection data = new XYSeriesCollection();
    if (any) {
      series.forEach(data::addSeries);
    }
    XYLineAndShapeRenderer lines = new XYLineAndShapeRenderer(true, true);
    NumberAxis y = kit.percentAxis("% of part maximum");
    XYPlot plot = new XYPlot(data, timeAxis(r), y, lines);
    JFreeChart chart = kit.chart("Fugl-Meyer parts, proximal to distal", plot, true, doc);
    Color[] colors = {Palette.BLUE, Palette.SKY, Palette.GREEN, Palette.VERMILLION};
    for (int i = 0; i < 4; i++) {
      lines.setSeriesPaint(i, colors[i]);
      lines.setSeriesStroke(i, new BasicStroke(1.6f));
      lines.setSeriesShape(i, ChartKit.SHAPES[i]);
    }
    kit.restyleAxisFonts(plot.getDomainAxis());
    kit.restyleAxisFonts(y);
    plot.getDomainAxis().setTickLabelFont(kit.tickFont());
    y.setTickLabelFont(kit.tickFont());
    periodOnDates(plot, ctx);
    if (data.getSeriesCount() > 0) {
      ChartKit.periodLegend(plot);
    }
    return chart;
  }

  /** Whether any assessment up to the period's end has an ARAT subtest. */
  static boolean anyAratParts(PatientReview r) {
    return r.history().assessments().stream().anyMatch(p -> p.assessment().aratParts().any());
  }

  /**
   * ARAT when subtests are recorded: the total and the subtests as % of their maxima, gross
   * movement to pinch, so it shows whether fine hand use follows gross, the course hand recovery
   * usually takes. A right-hand axis reads the total in points (0–57 spans the same height as
   * 0–100%).
   */
  JFreeChart aratParts(PatientReview r, ReportContext ctx, DocFonts doc) {
    AratPart[] parts = AratPart.values();
    List<XYSeries> series = new ArrayList<>();
    series.add(new XYSeries("Total /" + Assessment.ARAT_MAX, true, true));
    for (AratPart part : parts) {
      series.add(new XYSeries(part.label() + " /" + part.max(), true, true));
    }
    boolean any = false;
    for (AssessmentPoint p : r.history().assessments()) {
      double t = ChartKit.millis(p.date());
      p.assessment()
          .arat()
          .ifPresent(v -> series.get(0).addOrUpdate(t, 100.0 * v / Assessment.ARAT_MAX));
      for (int i = 0; i < parts.length; i++) {
        OptionalDouble v = p.aratPercent(parts[i]);
        if (v.isPresent()) {
          series.get(i + 1).addOrUpdate(t, v.getAsDouble());
          any = true;
        }
      }
    }
    XYSeriesCollection data = new XYSeriesCollection();
    if (any) {
      series.forEach(data::addSeries);
    }
    XYLineAndShapeRenderer lines = new XYLineAndShapeRenderer(true, true);
    NumberAxis y = kit.percentAxis("% of maximum");
    XYPlot plot = new XYPlot(data, timeAxis(r), y, lines);
    JFreeChart chart = kit.chart("ARAT: total and subtests, gross to fine", plot, true, doc);
    Color[] colors = {Palette.BLACK, Palette.BLUE, Palette.SKY, Palette.GREEN, Palette.VERMILLION};
    for (int i = 0; i < colors.length; i++) {
      lines.setSeriesPaint(i, colors[i]);
      lines.setSeriesStroke(i, new BasicStroke(i == 0 ? 2.4f : 1.4f));
      lines.setSeriesShape(i, ChartKit.SHAPES[i % ChartKit.SHAPES.length]);
    }
    NumberAxis points = new NumberAxis("ARAT total (0–57)");
    points.setRange(
        y.getLowerBound() * Assessment.ARAT_MAX / 100,
        y.getUpperBound() * Assessment.ARAT_MAX / 100);
    points.setTickUnit(new NumberTickUnit(10));
    plot.setRangeAxis(1, points);
    kit.restyleAxisFonts(plot.getDomainAxis());
    kit.restyleAxisFonts(y);
    kit.restyleAxisFonts(points);
    plot.getDomainAxis().setTickLabelFont(kit.tickFont());
    y.setTickLabelFont(kit.tickFont());
    points.setTickLabelFont(kit.tickFont());
    periodOnDates(plot, ctx);
    if (any) {
      ChartKit.periodLegend(plot);
    }
    return chart;
  }

  /** Therapy minutes per month; see {@link MinutesChart}. */
  JFreeChart therapyMinutes(PatientReview r, ReportContext ctx, DocFonts doc) {
    return new MinutesChart(kit, settings).chart(r, ctx, doc);
  }

  /**
   * The one time axis every recovery chart of a review shares (same range, same month ticks), over
   * the window analysis decided, with a few days' margin so end points are not cut.
   */
  private DateAxis timeAxis(PatientReview r) {
    ChartWindows win = r.history().windows();
    return kit.monthAxis(
        "Assessment date", win.recoveryFrom().minusDays(7), win.recoveryTo().plusDays(4));
  }

  private void periodOnDates(XYPlot plot, ReportContext ctx) {
    kit.addPeriodBand(
        plot,
        ChartKit.millis(ctx.period().start()),
        ChartKit.millis(ctx.period().end().plusDays(1)));
  }
}
