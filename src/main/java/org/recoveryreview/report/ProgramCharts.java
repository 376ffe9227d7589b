package org.recoveryreview.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Paint;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.annotations.CategoryTextAnnotation;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.chart.renderer.category.StackedBarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.HorizontalAlignment;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.CategoryDataset;
import org.jfree.data.category.DefaultCategoryDataset;
import org.recoveryreview.model.AdherenceBand;
import org.recoveryreview.model.AnalysisSettings;
import org.recoveryreview.model.BrunnstromScale;
import org.recoveryreview.model.Evidence;
import org.recoveryreview.model.MonthWindow;
import org.recoveryreview.model.RollupRow;
import org.recoveryreview.model.StageOnset;

/** The programme summary's charts, built from the roll-ups without new figures. */
final class ProgramCharts {
  private final ChartKit kit;

  ProgramCharts(ChartKit kit) {
    this.kit = kit;
  }

  /**
   * Overall rate per group (clinic or therapist) as horizontal bars in band colours, each labelled
   * with its rate and n (patients with a counted session in the month); a bar resting on fewer than
   * {@link RollupRow#FEW_PATIENTS} patients is hollow and its n starred, as in the trend, and a
   * group without sessions due says so where its bar would be.
   */
  JFreeChart rateByGroup(
      String title, String axis, List<RollupRow> rows, AnalysisSettings a, DocFonts doc) {
    DefaultCategoryDataset data = new DefaultCategoryDataset();
    List<Paint> paints = new ArrayList<>();
    List<String> groups = new ArrayList<>();
    List<String> labels = new ArrayList<>();
    List<Boolean> hollow = new ArrayList<>();
    for (RollupRow r : rows) {
      OptionalDouble rate = r.adherence().overallRate();
      data.addValue(rate.isPresent() ? rate.getAsDouble() * 100 : null, "Overall rate", r.group());
      paints.add(Palette.band(a.band(rate)));
      groups.add(r.group());
      labels.add(barLabel(r));
      hollow.add(r.fewPatients());
    }
    BarRenderer bars = groupBars(paints, labels, hollow);
    CategoryAxis x = kit.categoryAxis(axis, groups, doc);
    NumberAxis y = kit.percentAxis("Overall adherence (sessions done / due)");
    // Room right of a 100% bar for its "100% (n=12)" label; no tick is drawn past 100%.
    y.setRange(0, BAR_AXIS_TOP);
    y.setTickUnit(new NumberTickUnit(20, ChartKit.percentUpTo100()));
    CategoryPlot plot = new CategoryPlot(data, x, y, bars);
    plot.setOrientation(PlotOrientation.HORIZONTAL);
    plot.setRangeAxisLocation(AxisLocation.BOTTOM_OR_LEFT);
    JFreeChart chart = kit.chart(title, plot, false, doc);
    kit.restyleAxisFonts(x);
    kit.restyleAxisFonts(y);
    kit.styleCategories(x, groups, doc);
    y.setTickLabelFont(kit.tickFont());
    x.setCategoryMargin(0.25);
    bars.setDefaultItemLabelFont(kit.tickFont());
    bars.setDefaultItemLabelPaint(Palette.TEXT);
    sayWhereNoBar(plot, rows, groups, labels);
    plot.setDomainGridlinesVisible(false);
    ValueMarker target = kit.target(a.adherenceTarget() * 100, null);
    // Behind the bars and their labels, so "72% (n=5)" is not struck through where it crosses.
    plot.addRangeMarker(target, Layer.BACKGROUND);
    bandLegend(chart, plot, a, target);
    return chart;
  }

  /** Bars in their band colours, hollow where few patients, each labelled with its own text. */
  private static BarRenderer groupBars(
      List<Paint> paints, List<String> labels, List<Boolean> hollow) {
    BarRenderer bars =
        new BarRenderer() {
          private static final long serialVersionUID = 1L;

          @Override
          public Paint getItemPaint(int row, int column) {
            return hollow.get(column) ? Color.WHITE : paints.get(column);
          }

          @Override
          public Paint getItemOutlinePaint(int row, int column) {
            return paints.get(column);
          }
        };
    bars.setBarPainter(new StandardBarPainter());
    bars.setShadowVisible(false);
    bars.setDrawBarOutline(true);
    bars.setDefaultOutlineStroke(new BasicStroke(1.2f));
    bars.setMaximumBarWidth(0.7);
    labelBarEnds(bars, (row, column) -> labels.get(column));
    return bars;
  }

