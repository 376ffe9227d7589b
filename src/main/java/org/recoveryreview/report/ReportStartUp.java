package org.recoveryreview.report;

import com.lowagie.text.PageSize;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.time.Day;
import org.jfree.data.time.TimeSeries;
import org.jfree.data.time.TimeSeriesCollection;
import org.recoveryreview.concurrent.StartUp;
import org.recoveryreview.model.ReportSettings;

/**
 * The report libraries' one-time start-up: on a background thread while the input is read and
 * analysed, the run's fonts are loaded and one throwaway tagged page with a table and two charts is
 * rendered, so OpenPDF's, JFreeChart's and Java2D's classes are initialised and their code is warm
 * when the first review starts. Every renderer waits for it first (the same one-thread rule as the
 * first review, which renders alone before the others). On the sample, a newcomer's first run is
 * about 0.3 s faster; a larger run does not notice it.
 */
final class ReportStartUp {
  private static final StartUp JVM = new StartUp("report-start-up");

  private ReportStartUp() {}

  /** Starts the process's one start-up, once; later calls do nothing. */
  static void start(ReportSettings settings) {
    JVM.start(() -> render(settings));
  }

  /** Returns once a started start-up has ended; at once when none was started. */
  static void awaitDone() {
    JVM.awaitDone();
  }

  /** One page shaped like a review's: a section heading, a data table, a line and a bar chart. */
  static PdfFrame.Rendered render(ReportSettings settings) {
    ReportFonts fonts = ReportFonts.forSettings(settings);
    ChartKit kit = new ChartKit(fonts);
    DocFonts doc = new DocFonts(fonts, ReportFonts.regionOf("Start-up"), "start-up");
    PdfFrame.Meta meta =
        new PdfFrame.Meta(
            "Start-up",
            settings.organisation(),
            "Start-up",
            "start-up",
            Instant.EPOCH,
            "Start-up",
            "1 Jan 2026",
            Optional.of("Start-up"),
            "en");
    return PdfFrame.render(
        PageSize.A4,
        meta,
        doc,
        f -> {
          f.section("Start-up 2026", 40);
          f.doc.add(
              new Tables(f.fonts)
                  .data(
                      new float[] {3, 1},
                      List.of("Figure", "Value"),
                      new boolean[] {false, true},
                      List.of(
                          new Tables.Row(List.of("Sessions attended", "12")),
                          new Tables.Row(List.of("Home programme done", "75%"))),
                      "none"));
          f.chartPair(line(kit, doc), bars(kit, doc), 150);
        });
  }

  private static JFreeChart line(ChartKit kit, DocFonts doc) {
    LocalDate from = LocalDate.of(2026, 1, 5);
    TimeSeries s = new TimeSeries("Fugl-Meyer");
    for (int i = 0; i < 6; i++) {
      LocalDate d = from.plusWeeks(4L * i);
      s.add(new Day(d.getDayOfMonth(), d.getMonthValue(), d.getYear()), 20 + 3 * i);
    }
    XYPlot plot =
        new XYPlot(
            new TimeSeriesCollection(s),
            kit.monthAxis("Month", from, from.plusMonths(6)),
            kit.percentAxis("% of maximum"),
            new XYLineAndShapeRenderer());
    return kit.chart("Start-up", plot, true, doc);
  }

  private static JFreeChart bars(ChartKit kit, DocFonts doc) {
    DefaultCategoryDataset data = new DefaultCategoryDataset();
    List<String> weeks = new ArrayList<>();
    for (int w = 1; w <= 8; w++) {
      weeks.add("W" + w);
      data.addValue(w * 10, "home", "W" + w);
    }
    CategoryPlot plot =
        new CategoryPlot(
            data,
            kit.categoryAxis("Week", weeks, doc),
            kit.percentAxis("%"),
            ChartKit.outlineBars(12));
    return kit.chart("Start-up", plot, true, doc);
  }
}
