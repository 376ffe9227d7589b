package org.recoveryreview.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.EmbeddedFontFiles;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfNumber;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.PdfStream;
import java.io.InputStream;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Objects;
import java.util.Optional;
import java.util.zip.Deflater;
import org.junit.jupiter.api.Test;

class CidSetsTest {
  @Test
  void copiedTables_twoSubsetsOfOneFont_sameKey() throws Exception {
    BaseFont regular = font("DejaVuSans.ttf");
    byte[] first = embedded(regular, "Anna Nowak 12 %");
    byte[] second = embedded(regular, "Émile Zola, 3 sessions");

    assertNotEquals(PdfReader.FlateDecode(first).length, PdfReader.FlateDecode(second).length);
    Optional<String> key = CidSets.copiedTables(first);
    assertTrue(key.isPresent());
    assertEquals(key, CidSets.copiedTables(second));
  }

  @Test
  void copiedTables_otherFont_otherKey() throws Exception {
    byte[] regular = embedded(font("DejaVuSans.ttf"), "Anna");
    byte[] bold = embedded(font("DejaVuSans-Bold.ttf"), "Anna");

    assertNotEquals(CidSets.copiedTables(regular), CidSets.copiedTables(bold));
  }

  @Test
  void copiedTables_notDeflateOrTooShort_empty() {
    assertEquals(Optional.empty(), CidSets.copiedTables(new byte[] {1, 2, 3}));
    Deflater d = new Deflater();
    d.setInput(new byte[] {0, 1, 0, 0, 0, 9});
    d.finish();
    byte[] buf = new byte[64];
    int n = d.deflate(buf);
    d.end();
    byte[] shortProgram = Arrays.copyOf(buf, n);
    assertEquals(Optional.empty(), CidSets.copiedTables(shortProgram));
  }

  @Test
  void of_secondSubsetOfAFont_sameCidsAsItsOwnProgram() throws Exception {
    BaseFont bold = font("DejaVuSans-Bold.ttf");
    CidSets.of(stream(embedded(bold, "Monthly review")));
    byte[] later = embedded(bold, "Weekly adherence 45 %");

    Optional<BitSet> cids = CidSets.of(stream(later));

    // Every glyph slot of the program, read from the later subset itself.
    assertEquals(CidSets.trueType(PdfReader.FlateDecode(later)), cids);
    assertTrue(cids.orElseThrow().cardinality() > 5000);
  }

  @Test
  void bits_runsAcrossByteBoundaries_eachBitSet() {
    BitSet cids = new BitSet();
    cids.set(0);
    cids.set(3, 21);
    cids.set(30);
    byte[] expected = new byte[4];
    for (int c = cids.nextSetBit(0); c >= 0; c = cids.nextSetBit(c + 1)) {
      expected[c / 8] |= (byte) (0x80 >>> (c % 8));
    }

    assertArrayEquals(expected, CidSets.bits(cids));
    assertArrayEquals(new byte[] {(byte) 0x9F, (byte) 0xFF, (byte) 0xF8, 0x02}, CidSets.bits(cids));
  }

  /** A font file stream as OpenPDF writes it: compressed, with its uncompressed length. */
  private static PdfStream stream(byte[] compressed) throws Exception {
    byte[] program = PdfReader.FlateDecode(compressed);
    PdfStream s = new PdfStream(program);
    s.put(PdfName.LENGTH1, new PdfNumber(program.length));
    s.flateCompress();
    return s;
  }

  private static BaseFont font(String file) throws Exception {
    try (InputStream in = CidSetsTest.class.getResourceAsStream("/fonts/" + file)) {
      byte[] bytes = Objects.requireNonNull(in, file).readAllBytes();
      return BaseFont.createFont(file, BaseFont.IDENTITY_H, true, false, bytes, null);
    }
  }

  private static byte[] embedded(BaseFont font, String text) throws Exception {
    return EmbeddedFontFiles.raw(font, text, PdfName.FONTFILE2);
  }
}
