package org.recoveryreview.report;

import com.ibm.icu.util.ULocale;
import com.lowagie.text.Chunk;
import com.lowagie.text.Font;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.FontMapper;
import java.awt.Color;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The fonts of one document: the shared faces plus the CJK region chosen for this document, and the
 * characters it could not draw. One instance per document, never shared between threads.
 */
final class DocFonts {
  /** Text styles of the documents; sizes in points. */
  enum Style {
    BODY(8.5f, false, Palette.TEXT),
    BODY_BOLD(8.5f, true, Palette.TEXT),
    SMALL(7f, false, Palette.MUTED),
    TABLE(7.5f, false, Palette.TEXT),
    TABLE_BOLD(7.5f, true, Palette.TEXT),
    TABLE_HEAD(7f, true, Palette.MUTED),
    LABEL(7f, false, Palette.MUTED),
    VALUE(9.5f, true, Palette.TEXT),
    FIGURE(12f, true, Palette.TEXT),
    SECTION(11f, true, Palette.ACCENT),
    ORG(8.5f, true, Palette.MUTED),
    TITLE(17f, true, Palette.TEXT),
    NAME(14f, true, Palette.TEXT),
    FOOTER(6.5f, false, Palette.MUTED),
    // The family handout: large print, body at least 14 pt, headings larger (HandoutLayout may
    // scale these up to fill its page, never down).
    HANDOUT_TITLE(24f, true, Palette.TEXT),
    HANDOUT_HEAD(18f, true, Palette.ACCENT),
    HANDOUT_BODY(15f, false, Palette.TEXT),
    HANDOUT_BOLD(15f, true, Palette.TEXT),
    HANDOUT_NOTE(14f, false, Palette.MUTED);

    final float size;
    final boolean bold;
    final Color color;

    Style(float size, boolean bold, Color color) {
      this.size = size;
      this.bold = bold;
      this.color = color;
    }
  }

  /** Stands in for a name (or any text) no available font can draw, instead of a blank. */
  static final String UNPRINTABLE_NAME = "[name not printable on this machine]";

  /** Stands in for the undrawable part of a text whose other parts are drawn. */
  static final String UNPRINTABLE_PART = "[not printable on this machine]";

  /** At most this many code points are named in a document's warning. */
  private static final int LISTED_CODE_POINTS = 4;

  private final ReportFonts fonts;
  private final ReportFonts.CjkRegion region;

  /** Resolved on the first character the Latin face lacks; null until then. */
  private @Nullable Optional<ReportFonts.Face> cjk;

  private final String owner;

  /** Line-breaking rules of the CJK runs; made on the first such run. */
  private @Nullable LineBreaks lineBreaks;

  /** Scripts and code points of the characters no font could draw, in order of appearance. */
  private final Set<String> missingScripts = new LinkedHashSet<>();

  private final Set<Integer> missingCodePoints = new LinkedHashSet<>();

  /**
   * @param owner how warnings name the document's subject, e.g. "Patient P001"
   */
  DocFonts(ReportFonts fonts, ReportFonts.CjkRegion region, String owner) {
    this.fonts = fonts;
    this.region = region;
    this.owner = owner;
  }

  FontMapper mapper() {
    return fonts.mapper;
  }

  /** Width of Latin text in points, for placing footer parts. */
  float width(String text, Style style) {
    BaseFont f = style.bold ? fonts.bold.pdf() : fonts.regular.pdf();
    return f.getWidthPoint(text, style.size);
  }

  /** Who this document is about, as warnings name it. */
  String owner() {
    return owner;
  }

  /**
   * One line for the whole document when some characters could not be drawn, naming their scripts
   * and first code points (by number, so listing the line does not raise it again).
   */
  List<String> warnings() {
    if (missingCodePoints.isEmpty()) {
      return List.of();
    }
    StringBuilder cps = new StringBuilder();
    int n = 0;
    for (int cp : missingCodePoints) {
      if (n++ == LISTED_CODE_POINTS) {
        cps.append(", …");
        break;
      }
      cps.append(n > 1 ? ", " : "").append(String.format(Locale.ROOT, "U+%04X", cp));
    }
    return List.of(
        owner
            + ": "
            + String.join(", ", missingScripts)
            + " characters ("
            + cps
            + ") are not printable on this machine and show as \"[… not printable on this"
            + " machine]\"");
  }

