package org.recoveryreview.report;

import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.FontMapper;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.GraphicsEnvironment;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.recoveryreview.model.ExitCode;
import org.recoveryreview.model.JobFailure;
import org.recoveryreview.model.ReportSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The fonts of every document, loaded once per process: the Latin font (bundled DejaVu Sans unless
 * configured) and, when one is found, a Noto Sans CJK face per region. Each face exists twice, as
 * an embedded PDF {@link BaseFont} and as the Java2D {@link Font} built from the same bytes, so
 * chart layout measures exactly the glyphs the PDF embeds (otherwise chart text is letter-spaced).
 */
final class ReportFonts {
  private static final Logger LOG = LoggerFactory.getLogger(ReportFonts.class);

  /** Where Debian/Ubuntu, Fedora and Homebrew put Noto Sans CJK; the first that exists is used. */
  private static final List<String> SYSTEM_CJK =
      List.of(
          "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
          "/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc",
          "/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc",
          "/usr/share/fonts/google-noto-sans-cjk-fonts/NotoSansCJK-Regular.ttc",
          "/usr/share/fonts/truetype/noto/NotoSansCJK-Regular.ttc",
          "/opt/homebrew/share/fonts/NotoSansCJK-Regular.ttc",
          "/Library/Fonts/NotoSansCJK-Regular.ttc");

  /** Keyed by the configured font paths, so every renderer in the process shares one set. */
  private static final Map<String, ReportFonts> CACHE = new ConcurrentHashMap<>();

  /** Regional CJK faces; the index is the face number inside Noto Sans CJK's .ttc. */
  enum CjkRegion {
    JP(0),
    KR(1),
    SC(2);

    final int ttcIndex;

    CjkRegion(int ttcIndex) {
      this.ttcIndex = ttcIndex;
    }
  }

  /** One face as both a PDF font and the Java2D font used to lay out chart text. */
  record Face(BaseFont pdf, Font awt) {}

  final Face regular;
  final Face bold;

  /** The CJK font file, when one was found; its faces load on first use. */
  private final Optional<Path> cjkPath;

  /** Loaded CJK faces by region; filled once per region, then only read. */
  private final Map<CjkRegion, Face> cjk = new ConcurrentHashMap<>();

  /** Java2D font name to PDF font, for the chart FontMapper; lock-free reads. */
  private final Map<String, BaseFont> byName = new ConcurrentHashMap<>();

  private byte[] cjkBytes;
  private Font[] cjkAwt;

  final FontMapper mapper;

  private ReportFonts(Face regular, Face bold, Optional<Path> cjkPath) {
    this.regular = regular;
    this.bold = bold;
    this.cjkPath = cjkPath;
    byName.put(regular.awt.getFontName(), regular.pdf);
    byName.put(bold.awt.getFontName(), bold.pdf);
    this.mapper = new FaceMapper(byName, regular.pdf, regular.awt);
  }

  static ReportFonts forSettings(ReportSettings settings) {
    String key =
        settings.latinFont().map(Path::toString).orElse("")
            + "|"
            + settings.cjkFont().map(Path::toString).orElse("");
    return CACHE.computeIfAbsent(key, k -> load(settings));
  }

  /**
   * The CJK face for a region, if a CJK font was found. Loaded on first use (about a second and 20
   * MB for Noto Sans CJK), so runs with Latin names only never pay for it.
   */
  Optional<Face> cjk(CjkRegion region) {
    if (cjkPath.isEmpty()) {
      return Optional.empty();
    }
    Face f = cjk.get(region);
    return Optional.of(f != null ? f : loadCjk(region));
  }

  private synchronized Face loadCjk(CjkRegion region) {
    Face f = cjk.get(region);
    if (f != null) {
      return f;
    }
    Path p = cjkPath.get();
    String name = p.getFileName().toString();
    boolean collection = name.toLowerCase(java.util.Locale.ROOT).endsWith(".ttc");
    if (cjkBytes == null) {
      cjkBytes = readFile(p, "report.cjk_font");
      cjkAwt = awtFonts(p, cjkBytes, collection);
      LOG.debug("CJK font {}", p);
    }
    int index = collection ? region.ttcIndex : 0;
    f = new Face(pdfFont(name, cjkBytes, collection ? index : -1), cjkAwt[index]);
    byName.put(f.awt.getFontName(), f.pdf);
    cjk.put(region, f);
    return f;
  }

