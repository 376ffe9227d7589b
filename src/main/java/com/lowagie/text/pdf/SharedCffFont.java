package com.lowagie.text.pdf;

import com.lowagie.text.DocumentException;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.WeakHashMap;

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
  /**
   * CFF tables by the font file's bytes (by identity) and the table's offset and length: the faces
   * of one collection (Noto Sans CJK's Japanese, Korean and Chinese) share one 15 MB table.
   */
  private static final Map<byte[], Map<Long, byte[]>> TABLES = new WeakHashMap<>();

  /** The whole font file, which the CFF table cache is keyed by. */
  private final byte[] file;

  /** This face's CFF table once read; then only read. */
  private volatile byte[] cffTable;

  private SharedCffFont(String name, byte[] bytes) throws DocumentException, IOException {
    super(name, BaseFont.IDENTITY_H, true, bytes, false);
    this.file = bytes;
  }

  /**
   * What {@code BaseFont.createFont(name, IDENTITY_H, true, false, bytes, null)} makes for a
   * TrueType, OpenType or collection face ({@code name} ends in .ttf, .otf or .ttc,N), uncached;
   * faces made from the same {@code bytes} array share their CFF table when it is the same.
   */
  public static BaseFont create(String name, byte[] bytes) throws DocumentException, IOException {
    BaseFont font = new SharedCffFont(name, bytes);
    LayoutProcessor.loadFont(font, name);
    return font;
  }

  @Override
  protected byte[] readCffFont() throws IOException {
    byte[] table = cffTable;
    if (table != null) {
      return table;
    }
    synchronized (TABLES) {
      if (cffTable == null) {
        Map<Long, byte[]> ofFile = TABLES.computeIfAbsent(file, f -> new HashMap<>());
        long where = ((long) cffOffset << 32) | (cffLength & 0xFFFFFFFFL);
        byte[] read = ofFile.get(where);
        if (read == null) {
          read = super.readCffFont();
          ofFile.put(where, read);
        }
        cffTable = read;
      }
      return cffTable;
    }
  }
}
