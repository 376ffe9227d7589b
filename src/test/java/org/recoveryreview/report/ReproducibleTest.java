package org.recoveryreview.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.lowagie.text.pdf.PdfDictionary;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfObject;
import com.lowagie.text.pdf.PdfString;
import org.junit.jupiter.api.Test;

class ReproducibleTest {
  @Test
  void rename_sameFontInTwoDocuments_sameName() {
    PdfObject first = renamed(new Reproducible.Subsets(), "QWERTY+DejaVuSans");
    PdfObject second = renamed(new Reproducible.Subsets(), "ZXCVBN+DejaVuSans");

    assertEquals(first, second);
    assertNotEquals(new PdfName("QWERTY+DejaVuSans"), first);
  }

  @Test
  void rename_oneSubsetsDictionaries_samePrefixEverywhere() {
    Reproducible.Subsets subsets = new Reproducible.Subsets();
    PdfDictionary descriptor = font(PdfName.FONTNAME, "QWERTY+NotoSansCJKsc-Regular");
    PdfDictionary cidFont = font(PdfName.BASEFONT, "QWERTY+NotoSansCJKsc-Regular-Identity-H");

    subsets.rename(descriptor);
    subsets.rename(cidFont);

    String name = descriptor.getAsName(PdfName.FONTNAME).toString();
    assertEquals(name + "-Identity-H", cidFont.getAsName(PdfName.BASEFONT).toString());
  }

  @Test
  void rename_twoSubsetsOfOneFont_distinctNames() {
    Reproducible.Subsets subsets = new Reproducible.Subsets();

    assertNotEquals(renamed(subsets, "AAAAAA+DejaVuSans"), renamed(subsets, "BBBBBB+DejaVuSans"));
  }

  @Test
  void rename_offeredTwice_renamedOnce() {
    Reproducible.Subsets twice = new Reproducible.Subsets();
    PdfDictionary b = font(PdfName.FONTNAME, "QWERTY+DejaVuSans");

    twice.rename(b);
    twice.rename(b);

    assertEquals(renamed(new Reproducible.Subsets(), "QWERTY+DejaVuSans"), b.get(PdfName.FONTNAME));
  }

  @Test
  void rename_programsOfDifferentContent_distinctNamesInAnyDocument() {
    Reproducible.Subsets review = new Reproducible.Subsets();
    review.program(new byte[] {1, 2, 3});
    PdfObject first = renamed(review, "QWERTY+DejaVuSans");
    Reproducible.Subsets other = new Reproducible.Subsets();
    other.program(new byte[] {1, 2, 4});
    PdfObject second = renamed(other, "QWERTY+DejaVuSans");
    Reproducible.Subsets again = new Reproducible.Subsets();
    again.program(new byte[] {1, 2, 3});

    // Two documents' first subsets of one font, as a bundle holds them, differ by content only.
    assertNotEquals(first, second);
    assertEquals(first, renamed(again, "ZXCVBN+DejaVuSans"));
  }

  @Test
  void rename_programNamesOnlyTheNextNewSubset() {
    Reproducible.Subsets subsets = new Reproducible.Subsets();
    subsets.program(new byte[] {1, 2, 3});
    PdfObject named = renamed(subsets, "QWERTY+DejaVuSans");
    PdfObject next = renamed(subsets, "ZXCVBN+DejaVuSans");

    // The second had no program of its own, so it is named by its order among the font's subsets
    // named so: the first.
    assertNotEquals(named, next);
    assertEquals(renamed(new Reproducible.Subsets(), "AAAAAA+DejaVuSans"), next);
  }

  @Test
  void rename_noSubsetPrefixOrNotAName_unchanged() {
    Reproducible.Subsets subsets = new Reproducible.Subsets();
    PdfDictionary whole = font(PdfName.BASEFONT, "Helvetica");
    PdfDictionary lower = font(PdfName.BASEFONT, "abcdef+DejaVuSans");
    PdfDictionary text = new PdfDictionary();
    text.put(PdfName.FONTNAME, new PdfString("QWERTY+DejaVuSans"));

    subsets.rename(whole);
    subsets.rename(lower);
    subsets.rename(text);

    assertEquals(new PdfName("Helvetica"), whole.get(PdfName.BASEFONT));
    assertEquals(new PdfName("abcdef+DejaVuSans"), lower.get(PdfName.BASEFONT));
    assertEquals("QWERTY+DejaVuSans", text.get(PdfName.FONTNAME).toString());
  }

  /** The name a font descriptor named {@code name} gets from {@code subsets}. */
  private static PdfObject renamed(Reproducible.Subsets subsets, String name) {
    PdfDictionary d = font(PdfName.FONTNAME, name);
    subsets.rename(d);
    return d.get(PdfName.FONTNAME);
  }

  private static PdfDictionary font(PdfName key, String name) {
    PdfDictionary d = new PdfDictionary(PdfName.FONT);
    d.put(key, new PdfName(name));
    return d;
  }
}