  /** Where a group had no sessions due, its label stands in for the bar. */
  private void sayWhereNoBar(
      CategoryPlot plot, List<RollupRow> rows, List<String> groups, List<String> labels) {
    for (int i = 0; i < rows.size(); i++) {
      if (rows.get(i).adherence().overallRate().isEmpty()) {
        CategoryTextAnnotation none = new CategoryTextAnnotation(labels.get(i), groups.get(i), 1);
        none.setFont(kit.tickFont());
        none.setPaint(Palette.MUTED);
        none.setTextAnchor(TextAnchor.CENTER_LEFT);
        plot.addAnnotation(none);
      }
    }
  }

  /** The percent axis of the group bars runs past 100 to leave room for the labels. */
  static final double BAR_AXIS_TOP = 128;

  /**
   * "71% (n=14)", "97% (n=1*)" with a star under {@link RollupRow#FEW_PATIENTS} patients, or why
   * there is no bar: "no sessions due in Oct 2026".
   */
  static String barLabel(RollupRow r) {
    OptionalDouble rate = r.adherence().overallRate();
    if (rate.isEmpty()) {
      return "no sessions due in " + Fmt.month(r.month()) + " (n=" + r.patients() + ")";
    }
    return Evidence.pct(rate) + " (n=" + r.patients() + (r.fewPatients() ? "*" : "") + ")";
  }

  /**
   * Monthly overall rate of the programme (bold) and of each clinic over the analysis's trend
   * window; a point resting on fewer than {@link RollupRow#FEW_PATIENTS} patients is hollow.
   */
  JFreeChart monthlyTrend(
      List<RollupRow> programme,
      List<RollupRow> clinics,
      MonthWindow window,
      AnalysisSettings a,
      DocFonts doc) {
    Map<String, Map<YearMonth, RollupRow>> bySeries = series(programme, clinics, window);
    DefaultCategoryDataset data = new DefaultCategoryDataset();
    List<boolean[]> few = new ArrayList<>();
    for (Map.Entry<String, Map<YearMonth, RollupRow>> e : bySeries.entrySet()) {
      boolean[] hollow = new boolean[window.months().size()];
      for (int i = 0; i < window.months().size(); i++) {
        RollupRow r = e.getValue().get(window.months().get(i));
        OptionalDouble rate = r == null ? OptionalDouble.empty() : r.adherence().overallRate();
        hollow[i] = r != null && r.fewPatients();
        data.addValue(
            rate.isPresent() ? rate.getAsDouble() * 100 : null, e.getKey(), window.labels().get(i));
      }
      few.add(hollow);
    }
    LineAndShapeRenderer lines =
        new LineAndShapeRenderer(true, true) {
          private static final long serialVersionUID = 1L;

          @Override
          public boolean getItemShapeFilled(int series, int item) {
            return !few.get(series)[item];
          }
        };
    lines.setDrawOutlines(true);
    lines.setUseOutlinePaint(false);
    CategoryAxis x = new CategoryAxis("Month");
    NumberAxis y = kit.percentAxis("Overall adherence");
    CategoryPlot plot = new CategoryPlot(data, x, y, lines);
    JFreeChart chart =
        kit.chart(
            "Monthly overall adherence, programme and clinics, "
                + window.labels().get(0)
                + " – "
                + window.labels().get(window.labels().size() - 1),
            plot,
            true,
            doc);
    styleTrendSeries(lines, bySeries.keySet(), doc);
    kit.restyleAxisFonts(x);
    kit.restyleAxisFonts(y);
    x.setTickLabelFont(kit.tickFont());
    y.setTickLabelFont(kit.tickFont());
    x.setCategoryMargin(0.1);
    x.setLowerMargin(0.02);
    x.setUpperMargin(0.02);
    plot.setDomainGridlinesVisible(false);
    ValueMarker target = kit.target(a.adherenceTarget() * 100, null);
    plot.addRangeMarker(target);
    if (!bySeries.isEmpty()) {
      kit.addPeriodBand(plot, window.label(window.last()));
      trendLegend(plot, target, a);
    }
    return chart;
  }

