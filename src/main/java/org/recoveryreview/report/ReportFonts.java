package org.recoveryreview.report;

import com.lowagie.text.DocumentException;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.FontMapper;
import com.lowagie.text.pdf.SharedFont;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.GraphicsEnvironment;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.recoveryreview.model.ExitCode;
import org.recoveryreview.model.FontFile;
import org.recoveryreview.model.JobFailure;
import org.recoveryreview.model.ReportSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The fonts of every document, loaded once per process: the Latin font (bundled DejaVu Sans unless
 * configured, which also covers Greek, Cyrillic, Hebrew and Arabic) and, when the configuration or
 * the machine has one, a CJK face per region. Each face exists twice, as an embedded PDF {@link
 * BaseFont} and as the Java2D {@link Font} built from the same bytes, so chart layout measures
 * exactly the glyphs the PDF embeds (otherwise chart text is letter-spaced).
 */
final class ReportFonts {
  private static final Logger LOG = LoggerFactory.getLogger(ReportFonts.class);

  static final String LATIN_KEY = "report.font";
  static final String CJK_KEY = "report.cjk_font";

  /** Keyed by the configured font paths, so every renderer in the process shares one set. */
  private static final Map<String, ReportFonts> CACHE = new ConcurrentHashMap<>();

  /**
   * Regional CJK faces: the fontconfig language that finds one, and the part of a face name that
   * marks it in a collection holding all regions (Noto Sans CJK, Source Han Sans, PingFang).
   */
  enum CjkRegion {
    JP("ja", " JP"),
    KR("ko", " KR"),
    SC("zh-cn", " SC");

    final String fontconfigLang;
    final String faceNameMark;

    CjkRegion(String fontconfigLang, String faceNameMark) {
      this.fontconfigLang = fontconfigLang;
      this.faceNameMark = faceNameMark;
    }
  }

  /** One face as both a PDF font and the Java2D font used to lay out chart text. */
  record Face(BaseFont pdf, Font awt) {}

  final Face regular;
  final Face bold;

  /** Where the CJK files come from: the configuration, or a search of the machine on first use. */
  private final Supplier<Map<CjkRegion, FontFile>> cjkSource;

  /** Whether {@link #cjkSource} came from {@code report.cjk_font} (errors then name the key). */
  private final boolean cjkConfigured;

  /** The CJK file per region once looked up; null until the first CJK character. */
  private @Nullable Map<CjkRegion, FontFile> cjkFiles;

  /** Loaded CJK faces by region; filled once per region, then only read. */
  private final Map<CjkRegion, Face> cjk = new ConcurrentHashMap<>();

  /** Loaded faces by file and face index, so regions sharing a face embed it once. */
  private final Map<String, Face> loaded = new HashMap<>();

  /** The CJK files' bytes by path, read once however many regions use a file. */
  private final Map<Path, byte[]> fileBytes = new HashMap<>();

  /** Java2D font name to PDF font, for the chart FontMapper; lock-free reads. */
  private final Map<String, BaseFont> byName = new ConcurrentHashMap<>();

  final FontMapper mapper;

  private ReportFonts(
      Face regular, Face bold, Supplier<Map<CjkRegion, FontFile>> cjkSource, boolean configured) {
    this.regular = regular;
    this.bold = bold;
    this.cjkSource = cjkSource;
    this.cjkConfigured = configured;
    byName.put(regular.awt.getFontName(), regular.pdf);
    byName.put(bold.awt.getFontName(), bold.pdf);
    this.mapper = new FaceMapper(byName, regular.pdf, regular.awt);
  }

  static ReportFonts forSettings(ReportSettings settings) {
    String key =
        settings.latinFont().map(Path::toString).orElse("")
            + "|"
            + settings.cjkFont().map(Path::toString).orElse("");
    return CACHE.computeIfAbsent(key, k -> load(settings, CjkFontFinder.system()));
  }

