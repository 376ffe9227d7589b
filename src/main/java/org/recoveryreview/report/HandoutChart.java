package org.recoveryreview.report;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.category.DefaultCategoryDataset;
import org.recoveryreview.model.PatientReview;
import org.recoveryreview.model.WeekAdherence;

/**
 * The one chart of the family handout: home exercise sessions done per week over the last eight
 * weeks, as plain bars with large labels and no rates, targets or bands.
 */
final class HandoutChart {
  /** Large print, as the handout's text. */
  private static final float LABEL = 14f;

  private final ChartKit kit;

  HandoutChart(ChartKit kit) {
    this.kit = kit;
  }

  JFreeChart homeExercise(PatientReview r, HandoutText text, DocFonts doc) {
    DefaultCategoryDataset data = new DefaultCategoryDataset();
    for (WeekAdherence w : r.history().windows().handoutWeeks()) {
      // Arabic month names need bidi and shaping, which JFreeChart's strings only get here.
      data.addValue(w.adherence().homeCompleted(), "home", doc.printable(text.week(w.weekStart())));
    }
    String axis = text.get("chart.axis");
    CategoryAxis x = new CategoryAxis(null);
    NumberAxis y = new NumberAxis(doc.printable(axis));
    BarRenderer bars = new BarRenderer();
    bars.setBarPainter(new StandardBarPainter());
    bars.setShadowVisible(false);
    bars.setDrawBarOutline(false);
    bars.setMaximumBarWidth(0.09);
    bars.setSeriesPaint(0, Palette.SERIES[0]);
    CategoryPlot plot = new CategoryPlot(data, x, y, bars);
    JFreeChart chart = kit.chart("", plot, false, doc);
    chart.setTitle((TextTitle) null);
    String sample = data.getColumnCount() == 0 ? "" : (String) data.getColumnKey(0);
    x.setTickLabelFont(doc.chartFont(sample, false, LABEL));
    x.setTickLabelPaint(Palette.TEXT);
    x.setCategoryMargin(0.3);
    // Week labels are short; without this JFreeChart abbreviates them to "..." at 14 pt.
    x.setMaximumCategoryLabelWidthRatio(3f);
    x.setLowerMargin(0.02);
    x.setUpperMargin(0.02);
    y.setLabelFont(doc.chartFont(axis, false, LABEL));
    y.setLabelPaint(Palette.TEXT);
    y.setTickLabelFont(doc.chartFont("0123456789", false, LABEL));
    y.setTickLabelPaint(Palette.TEXT);
    y.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
    y.setLowerBound(0);
    plot.setDomainGridlinesVisible(false);
    return chart;
  }
}
