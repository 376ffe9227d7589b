package com.lowagie.text.pdf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class SharedCffFontTest {
  private static final Path NOTO =
      Path.of("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc");
  private static final String FACE = "NotoSansCJK-Regular.ttc,2";

  @Test
  void readCffFont_twoDocuments_returnTheOneTableRead() throws Exception {
    assumeTrue(Files.isReadable(NOTO), "needs fonts-noto-cjk");
    SharedCffFont font = (SharedCffFont) SharedCffFont.create(FACE, Files.readAllBytes(NOTO));

    byte[] first = font.readCffFont();
    assertTrue(first.length > 1_000_000, "a CJK face's CFF table: " + first.length);
    assertSame(first, font.readCffFont());
  }

  @Test
  void readCffFont_twoFacesOfOneCollection_shareOneTable() throws Exception {
    assumeTrue(Files.isReadable(NOTO), "needs fonts-noto-cjk");
    byte[] bytes = Files.readAllBytes(NOTO);
    SharedCffFont chinese = (SharedCffFont) SharedCffFont.create(FACE, bytes);
    SharedCffFont korean = (SharedCffFont) SharedCffFont.create("NotoSansCJK-Regular.ttc,1", bytes);

    // Noto Sans CJK's regional faces point at the same CFF table.
    assertSame(chinese.readCffFont(), korean.readCffFont());
  }

  @Test
  void create_cjkSubsetEmbedded_sameFontBytesAsOpenPdfsOwnFont() throws Exception {
    assumeTrue(Files.isReadable(NOTO), "needs fonts-noto-cjk");
    byte[] bytes = Files.readAllBytes(NOTO);
    BaseFont shared = SharedCffFont.create(FACE, bytes);
    BaseFont own = BaseFont.createFont(FACE, BaseFont.IDENTITY_H, true, false, bytes, null);

    byte[] sharedFirst = embeddedFont(shared, "王秀英");
    assertArrayEquals(embeddedFont(own, "王秀英"), sharedFirst);
    // The second document reads the shared table and still embeds its own subset.
    assertArrayEquals(embeddedFont(own, "李明"), embeddedFont(shared, "李明"));
  }

  /** The raw FontFile3 stream of a one-line document drawn in {@code font}. */
  private static byte[] embeddedFont(BaseFont font, String text) throws Exception {
    return EmbeddedFontFiles.raw(font, text, PdfName.FONTFILE3);
  }
}
