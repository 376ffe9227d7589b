package org.recoveryreview.report;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.recoveryreview.model.FontFile;
import org.recoveryreview.report.ReportFonts.CjkRegion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds a font for each CJK region on this machine: what fontconfig prefers for the region's
 * language, then the fonts Windows and macOS ship, then Noto Sans CJK where Linux distributions and
 * Homebrew install it. The fontconfig query and the file check are injected so tests can stage any
 * machine, including one without a CJK font.
 */
final class CjkFontFinder {
  private static final Logger LOG = LoggerFactory.getLogger(CjkFontFinder.class);

  /** How long one fc-match may take; it answers in milliseconds unless its cache is rebuilt. */
  private static final long FC_MATCH_TIMEOUT_MS = 3000;

  /** Runs {@code fc-match} for a fontconfig language tag and returns what it printed, if it ran. */
  interface FcMatch {
    Optional<String> query(String lang);
  }

  /** Where Windows keeps its fonts when %WINDIR% is not set. */
  private static final String WINDOWS_FONTS = "C:\\Windows\\Fonts";

  /** Noto Sans CJK where Debian/Ubuntu, Fedora/RHEL and Homebrew put it. */
  static final List<String> NOTO =
      List.of(
          "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
          "/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc",
          "/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc",
          "/usr/share/fonts/google-noto-sans-cjk-fonts/NotoSansCJK-Regular.ttc",
          "/usr/share/fonts/truetype/noto/NotoSansCJK-Regular.ttc",
          "/opt/homebrew/share/fonts/NotoSansCJK-Regular.ttc",
          "/Library/Fonts/NotoSansCJK-Regular.ttc");

  private final FcMatch fcMatch;
  private final Predicate<Path> exists;
  private final String windowsFonts;

  CjkFontFinder(FcMatch fcMatch, Predicate<Path> exists, String windowsFonts) {
    this.fcMatch = fcMatch;
    this.exists = exists;
    this.windowsFonts = windowsFonts;
  }

  /** The finder for this machine: the real fc-match and file system. */
  static CjkFontFinder system() {
    String windir = System.getenv("WINDIR");
    return new CjkFontFinder(
        CjkFontFinder::runFcMatch,
        Files::isReadable,
        windir == null || windir.isBlank() ? WINDOWS_FONTS : windir + "\\Fonts");
  }

  /**
   * A font per region. A region with no font of its own borrows another region's (every CJK font
   * draws the common ideographs; what it lacks shows as a placeholder). Empty when the machine has
   * no CJK font at all.
   */
  Map<CjkRegion, FontFile> find() {
    Map<CjkRegion, FontFile> found = new EnumMap<>(CjkRegion.class);
    for (CjkRegion r : CjkRegion.values()) {
      first(r).ifPresent(f -> found.put(r, f));
    }
    if (!found.isEmpty()) {
      FontFile any = found.values().iterator().next();
      for (CjkRegion r : CjkRegion.values()) {
        found.putIfAbsent(r, any);
      }
    }
    return found;
  }

  /** Every place looked in, in order, for the warning when nothing is found. */
  List<String> searched() {
    List<String> all = new ArrayList<>();
    all.add("fc-match :lang=zh-cn/ja/ko");
    for (CjkRegion r : CjkRegion.values()) {
      for (FontFile f : candidates(r)) {
        if (!all.contains(f.file().toString())) {
          all.add(f.file().toString());
        }
      }
    }
    return all;
  }

  private Optional<FontFile> first(CjkRegion region) {
    Optional<FontFile> fc = fcMatch.query(region.fontconfigLang).flatMap(out -> parse(out, region));
    if (fc.isPresent()) {
      return fc;
    }
    for (FontFile f : candidates(region)) {
      if (exists.test(f.file())) {
        return Optional.of(f);
      }
    }
    return Optional.empty();
  }

  /**
   * fc-match always names some font, even one without a single ideograph (DejaVu Sans on a machine
   * without CJK fonts), so its answer counts only if the font declares the language.
   */
  private Optional<FontFile> parse(String out, CjkRegion region) {
    String line = out.strip();
    String[] parts = line.split("\t", -1);
    if (parts.length < 3 || parts[0].isBlank()) {
      return Optional.empty();
    }
    boolean covers = List.of(parts[2].split("\\|")).contains(region.fontconfigLang);
    Path file = Path.of(parts[0]);
    if (!covers || !exists.test(file)) {
      return Optional.empty();
    }
    OptionalInt face = OptionalInt.empty();
    try {
      int i = Integer.parseInt(parts[1].trim());
      FontFile plain = new FontFile(file, OptionalInt.empty());
      face = plain.isCollection() ? OptionalInt.of(i) : OptionalInt.empty();
    } catch (NumberFormatException e) {
      // No index printed: the reader picks the face by the region's name.
    }
    return Optional.of(new FontFile(file, face));
  }

  /** The shipped and packaged fonts for a region, best first; faces chosen by region name. */
  private List<FontFile> candidates(CjkRegion region) {
    String w = windowsFonts + "\\";
    List<String> paths =
        switch (region) {
          case SC ->
              List.of(
                  w + "msyh.ttc",
                  w + "simsun.ttc",
                  "/System/Library/Fonts/PingFang.ttc",
                  "/System/Library/Fonts/Hiragino Sans GB.ttc",
                  "/System/Library/Fonts/STHeiti Light.ttc");
          case JP ->
              List.of(
                  w + "YuGothM.ttc",
                  w + "meiryo.ttc",
                  w + "msgothic.ttc",
                  "/System/Library/Fonts/ヒラギノ角ゴシック W3.ttc",
                  "/System/Library/Fonts/Hiragino Sans W3.ttc");
          case KR ->
              List.of(
                  w + "malgun.ttf",
                  "/System/Library/Fonts/AppleSDGothicNeo.ttc",
                  "/System/Library/Fonts/Supplemental/AppleGothic.ttf");
        };
    List<FontFile> out = new ArrayList<>();
    for (String p : paths) {
      out.add(new FontFile(Path.of(p), OptionalInt.empty()));
    }
    for (String p : NOTO) {
      out.add(new FontFile(Path.of(p), OptionalInt.empty()));
    }
    return out;
  }

  /** Runs fc-match with a timeout; empty when it is not installed, fails or hangs. */
  static Optional<String> runFcMatch(String lang) {
    ProcessBuilder pb =
        new ProcessBuilder("fc-match", "-f", "%{file}\\t%{index}\\t%{lang}\\n", ":lang=" + lang);
    pb.redirectError(ProcessBuilder.Redirect.DISCARD);
    Process p;
    try {
      p = pb.start();
    } catch (IOException e) {
      LOG.debug("fc-match not available: {}", e.getMessage());
      return Optional.empty();
    }
    try (InputStream in = p.getInputStream()) {
      p.getOutputStream().close();
      if (!p.waitFor(FC_MATCH_TIMEOUT_MS, TimeUnit.MILLISECONDS)) {
        LOG.debug("fc-match :lang={} did not answer within {} ms", lang, FC_MATCH_TIMEOUT_MS);
        return Optional.empty();
      }
      String out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return p.exitValue() == 0 ? Optional.of(out) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    } finally {
      p.destroyForcibly();
    }
  }
}