  /** The scripts no font could draw in this document, e.g. "Han", "Hangul"; empty when none. */
  Set<String> missingScripts() {
    return Set.copyOf(missingScripts);
  }

  /** True when the text holds right-to-left letters; see {@link DrawnText}, which owns bidi. */
  static boolean hasRightToLeft(String text) {
    return DrawnText.hasRightToLeft(text);
  }

  Phrase phrase(String text, Style style) {
    return phrase(text, style, style.color);
  }

  /**
   * Splits text into runs of the Latin font and the CJK face, since neither covers everything (Noto
   * Sans CJK lacks ł ą ę ğ ő; DejaVu lacks ideographs). What neither has is replaced by a visible
   * placeholder and reported, never left blank.
   */
  Phrase phrase(String text, Style style, Color color) {
    return phrase(text, style, color, style.size);
  }

  /** Like {@link #phrase(String, Style, Color)} at another size (the handout fits its page). */
  Phrase phrase(String text, Style style, Color color, float size) {
    BaseFont latin = style.bold ? fonts.bold.pdf() : fonts.regular.pdf();
    Font latinFont = new Font(latin, size, Font.NORMAL, color);
    Phrase p = new Phrase();
    // The phrase's own font is what OpenPDF uses for paragraph spacing; the default Helvetica
    // is not embedded and breaks PDF/A.
    p.setFont(latinFont);
    p.setLeading(size * 1.3f);
    if (isPlainLatin(text)) {
      p.add(new Chunk(text, latinFont));
      return p;
    }
    int[] cps = text.codePoints().toArray();
    Font[] fontOf = fontsFor(cps, latinFont, size, color);
    boolean anyMissing = Arrays.asList(fontOf).contains(null);
    if (anyMissing) {
      markUnprintableRuns(cps, fontOf);
    }
    Font placeholderFont = new Font(latin, size, Font.NORMAL, Palette.MUTED);
    boolean wholeMissing = anyMissing && !hasDrawnLetter(cps, fontOf);
    StringBuilder run = new StringBuilder();
    // Set by the first character, before any run is added.
    Font runFont = placeholderFont;
    for (int i = 0; i < cps.length; i++) {
      Font want = fontOf[i] == null ? placeholderFont : fontOf[i];
      if (want != runFont && run.length() > 0) {
        p.add(chunk(run.toString(), runFont, latin));
        run.setLength(0);
      }
      runFont = want;
      if (fontOf[i] != null) {
        run.appendCodePoint(cps[i]);
      } else if (i == 0 || fontOf[i - 1] != null) {
        // One placeholder per unprintable run, however many characters it stands for.
        run.append(wholeMissing ? UNPRINTABLE_NAME : UNPRINTABLE_PART);
      }
    }
    if (run.length() > 0) {
      p.add(chunk(run.toString(), runFont, latin));
    }
    return p;
  }

  /**
   * A run of text in one font; runs in the CJK face wrap by the Unicode line-breaking rules, so
   * closing punctuation ("）。") never starts a line.
   */
  private Chunk chunk(String run, Font font, BaseFont latin) {
    Chunk c = new Chunk(run, font);
    if (font.getBaseFont() != latin) {
      if (lineBreaks == null) {
        lineBreaks = new LineBreaks(ULocale.forLanguageTag(region.fontconfigLang));
      }
      c.setSplitCharacter(lineBreaks);
    }
    return c;
  }

  /** The font for each code point: Latin, else the CJK face, else null (recorded as missing). */
  private Font[] fontsFor(int[] cps, Font latinFont, float size, Color color) {
    BaseFont latin = latinFont.getBaseFont();
    Font cjkFont = null;
    boolean cjkTried = false;
    Font[] fontOf = new Font[cps.length];
    for (int i = 0; i < cps.length; i++) {
      int cp = cps[i];
      if (Character.isWhitespace(cp) || latin.charExists(cp)) {
        fontOf[i] = latinFont;
        continue;
      }
      if (!cjkTried) {
        cjkTried = true;
        cjkFont = cjk().map(f -> new Font(f.pdf(), size, Font.NORMAL, color)).orElse(null);
      }
      if (cjkFont != null && cjkFont.getBaseFont().charExists(cp)) {
        fontOf[i] = cjkFont;
      } else {
        recordMissing(cp);
      }
    }
    return fontOf;
  }

