package org.recoveryreview.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Paint;
import java.awt.Shape;
import java.awt.Stroke;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RectangularShape;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.SimpleDateFormat;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.TimeZone;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.StandardChartTheme;
import org.jfree.chart.axis.Axis;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.DateTickUnit;
import org.jfree.chart.axis.DateTickUnitType;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.CategoryMarker;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.DefaultDrawingSupplier;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.AbstractCategoryItemRenderer;
import org.jfree.chart.renderer.category.BarPainter;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.text.TextBlock;
import org.jfree.chart.text.TextUtils;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.HorizontalAlignment;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.chart.util.ShapeUtils;
import org.jspecify.annotations.Nullable;

/**
 * The look shared by every chart: one {@link StandardChartTheme} built per font set and applied to
 * each chart (never JFreeChart's static theme, which is global mutable state), plus helpers for
 * opaque period shading and target lines.
 */
final class ChartKit {
  static final String NO_DATA = "No data in this period";

  static final float TITLE_SIZE = 9f;
  static final float LABEL_SIZE = 7f;
  static final float TICK_SIZE = 6.5f;

  static {
    // JFreeChart draws rotated text (the value axis labels) through a java.awt.font.TextLayout by
    // default, a workaround for old screen renderers; OpenPDF's Graphics2D turns a TextLayout into
    // filled glyph outlines, about 5% of a review's rendering time and a label a reader cannot
    // select. Drawn as a string, the label is embedded text in the same font, rotated by the text
    // matrix. A process-wide switch, the same for every chart, so output does not depend on order.
    TextUtils.setUseDrawRotatedStringWorkaround(false);
  }

  private final StandardChartTheme theme;
  private final ReportFonts fonts;

  ChartKit(ReportFonts fonts) {
    this.fonts = fonts;
    Font regular = fonts.regular.awt();
    Font bold = fonts.bold.awt();
    StandardChartTheme t = new StandardChartTheme("recovery-review", false);
    t.setExtraLargeFont(bold.deriveFont(TITLE_SIZE));
    t.setLargeFont(bold.deriveFont(LABEL_SIZE));
    t.setRegularFont(regular.deriveFont(LABEL_SIZE));
    t.setSmallFont(regular.deriveFont(TICK_SIZE));
    t.setTitlePaint(Palette.TEXT);
    t.setSubtitlePaint(Palette.MUTED);
    t.setChartBackgroundPaint(Color.WHITE);
    t.setLegendBackgroundPaint(Color.WHITE);
    t.setLegendItemPaint(Palette.TEXT);
    t.setPlotBackgroundPaint(Color.WHITE);
    t.setPlotOutlinePaint(Palette.RULE);
    t.setDomainGridlinePaint(Palette.GRID);
    t.setRangeGridlinePaint(Palette.GRID);
    t.setBaselinePaint(Palette.RULE);
    t.setAxisLabelPaint(Palette.MUTED);
    t.setTickLabelPaint(Palette.MUTED);
    t.setItemLabelPaint(Palette.TEXT);
    t.setAxisOffset(RectangleInsets.ZERO_INSETS);
    t.setShadowVisible(false);
    t.setBarPainter(new StandardBarPainter());
    t.setXYBarPainter(new StandardXYBarPainter());
    t.setGridBandPaint(Color.WHITE);
    t.setGridBandAlternatePaint(Color.WHITE);
    Paint[] series = Palette.SERIES.clone();
    t.setDrawingSupplier(
        new DefaultDrawingSupplier(
            series,
            series,
            new Paint[] {Palette.RULE},
            new Stroke[] {new BasicStroke(1.6f)},
            new Stroke[] {new BasicStroke(0.5f)},
            SHAPES));
    this.theme = t;
  }

  /** Filled markers that differ in shape too, so series stay apart without colour. */
  static final Shape[] SHAPES = {
    new Ellipse2D.Double(-3, -3, 6, 6),
    new Rectangle2D.Double(-2.6, -2.6, 5.2, 5.2),
    ShapeUtils.createUpTriangle(3.2f),
    ShapeUtils.createDiamond(3.4f),
    ShapeUtils.createDownTriangle(3.2f),
    new Ellipse2D.Double(-2.5, -2.5, 5, 5),
  };

