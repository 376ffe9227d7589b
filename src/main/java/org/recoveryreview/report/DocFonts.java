package org.recoveryreview.report;

import com.lowagie.text.Chunk;
import com.lowagie.text.Font;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import java.awt.Color;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The fonts of one document: the shared faces plus the CJK region chosen for this document, and the
 * characters it could not draw. One instance per document, never shared between threads.
 */
final class DocFonts {
  private static final Logger LOG = LoggerFactory.getLogger(DocFonts.class);

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
    // The family handout: large type, at least 12 pt everywhere.
    HANDOUT_TITLE(22f, true, Palette.TEXT),
    HANDOUT_HEAD(16f, true, Palette.ACCENT),
    HANDOUT_BODY(13f, false, Palette.TEXT),
    HANDOUT_BOLD(13f, true, Palette.TEXT),
    HANDOUT_NOTE(12f, false, Palette.MUTED);

    final float size;
    final boolean bold;
    final Color color;

    Style(float size, boolean bold, Color color) {
      this.size = size;
      this.bold = bold;
      this.color = color;
    }
  }

  private final ReportFonts fonts;
  private final ReportFonts.CjkRegion region;

  /** Resolved on the first character the Latin face lacks; null until then. */
  private Optional<ReportFonts.Face> cjk;

  private final String owner;
  private final Set<String> warnings = new LinkedHashSet<>();

  /**
   * @param owner how warnings name the document's subject, e.g. "patient P001"
   */
  DocFonts(ReportFonts fonts, ReportFonts.CjkRegion region, String owner) {
    this.fonts = fonts;
    this.region = region;
    this.owner = owner;
  }

  com.lowagie.text.pdf.FontMapper mapper() {
    return fonts.mapper;
  }

  /** Width of Latin text in points, for placing footer parts. */
  float width(String text, Style style) {
    BaseFont f = style.bold ? fonts.bold.pdf() : fonts.regular.pdf();
    return f.getWidthPoint(text, style.size);
  }

  List<String> warnings() {
    return List.copyOf(warnings);
  }

  Phrase phrase(String text, Style style) {
    return phrase(text, style, style.color);
  }

  /**
   * Splits text into runs of the Latin font and the CJK face, since neither covers everything (Noto
   * Sans CJK lacks ł ą ę ğ ő; DejaVu lacks ideographs). A character neither has is reported.
   */
  Phrase phrase(String text, Style style, Color color) {
    BaseFont latin = style.bold ? fonts.bold.pdf() : fonts.regular.pdf();
    Font latinFont = new Font(latin, style.size, Font.NORMAL, color);
    Phrase p = new Phrase();
    // The phrase's own font is what OpenPDF uses for paragraph spacing; the default Helvetica
    // is not embedded and breaks PDF/A.
    p.setFont(latinFont);
    p.setLeading(style.size * 1.3f);
    if (isPlainLatin(text)) {
      p.add(new Chunk(text, latinFont));
      return p;
    }
    Font cjkFont = null;
    boolean cjkTried = false;
    StringBuilder run = new StringBuilder();
    Font runFont = latinFont;
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      i += Character.charCount(cp);
      Font want;
      if (Character.isWhitespace(cp) || latin.charExists(cp)) {
        want = latinFont;
      } else {
        if (!cjkTried) {
          cjkTried = true;
          cjkFont = cjk().map(f -> new Font(f.pdf(), style.size, Font.NORMAL, color)).orElse(null);
        }
        want = cjkFont != null && cjkFont.getBaseFont().charExists(cp) ? cjkFont : null;
      }
      if (want == null) {
        warnMissing(text, cp);
        want = latinFont;
      }
      if (want != runFont && run.length() > 0) {
        p.add(new Chunk(run.toString(), runFont));
        run.setLength(0);
      }
      runFont = want;
      run.appendCodePoint(cp);
    }
    if (run.length() > 0) {
      p.add(new Chunk(run.toString(), runFont));
    }
    return p;
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
        warnMissing(text, cp);
      }
    }
  }

  private void warnMissing(String text, int cp) {
    // Names the character by code point and Unicode name, not by itself, so that listing the
    // warning in the programme summary does not raise it again.
    String name = Character.getName(cp);
    String w =
        String.format(
            Locale.ROOT,
            "%s: character U+%04X%s cannot be drawn by any available font and is missing from the"
                + " report",
            owner,
            cp,
            name == null ? "" : " (" + name + ")");
    if (warnings.add(w)) {
      LOG.warn(w);
    }
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
