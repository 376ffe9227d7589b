package org.recoveryreview.report;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lowagie.text.Document;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.PdfDocument;
import com.lowagie.text.pdf.PdfIndirectObject;
import com.lowagie.text.pdf.PdfObject;
import com.lowagie.text.pdf.PdfWriter;
import com.lowagie.text.pdf.PdfWriter.PdfBody.PdfCrossReference;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CrossReferencesTest {

  @ParameterizedTest
  @CsvSource({
    "0, 65535", // the free head of every table
    "15, 0",
    "1234567, 0",
    "9999999999, 0", // the largest offset a classic table holds
    "0, 7"
  })
  void entryToPdf_anyOffsetAndGeneration_bytesOpenPdfWrites(long offset, int generation)
      throws IOException {
    ByteArrayOutputStream theirs = new ByteArrayOutputStream();
    new PdfCrossReference(0, 3, offset, generation).toPdf(theirs);
    ByteArrayOutputStream ours = new ByteArrayOutputStream();
    new CrossReferences.Entry(0, 3, offset, generation).toPdf(ours);
    assertEquals(theirs.toString(ISO_8859_1), ours.toString(ISO_8859_1));
  }

  @Test
  void formatQuickly_aWholeDocument_sameTableAsOpenPdf() throws Exception {
    String quick = table(document(true));
    String plain = table(document(false));
    assertTrue(quick.lines().count() > 5, quick);
    assertEquals(plain, quick);
  }

  /** The cross-reference table: from "xref" to the trailer, offsets included. */
  private static String table(byte[] pdf) {
    String text = new String(pdf, ISO_8859_1);
    return text.substring(text.lastIndexOf("\nxref\n"), text.lastIndexOf("trailer"));
  }

  private static byte[] document(boolean quick) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Document doc = new Document();
    PdfDocument pdf = new PdfDocument();
    doc.addDocListener(pdf);
    pdf.addWriter(new Quick(pdf, out, quick));
    doc.open();
    for (int i = 0; i < 30; i++) {
      doc.add(new Paragraph("Line " + i));
      if (i % 10 == 9) {
        doc.newPage();
      }
    }
    doc.close();
    return out.toByteArray();
  }

  /** A writer that swaps its entries where the report's writer does, or leaves OpenPDF's. */
  private static final class Quick extends PdfWriter {
    private final boolean quick;

    Quick(PdfDocument pdf, OutputStream out, boolean quick) {
      super(pdf, out);
      this.quick = quick;
    }

    @Override
    public PdfIndirectObject addToBody(PdfObject object, boolean inObjStm) throws IOException {
      PdfIndirectObject written = super.addToBody(object, inObjStm);
      if (quick && object == getInfo()) {
        assertTrue(CrossReferences.formatQuickly(body));
      }
      return written;
    }
  }
}
