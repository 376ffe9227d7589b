package org.recoveryreview.report;

import com.ibm.icu.text.ArabicShaping;
import com.ibm.icu.text.ArabicShapingException;
import com.ibm.icu.text.Bidi;
import com.lowagie.text.pdf.PdfWriter;

/**
 * The one owner of text direction for every document: which text needs the Unicode bidirectional
 * algorithm (UAX #9) and Arabic shaping, and how each way of drawing gets it. Text that OpenPDF
 * lays out and wraps (paragraph cells, table cells, columns, the running header) gets a run
 * direction, so OpenPDF reorders each line after wrapping and joins Arabic letters; text drawn as
 * one line by another library (JFreeChart axis, legend and title strings, which reach the PDF
 * through PdfGraphics2D without any reordering) is reordered and shaped here with ICU4J.
 */
final class DrawnText {
  private static final ArabicShaping SHAPING =
      new ArabicShaping(
          ArabicShaping.LETTERS_SHAPE
              | ArabicShaping.TEXT_DIRECTION_LOGICAL
              | ArabicShaping.LENGTH_GROW_SHRINK);

  private DrawnText() {}

  /** True when the text holds right-to-left letters (Hebrew, Arabic, ...), which need bidi. */
  static boolean hasRightToLeft(CharSequence text) {
    for (int i = 0; i < text.length(); i++) {
      byte d = Character.getDirectionality(text.charAt(i));
      if (d == Character.DIRECTIONALITY_RIGHT_TO_LEFT
          || d == Character.DIRECTIONALITY_RIGHT_TO_LEFT_ARABIC) {
        return true;
      }
    }
    return false;
  }

  /**
   * The run direction of an OpenPDF cell or column holding {@code text}: right to left on a
   * right-to-left page; otherwise left to right with the bidi algorithm when the text has
   * right-to-left letters (a Hebrew name in an English sentence), and no bidi work at all when not.
   */
  static int runDirection(CharSequence text, boolean rightToLeftPage) {
    if (rightToLeftPage) {
      return PdfWriter.RUN_DIRECTION_RTL;
    }
    return hasRightToLeft(text) ? PdfWriter.RUN_DIRECTION_LTR : PdfWriter.RUN_DIRECTION_NO_BIDI;
  }

  /**
   * The run direction of a page's paragraphs that wrap (the family handout): always through the
   * bidi algorithm, right to left on a right-to-left page, because OpenPDF applies the
   * line-breaking rules of {@link LineBreaks} across a whole paragraph only on that path.
   */
  static int paragraphDirection(boolean rightToLeftPage) {
    return rightToLeftPage ? PdfWriter.RUN_DIRECTION_RTL : PdfWriter.RUN_DIRECTION_LTR;
  }

  /**
   * One line of text in the order its glyphs are drawn from left to right, with Arabic letters in
   * their joined forms and mirrored brackets: what a library that draws a string glyph by glyph
   * needs to show a right-to-left run correctly. Unchanged when the text has no right-to-left
   * letters. The paragraph direction follows the first strong letter (UAX #9 rules P2, P3).
   */
  static String visual(String logical) {
    return visual(logical, Bidi.LEVEL_DEFAULT_LTR);
  }

  /**
   * Like {@link #visual(String)} in a paragraph of the given level: {@link Bidi#LTR}, {@link
   * Bidi#RTL} or {@link Bidi#LEVEL_DEFAULT_LTR} (the first strong letter decides).
   */
  static String visual(String logical, byte paragraphLevel) {
    if (!hasRightToLeft(logical)) {
      return logical;
    }
    String shaped;
    try {
      shaped = SHAPING.shape(logical);
    } catch (ArabicShapingException e) {
      // Only thrown for fixed-length options this shaper does not use; unjoined letters still read.
      shaped = logical;
    }
    Bidi bidi = new Bidi(shaped, paragraphLevel);
    return bidi.writeReordered(Bidi.DO_MIRRORING);
  }
}