  /**
   * The region whose glyph shapes suit a text: Korean when it has Hangul, Japanese when it has
   * kana, Simplified Chinese otherwise (all faces cover all CJK ideographs).
   */
  static CjkRegion regionOf(CharSequence text) {
    boolean kana = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if ((c >= 0xAC00 && c <= 0xD7AF)
          || (c >= 0x1100 && c <= 0x11FF)
          || (c >= 0x3130 && c <= 0x318F)) {
        return CjkRegion.KR;
      }
      if (c >= 0x3040 && c <= 0x30FF) {
        kana = true;
      }
    }
    return kana ? CjkRegion.JP : CjkRegion.SC;
  }

  private static ReportFonts load(ReportSettings settings) {
    byte[] regularBytes;
    byte[] boldBytes;
    String regularName;
    String boldName;
    if (settings.latinFont().isPresent()) {
      Path p = settings.latinFont().get();
      regularBytes = readFile(p, "report.latin_font");
      boldBytes = regularBytes;
      regularName = p.getFileName().toString();
      boldName = regularName;
    } else {
      regularBytes = resource("fonts/DejaVuSans.ttf");
      boldBytes = resource("fonts/DejaVuSans-Bold.ttf");
      regularName = "DejaVuSans.ttf";
      boldName = "DejaVuSans-Bold.ttf";
    }
    Face regular =
        new Face(pdfFont(regularName, regularBytes, -1), awtFont(regularName, regularBytes));
    // A configured Latin font has no bold file: bold text uses the same face, embedded once.
    Face bold =
        boldBytes == regularBytes
            ? regular
            : new Face(pdfFont(boldName, boldBytes, -1), awtFont(boldName, boldBytes));
    Optional<Path> cjkPath = settings.cjkFont().or(ReportFonts::systemCjk);
    if (cjkPath.isEmpty()) {
      LOG.warn(
          "No CJK font found (looked in report.cjk_font and {}); Chinese, Japanese and Korean"
              + " characters cannot be drawn. Install Noto Sans CJK (Debian: fonts-noto-cjk).",
          SYSTEM_CJK);
    } else if (!Files.isReadable(cjkPath.get())) {
      throw new JobFailure(
          ExitCode.USAGE,
          "CJK font file "
              + cjkPath.get()
              + " (report.cjk_font) cannot be read; fix the path or remove the setting.");
    }
    return new ReportFonts(regular, bold, cjkPath);
  }

  private static Optional<Path> systemCjk() {
    for (String s : SYSTEM_CJK) {
      Path p = Path.of(s);
      if (Files.isReadable(p)) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }

  private static BaseFont pdfFont(String name, byte[] bytes, int ttcIndex) {
    try {
      String pdfName = ttcIndex >= 0 ? name + "," + ttcIndex : name;
      // Not BaseFont's own static cache: this class is the cache, keyed by path, not file name.
      return BaseFont.createFont(pdfName, BaseFont.IDENTITY_H, true, false, bytes, null);
    } catch (IOException | com.lowagie.text.DocumentException e) {
      throw fontFailure(name, e);
    }
  }

  private static Font awtFont(String name, byte[] bytes) {
    try {
      Font awt = Font.createFont(Font.TRUETYPE_FONT, new ByteArrayInputStream(bytes));
      // Registration lets anyone find the face by name; false only means the system already
      // knows a font of that name.
      GraphicsEnvironment.getLocalGraphicsEnvironment().registerFont(awt);
      return awt;
    } catch (IOException | FontFormatException e) {
      throw fontFailure(name, e);
    }
  }

  /** Reads a collection from its file (a stream would be copied to a temporary file). */
  private static Font[] awtFonts(Path p, byte[] bytes, boolean collection) {
    try {
      Font[] fonts =
          collection
              ? Font.createFonts(p.toFile())
              : new Font[] {Font.createFont(Font.TRUETYPE_FONT, new ByteArrayInputStream(bytes))};
      for (Font f : fonts) {
        GraphicsEnvironment.getLocalGraphicsEnvironment().registerFont(f);
      }
      if (collection && fonts.length <= CjkRegion.SC.ttcIndex) {
        throw new FontFormatException(
            "the collection has " + fonts.length + " faces, Noto Sans CJK has at least 3");
      }
      return fonts;
    } catch (IOException | FontFormatException e) {
      throw fontFailure(p.toString(), e);
    }
  }

  private static JobFailure fontFailure(String name, Exception e) {
    return new JobFailure(
        ExitCode.USAGE,
        "Font "
            + name
            + " cannot be loaded ("
            + e.getMessage()
            + "); point report.latin_font / report.cjk_font at a TrueType, OpenType or .ttc file.",
        e);
  }

  private static byte[] readFile(Path p, String setting) {
    try {
      return Files.readAllBytes(p);
    } catch (IOException e) {
      throw new JobFailure(
          ExitCode.USAGE,
          "Font file "
              + p
              + " ("
              + setting
              + ") cannot be read: "
              + e.getMessage()
              + ". Fix the path in the configuration or remove the setting.",
          e);
    }
  }

  private static byte[] resource(String name) {
    try (InputStream in = ReportFonts.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("bundled font " + name + " missing from the jar");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Maps each Java2D face to the BaseFont made from the same bytes. Immutable, so every thread's
   * PdfGraphics2D shares it without locking; an unknown font (JFreeChart's fallback "SansSerif")
   * maps to the Latin regular face.
   */
  private static final class FaceMapper implements FontMapper {
    private final Map<String, BaseFont> byName;
    private final BaseFont fallback;
    private final Font fallbackAwt;

    FaceMapper(Map<String, BaseFont> byName, BaseFont fallback, Font fallbackAwt) {
      this.byName = byName;
      this.fallback = fallback;
      this.fallbackAwt = fallbackAwt;
    }

    @Override
    public BaseFont awtToPdf(Font font) {
      BaseFont b = byName.get(font.getFontName());
      return b != null ? b : fallback;
    }

    @Override
    public Font pdfToAwt(BaseFont font, int size) {
      return fallbackAwt.deriveFont((float) size);
    }
  }
}
