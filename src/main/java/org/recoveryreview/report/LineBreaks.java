package org.recoveryreview.report;

import com.ibm.icu.text.BreakIterator;
import com.ibm.icu.util.ULocale;
import com.lowagie.text.SplitCharacter;
import com.lowagie.text.pdf.PdfChunk;
import java.util.Arrays;
import java.util.BitSet;

/**
 * Where a line of CJK text may wrap, by the Unicode line-breaking rules (UAX #14, ICU4J's line
 * {@link BreakIterator}): never before closing punctuation such as "）" and "。" or after an opening
 * bracket, which OpenPDF's default rule (a break after any ideograph) allows. One instance per
 * document, never shared between threads: it keeps the breaks of the text it was last asked about.
 */
final class LineBreaks implements SplitCharacter {
  private final BreakIterator breaks;
  private char[] text = new char[0];
  private int from;
  private final BitSet breakAfter = new BitSet();

  LineBreaks(ULocale locale) {
    this.breaks = BreakIterator.getLineInstance(locale);
  }

  /**
   * True when a line may end after {@code cc[current]}. OpenPDF asks with the text of one chunk, or
   * in a cell with a run direction with the whole paragraph, so the breaks are computed once per
   * distinct text.
   */
  @Override
  public boolean isSplitCharacter(int start, int current, int end, char[] cc, PdfChunk[] ck) {
    if (current < start || current >= end) {
      return false;
    }
    if (start != from || !Arrays.equals(text, 0, text.length, cc, start, end)) {
      text = Arrays.copyOfRange(cc, start, end);
      from = start;
      breakAfter.clear();
      breaks.setText(new String(text));
      // A boundary at p allows a break between p - 1 and p: a line may end after p - 1.
      for (int p = breaks.next(); p != BreakIterator.DONE; p = breaks.next()) {
        breakAfter.set(p - 1);
      }
    }
    return breakAfter.get(current - start);
  }
}
