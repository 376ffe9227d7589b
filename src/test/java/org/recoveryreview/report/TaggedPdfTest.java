package org.recoveryreview.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentCatalog;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureNode;
import org.junit.jupiter.api.Test;
import org.recoveryreview.model.PatientReview;
import org.recoveryreview.model.ReportSettings;
import org.verapdf.pdfa.flavours.PDFAFlavour;

/**
 * Every kind of document is tagged and conforms to PDF/UA-1 and PDF/A-1a (veraPDF), with a
 * structure a screen reader can use and right-to-left names that extract as the letters written.
 */
class TaggedPdfTest {
  private static final ReportRenderer RENDERER = new ReportRenderer(ReportSettings.defaults());

  private static byte[] review(PatientReview r) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    RENDERER.renderPatient(r, ReportFixtures.CONTEXT, out);
    return out.toByteArray();
  }

  private static byte[] handout(PatientReview r) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    RENDERER.renderHandout(r, ReportFixtures.CONTEXT, out);
    return out.toByteArray();
  }

  private static void assertConforms(byte[] pdf) throws Exception {
    assertEquals("", PdfChecks.failures(pdf, PDFAFlavour.PDFUA_1));
    assertEquals("", PdfChecks.failures(pdf, PDFAFlavour.PDFA_1_A));
  }

  @Test
  void renderPatient_arabicName_conformsToPdfUa1AndPdfA1a() throws Exception {
    assertConforms(review(ReportFixtures.named("P009", ReportFixtures.ARABIC_NAME)));
  }

  @Test
  void renderHandout_arabicAndChinese_conformToPdfUa1AndPdfA1a() throws Exception {
    byte[] arabic =
        handout(
            new HandoutSituation()
                .language("ar")
                .names("سارة أحمد", "عيادة النور", "ليلى حسن")
                .clinic(7, 17)
                .build());
    assertConforms(arabic);
    byte[] chinese = handout(GoalFixtures.chineseWithGoals());
    assertConforms(chinese);
    List<String> types = new ArrayList<>();
    List<String> alts = new ArrayList<>();
    structure(chinese, types, alts);
    for (String t : List.of("H1", "H2", "P", "L", "LI", "Lbl", "LBody", "Figure")) {
      assertTrue(types.contains(t), t + " in " + types);
    }
    assertEquals(1, alts.size(), alts.toString());
    try (PDDocument doc = Loader.loadPDF(arabic)) {
      assertEquals("ar", doc.getDocumentCatalog().getLanguage());
    }
  }

  @Test
  void renderBundle_conformsAndKeepsEachReviewsStructure() throws Exception {
    List<ReportRenderer.BundleEntry> entries = new ArrayList<>();
    for (PatientReview r :
        List.of(
            GoalFixtures.englishWithGoals(),
            ReportFixtures.named("P009", ReportFixtures.ARABIC_NAME))) {
      entries.add(new ReportRenderer.BundleEntry(r.metrics(), review(r)));
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    RENDERER.renderBundle("Paweł Wiśniewski", entries, ReportFixtures.CONTEXT, out);
    byte[] pdf = out.toByteArray();
    assertConforms(pdf);
    List<String> types = new ArrayList<>();
    List<String> alts = new ArrayList<>();
    structure(pdf, types, alts);
    // The cover's heading and table, then one section per review with its own headings.
    assertEquals(2, types.stream().filter("Sect"::equals).count(), types.toString());
    assertTrue(types.stream().filter("H1"::equals).count() >= 3, types.toString());
    assertTrue(alts.stream().anyMatch(a -> a.startsWith("Weekly adherence")), alts.toString());
  }

  @Test
  void renderProgram_conformsToPdfUa1AndPdfA1a() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    RENDERER.renderProgram(ReportFixtures.program(), List.of(), ReportFixtures.CONTEXT, out);
    assertConforms(out.toByteArray());
  }

  @Test
  void renderPatient_arabicName_extractsLettersInLogicalOrder() throws Exception {
    String text = PdfChecks.text(review(ReportFixtures.named("P009", ReportFixtures.ARABIC_NAME)));
    assertTrue(text.contains(ReportFixtures.ARABIC_NAME), text);
    // No presentation forms (the joined shapes OpenPDF draws), which search would miss.
    assertFalse(text.chars().anyMatch(c -> c >= 0xFE70 && c <= 0xFEFC), text);
  }

  @Test
  void renderPatient_structure_headingsTablesFiguresAndDocumentSettings() throws Exception {
    byte[] pdf = review(ReportFixtures.named("P009", ReportFixtures.ARABIC_NAME));
    List<String> types = new ArrayList<>();
    List<String> alts = new ArrayList<>();
    List<String> scopes = new ArrayList<>();
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      PDDocumentCatalog catalog = doc.getDocumentCatalog();
      assertEquals("en", catalog.getLanguage());
      assertTrue(catalog.getViewerPreferences().displayDocTitle());
      assertTrue(catalog.getMarkInfo().isMarked());
      walk(catalog.getStructureTreeRoot(), types, alts, scopes);
    }
    assertEquals("Document", types.get(0));
    assertTrue(types.indexOf("H1") < types.indexOf("H2"), types.toString());
    for (String t : List.of("H1", "H2", "P", "Table", "TR", "TH", "TD", "Figure")) {
      assertTrue(types.contains(t), t + " in " + types);
    }
    assertTrue(scopes.size() > 0 && scopes.stream().allMatch("Column"::equals), scopes.toString());
    // Alternative text computed from the data, not boilerplate.
    String adherence =
        alts.stream().filter(a -> a.startsWith("Weekly adherence")).findFirst().orElse("");
    assertTrue(adherence.contains("%"), alts.toString());
    assertFalse(alts.contains("Chart"), alts.toString());
  }

  private static void structure(byte[] pdf, List<String> types, List<String> alts)
      throws Exception {
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      walk(doc.getDocumentCatalog().getStructureTreeRoot(), types, alts, new ArrayList<>());
    }
  }

  private static void walk(
      PDStructureNode node, List<String> types, List<String> alts, List<String> scopes) {
    for (Object kid : node.getKids()) {
      if (kid instanceof PDStructureElement e) {
        types.add(e.getStructureType());
        if (e.getAlternateDescription() != null) {
          alts.add(e.getAlternateDescription());
        }
        if (e.getCOSObject().getDictionaryObject(COSName.A) instanceof COSDictionary a
            && "TH".equals(e.getStructureType())) {
          scopes.add(a.getNameAsString(COSName.getPDFName("Scope")));
        }
        walk(e, types, alts, scopes);
      }
    }
  }
}