  /** Builds the chart around a plot and styles it; the title uses a font that can draw it. */
  JFreeChart chart(String title, Plot plot, boolean legend, DocFonts doc) {
    JFreeChart chart =
        new JFreeChart(doc.printable(title), doc.chartFont(title, true, TITLE_SIZE), plot, legend);
    theme.apply(chart);
    chart.setAntiAlias(true);
    chart.setTextAntiAlias(true);
    chart.setBackgroundPaint(Color.WHITE);
    chart.setPadding(new RectangleInsets(2, 2, 2, 4));
    TextTitle t = chart.getTitle();
    t.setFont(doc.chartFont(title, true, TITLE_SIZE));
    t.setHorizontalAlignment(HorizontalAlignment.LEFT);
    t.setPadding(new RectangleInsets(0, 2, 4, 0));
    LegendTitle l = chart.getLegend();
    if (l != null) {
      l.setFrame(BlockBorder.NONE);
      l.setPosition(RectangleEdge.BOTTOM);
      l.setItemFont(fonts.regular.awt().deriveFont(LABEL_SIZE));
      l.setItemPaint(Palette.TEXT);
      l.setPadding(new RectangleInsets(2, 0, 0, 0));
      // Series named by clinics or therapies: a placeholder where no font can draw the name.
      if (plot instanceof CategoryPlot cp
          && cp.getRenderer() instanceof AbstractCategoryItemRenderer r) {
        r.setLegendItemLabelGenerator(
            (data, series) -> doc.printable(String.valueOf(data.getRowKey(series))));
      }
    }
    plot.setNoDataMessage(NO_DATA);
    plot.setNoDataMessageFont(fonts.regular.awt().deriveFont(8.5f));
    plot.setNoDataMessagePaint(Palette.MUTED);
    plot.setOutlineVisible(false);
    return chart;
  }

  Font tickFont() {
    return fonts.regular.awt().deriveFont(TICK_SIZE);
  }

  Font labelFont() {
    return fonts.regular.awt().deriveFont(LABEL_SIZE);
  }

  /** 0–100 % axis with ticks every 20 %. */
  NumberAxis percentAxis(String label) {
    NumberAxis a = new NumberAxis(label);
    a.setRange(0, 105);
    a.setTickUnit(
        new NumberTickUnit(
            20, new DecimalFormat("0'%'", DecimalFormatSymbols.getInstance(Locale.ROOT))));
    return a;
  }

  /** A date axis in UTC with English month labels, as every other date in the reports. */
  DateAxis dateAxis(String label, LocalDate from, LocalDate to) {
    DateAxis a = UtcDateAxis.create(label);
    a.setRange(millis(from), millis(to));
    SimpleDateFormat f = new SimpleDateFormat("MMM yy", Locale.ENGLISH);
    f.setTimeZone(TimeZone.getTimeZone("UTC"));
    a.setDateFormatOverride(f);
    return a;
  }

  /**
   * A UTC date axis whose ticks fall on the first of a month and read as months: "May" with the
   * year in the axis label when the range lies in one year, else "May 2026"; the tick step (1, 2, 3
   * or 6 months) keeps the labels apart on a half-width chart.
   */
  DateAxis monthAxis(String label, LocalDate from, LocalDate to) {
    boolean oneYear = from.getYear() == to.getYear();
    DateAxis a = dateAxis(oneYear ? label + ", " + from.getYear() : label, from, to);
    SimpleDateFormat f = new SimpleDateFormat(oneYear ? "MMM" : "MMM yyyy", Locale.ENGLISH);
    f.setTimeZone(TimeZone.getTimeZone("UTC"));
    long months = ChronoUnit.MONTHS.between(from, to) + 1;
    int fit = oneYear ? 10 : 5;
    int step = months <= fit ? 1 : months <= 2 * fit ? 2 : months <= 3 * fit ? 3 : 6;
    a.setTickUnit(new DateTickUnit(DateTickUnitType.MONTH, step, f));
    a.setDateFormatOverride(f);
    return a;
  }

  static double millis(LocalDate d) {
    return d.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
  }

  /** The review period as an opaque band behind the data, labelled at the top. */
  static IntervalMarker periodBand(double from, double to) {
    IntervalMarker m = new IntervalMarker(from, to, Palette.PERIOD);
    m.setAlpha(1f);
    m.setOutlinePaint(null);
    // Named in the legend rather than by a label, which would collide with the data. Labels
    // also sit on a translucent box by default, and PDF/A allows no transparency.
    m.setLabelBackgroundColor(Palette.PERIOD);
    return m;
  }

