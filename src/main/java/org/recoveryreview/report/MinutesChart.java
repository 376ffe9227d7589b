package org.recoveryreview.report;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.CategoryTextAnnotation;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.renderer.category.StackedBarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.HorizontalAlignment;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultCategoryDataset;
import org.recoveryreview.model.PatientReview;
import org.recoveryreview.model.ReportSettings;
import org.recoveryreview.model.TherapyMinutes;

/**
 * A patient's therapy minutes per month: done minutes stacked by therapy against the planned
 * minutes as an outline, each month labelled done/planned, with a note of the minutes assumed from
 * the plan.
 */
final class MinutesChart {
  private final ChartKit kit;
  private final ReportSettings settings;

  MinutesChart(ChartKit kit, ReportSettings settings) {
    this.kit = kit;
    this.settings = settings;
  }

  /**
   * Minutes done per month stacked by therapy, against the planned minutes of the same sessions
   * drawn as an outline, for the 6 months ending with the period; each month labelled done/planned.
   */
  JFreeChart chart(PatientReview r, ReportContext ctx, DocFonts doc) {
    List<YearMonth> months = r.history().windows().months();
    YearMonth first = months.get(0);
    YearMonth last = months.get(months.size() - 1);
    Map<String, String> monthLabels = monthLabels(months);
    Map<String, Map<String, Long>> byTherapy = new LinkedHashMap<>();
    Map<String, long[]> perMonth = new HashMap<>();
    boolean any = false;
    for (TherapyMinutes t : r.history().therapyMinutes()) {
      if (t.month().isBefore(first) || t.month().isAfter(last)) {
        continue;
      }
      byTherapy
          .computeIfAbsent(settings.therapyName(t.therapy()), k -> new HashMap<>())
          .put(t.month().toString(), t.actualMinutes());
      long[] dp = perMonth.computeIfAbsent(t.month().toString(), k -> new long[3]);
      dp[0] += t.actualMinutes();
      dp[1] += t.plannedMinutes();
      dp[2] += t.assumedMinutes();
      any |= t.actualMinutes() > 0 || t.plannedMinutes() > 0;
    }
    DefaultCategoryDataset data = new DefaultCategoryDataset();
    DefaultCategoryDataset planned = new DefaultCategoryDataset();
    if (any) {
      fillMinutes(data, planned, byTherapy, monthLabels, perMonth);
    }
    CategoryAxis x = new CategoryAxis("Month");
    NumberAxis y = new NumberAxis("Minutes");
    StackedBarRenderer bars = minutesBars();
    CategoryPlot plot = new CategoryPlot(data, x, y, bars);
    JFreeChart chart =
        kit.chart(
            "Therapy minutes per month, last " + months.size() + " months: done against planned",
            plot,
            true,
            doc);
    for (int i = 0; i < data.getRowCount(); i++) {
      String name = (String) data.getRowKey(i);
      bars.setSeriesPaint(i, Palette.THERAPIES[i % Palette.THERAPIES.length]);
      bars.setLegendTextFont(i, doc.chartFont(name, false, ChartKit.LABEL_SIZE));
    }
    styleMinutesAxes(x, y);
    plot.setDomainGridlinesVisible(false);
    if (any) {
      plot.setDataset(1, planned);
      plot.setRenderer(1, ChartKit.outlineBars(0.135));
      // Planned outline over the done stack, so it stays visible where more was done than planned.
      plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
      labelMonthTotals(plot, monthLabels, perMonth);
      kit.addPeriodBand(plot, Fmt.month(last));
      ChartKit.periodLegend(plot);
      assumedNote(monthLabels, perMonth).ifPresent(chart::addSubtitle);
    }
    return chart;
  }

  /** Each month's key ("2026-03") and its axis label ("Mar 2026"), in calendar order. */
  private static Map<String, String> monthLabels(List<YearMonth> months) {
    Map<String, String> monthLabels = new LinkedHashMap<>();
    for (YearMonth m : months) {
      monthLabels.put(m.toString(), Fmt.month(m));
    }
    return monthLabels;
  }

