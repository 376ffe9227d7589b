package org.recoveryreview.report;

import java.awt.Font;
import java.awt.geom.Rectangle2D;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.ClusteredXYBarRenderer;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.recoveryreview.model.Adherence;
import org.recoveryreview.model.WeekAdherence;

/**
 * The weekly adherence bars with the counts behind each one, so a bar can say "3/8" and a week with
 * sessions due but none done shows a marker instead of nothing.
 *
 * @param clinic attendance in % per week index, null where no clinic session was due
 * @param home home completion in % per week index, null where no home session was due
 * @param counts done and due per series (0 clinic, 1 home) and week index; absent when none due
 * @param labels ISO week labels ("W40") per week index
 */
record WeekBars(XYSeries clinic, XYSeries home, Map<Integer, long[]>[] counts, String[] labels) {

  /** Centre of each series' bar relative to its week (interval 0.8, margin 0.2, two series). */
  static final double[] BAR_OFFSET = {-0.16, 0.16};

  /** The bars of the weeks analysis chose for the chart (see analysis.Windows), oldest first. */
  @SuppressWarnings("unchecked")
  static WeekBars of(List<WeekAdherence> window) {
    XYSeries clinic = new XYSeries("Clinic attendance", false, true);
    XYSeries home = new XYSeries("Home programme completion", false, true);
    Map<Integer, long[]>[] counts = new Map[] {new HashMap<>(), new HashMap<>()};
    String[] labels = new String[window.size()];
    for (int i = 0; i < window.size(); i++) {
      WeekAdherence w = window.get(i);
      labels[i] = w.shortLabel();
      Adherence a = w.adherence();
      add(clinic, counts[0], i, a.clinicAttended(), a.clinicScheduled());
      add(home, counts[1], i, a.homeCompleted(), a.homePrescribed());
    }
    return new WeekBars(clinic, home, counts, labels);
  }

  private static void add(XYSeries s, Map<Integer, long[]> counts, int i, long done, long due) {
    if (due == 0) {
      s.add(i, null);
      return;
    }
    s.add(i, done * 100.0 / due);
    counts.put(i, new long[] {done, due});
  }

  /** Whether any week in the window had a session due. */
  boolean any() {
    return !counts[0].isEmpty() || !counts[1].isEmpty();
  }

  /** Whether some week had sessions due of a kind and none of them done. */
  boolean hasZeroWeek() {
    for (Map<Integer, long[]> c : counts) {
      for (long[] dd : c.values()) {
        if (dd[0] == 0) {
          return true;
        }
      }
    }
    return false;
  }

  /** "done/due" of series {@code series} in week {@code week}; empty when nothing was due. */
  String label(int series, int week) {
    long[] dd = counts[series].get(week);
    return dd == null ? "" : dd[0] + "/" + dd[1];
  }

  /** Plain bars: the labels are annotations (see {@link #addLabels}). */
  static ClusteredXYBarRenderer renderer() {
    ClusteredXYBarRenderer bars = new ClusteredXYBarRenderer(0.0, false);
    bars.setBarPainter(new StandardXYBarPainter());
    bars.setShadowVisible(false);
    bars.setDrawBarOutline(false);
    return bars;
  }

  /**
   * Writes done/due above each bar (horizontal, so text extraction reads "3/8"), in red where none
   * was done. Annotations rather than renderer item labels: XYBarRenderer draws those on a copied
   * Graphics2D that OpenPDF gives a transparent state, which PDF/A-1 forbids.
   */
  void addLabels(XYPlot plot, Font font) {
    for (int s = 0; s < 2; s++) {
      for (Map.Entry<Integer, long[]> e : new TreeMap<>(counts[s]).entrySet()) {
        long[] dd = e.getValue();
        XYTextAnnotation a =
            new XYTextAnnotation(
                dd[0] + "/" + dd[1], e.getKey() + BAR_OFFSET[s], labelY(s, e.getKey(), dd));
        a.setFont(font);
        a.setPaint(dd[0] == 0 ? Palette.ZERO : Palette.TEXT);
        a.setTextAnchor(TextAnchor.BOTTOM_CENTER);
        plot.addAnnotation(a, false);
      }
    }
  }

  /**
   * The value axis' upper bound: 114 leaves room for a label above a full bar, more when a home
   * label was lifted above a full clinic bar, so that no label is cut off at the plot's top.
   */
  double axisTop() {
    double top = 114;
    for (int s = 0; s < 2; s++) {
      for (Map.Entry<Integer, long[]> e : counts[s].entrySet()) {
        top = Math.max(top, labelY(s, e.getKey(), e.getValue()) + 12);
      }
    }
    return top;
  }

  /**
   * Just above the bar; a home label is lifted when both bars of its week are low, where the two
   * labels (wider than a bar) would otherwise run into each other.
   */
  private double labelY(int series, int week, long[] dd) {
    double y = dd[0] * 100.0 / dd[1] + 1.5;
    long[] other = counts[1 - series].get(week);
    if (series == 1 && other != null && Math.abs(other[0] * 100.0 / other[1] - (y - 1.5)) < 8) {
      return y + 9;
    }
    return y;
  }

  /** A short red bar at 0 for every week with sessions due and none done, drawn over the bars. */
  void addZeroMarkers(XYPlot plot) {
    XYSeriesCollection zeros = new XYSeriesCollection();
    XYLineAndShapeRenderer marks = new XYLineAndShapeRenderer(false, true);
    for (int s = 0; s < 2; s++) {
      XYSeries z = new XYSeries("zero " + s, true, true);
      for (Map.Entry<Integer, long[]> e : counts[s].entrySet()) {
        if (e.getValue()[0] == 0) {
          z.add(e.getKey() + BAR_OFFSET[s], 0.0);
        }
      }
      zeros.addSeries(z);
      marks.setSeriesPaint(s, Palette.ZERO);
      marks.setSeriesShape(s, new Rectangle2D.Double(-4, -2.5, 8, 2.5));
      marks.setSeriesVisibleInLegend(s, false);
    }
    plot.setDataset(1, zeros);
    plot.setRenderer(1, marks);
  }
}