  /**
   * Fonts for {@code settings}, searching the machine with {@code finder} when no CJK font is
   * configured; not cached, so tests can stage machines with and without CJK fonts.
   */
  static ReportFonts load(ReportSettings settings, CjkFontFinder finder) {
    Face regular;
    Face bold;
    if (settings.latinFont().isPresent()) {
      FontFile f = FontFile.parse(settings.latinFont().get());
      byte[] bytes = readFile(f.file(), LATIN_KEY);
      Font[] awt = awtFonts(f.file(), bytes, f.isCollection(), LATIN_KEY);
      int index = faceIndex(f, awt, Optional.empty(), LATIN_KEY);
      // A configured Latin font has no bold file: bold text uses the same face, embedded once.
      regular = face(f.file(), bytes, awt, index, f.isCollection(), LATIN_KEY);
      bold = regular;
    } else {
      byte[] r = resource("fonts/DejaVuSans.ttf");
      byte[] b = resource("fonts/DejaVuSans-Bold.ttf");
      regular = new Face(pdfFont("DejaVuSans.ttf", r, -1, LATIN_KEY), awtFont(r, LATIN_KEY));
      bold = new Face(pdfFont("DejaVuSans-Bold.ttf", b, -1, LATIN_KEY), awtFont(b, LATIN_KEY));
    }
    if (settings.cjkFont().isPresent()) {
      FontFile f = FontFile.parse(settings.cjkFont().get());
      if (!Files.isReadable(f.file())) {
        throw new JobFailure(
            ExitCode.USAGE,
            "CJK font file "
                + f.file()
                + " ("
                + CJK_KEY
                + ") cannot be read; fix the path or remove the setting.");
      }
      if (f.face().isPresent() && f.isCollection()) {
        // A wrong face number stops the run before any report is written, not mid-render.
        faceIndex(f, collectionFonts(f.file(), CJK_KEY), Optional.empty(), CJK_KEY);
      }
      Map<CjkRegion, FontFile> all = new EnumMap<>(CjkRegion.class);
      for (CjkRegion r : CjkRegion.values()) {
        all.put(r, f);
      }
      return new ReportFonts(regular, bold, () -> all, true);
    }
    return new ReportFonts(regular, bold, () -> found(finder), false);
  }

  private static Map<CjkRegion, FontFile> found(CjkFontFinder finder) {
    Map<CjkRegion, FontFile> found = finder.find();
    if (found.isEmpty()) {
      // Not a warning here: the run's one warning names the patients whose names it affects.
      LOG.debug("No CJK font found; looked in {}", finder.searched());
    } else {
      LOG.debug("CJK fonts found: {}", found);
    }
    return found;
  }

  /**
   * The CJK face for a region, if a CJK font was configured or found. Looked up and loaded on first
   * use (about a second and 20 MB for Noto Sans CJK), so runs with Latin names only never pay.
   */
  Optional<Face> cjk(CjkRegion region) {
    Face f = cjk.get(region);
    return f != null ? Optional.of(f) : loadCjk(region);
  }

  private synchronized Optional<Face> loadCjk(CjkRegion region) {
    Face f = cjk.get(region);
    if (f != null) {
      return Optional.of(f);
    }
    if (cjkFiles == null) {
      cjkFiles = cjkSource.get();
    }
    FontFile file = cjkFiles.get(region);
    if (file == null) {
      return Optional.empty();
    }
    String setting = cjkConfigured ? CJK_KEY : "the CJK font found on this machine";
    // One array per file: the regions' faces of a collection then share it and its CFF table.
    byte[] bytes = fileBytes.get(file.file());
    if (bytes == null) {
      bytes = readFile(file.file(), setting);
      fileBytes.put(file.file(), bytes);
    }
    Font[] awt = awtFonts(file.file(), bytes, file.isCollection(), setting);
    int index = faceIndex(file, awt, Optional.of(region), setting);
    String key = file.file() + "," + index;
    f = loaded.get(key);
    if (f == null) {
      f = face(file.file(), bytes, awt, index, file.isCollection(), setting);
      loaded.put(key, f);
      byName.put(f.awt.getFontName(), f.pdf);
      LOG.debug("CJK font for {}: {} face {} ({})", region, file.file(), index, f.awt.getName());
    }
    cjk.put(region, f);
    return Optional.of(f);
  }

