package org.recoveryreview.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.recoveryreview.model.FontFile;
import org.recoveryreview.report.ReportFonts.CjkRegion;

class CjkFontFinderTest {
  private static final String WIN = "C:\\Windows\\Fonts";

  /** A machine holding exactly these files, whose fc-match answers per language as given. */
  private static Map<CjkRegion, FontFile> find(Map<String, String> fcMatch, Set<String> files) {
    return new CjkFontFinder(
            lang -> Optional.ofNullable(fcMatch.get(lang)), p -> files.contains(p.toString()), WIN)
        .find();
  }

  private static FontFile font(String path, int face) {
    return new FontFile(Path.of(path), OptionalInt.of(face));
  }

  private static FontFile font(String path) {
    return new FontFile(Path.of(path), OptionalInt.empty());
  }

  @Test
  void find_fontconfigDeclaresTheLanguage_usesItsFileAndFace() {
    String noto = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc";
    Map<CjkRegion, FontFile> found =
        find(
            Map.of(
                "zh-cn", noto + "\t2\tja|ko|zh-cn|zh-tw\n",
                "ja", noto + "\t0\tja|ko|zh-cn\n",
                "ko", noto + "\t1\tja|ko|zh-cn\n"),
            Set.of(noto));

    assertEquals(font(noto, 2), found.get(CjkRegion.SC));
    assertEquals(font(noto, 0), found.get(CjkRegion.JP));
    assertEquals(font(noto, 1), found.get(CjkRegion.KR));
  }

  @Test
  void find_fontconfigOffersALatinFont_ignoresItAndFindsWindowsFonts() {
    // What fc-match prints on a machine without CJK fonts: its best guess, which has no ideograph.
    String dejavu = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf\t0\taa|ar|en|he|ru\n";
    Map<CjkRegion, FontFile> found =
        find(
            Map.of("zh-cn", dejavu, "ja", dejavu, "ko", dejavu),
            Set.of(
                "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
                WIN + "\\msyh.ttc",
                WIN + "\\YuGothM.ttc",
                WIN + "\\malgun.ttf"));

    assertEquals(font(WIN + "\\msyh.ttc"), found.get(CjkRegion.SC));
    assertEquals(font(WIN + "\\YuGothM.ttc"), found.get(CjkRegion.JP));
    assertEquals(font(WIN + "\\malgun.ttf"), found.get(CjkRegion.KR));
  }

  @Test
  void find_fontconfigFileMissing_isNotUsed() {
    Map<CjkRegion, FontFile> found =
        find(Map.of("zh-cn", "/gone/wqy-zenhei.ttc\t0\tzh-cn\n"), Set.of(WIN + "\\simsun.ttc"));

    assertEquals(font(WIN + "\\simsun.ttc"), found.get(CjkRegion.SC));
  }

  @Test
  void find_macOsWithoutKoreanFont_borrowsTheChineseOne() {
    Map<CjkRegion, FontFile> found = find(Map.of(), Set.of("/System/Library/Fonts/PingFang.ttc"));

    assertEquals(font("/System/Library/Fonts/PingFang.ttc"), found.get(CjkRegion.SC));
    assertEquals(font("/System/Library/Fonts/PingFang.ttc"), found.get(CjkRegion.JP));
    assertEquals(font("/System/Library/Fonts/PingFang.ttc"), found.get(CjkRegion.KR));
  }

  @Test
  void find_notoAtFedoraPathOnly_usedForEveryRegionWithFaceByName() {
    String noto = "/usr/share/fonts/google-noto-sans-cjk-fonts/NotoSansCJK-Regular.ttc";
    Map<CjkRegion, FontFile> found = find(Map.of(), Set.of(noto));

    for (CjkRegion r : CjkRegion.values()) {
      assertEquals(font(noto), found.get(r), r.name());
    }
  }

  @Test
  void find_noCjkFontAnywhere_findsNothingAndListsWhereItLooked() {
    CjkFontFinder finder = new CjkFontFinder(lang -> Optional.empty(), p -> false, WIN);

    assertEquals(Map.of(), finder.find());
    List<String> searched = finder.searched();
    assertTrue(searched.get(0).startsWith("fc-match"), searched.toString());
    assertTrue(searched.contains(WIN + "\\malgun.ttf"), searched.toString());
    assertTrue(searched.contains("/System/Library/Fonts/PingFang.ttc"), searched.toString());
    assertTrue(
        searched.contains("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"),
        searched.toString());
  }

  @Test
  void system_machineWithNotoAndFontconfig_fcMatchGivesEachRegionsFace() {
    Path noto = Path.of("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc");
    assumeTrue(java.nio.file.Files.isReadable(noto), "needs fonts-noto-cjk");
    assumeTrue(CjkFontFinder.runFcMatch("ja").isPresent(), "needs fontconfig");

    Map<CjkRegion, FontFile> found = CjkFontFinder.system().find();

    // The Debian package's collection holds JP, KR, SC as faces 0, 1, 2.
    assertEquals(Path.of(noto.toString()), found.get(CjkRegion.SC).file());
    assertEquals(OptionalInt.of(2), found.get(CjkRegion.SC).face());
    assertEquals(OptionalInt.of(0), found.get(CjkRegion.JP).face());
    assertEquals(OptionalInt.of(1), found.get(CjkRegion.KR).face());
  }
}