  void addPeriodBand(XYPlot plot, double from, double to) {
    plot.addDomainMarker(periodBand(from, to), Layer.BACKGROUND);
  }

  /** Shades a stretch outside the programme (e.g. before its start) in neutral grey. */
  void addOutsideBand(XYPlot plot, double from, double to) {
    IntervalMarker m = new IntervalMarker(from, to, Palette.OUTSIDE);
    m.setAlpha(1f);
    m.setOutlinePaint(null);
    m.setLabelBackgroundColor(Palette.OUTSIDE);
    plot.addDomainMarker(m, Layer.BACKGROUND);
  }

  /**
   * Bars drawn as an outline only (e.g. planned minutes around the minutes done), white in the
   * legend. A painter rather than a transparent fill, which PDF/A-1 forbids.
   */
  static BarRenderer outlineBars(double maxWidth) {
    BarRenderer r = new BarRenderer();
    r.setBarPainter(
        new BarPainter() {
          @Override
          public void paintBar(
              Graphics2D g2,
              BarRenderer renderer,
              int row,
              int column,
              RectangularShape bar,
              RectangleEdge base) {
            g2.setPaint(renderer.getItemOutlinePaint(row, column));
            g2.setStroke(renderer.getItemOutlineStroke(row, column));
            g2.draw(bar);
          }

          @Override
          public void paintBarShadow(
              Graphics2D g2,
              BarRenderer renderer,
              int row,
              int column,
              RectangularShape bar,
              RectangleEdge base,
              boolean pegShadow) {}
        });
    r.setShadowVisible(false);
    r.setDrawBarOutline(true);
    r.setMaximumBarWidth(maxWidth);
    r.setSeriesPaint(0, Color.WHITE);
    r.setSeriesOutlinePaint(0, Palette.TEXT);
    r.setSeriesOutlineStroke(0, new BasicStroke(1f));
    r.setDefaultOutlinePaint(Palette.TEXT);
    r.setDefaultOutlineStroke(new BasicStroke(1f));
    return r;
  }

  /** Percent ticks that stop at 100%: the axis may run higher to leave room for labels. */
  static NumberFormat percentUpTo100() {
    return new DecimalFormat("0'%'", DecimalFormatSymbols.getInstance(Locale.ROOT)) {
      private static final long serialVersionUID = 1L;

      @Override
      public StringBuffer format(double number, StringBuffer toAppendTo, FieldPosition pos) {
        return number > 100.5 ? toAppendTo : super.format(number, toAppendTo, pos);
      }
    };
  }

  /** Appends a square swatch with {@code label} to a plot whose legend items are already fixed. */
  static void addLegendSwatch(XYPlot plot, String label, Color color) {
    appendLegend(plot, swatchLegendItem(label, color));
  }

  /**
   * Adds the target line to {@code plot}'s legend as a dashed line named {@code label}: a label on
   * the line itself sits on the last bars whenever they reach the target.
   */
  static void addTargetLegend(XYPlot plot, ValueMarker target, String label) {
    appendLegend(plot, targetLegendItem(label, target));
  }

  /** Appends {@code item} after {@code plot}'s fixed legend items, or its series' when none. */
  static void appendLegend(XYPlot plot, LegendItem item) {
    LegendItemCollection items = new LegendItemCollection();
    items.addAll(
        plot.getFixedLegendItems() == null ? plot.getLegendItems() : plot.getFixedLegendItems());
    items.add(item);
    plot.setFixedLegendItems(items);
  }

  /** The legend entry of a target line: a short stretch of {@code target}'s dashed stroke. */
  static LegendItem targetLegendItem(String label, ValueMarker target) {
    return lineLegendItem(label, Palette.TARGET, target.getStroke());
  }

  /** A legend entry drawn as a short stretch of a line in {@code color} and {@code stroke}. */
  static LegendItem lineLegendItem(String label, Color color, Stroke stroke) {
    return new LegendItem(
        label,
        null,
        null,
        null,
        false,
        new Rectangle2D.Double(),
        false,
        color,
        false,
        color,
        new BasicStroke(0f),
        true,
        new Line2D.Double(-7, 0, 7, 0),
        stroke,
        color);
  }

