package org.recoveryreview.report;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.gf.model.GFModelParser;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.TestAssertion;
import org.verapdf.pdfa.results.ValidationResult;
import org.verapdf.pdfa.validation.validators.ValidatorFactory;

/** Text extraction (PDFBox) and PDF/A and PDF/UA validation (veraPDF) for the document tests. */
final class PdfChecks {
  static {
    VeraGreenfieldFoundryProvider.initialise();
  }

  private PdfChecks() {}

  static String text(byte[] pdf) throws IOException {
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      return new PDFTextStripper().getText(doc);
    }
  }

  static int pages(byte[] pdf) throws IOException {
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      return doc.getNumberOfPages();
    }
  }

  /** Empty when the document is PDF/A-1b, else the failed rules. */
  static String pdfA1bFailures(byte[] pdf) throws Exception {
    return failures(pdf, PDFAFlavour.PDFA_1_B);
  }

  /**
   * Empty when the document conforms to {@code flavour} (e.g. PDF/UA-1, PDF/A-1a), else why not.
   */
  static String failures(byte[] pdf, PDFAFlavour flavour) throws Exception {
    ValidationResult r;
    try (InputStream in = new ByteArrayInputStream(pdf);
        GFModelParser parser = GFModelParser.createModelWithFlavour(in, flavour)) {
      r = ValidatorFactory.createValidator(flavour, false).validate(parser);
    }
    if (r.isCompliant()) {
      return "";
    }
    StringBuilder b = new StringBuilder("not " + flavour.getId() + ":");
    r.getTestAssertions().stream()
        .filter(a -> a.getStatus() != TestAssertion.Status.PASSED)
        .limit(20)
        .forEach(a -> b.append('\n').append(a.getRuleId()).append(": ").append(a.getMessage()));
    return b.toString();
  }
}
