package com.lowagie.text.pdf;

import com.lowagie.text.DocumentException;
import java.io.IOException;

/**
 * OpenPDF's Unicode TrueType/OpenType font, except that an OpenType-CFF face (Noto Sans CJK, Source
 * Han Sans) reads its CFF table once per process instead of once per document.
 *
 * <p>OpenPDF 2.0.5 copies the whole CFF table (about 16 MB for a Noto Sans CJK face) into a new
 * array every time a document embeds the face's subset ({@code TrueTypeFont.readCffFont}, called
 * from {@code TrueTypeFontUnicode.writeFont}), which was most of a CJK review's allocation. The
 * subsetter only reads that array ({@code new RandomAccessFileOrArray(byte[])} wraps it without a
 * copy), so one array serves every document and thread, and the embedded bytes are those OpenPDF
 * writes. It lives in OpenPDF's package because that font class and its constructor are
 * package-private; {@code report.ReportFonts} is its only user.
 */
public final class SharedCffFont extends TrueTypeFontUnicode {
  /** The face's CFF table, read on the first document that embeds it; then only read. */
  private volatile byte[] cffTable;

  private SharedCffFont(String name, byte[] bytes) throws DocumentException, IOException {
    super(name, BaseFont.IDENTITY_H, true, bytes, false);
  }

  /**
   * What {@code BaseFont.createFont(name, IDENTITY_H, true, false, bytes, null)} makes for a
   * TrueType, OpenType or collection face ({@code name} ends in .ttf, .otf or .ttc,N), uncached.
   */
  public static BaseFont create(String name, byte[] bytes) throws DocumentException, IOException {
    BaseFont font = new SharedCffFont(name, bytes);
    LayoutProcessor.loadFont(font, name);
    return font;
  }

  @Override
  protected byte[] readCffFont() throws IOException {
    byte[] table = cffTable;
    if (table == null) {
      synchronized (this) {
        table = cffTable;
        if (table == null) {
          table = super.readCffFont();
          cffTable = table;
        }
      }
    }
    return table;
  }
}
