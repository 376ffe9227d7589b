package org.recoveryreview.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.junit.jupiter.api.Test;

class ChartAltTest {
  @Test
  void describe_fewCategories_listsEveryValueAndTheGaps() {
    DefaultCategoryDataset data = new DefaultCategoryDataset();
    data.addValue(3, "Home", "W41");
    data.addValue(null, "Home", "W42");
    data.addValue(5.25, "Home", "W43");
    CategoryPlot plot =
        new CategoryPlot(data, new CategoryAxis(), new NumberAxis("Sessions"), new BarRenderer());
    String alt = ChartAlt.describe(new JFreeChart("Home exercise", plot));
    assertEquals("Home exercise: Home: W41 3, W43 5.3; no value for W42.", alt);
  }

  @Test
  void describe_manyWeeksOnPercentAxis_summarisesLowestHighestAndLast() {
    String[] weeks = new String[12];
    XYSeries clinic = new XYSeries("Clinic attendance");
    for (int i = 0; i < weeks.length; i++) {
      weeks[i] = "W" + (30 + i);
      clinic.add(i, i == 4 ? 20 : 80 + i);
    }
    NumberAxis y = new NumberAxis("Sessions done");
    y.setTickUnit(new NumberTickUnit(20, new java.text.DecimalFormat("0'%'")));
    XYPlot plot =
        new XYPlot(
            new XYSeriesCollection(clinic), new SymbolAxis("Week", weeks), y, new XYBarRenderer());
    String alt = ChartAlt.describe(new JFreeChart("Weekly adherence, last 12 weeks", plot));
    assertEquals(
        "Weekly adherence, last 12 weeks: Clinic attendance: 12 values from W30 to W41, lowest 20%"
            + " (W34), highest 91% (W41), last 91%.",
        alt);
  }

  @Test
  void describe_noTitleNoData_namesTheAxisAndSaysNoData() {
    CategoryPlot plot =
        new CategoryPlot(
            new DefaultCategoryDataset(),
            new CategoryAxis(),
            new NumberAxis("Home exercise per week"),
            new BarRenderer());
    JFreeChart chart = new JFreeChart(plot);
    chart.setTitle((org.jfree.chart.title.TextTitle) null);
    assertEquals("Home exercise per week: no data.", ChartAlt.describe(chart));
  }

  @Test
  void series_manyGaps_listsSixAndCountsTheRest() {
    List<String> gaps = List.of("a", "b", "c", "d", "e", "f", "g", "h");
    String s = ChartAlt.series("S", List.of("x"), List.of(1.0), gaps, new NumberAxis());
    assertTrue(s.endsWith("no value for a, b, c, d, e, f and 2 more"), s);
  }

  @Test
  void series_oneDecimalValues_writtenAsStringFormatWould() {
    for (double v = -60; v <= 60; v += 0.0371) {
      double r = Math.round(v * 10) / 10.0;
      String expected =
          r == Math.rint(r)
              ? Long.toString((long) r)
              : String.format(java.util.Locale.ROOT, "%.1f", r);
      String s = ChartAlt.series("S", List.of("x"), List.of(v), List.of(), new NumberAxis());
      assertEquals("S: x " + expected, s, "value " + v);
    }
  }
}
