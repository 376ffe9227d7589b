package com.lowagie.text.pdf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class SharedFontTest {
  private static final Path NOTO =
      Path.of("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc");
  private static final String FACE = "NotoSansCJK-Regular.ttc,2";

  @Test
  void readCffFont_twoDocuments_returnTheOneTableRead() throws Exception {
    assumeTrue(Files.isReadable(NOTO), "needs fonts-noto-cjk");
    SharedFont font = (SharedFont) SharedFont.create(FACE, Files.readAllBytes(NOTO));

    byte[] first = font.readCffFont();
    assertTrue(first.length > 1_000_000, "a CJK face's CFF table: " + first.length);
    assertSame(first, font.readCffFont());
  }

  @Test
  void readCffFont_twoFacesOfOneCollection_shareOneTable() throws Exception {
    assumeTrue(Files.isReadable(NOTO), "needs fonts-noto-cjk");
    byte[] bytes = Files.readAllBytes(NOTO);
    SharedFont chinese = (SharedFont) SharedFont.create(FACE, bytes);
    SharedFont korean = (SharedFont) SharedFont.create("NotoSansCJK-Regular.ttc,1", bytes);

    // Noto Sans CJK's regional faces point at the same CFF table.
    assertSame(chinese.readCffFont(), korean.readCffFont());
  }

  @Test
  void create_cjkSubsetEmbedded_sameFontBytesAsOpenPdfsOwnFont() throws Exception {
    assumeTrue(Files.isReadable(NOTO), "needs fonts-noto-cjk");
    byte[] bytes = Files.readAllBytes(NOTO);
    BaseFont shared = SharedFont.create(FACE, bytes);
    BaseFont own = BaseFont.createFont(FACE, BaseFont.IDENTITY_H, true, false, bytes, null);

    byte[] sharedFirst = embeddedFont(shared, "王秀英");
    assertArrayEquals(embeddedFont(own, "王秀英"), sharedFirst);
    // The second document reads the shared table and still embeds its own subset.
    assertArrayEquals(embeddedFont(own, "李明"), embeddedFont(shared, "李明"));
  }

  private static final Path DEJAVU = Path.of("src/main/resources/fonts/DejaVuSans.ttf");

  /** Draws the same subset tags every time, so two documents can be compared byte for byte. */
  private static final class Tags extends java.security.SecureRandom {
    private static final long serialVersionUID = 1L;

    @Override
    public double nextDouble() {
      return 0.5;
    }
  }

  @Test
  void writeFont_trueTypeSubsetsRepeatedAndNew_sameDocumentBytesAsOpenPdfsOwnFont()
      throws Exception {
    byte[] bytes = Files.readAllBytes(DEJAVU);
    BaseFont shared = SharedFont.create("DejaVuSans.ttf", bytes);
    BaseFont own =
        BaseFont.createFont("DejaVuSans.ttf", BaseFont.IDENTITY_H, true, false, bytes, null);
    shared.setSecureRandom(new Tags());
    own.setSecureRandom(new Tags());

    // The second document holds the first one's glyphs, so its program is the one kept; the
    // third holds others (Polish letters, digits), and the fourth the first glyphs again.
    for (String text : List.of("Anna Kowalska", "Anna Kowalska", "Łukasz Wójcik 1984", "Anna")) {
      assertEquals(document(own, text), document(shared, text), text);
    }
    assertArrayEquals(
        EmbeddedFontFiles.raw(own, "Anna Kowalska", PdfName.FONTFILE2),
        EmbeddedFontFiles.raw(shared, "Anna Kowalska", PdfName.FONTFILE2));
  }

  @Test
  void writeFont_moreGlyphSetsThanItsBudgetKeeps_dropsTheOldestAndStaysExact() throws Exception {
    byte[] bytes = Files.readAllBytes(DEJAVU);
    // Room for a few programs (each some 15 KB compressed) only.
    SharedFont shared = (SharedFont) SharedFont.create("DejaVuSans.ttf", bytes, 100_000);
    BaseFont own =
        BaseFont.createFont("DejaVuSans.ttf", BaseFont.IDENTITY_H, true, false, bytes, null);
    for (int round = 0; round < 2; round++) {
      for (int i = 0; i < 12; i++) {
        String text = "Anna " + (char) ('A' + i);
        assertArrayEquals(
            EmbeddedFontFiles.raw(own, text, PdfName.FONTFILE2),
            EmbeddedFontFiles.raw(shared, text, PdfName.FONTFILE2),
            text);
        long kept = shared.keptProgramBytes();
        assertTrue(kept > 0 && kept <= 100_000, "kept " + kept);
      }
    }
  }

  /**
   * A one-line document in {@code font}, its file ID and dates blanked (they come from the clock).
   */
  private static String document(BaseFont font, String text) throws Exception {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    com.lowagie.text.Document doc = new com.lowagie.text.Document();
    PdfWriter.getInstance(doc, out);
    doc.open();
    doc.add(new com.lowagie.text.Paragraph(text, new com.lowagie.text.Font(font, 12)));
    doc.close();
    return out.toString(java.nio.charset.StandardCharsets.ISO_8859_1)
        .replaceAll("/ID ?\\[<[0-9a-fA-F]+> ?<[0-9a-fA-F]+>\\]", "/ID []")
        .replaceAll("\\(D:[0-9Z+'-]+\\)", "(D:)");
  }

  /** The raw FontFile3 stream of a one-line document drawn in {@code font}. */
  private static byte[] embeddedFont(BaseFont font, String text) throws Exception {
    return EmbeddedFontFiles.raw(font, text, PdfName.FONTFILE3);
  }
}
