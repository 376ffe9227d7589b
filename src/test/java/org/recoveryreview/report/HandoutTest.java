package org.recoveryreview.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.Test;
import org.recoveryreview.model.PatientGoals;
import org.recoveryreview.model.PatientReview;
import org.recoveryreview.model.ReportSettings;

class HandoutTest {
  private static final ReportRenderer RENDERER = new ReportRenderer(ReportSettings.defaults());

  private static byte[] handout(PatientReview r) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    RENDERER.renderHandout(r, ReportFixtures.CONTEXT, out);
    byte[] pdf = out.toByteArray();
    // -Dhandout.dump=DIR keeps the PDFs for looking at them (pdftoppm).
    String dump = System.getProperty("handout.dump");
    if (dump != null) {
      Files.write(Path.of(dump, r.metrics().patientId() + ".pdf"), pdf);
    }
    return pdf;
  }

  @Test
  void renderHandout_chinese_textExtractsInChinese() throws Exception {
    String t = PdfChecks.text(handout(GoalFixtures.chineseWithGoals()));
    assertTrue(t.contains("本月康复小结"), t);
    assertTrue(t.contains("这个月做得好的地方"), t);
    assertTrue(t.contains("2026年10月"), t);
    assertTrue(t.contains("每周在家练习的次数"), t);
    assertTrue(t.contains("您的目标"), t);
    assertTrue(t.contains("自己穿上有扣子的衬衫"), t);
    assertTrue(t.contains("已经达到"), t);
    assertTrue(t.contains("还在努力"), t);
    assertTrue(t.contains("下个月的重点"), t);
    assertTrue(t.contains("继续努力：“用力气小的那只手端杯子喝水”"), t);
    // No English left in a Chinese handout apart from names.
    assertFalse(t.contains("What went well"), t);
    assertFalse(t.contains("Page "), t);
  }

  @Test
  void renderHandout_english_plainWordsWithoutJargon() throws Exception {
    String t = PdfChecks.text(handout(GoalFixtures.englishWithGoals())).replaceAll("\\s+", " ");
    assertTrue(t.contains("What went well this month"), t);
    assertTrue(t.contains("You reached your goal: “Put on a shirt with buttons without help”"), t);
    // 4 of 12 at the clinic is low: asked to book, not listed as a success.
    assertTrue(t.contains("We missed you at"), t);
    assertFalse(t.contains("You came to 4"), t);
    assertFalse(t.contains("home exercises 2 times"), t);
    // Low adherence with home the weaker part: the advice names home exercise, calmly.
    assertTrue(t.contains("Practise the home exercises on more days."), t);
    assertTrue(t.contains("Progress has slowed a little. This is common."), t);
    for (String jargon :
        new String[] {
          "Brunnstrom", "Fugl", "FMA", "ARAT", "GAS", "T-score", "adherence", "MCID", "plateau", "%"
        }) {
      assertFalse(t.contains(jargon), jargon + " in:\n" + t);
    }
  }

  @Test
  void renderHandout_unknownLanguage_isEnglish() throws Exception {
    PatientReview fr =
        GoalFixtures.with(
            ReportFixtures.japaneseNoAssessments(), PatientGoals.none(), Optional.of("fr"));
    String t = PdfChecks.text(handout(fr)).replaceAll("\\s+", " ");
    assertTrue(t.contains("your month in rehabilitation"), t);
    assertFalse(HandoutText.supported(Optional.of("fr")));
    assertTrue(HandoutText.supported(Optional.of("ja")));
    assertTrue(HandoutText.supported(Optional.empty()));
  }

  @Test
  void renderHandout_onePagePdfA1bAndReproducible() throws Exception {
    for (PatientReview r :
        new PatientReview[] {GoalFixtures.chineseWithGoals(), GoalFixtures.englishWithGoals()}) {
      byte[] pdf = handout(r);
      assertEquals(1, PdfChecks.pages(pdf));
      assertEquals("", PdfChecks.pdfA1bFailures(pdf));
      assertEquals(-1, java.util.Arrays.mismatch(pdf, handout(r)));
    }
  }

  @Test
  void renderHandout_everyCharacter_atLeast12pt() throws Exception {
    try (PDDocument doc = Loader.loadPDF(handout(GoalFixtures.chineseWithGoals()))) {
      float[] min = {Float.MAX_VALUE};
      PDFTextStripper s =
          new PDFTextStripper() {
            @Override
            protected void processTextPosition(TextPosition text) {
              min[0] = Math.min(min[0], text.getFontSizeInPt());
              super.processTextPosition(text);
            }
          };
      s.getText(doc);
      assertTrue(min[0] >= 12f, "smallest text " + min[0] + " pt");
    }
  }
}
