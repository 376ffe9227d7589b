package org.recoveryreview.report;

import com.lowagie.text.pdf.PdfDictionary;
import com.lowagie.text.pdf.PdfWriter;
import com.lowagie.text.xml.xmp.XmpWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The XMP metadata of every document: OpenPDF's (title, author, dates, PDF/A-1a identification)
 * plus the PDF/UA-1 identification, whose schema PDF/A-1 requires to be declared as an extension.
 */
final class Xmp {
  private Xmp() {}

  private static final String EXTENSION =
      """
      <pdfaExtension:schemas><rdf:Bag><rdf:li rdf:parseType="Resource">\
      <pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>\
      <pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>\
      <pdfaSchema:schema>PDF/UA identification schema</pdfaSchema:schema>\
      <pdfaSchema:property><rdf:Seq><rdf:li rdf:parseType="Resource">\
      <pdfaProperty:category>internal</pdfaProperty:category>\
      <pdfaProperty:description>PDF/UA version identifier</pdfaProperty:description>\
      <pdfaProperty:name>part</pdfaProperty:name>\
      <pdfaProperty:valueType>Integer</pdfaProperty:valueType>\
      </rdf:li></rdf:Seq></pdfaSchema:property>\
      </rdf:li></rdf:Bag></pdfaExtension:schemas>""";

  /** The metadata stream's bytes for a document with the given info dictionary. */
  static byte[] of(PdfDictionary info) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(4096);
    try (XmpWriter xmp = new XmpWriter(out, info, PdfWriter.PDFA1A)) {
      xmp.addRdfDescription(
          " xmlns:pdfaExtension=\"http://www.aiim.org/pdfa/ns/extension/\""
              + " xmlns:pdfaSchema=\"http://www.aiim.org/pdfa/ns/schema#\""
              + " xmlns:pdfaProperty=\"http://www.aiim.org/pdfa/ns/property#\"",
          EXTENSION);
      xmp.addRdfDescription(
          " xmlns:pdfuaid=\"http://www.aiim.org/pdfua/ns/id/\"", "<pdfuaid:part>1</pdfuaid:part>");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the document's metadata", e);
    }
    return out.toByteArray();
  }
}
