package org.recoveryreview.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lowagie.text.PageSize;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.text.Normalizer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.data.category.DefaultCategoryDataset;
import org.junit.jupiter.api.Test;
import org.recoveryreview.model.ReportSettings;

/**
 * Right-to-left text in every kind of place a document draws it: a title, a table cell, a chart
 * label and a sentence mixed with English. Each is checked as drawn (glyphs in left-to-right page
 * order) against ICU4J's reordering of the logical text, so the check does not depend on how a PDF
 * reader guesses a line's direction.
 */
class DrawnTextTest {
  private static final ReportFonts FONTS = ReportFonts.forSettings(ReportSettings.defaults());

  @Test
  void visual_arabic_reversedAndJoined() {
    String v = DrawnText.visual("سارة");
    // Drawn left to right: final teh marbuta first, initial seen last, each in its joined form.
    assertEquals(4, v.length());
    // Teh marbuta stands alone: reh before it does not join forward.
    assertEquals('\uFE93', v.charAt(0));
    assertEquals('\uFEB3', v.charAt(3));
  }

  @Test
  void visual_hebrewInEnglish_onlyTheHebrewRunReversed() {
    // Digits after a right-to-left run join it (UAX #9 W7, N1), as a reader of Hebrew expects.
    assertEquals("Clinic 12 ץרפ", DrawnText.visual("Clinic פרץ 12"));
    assertEquals("Plain text (12)", DrawnText.visual("Plain text (12)"));
  }

  @Test
  void runDirection_bidiOnlyWhereNeeded() {
    assertEquals(
        com.lowagie.text.pdf.PdfWriter.RUN_DIRECTION_NO_BIDI,
        DrawnText.runDirection("Anna", false));
    assertEquals(
        com.lowagie.text.pdf.PdfWriter.RUN_DIRECTION_LTR, DrawnText.runDirection("דוד", false));
    assertEquals(
        com.lowagie.text.pdf.PdfWriter.RUN_DIRECTION_RTL, DrawnText.runDirection("Anna", true));
  }

  @Test
  void chart_titleAndCategoryLabels_drawnInBidiOrder() throws Exception {
    DocFonts doc = new DocFonts(FONTS, ReportFonts.CjkRegion.SC, "test");
    ChartKit kit = new ChartKit(FONTS);
    List<String> labels = List.of("سارة أحمد", "דוד פרץ");
    DefaultCategoryDataset data = new DefaultCategoryDataset();
    data.addValue(3, "s", labels.get(0));
    data.addValue(5, "s", labels.get(1));
    CategoryAxis x = kit.categoryAxis(null, labels, doc);
    CategoryPlot plot =
        new CategoryPlot(data, x, new NumberAxis(doc.printable("عدد")), new BarRenderer());
    String title = "Sessions of سارة أحمد";
    PdfFrame.Meta meta =
        new PdfFrame.Meta(
            "t", "a", "s", "k", Instant.EPOCH, "id", "1 Oct 2026", Optional.empty(), "en");
    byte[] pdf =
        PdfFrame.renderPlain(
                PageSize.A4,
                meta,
                doc,
                f -> {
                  JFreeChart c = kit.chart(title, plot, false, f.fonts);
                  f.doc.add(f.chart(c, 400, 220));
                })
            .bytes();
    String drawn = String.join("\n", drawnLines(pdf));
    assertTrue(drawn.contains(visual(title)), drawn);
    assertTrue(drawn.contains(visual(labels.get(0))), drawn);
    assertTrue(drawn.contains(visual(labels.get(1))), drawn);
  }

  @Test
  void review_arabicNameLine_drawnInBidiOrder() throws Exception {
    ReportRenderer r = new ReportRenderer(ReportSettings.defaults());
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    r.renderPatient(ReportFixtures.named("P009", "سارة أحمد"), ReportFixtures.CONTEXT, out);
    String drawn = String.join("\n", drawnLines(out.toByteArray()));
    assertTrue(drawn.contains(visual("سارة أحمد")), drawn);
  }

  @Test
  void reviewAndSummary_hebrewAndArabicOrganisation_headerDrawnInBidiOrder() throws Exception {
    for (String org : List.of("מרכז שיקום", "مركز التأهيل")) {
      ReportRenderer r =
          new ReportRenderer(
              new ReportSettings(org, Map.of(), "A4", Optional.empty(), Optional.empty()));
      ByteArrayOutputStream review = new ByteArrayOutputStream();
      r.renderPatient(ReportFixtures.named("P009", "Sara Ahmed"), ReportFixtures.CONTEXT, review);
      ByteArrayOutputStream summary = new ByteArrayOutputStream();
      r.renderProgram(ReportFixtures.program(), List.of(), ReportFixtures.CONTEXT, summary);
      for (ByteArrayOutputStream pdf : List.of(review, summary)) {
        String first = drawnLines(pdf.toByteArray()).get(0);
        assertEquals(visual(org), first.strip(), org);
      }
    }
  }

  @Test
  void handout_hebrewTitleAndArabicInEnglishSentence_drawnInBidiOrder() throws Exception {
    byte[] pdf =
        HandoutScriptsTest.handout(
            new HandoutSituation()
                .names("דוד פרץ", "Riverside Neuro Rehab", "خديجة المصري")
                .build());
    String drawn = String.join("\n", drawnLines(pdf));
    // Left-to-right paragraphs of an English page, whatever their first letter.
    assertTrue(drawn.contains(visualLtr("דוד פרץ: your month")), drawn);
    assertTrue(drawn.contains(visualLtr("Ask your therapist, خديجة المصري, at Riverside")), drawn);
  }

  /** The glyphs as drawn, NFKC-normalised (Arabic presentation forms to letters). */
  static String visual(String logical) {
    return Normalizer.normalize(DrawnText.visual(logical), Normalizer.Form.NFKC);
  }

  static String visualLtr(String logical) {
    return Normalizer.normalize(
        DrawnText.visual(logical, com.ibm.icu.text.Bidi.LTR), Normalizer.Form.NFKC);
  }

  /** Each line's characters in page order, left to right, without any reader's reordering. */
  static List<String> drawnLines(byte[] pdf) throws IOException {
    Map<Integer, List<TextPosition>> rows = new TreeMap<>();
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      PDFTextStripper s =
          new PDFTextStripper() {
            @Override
            protected void processTextPosition(TextPosition p) {
              rows.computeIfAbsent(
                      Math.round(p.getYDirAdj()) + 100_000 * getCurrentPageNo(),
                      k -> new ArrayList<>())
                  .add(p);
            }
          };
      s.getText(doc);
    }
    List<String> lines = new ArrayList<>();
    for (List<TextPosition> row : rows.values()) {
      row.sort(Comparator.comparingDouble(TextPosition::getXDirAdj));
      StringBuilder b = new StringBuilder();
      row.forEach(p -> b.append(p.getUnicode()));
      lines.add(Normalizer.normalize(b.toString(), Normalizer.Form.NFKC));
    }
    return lines;
  }
}
