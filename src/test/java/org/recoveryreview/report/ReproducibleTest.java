package org.recoveryreview.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.lowagie.text.pdf.PdfDictionary;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfString;
import org.junit.jupiter.api.Test;

class ReproducibleTest {
  @Test
  void rename_sameFontInTwoDocuments_sameName() {
    PdfDictionary first = font(PdfName.FONTNAME, "QWERTY+DejaVuSans");
    PdfDictionary second = font(PdfName.FONTNAME, "ZXCVBN+DejaVuSans");

    new Reproducible.Subsets().rename(first);
    new Reproducible.Subsets().rename(second);

    assertEquals(first.get(PdfName.FONTNAME), second.get(PdfName.FONTNAME));
    assertNotEquals(new PdfName("QWERTY+DejaVuSans"), first.get(PdfName.FONTNAME));
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
    PdfDictionary a = font(PdfName.FONTNAME, "AAAAAA+DejaVuSans");
    PdfDictionary b = font(PdfName.FONTNAME, "BBBBBB+DejaVuSans");

    subsets.rename(a);
    subsets.rename(b);

    assertNotEquals(a.get(PdfName.FONTNAME), b.get(PdfName.FONTNAME));
  }

  @Test
  void rename_offeredTwice_renamedOnce() {
    Reproducible.Subsets once = new Reproducible.Subsets();
    Reproducible.Subsets twice = new Reproducible.Subsets();
    PdfDictionary a = font(PdfName.FONTNAME, "QWERTY+DejaVuSans");
    PdfDictionary b = font(PdfName.FONTNAME, "QWERTY+DejaVuSans");

    once.rename(a);
    twice.rename(b);
    twice.rename(b);

    assertEquals(a.get(PdfName.FONTNAME), b.get(PdfName.FONTNAME));
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

  private static PdfDictionary font(PdfName key, String name) {
    PdfDictionary d = new PdfDictionary(PdfName.FONT);
    d.put(key, new PdfName(name));
    return d;
  }
}