  private static StackedBarRenderer minutesBars() {
    StackedBarRenderer bars = new StackedBarRenderer();
    bars.setBarPainter(new StandardBarPainter());
    bars.setShadowVisible(false);
    bars.setDrawBarOutline(false);
    bars.setMaximumBarWidth(0.12);
    return bars;
  }

  /**
   * Month by month for every therapy, so the axis is in calendar order and shows months without
   * sessions too; the planned minutes of each month (none where nothing was planned) beside them.
   */
  private static void fillMinutes(
      DefaultCategoryDataset data,
      DefaultCategoryDataset planned,
      Map<String, Map<String, Long>> byTherapy,
      Map<String, String> monthLabels,
      Map<String, long[]> perMonth) {
    for (Map.Entry<String, Map<String, Long>> e : byTherapy.entrySet()) {
      for (Map.Entry<String, String> m : monthLabels.entrySet()) {
        data.addValue(e.getValue().get(m.getKey()), e.getKey(), m.getValue());
      }
    }
    for (Map.Entry<String, String> m : monthLabels.entrySet()) {
      long[] dp = perMonth.getOrDefault(m.getKey(), new long[2]);
      planned.addValue(dp[1] > 0 ? dp[1] : null, PLANNED, m.getValue());
    }
  }

  private void styleMinutesAxes(CategoryAxis x, NumberAxis y) {
    kit.restyleAxisFonts(x);
    kit.restyleAxisFonts(y);
    x.setTickLabelFont(kit.tickFont());
    y.setTickLabelFont(kit.tickFont());
    x.setCategoryMargin(0.35);
    y.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
    // Room above the tallest bar for its "936/985" label, which sits on top of it.
    y.setUpperMargin(0.3);
  }

  /** "936/985" (done/planned) on top of each month that had either. */
  private void labelMonthTotals(
      CategoryPlot plot, Map<String, String> monthLabels, Map<String, long[]> perMonth) {
    for (Map.Entry<String, String> m : monthLabels.entrySet()) {
      long[] dp = perMonth.getOrDefault(m.getKey(), new long[2]);
      if (dp[1] > 0 || dp[0] > 0) {
        CategoryTextAnnotation label =
            new CategoryTextAnnotation(
                Fmt.minutes(dp[0]) + "/" + Fmt.minutes(dp[1]),
                m.getValue(),
                Math.max(dp[0], dp[1]));
        label.setFont(kit.tickFont());
        label.setPaint(Palette.TEXT);
        label.setTextAnchor(TextAnchor.BOTTOM_CENTER);
        plot.addAnnotation(label);
      }
    }
  }

  /**
   * Under the minutes chart, the done minutes that were assumed from the plan, per month ("Of the
   * minutes done, assumed from the plan …: Sep 330, Oct 195."); nothing when every duration was
   * recorded.
   */
  private Optional<TextTitle> assumedNote(
      Map<String, String> monthLabels, Map<String, long[]> perMonth) {
    List<String> parts = new ArrayList<>();
    for (Map.Entry<String, String> m : monthLabels.entrySet()) {
      long[] dp = perMonth.get(m.getKey());
      if (dp != null && dp[2] > 0) {
        // The month alone: the axis right below names the year.
        parts.add(m.getValue().substring(0, 3) + " " + Fmt.minutes(dp[2]));
      }
    }
    if (parts.isEmpty()) {
      return Optional.empty();
    }
    TextTitle note = new TextTitle(assumedText(parts), kit.tickFont());
    note.setPaint(Palette.MUTED);
    note.setPosition(RectangleEdge.BOTTOM);
    note.setHorizontalAlignment(HorizontalAlignment.LEFT);
    note.setMaximumLinesToDisplay(1);
    return Optional.of(note);
  }

  /** The note's text for the months with assumed minutes, e.g. ["Sep 330"]. */
  static String assumedText(List<String> months) {
    return "Of the minutes done, assumed from the plan (no recorded duration): "
        + String.join(", ", months)
        + ".";
  }

  /** Legend name of the planned-minutes outline. */
  static final String PLANNED = "Planned (all therapies)";
}