  /**
   * The face to use in a file: the configured or fontconfig index, else in a collection the
   * region's regular face by name, else the first face.
   */
  private static int faceIndex(
      FontFile file, Font[] faces, Optional<CjkRegion> region, String setting) {
    if (file.face().isPresent()) {
      int i = file.face().getAsInt();
      if (i >= faces.length) {
        throw new JobFailure(
            ExitCode.USAGE,
            "Font "
                + file
                + " ("
                + setting
                + ") asks for face "
                + i
                + " but the file has "
                + faces.length
                + " (0 to "
                + (faces.length - 1)
                + "); fix the number after the comma.");
      }
      return i;
    }
    if (region.isPresent() && faces.length > 1) {
      int any = -1;
      for (int i = 0; i < faces.length; i++) {
        String name = faces[i].getFontName(Locale.ROOT);
        if (name.contains(region.get().faceNameMark)) {
          if (name.contains("Regular") && !name.contains("Mono")) {
            return i;
          }
          any = any < 0 ? i : any;
        }
      }
      return Math.max(any, 0);
    }
    return 0;
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

  private static Face face(
      Path p, byte[] bytes, Font[] awt, int index, boolean collection, String setting) {
    String name = p.getFileName().toString();
    return new Face(pdfFont(name, bytes, collection ? index : -1, setting), awt[index]);
  }

  private static BaseFont pdfFont(String name, byte[] bytes, int ttcIndex, String setting) {
    try {
      String pdfName = ttcIndex >= 0 ? name + "," + ttcIndex : name;
      // Not BaseFont's own static cache: this class is the cache, keyed by path, not file name.
      // Shares a CJK face's CFF table and recent subset programs across documents.
      BaseFont font = SharedFont.create(pdfName, bytes);
      font.setSecureRandom(SubsetTags.RANDOM);
      return font;
    } catch (IOException | DocumentException e) {
      throw fontFailure(name, setting, e);
    }
  }

  private static Font awtFont(byte[] bytes, String setting) {
    return fontOf(bytes, "bundled font", setting)[0];
  }

  /** The faces of file {@code p}, whose bytes are {@code bytes}. */
  private static Font[] awtFonts(Path p, byte[] bytes, boolean collection, String setting) {
    return collection ? collectionFonts(p, setting) : fontOf(bytes, p.toString(), setting);
  }

  /** Reads a collection from its file (a stream would be copied to a temporary file). */
  private static Font[] collectionFonts(Path p, String setting) {
    try {
      return registered(Font.createFonts(p.toFile()));
    } catch (IOException | FontFormatException e) {
      throw fontFailure(p.toString(), setting, e);
    }
  }

  /** The one face of a font file that is not a collection; {@code name} names it in errors. */
  private static Font[] fontOf(byte[] bytes, String name, String setting) {
    try {
      return registered(
          new Font[] {Font.createFont(Font.TRUETYPE_FONT, new ByteArrayInputStream(bytes))});
    } catch (IOException | FontFormatException e) {
      throw fontFailure(name, setting, e);
    }
  }

  private static Font[] registered(Font[] fonts) {
    for (Font f : fonts) {
      // Registration lets anyone find the face by name; false only means the system already
      // knows a font of that name.
      GraphicsEnvironment.getLocalGraphicsEnvironment().registerFont(f);
    }
    return fonts;
  }

  private static JobFailure fontFailure(String name, String setting, Exception e) {
    return new JobFailure(
        ExitCode.USAGE,
        "Font "
            + name
            + " ("
            + setting
            + ") cannot be loaded ("
            // Java2D names the temporary copy it parsed, which means nothing to the operator.
            + String.valueOf(e.getMessage()).replaceAll("\\s*\\S*\\+~JF\\S*\\.tmp", "")
            + "); "
            + fix(setting, "a TrueType, OpenType or .ttc font file")
            + ".",
        e);
  }

  /** What to do about a bad font: fix the key it came from, or configure one over a found one. */
  private static String fix(String setting, String what) {
    return setting.startsWith("report.")
        ? "point " + setting + " at " + what + " or remove the setting"
        : "set " + CJK_KEY + " to " + what;
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
              + "; "
              + fix(setting, "a readable font file")
              + ".",
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
