package com.lowagie.text.pdf;

import com.lowagie.text.Document;
import com.lowagie.text.Font;
import com.lowagie.text.Paragraph;
import java.io.ByteArrayOutputStream;

/** The font programs OpenPDF embeds, as written: for tests of how fonts are subset and embedded. */
public final class EmbeddedFontFiles {
  private EmbeddedFontFiles() {}

  /**
   * The raw (compressed) font file stream, under {@code fileKey} ({@link PdfName#FONTFILE2} for
   * TrueType, {@link PdfName#FONTFILE3} for CFF), of a one-line document drawn in {@code font}.
   */
  public static byte[] raw(BaseFont font, String text, PdfName fileKey) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Document doc = new Document();
    PdfWriter.getInstance(doc, out);
    doc.open();
    doc.add(new Paragraph(text, new Font(font, 12)));
    doc.close();
    PdfReader reader = new PdfReader(out.toByteArray());
    for (int i = 1; i < reader.getXrefSize(); i++) {
      PdfObject o = reader.getPdfObject(i);
      if (o instanceof PdfDictionary d && d.get(fileKey) != null) {
        return PdfReader.getStreamBytesRaw((PRStream) PdfReader.getPdfObject(d.get(fileKey)));
      }
    }
    throw new AssertionError("no embedded font under " + fileKey);
  }
}