  /** A legend entry drawn as a square swatch of {@code color} with a thin rule-coloured outline. */
  private static LegendItem swatchLegendItem(String label, Color color) {
    return new LegendItem(
        label,
        null,
        null,
        null,
        true,
        new Rectangle2D.Double(-4, -4, 8, 8),
        true,
        color,
        true,
        Palette.RULE,
        new BasicStroke(0.5f),
        false,
        new Rectangle2D.Double(),
        new BasicStroke(0f),
        color);
  }

  void addPeriodBand(CategoryPlot plot, Comparable<?> category) {
    CategoryMarker m = new CategoryMarker(category, Palette.PERIOD, new BasicStroke(1f));
    m.setDrawAsLine(false);
    m.setAlpha(1f);
    m.setLabelBackgroundColor(Palette.PERIOD);
    plot.addDomainMarker(m, Layer.BACKGROUND);
  }

  /**
   * Adds "Review period" to the legend, with the shading's swatch; call after the series are
   * styled, as the plot's legend items are fixed at that moment.
   */
  static void periodLegend(Plot plot) {
    LegendItem item = swatchLegendItem("Review period", Palette.PERIOD);
    LegendItemCollection items = new LegendItemCollection();
    if (plot instanceof XYPlot xy) {
      items.addAll(xy.getLegendItems());
      items.add(item);
      xy.setFixedLegendItems(items);
    } else if (plot instanceof CategoryPlot cat) {
      items.addAll(cat.getLegendItems());
      items.add(item);
      cat.setFixedLegendItems(items);
    }
  }

  /** A dashed, fully opaque target line with its label (JFreeChart's default alpha is 0.8). */
  ValueMarker target(double value, @Nullable String label) {
    return target(value, label, false);
  }

  /** As {@link #target(double, String)}; {@code vertical} for horizontal bar charts. */
  ValueMarker target(double value, @Nullable String label, boolean vertical) {
    ValueMarker m =
        new ValueMarker(
            value,
            Palette.TARGET,
            new BasicStroke(
                1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {4f, 3f}, 0f));
    m.setAlpha(1f);
    m.setLabel(label);
    m.setLabelFont(fonts.regular.awt().deriveFont(TICK_SIZE));
    m.setLabelPaint(Palette.TARGET);
    m.setLabelBackgroundColor(Color.WHITE);
    m.setLabelAnchor(vertical ? RectangleAnchor.BOTTOM_RIGHT : RectangleAnchor.TOP_RIGHT);
    m.setLabelTextAnchor(vertical ? TextAnchor.BOTTOM_LEFT : TextAnchor.BOTTOM_RIGHT);
    m.setLabelOffset(new RectangleInsets(1, 2, 1, 2));
    return m;
  }

  /** Category axis whose labels each get a font that can draw them (clinic names in any script). */
  CategoryAxis categoryAxis(String label, Iterable<String> categories, DocFonts doc) {
    CategoryAxis a = new PrintableCategoryAxis(label, doc);
    return styleCategories(a, categories, doc);
  }

  /** Shows a placeholder for a category label no font can draw, as the text does, not a blank. */
  private static final class PrintableCategoryAxis extends CategoryAxis {
    private static final long serialVersionUID = 1L;
    private final transient DocFonts doc;

    PrintableCategoryAxis(String label, DocFonts doc) {
      super(label);
      this.doc = doc;
    }

    @Override
    protected TextBlock createLabel(
        Comparable category, float width, RectangleEdge edge, Graphics2D g2) {
      String text = category.toString();
      String shown = doc.printable(text);
      return super.createLabel(shown.equals(text) ? category : shown, width, edge, g2);
    }
  }

  CategoryAxis styleCategories(CategoryAxis a, Iterable<String> categories, DocFonts doc) {
    a.setTickLabelFont(tickFont());
    for (String c : categories) {
      Font f = doc.chartFont(c, false, TICK_SIZE);
      if (!f.getFontName().equals(tickFont().getFontName())) {
        a.setTickLabelFont(c, f);
      }
    }
    a.setCategoryLabelPositions(CategoryLabelPositions.STANDARD);
    a.setMaximumCategoryLabelWidthRatio(0.9f);
    return a;
  }

  /**
   * Applies the theme's fonts again after changing axes, since the theme set them on the old ones.
   */
  void restyleAxisFonts(Axis a) {
    a.setLabelFont(labelFont());
    a.setLabelPaint(Palette.MUTED);
    a.setTickLabelPaint(Palette.MUTED);
    a.setAxisLinePaint(Palette.RULE);
    a.setTickMarkPaint(Palette.RULE);
  }
}
