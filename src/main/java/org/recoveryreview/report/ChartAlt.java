package org.recoveryreview.report;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.category.CategoryDataset;
import org.jfree.data.xy.XYDataset;
import org.recoveryreview.model.Evidence;

/**
 * The one owner of a chart's text alternative: a summary computed from the data the chart draws
 * (per series: how many values, lowest, highest and last, the categories or weeks without a value),
 * so a screen reader user gets what the picture shows. Charts with few points list every value.
 */
final class ChartAlt {
  private ChartAlt() {}

  /** Points up to which every value is listed rather than summarised. */
  static final int LIST_UP_TO = 8;

  private static final int MAX_SERIES = 10;
  private static final int MAX_GAPS = 6;

  /** The text alternative of {@code chart}. */
  static String describe(JFreeChart chart) {
    String title = chart.getTitle() == null ? "" : chart.getTitle().getText().strip();
    List<String> parts = new ArrayList<>();
    Plot plot = chart.getPlot();
    String kind = "Chart";
    if (plot instanceof CategoryPlot cp) {
      kind = axisName(cp.getRangeAxis(), "Chart");
      for (int d = 0; d < cp.getDatasetCount(); d++) {
        CategoryDataset data = cp.getDataset(d);
        if (data != null) {
          category(
              data, cp.getRangeAxis(d) == null ? cp.getRangeAxis() : cp.getRangeAxis(d), parts);
        }
      }
    } else if (plot instanceof XYPlot xp) {
      kind = axisName(xp.getRangeAxis(), "Chart");
      for (int d = 0; d < xp.getDatasetCount(); d++) {
        XYDataset data = xp.getDataset(d);
        if (data != null) {
          xy(data, xp.getDomainAxis(), xp.getRangeAxis(), parts);
        }
      }
    }
    String head = title.isEmpty() ? kind : title;
    if (parts.isEmpty()) {
      return head + ": no data.";
    }
    if (parts.size() > MAX_SERIES) {
      int more = parts.size() - MAX_SERIES;
      parts = new ArrayList<>(parts.subList(0, MAX_SERIES));
      parts.add("and " + more + " more series");
    }
    return head + ": " + String.join("; ", parts) + ".";
  }

  private static String axisName(ValueAxis axis, String otherwise) {
    return axis == null || axis.getLabel() == null || axis.getLabel().isBlank()
        ? otherwise
        : axis.getLabel().strip();
  }

  private static void category(CategoryDataset data, ValueAxis axis, List<String> parts) {
    for (int r = 0; r < data.getRowCount(); r++) {
      List<String> labels = new ArrayList<>();
      List<Double> values = new ArrayList<>();
      List<String> gaps = new ArrayList<>();
      for (int c = 0; c < data.getColumnCount(); c++) {
        Number n = data.getValue(r, c);
        String label = String.valueOf(data.getColumnKey(c));
        if (n == null) {
          gaps.add(label);
        } else {
          labels.add(label);
          values.add(n.doubleValue());
        }
      }
      parts.add(series(String.valueOf(data.getRowKey(r)), labels, values, gaps, axis));
    }
  }

  private static void xy(XYDataset data, ValueAxis domain, ValueAxis range, List<String> parts) {
    for (int s = 0; s < data.getSeriesCount(); s++) {
      List<String> labels = new ArrayList<>();
      List<Double> values = new ArrayList<>();
      List<String> gaps = new ArrayList<>();
      for (int i = 0; i < data.getItemCount(s); i++) {
        String label = x(domain, data.getXValue(s, i));
        double y = data.getYValue(s, i);
        if (Double.isNaN(y)) {
          gaps.add(label);
        } else {
          labels.add(label);
          values.add(y);
        }
      }
      parts.add(series(String.valueOf(data.getSeriesKey(s)), labels, values, gaps, range));
    }
  }

  private static String x(ValueAxis domain, double x) {
    if (domain instanceof SymbolAxis sa) {
      int i = (int) Math.round(x);
      String[] symbols = sa.getSymbols();
      return i >= 0 && i < symbols.length ? symbols[i] : number(x);
    }
    if (domain instanceof DateAxis) {
      return Evidence.date(Instant.ofEpochMilli((long) x).atZone(ZoneOffset.UTC).toLocalDate());
    }
    return number(x);
  }

  /** One series: every value when few, else count, lowest, highest and last; then the gaps. */
  static String series(
      String name, List<String> labels, List<Double> values, List<String> gaps, ValueAxis axis) {
    StringBuilder b = new StringBuilder(name);
    boolean percent = isPercent(axis);
    if (values.isEmpty()) {
      b.append(": no values");
    } else if (values.size() <= LIST_UP_TO) {
      List<String> each = new ArrayList<>();
      for (int i = 0; i < values.size(); i++) {
        each.add(labels.get(i) + " " + value(values.get(i), percent));
      }
      b.append(": ").append(String.join(", ", each));
    } else {
      int lo = 0;
      int hi = 0;
      for (int i = 1; i < values.size(); i++) {
        lo = values.get(i) < values.get(lo) ? i : lo;
        hi = values.get(i) > values.get(hi) ? i : hi;
      }
      int last = values.size() - 1;
      b.append(": ")
          .append(values.size())
          .append(" values from ")
          .append(labels.get(0))
          .append(" to ")
          .append(labels.get(last))
          .append(", lowest ")
          .append(value(values.get(lo), percent))
          .append(" (")
          .append(labels.get(lo))
          .append("), highest ")
          .append(value(values.get(hi), percent))
          .append(" (")
          .append(labels.get(hi))
          .append("), last ")
          .append(value(values.get(last), percent));
    }
    if (!gaps.isEmpty()) {
      List<String> shown = gaps.size() > MAX_GAPS ? gaps.subList(0, MAX_GAPS) : gaps;
      b.append("; no value for ").append(String.join(", ", shown));
      if (gaps.size() > MAX_GAPS) {
        b.append(" and ").append(gaps.size() - MAX_GAPS).append(" more");
      }
    }
    return b.toString();
  }

  /** True when the axis labels its ticks as percentages (values are on a 0–100 scale). */
  private static boolean isPercent(ValueAxis axis) {
    return axis instanceof NumberAxis na && na.getTickUnit().valueToString(50).endsWith("%");
  }

  private static String value(double v, boolean percent) {
    return number(v) + (percent ? "%" : "");
  }

  private static String number(double v) {
    double r = Math.round(v * 10) / 10.0;
    if (r == Math.rint(r)) {
      return Long.toString((long) r);
    }
    // As String.format("%.1f") would write it, without its parser: one review describes a few
    // hundred values (0.8% of the review threads' samples, JFR).
    long tenths = Math.abs(Math.round(r * 10));
    return (r < 0 ? "-" : "") + tenths / 10 + "." + tenths % 10;
  }
}