  /** The programme bold and black, each clinic in its own colour and marker. */
  private static void styleTrendSeries(
      LineAndShapeRenderer lines, Set<String> seriesNames, DocFonts doc) {
    int i = 0;
    for (String series : seriesNames) {
      boolean all = series.equals(PROGRAMME);
      Paint paint = all ? Palette.BLACK : CLINIC_SERIES[(i - 1) % CLINIC_SERIES.length];
      lines.setSeriesPaint(i, paint);
      lines.setSeriesShape(
          i,
          all ? ChartKit.SHAPES[0] : ChartKit.SHAPES[1 + (i - 1) % (ChartKit.SHAPES.length - 1)]);
      lines.setSeriesStroke(i, new BasicStroke(all ? 3.2f : 1.2f));
      lines.setLegendTextFont(i, doc.chartFont(series, all, ChartKit.LABEL_SIZE));
      i++;
    }
  }

  /** The programme's rows, then each clinic's, by month, inside the window. */
  private static Map<String, Map<YearMonth, RollupRow>> series(
      List<RollupRow> programme, List<RollupRow> clinics, MonthWindow window) {
    Map<String, Map<YearMonth, RollupRow>> bySeries = new LinkedHashMap<>();
    for (RollupRow r : programme) {
      if (window.contains(r.month())) {
        bySeries.computeIfAbsent(PROGRAMME, k -> new LinkedHashMap<>()).put(r.month(), r);
      }
    }
    for (RollupRow r : clinics) {
      if (window.contains(r.month())) {
        bySeries.computeIfAbsent(r.group(), k -> new LinkedHashMap<>()).put(r.month(), r);
      }
    }
    return bySeries;
  }

  /** The series, then the hollow-marker note, the target and the review period. */
  private static void trendLegend(CategoryPlot plot, ValueMarker target, AnalysisSettings a) {
    LegendItemCollection items = new LegendItemCollection();
    items.addAll(plot.getLegendItems());
    items.add(
        new LegendItem(
            "Hollow: fewer than " + RollupRow.FEW_PATIENTS + " patients",
            null,
            null,
            null,
            true,
            new Ellipse2D.Double(-3, -3, 6, 6),
            false,
            Palette.TEXT,
            true,
            Palette.TEXT,
            new BasicStroke(1f),
            false,
            new Line2D.Double(),
            new BasicStroke(0f),
            Palette.TEXT));
    items.add(ChartKit.targetLegendItem("Target " + Evidence.pct(a.adherenceTarget()), target));
    plot.setFixedLegendItems(items);
    ChartKit.periodLegend(plot);
  }

  /** The programme's series name in the trend. */
  static final String PROGRAMME = "Programme";

  /** Clinic colours: the series palette without the programme's black. */
  private static final Color[] CLINIC_SERIES = {
    Palette.BLUE, Palette.ORANGE, Palette.GREEN, Palette.VERMILLION, Palette.SKY, Palette.PURPLE
  };