  /**
   * Joins unprintable characters separated only by spaces and punctuation into one run (null font),
   * so "王 秀英" gets one placeholder, not two around a space.
   */
  private static void markUnprintableRuns(int[] cps, Font[] fontOf) {
    int lastMissing = -1;
    for (int i = 0; i < cps.length; i++) {
      if (fontOf[i] == null) {
        if (lastMissing >= 0) {
          boolean onlySeparators = true;
          for (int j = lastMissing + 1; j < i; j++) {
            onlySeparators &= !Character.isLetterOrDigit(cps[j]);
          }
          if (onlySeparators) {
            for (int j = lastMissing + 1; j < i; j++) {
              fontOf[j] = null;
            }
          }
        }
        lastMissing = i;
      }
    }
  }

  private static boolean hasDrawnLetter(int[] cps, Font[] fontOf) {
    for (int i = 0; i < cps.length; i++) {
      if (fontOf[i] != null && Character.isLetterOrDigit(cps[i])) {
        return true;
      }
    }
    return false;
  }

  /**
   * The text as a chart shows it: unchanged when every character can be drawn, else with the
   * placeholder for what cannot, and right-to-left runs in drawing order with Arabic letters joined
   * (for chart titles and labels, which JFreeChart draws itself, one line each; see {@link
   * DrawnText}).
   */
  String printable(String text) {
    return isPlainLatin(text) ? text : DrawnText.visual(phrase(text, Style.LABEL).getContent());
  }

  /**
   * The Java2D font for a chart string: the Latin face when it can draw all of it, else the CJK
   * face (one face per string, because JFreeChart draws a string with one font).
   */
  java.awt.Font chartFont(String text, boolean bold, float size) {
    java.awt.Font latin = bold ? fonts.bold.awt() : fonts.regular.awt();
    if (isPlainLatin(text) || latin.canDisplayUpTo(text) < 0) {
      return latin.deriveFont(size);
    }
    Optional<ReportFonts.Face> cjk = cjk();
    if (cjk.isPresent()) {
      java.awt.Font c = cjk.get().awt();
      int bad = c.canDisplayUpTo(text);
      if (bad < 0) {
        return c.deriveFont(size);
      }
      // Mixed scripts no single face covers: prefer the face that draws more of the string.
      int latinMissing = countMissing(latin, text);
      int cjkMissing = countMissing(c, text);
      java.awt.Font chosen = cjkMissing < latinMissing ? c : latin;
      reportMissing(chosen, text);
      return chosen.deriveFont(size);
    }
    reportMissing(latin, text);
    return latin.deriveFont(size);
  }

  private Optional<ReportFonts.Face> cjk() {
    if (cjk == null) {
      cjk = fonts.cjk(region);
    }
    return cjk;
  }

  private static int countMissing(java.awt.Font f, String text) {
    int n = 0;
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      i += Character.charCount(cp);
      if (!f.canDisplay(cp)) {
        n++;
      }
    }
    return n;
  }

  private void reportMissing(java.awt.Font f, String text) {
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      i += Character.charCount(cp);
      if (!f.canDisplay(cp)) {
        recordMissing(cp);
      }
    }
  }

  private void recordMissing(int cp) {
    missingCodePoints.add(cp);
    missingScripts.add(scriptName(cp));
  }

  /**
   * "Han", "Hangul", "Egyptian hieroglyphs": the Unicode script in sentence case; for marks shared
   * by several scripts (the Japanese long-vowel mark, ideographic punctuation) the Unicode block,
   * which says where they belong.
   */
  static String scriptName(int cp) {
    Character.UnicodeScript script = Character.UnicodeScript.of(cp);
    String s = script.name();
    if (script == Character.UnicodeScript.COMMON || script == Character.UnicodeScript.INHERITED) {
      Character.UnicodeBlock block = Character.UnicodeBlock.of(cp);
      s = block == null ? "unassigned" : block.toString();
    }
    s = s.replace('_', ' ').toLowerCase(Locale.ROOT).replace("cjk", "CJK");
    return Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }

  /** ASCII and the Latin-1 letters: always in the Latin face, no per-character lookup needed. */
  private static boolean isPlainLatin(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) > 0xFF) {
        return false;
      }
    }
    return true;
  }
}
