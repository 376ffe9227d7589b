package org.recoveryreview.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Optional;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.Test;
import org.recoveryreview.model.Flag;
import org.recoveryreview.model.PatientReview;
import org.recoveryreview.model.ReportSettings;

/**
 * The handout in every language and script: right-to-left pages and names, six languages on one
 * page in large print, CJK line breaks.
 */
class HandoutScriptsTest {
  private static final ReportRenderer RENDERER = new ReportRenderer(ReportSettings.defaults());
  private static final HandoutBundles BUNDLES = HandoutBundles.load(Optional.empty());

  static byte[] handout(PatientReview r) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    RENDERER.renderHandout(r, ReportFixtures.CONTEXT, out);
    return out.toByteArray();
  }

  /** Extracted text with every run of white space as one space (lines wrap differently). */
  private static String flat(byte[] pdf) throws IOException {
    return PdfChecks.text(pdf).replaceAll("\\s+", " ");
  }

  /** The most a handout can hold: a missed-you note, four successes, four long goals, advice. */
  private static HandoutSituation full(String language) {
    HandoutSituation s =
        new HandoutSituation()
            .language(language)
            .clinic(2, 10)
            .home(8, 8)
            .armStageGained()
            .fma(5, org.recoveryreview.model.ChangeLabel.DETECTABLE)
            .flag(Flag.DROP_OFF)
            .flag(Flag.PLATEAU)
            .flag(Flag.ASSESSMENT_OVERDUE);
    for (int i = 1; i <= 4; i++) {
      s.goal("Walk to the shop on my own and carry the shopping bag home, goal " + i, i == 1);
    }
    return s;
  }

  @Test
  void renderHandout_arabic_titleAndBodyExtractInLogicalOrder() throws Exception {
    PatientReview r =
        new HandoutSituation()
            .language("ar")
            .names("سارة أحمد", "عيادة النور", "ليلى حسن")
            .clinic(7, 17)
            .build();
    String t = flat(handout(r));
    assertTrue(t.contains("سارة أحمد: شهرك في العلاج التأهيلي"), t);
    assertTrue(t.contains("هذه الصفحة لك ولعائلتك."), t);
    assertTrue(t.contains("افتقدناك في عيادة النور هذا الشهر"), t);
    assertTrue(t.contains("ما الذي سار بشكل جيد هذا الشهر"), t);
  }

  @Test
  void renderHandout_arabic_wholePageRightToLeft() throws Exception {
    PatientReview r =
        new HandoutSituation().language("ar").names("سارة أحمد", "عيادة النور", "ليلى حسن").build();
    try (PDDocument doc = Loader.loadPDF(handout(r))) {
      float width = doc.getPage(0).getMediaBox().getWidth();
      float[] rightmost = {0};
      float[] leftmostArabic = {width};
      PDFTextStripper s =
          new PDFTextStripper() {
            @Override
            protected void processTextPosition(TextPosition p) {
              String u = p.getUnicode();
              if (!u.isEmpty() && DrawnText.hasRightToLeft(u)) {
                rightmost[0] = Math.max(rightmost[0], p.getXDirAdj() + p.getWidthDirAdj());
                leftmostArabic[0] = Math.min(leftmostArabic[0], p.getXDirAdj());
              }
              super.processTextPosition(p);
            }
          };
      s.getText(doc);
      // Lines end at the right margin (40 pt), and short lines leave the left side empty.
      assertTrue(rightmost[0] > width - 45, "rightmost Arabic at " + rightmost[0]);
    }
  }

  @Test
  void renderHandout_eachLanguage_onePageLargePrintInItsOwnWords() throws Exception {
    for (String language : HandoutText.LANGUAGES) {
      byte[] pdf = handout(full(language).build());
      assertEquals(1, PdfChecks.pages(pdf), language);
      HandoutText text = BUNDLES.text(Optional.of(language));
      String t = flat(pdf);
      for (String key : new String[] {"well.heading", "chart.heading", "next.heading"}) {
        assertTrue(t.contains(text.get(key)), language + " " + key + ":\n" + t);
      }
      assertTrue(smallestPoints(pdf) >= 14f, language + " " + smallestPoints(pdf));
    }
  }

  @Test
  void renderHandout_regionalTags_useTheirLanguage() throws Exception {
    assertTrue(
        flat(handout(new HandoutSituation().language("es-MX").build()))
            .contains("Lo que salió bien este mes"));
    assertTrue(
        flat(handout(new HandoutSituation().language("zh-Hant").build())).contains("这个月做得好的地方"));
  }

  @Test
  void renderHandout_noHomeProgramme_sentenceInsteadOfChart() throws Exception {
    String t = flat(handout(new HandoutSituation().noHomeProgramme().build()));
    assertTrue(t.contains("No home exercises were planned for you in the last 8 weeks."), t);
    assertFalse(t.contains("Times done"), t);
    assertFalse(t.contains("Each bar is one week"), t);
  }

  @Test
  void renderHandout_chineseClosingPunctuation_neverStartsALine() throws Exception {
    // Clinic names of every length move the footer's "）。" across the line end.
    StringBuilder clinic = new StringBuilder("康复");
    for (int i = 0; i < 24; i++) {
      clinic.append(i % 2 == 0 ? "中" : "心");
      PatientReview r =
          new HandoutSituation().language("zh").names("王秀英", clinic.toString(), "李医生").build();
      for (String line : PdfChecks.text(handout(r)).split("\n")) {
        String l = line.strip();
        assertFalse(
            !l.isEmpty() && "）。，、：；！？”".indexOf(l.charAt(0)) >= 0,
            "line starts with closing punctuation: " + l);
      }
    }
  }

  private static float smallestPoints(byte[] pdf) throws IOException {
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      float[] min = {Float.MAX_VALUE};
      PDFTextStripper s =
          new PDFTextStripper() {
            @Override
            protected void processTextPosition(TextPosition text) {
              if (!text.getUnicode().isBlank()) {
                min[0] = Math.min(min[0], text.getFontSizeInPt());
              }
              super.processTextPosition(text);
            }
          };
      s.getText(doc);
      return min[0];
    }
  }
}