  /** Patients by overall rate in 10 % bins, each bar split by the band of its patients. */
  JFreeChart histogram(List<Double> rates, AnalysisSettings a, DocFonts doc) {
    AdherenceBand[] bands = {AdherenceBand.LOW, AdherenceBand.PARTIAL, AdherenceBand.ADHERENT};
    int[][] counts = new int[bands.length][10];
    for (double r : rates) {
      int bin = Math.min(9, Math.max(0, (int) Math.floor(r * 10)));
      AdherenceBand b = a.band(OptionalDouble.of(r));
      for (int i = 0; i < bands.length; i++) {
        if (bands[i] == b) {
          counts[i][bin]++;
        }
      }
    }
    DefaultCategoryDataset data = new DefaultCategoryDataset();
    if (!rates.isEmpty()) {
      for (int i = 0; i < bands.length; i++) {
        for (int bin = 0; bin < 10; bin++) {
          String label = (bin * 10) + "%";
          data.addValue((Number) counts[i][bin], Fmt.band(bands[i]), label);
        }
      }
    }
    StackedBarRenderer bars = new StackedBarRenderer();
    bars.setBarPainter(new StandardBarPainter());
    bars.setShadowVisible(false);
    bars.setDrawBarOutline(false);
    CategoryAxis x = new CategoryAxis("Overall adherence of the patient (bins of 10 points, from)");
    NumberAxis y = new NumberAxis("Patients");
    y.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
    CategoryPlot plot = new CategoryPlot(data, x, y, bars);
    JFreeChart chart = kit.chart("Patients by overall adherence", plot, true, doc);
    for (int i = 0; i < bands.length; i++) {
      bars.setSeriesPaint(i, Palette.band(bands[i]));
    }
    kit.restyleAxisFonts(x);
    kit.restyleAxisFonts(y);
    x.setTickLabelFont(kit.tickFont());
    y.setTickLabelFont(kit.tickFont());
    x.setCategoryMargin(0.06);
    plot.setDomainGridlinesVisible(false);
    return chart;
  }

  /**
   * For each Brunnstrom stage, arm beside hand, the median days from onset at which the patients
   * first seen below it reached it, each bar labelled with its n; a stage the analysis hides (too
   * few patients) draws no bar and is named under the chart with its n.
   */
  JFreeChart stageOnsets(List<StageOnset> onsets, DocFonts doc) {
    DefaultCategoryDataset data = new DefaultCategoryDataset();
    DecimalFormat median = new DecimalFormat("0.#", DecimalFormatSymbols.getInstance(Locale.ROOT));
    String[][] labels = new String[2][5];
    List<String> hidden = new ArrayList<>();
    boolean any = false;
    // Stage VI at the top, I at the bottom, as on the patients' Brunnstrom charts: a horizontal
    // category axis lists its first column at the top, so the columns go in from VI down.
    for (int stage = 6; stage >= 2; stage--) {
      for (String name : List.of("Arm", "Hand")) {
        data.addValue(null, name, "Stage " + BrunnstromScale.roman(stage));
      }
    }
    for (StageOnset o : onsets) {
      if (o.stage() < 2 || o.stage() > 6) {
        continue;
      }
      int series = o.scale() == BrunnstromScale.ARM ? 0 : 1;
      String name = series == 0 ? "Arm" : "Hand";
      Double v = o.shown() ? o.medianDays().getAsDouble() : null;
      any |= v != null;
      labels[series][6 - o.stage()] =
          v == null ? "" : median.format(v) + " d, n=" + o.patients() + "/" + o.firstSeenBelow();
      if (!o.shown() && o.patients() > 0) {
        hidden.add(
            name.toLowerCase(Locale.ROOT)
                + " "
                + BrunnstromScale.roman(o.stage())
                + " (n="
                + o.patients()
                + ")");
      }
      data.addValue(v, name, "Stage " + BrunnstromScale.roman(o.stage()));
    }
    if (!any) {
      data.clear();
    }
    BarRenderer bars = onsetBars(labels);
    CategoryAxis x = new CategoryAxis("Stage reached");
    NumberAxis y = new NumberAxis("Median days from onset");
    y.setUpperMargin(0.8);
    CategoryPlot plot = new CategoryPlot(data, x, y, bars);
    plot.setOrientation(PlotOrientation.HORIZONTAL);
    plot.setRangeAxisLocation(AxisLocation.BOTTOM_OR_LEFT);
    JFreeChart chart =
        kit.chart("Median days from onset to reach each Brunnstrom stage", plot, true, doc);
    bars.setSeriesPaint(0, Palette.BLUE);
    bars.setSeriesPaint(1, Palette.ORANGE);
    bars.setDefaultItemLabelFont(kit.tickFont());
    bars.setDefaultItemLabelPaint(Palette.TEXT);
    kit.restyleAxisFonts(x);
    kit.restyleAxisFonts(y);
    x.setTickLabelFont(kit.tickFont());
    y.setTickLabelFont(kit.tickFont());
    plot.setDomainGridlinesVisible(false);
    chart.addSubtitle(stageNote(hidden));
    return chart;
  }

