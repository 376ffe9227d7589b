package org.recoveryreview.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.recoveryreview.model.JobFailure;
import org.recoveryreview.model.ReportSettings;
import org.recoveryreview.report.ReportFonts.CjkRegion;

class ReportFontsTest {
  private static final Path NOTO =
      Path.of("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc");

  private static final CjkFontFinder NO_CJK =
      new CjkFontFinder(lang -> Optional.empty(), p -> false, "C:\\Windows\\Fonts");

  private static ReportSettings cjkFont(String spec) {
    return new ReportSettings("Org", Map.of(), "A4", Optional.empty(), Optional.of(Path.of(spec)));
  }

  private static String faceName(ReportFonts fonts, CjkRegion region) {
    return fonts.cjk(region).orElseThrow().awt().getFontName(Locale.ROOT);
  }

  @Test
  void load_configuredCollectionWithFaceIndex_usesThatFaceForEveryRegion() {
    assumeTrue(Files.isReadable(NOTO), "needs fonts-noto-cjk");
    ReportFonts fonts = ReportFonts.load(cjkFont(NOTO + ",1"), NO_CJK);

    // Face 1 of Noto Sans CJK is the Korean one, even for Chinese text.
    assertTrue(faceName(fonts, CjkRegion.SC).contains(" KR"), faceName(fonts, CjkRegion.SC));
    assertTrue(faceName(fonts, CjkRegion.JP).contains(" KR"), faceName(fonts, CjkRegion.JP));
  }

  @Test
  void load_configuredCollectionWithoutIndex_picksEachRegionsFaceByName() {
    assumeTrue(Files.isReadable(NOTO), "needs fonts-noto-cjk");
    ReportFonts fonts = ReportFonts.load(cjkFont(NOTO.toString()), NO_CJK);

    assertTrue(faceName(fonts, CjkRegion.SC).contains(" SC"), faceName(fonts, CjkRegion.SC));
    assertTrue(faceName(fonts, CjkRegion.JP).contains(" JP"), faceName(fonts, CjkRegion.JP));
    assertTrue(faceName(fonts, CjkRegion.KR).contains(" KR"), faceName(fonts, CjkRegion.KR));
    assertFalse(faceName(fonts, CjkRegion.SC).contains("Mono"), faceName(fonts, CjkRegion.SC));
  }

  @Test
  void load_faceIndexPastTheCollection_failsAtOnceNamingKeyAndFaceCount() {
    assumeTrue(Files.isReadable(NOTO), "needs fonts-noto-cjk");
    JobFailure e =
        assertThrows(JobFailure.class, () -> ReportFonts.load(cjkFont(NOTO + ",99"), NO_CJK));

    assertTrue(e.getMessage().contains("report.cjk_font"), e.getMessage());
    assertTrue(e.getMessage().contains("asks for face 99"), e.getMessage());
  }

  @Test
  void load_fontFoundOnTheMachine_usedWithoutConfiguration() {
    assumeTrue(Files.isReadable(NOTO), "needs fonts-noto-cjk");
    CjkFontFinder debian =
        new CjkFontFinder(lang -> Optional.empty(), p -> p.equals(NOTO), "C:\\Windows\\Fonts");
    ReportFonts fonts = ReportFonts.load(ReportSettings.defaults(), debian);

    assertTrue(faceName(fonts, CjkRegion.KR).contains(" KR"), faceName(fonts, CjkRegion.KR));
  }

  @Test
  void load_noCjkFontOnTheMachine_hasNoCjkFace() {
    ReportFonts fonts = ReportFonts.load(ReportSettings.defaults(), NO_CJK);

    assertEquals(Optional.empty(), fonts.cjk(CjkRegion.SC));
  }

  @Test
  void load_unreadableLatinFont_failsNamingTheRealKey() {
    ReportSettings s =
        new ReportSettings(
            "Org",
            Map.of(),
            "A4",
            Optional.of(Path.of("/nonexistent/latin.ttf")),
            Optional.empty());

    JobFailure e = assertThrows(JobFailure.class, () -> ReportFonts.load(s, NO_CJK));

    assertTrue(e.getMessage().contains("(report.font)"), e.getMessage());
    assertFalse(e.getMessage().contains("latin_font"), e.getMessage());
  }

  @Test
  void load_latinFontFromCollectionWithFaceIndex_usesThatFace() {
    assumeTrue(Files.isReadable(NOTO), "needs fonts-noto-cjk");
    ReportSettings s =
        new ReportSettings(
            "Org", Map.of(), "A4", Optional.of(Path.of(NOTO + ",2")), Optional.empty());

    ReportFonts fonts = ReportFonts.load(s, NO_CJK);

    String name = fonts.regular.awt().getFontName(Locale.ROOT);
    assertTrue(name.contains(" SC"), name);
  }
}