  /** Arm and hand bars side by side, each labelled with its {@code labels[series][stage]}. */
  private static BarRenderer onsetBars(String[][] labels) {
    BarRenderer bars = new BarRenderer();
    bars.setBarPainter(new StandardBarPainter());
    bars.setShadowVisible(false);
    bars.setDrawBarOutline(false);
    bars.setItemMargin(0.08);
    labelBarEnds(bars, (row, column) -> labels[row][column]);
    return bars;
  }

  /** A bar's label text by its series ({@code row}) and category ({@code column}). */
  interface BarLabel {
    String at(int row, int column);
  }

  /** Writes each bar's own label just past the bar's end. */
  static void labelBarEnds(BarRenderer bars, BarLabel label) {
    bars.setDefaultItemLabelGenerator(
        new StandardCategoryItemLabelGenerator() {
          private static final long serialVersionUID = 1L;

          @Override
          public String generateLabel(CategoryDataset dataset, int row, int column) {
            return label.at(row, column);
          }
        });
    bars.setDefaultItemLabelsVisible(true);
    bars.setDefaultPositiveItemLabelPosition(
        new ItemLabelPosition(ItemLabelAnchor.OUTSIDE3, TextAnchor.CENTER_LEFT));
  }

  /** Under the stage chart: what n means, and which bars are hidden for too few patients. */
  private TextTitle stageNote(List<String> hidden) {
    String note =
        "Patients first seen below the stage; n = reached it / first seen below it."
            + (hidden.isEmpty()
                ? ""
                : " Not shown, fewer than "
                    + StageOnset.MIN_PATIENTS
                    + " patients: "
                    + String.join(", ", hidden)
                    + ".");
    TextTitle sub = new TextTitle(note, kit.tickFont());
    sub.setPaint(Palette.MUTED);
    sub.setPosition(RectangleEdge.BOTTOM);
    sub.setHorizontalAlignment(HorizontalAlignment.LEFT);
    sub.setTextAlignment(HorizontalAlignment.LEFT);
    sub.setMaximumLinesToDisplay(3);
    return sub;
  }

  /** Bars are coloured by band, so the legend explains the bands and the target line. */
  private void bandLegend(
      JFreeChart chart, CategoryPlot plot, AnalysisSettings a, ValueMarker target) {
    LegendItemCollection items = new LegendItemCollection();
    String[] labels = {
      "Adherent (at or above " + Evidence.pct(a.adherenceTarget()) + ")",
      "Partial ("
          + Evidence.pct(a.partialThreshold())
          + " to below "
          + Evidence.pct(a.adherenceTarget())
          + ")",
      "Low (below " + Evidence.pct(a.partialThreshold()) + ")"
    };
    AdherenceBand[] bands = {AdherenceBand.ADHERENT, AdherenceBand.PARTIAL, AdherenceBand.LOW};
    for (int i = 0; i < bands.length; i++) {
      items.add(new LegendItem(labels[i], Palette.band(bands[i])));
    }
    items.add(
        new LegendItem(
            "Hollow, *: fewer than " + RollupRow.FEW_PATIENTS + " patients (n)",
            null,
            null,
            null,
            new Rectangle2D.Double(-4, -4, 8, 8),
            Color.WHITE,
            new BasicStroke(1.2f),
            Palette.TEXT));
    items.add(ChartKit.targetLegendItem("Target", target));
    plot.setFixedLegendItems(items);
    LegendTitle legend = new LegendTitle(plot);
    legend.setPosition(RectangleEdge.BOTTOM);
    legend.setFrame(BlockBorder.NONE);
    legend.setItemFont(kit.labelFont());
    legend.setItemPaint(Palette.TEXT);
    chart.addLegend(legend);
  }
}
