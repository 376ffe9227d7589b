package org.recoveryreview.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.junit.jupiter.api.Test;
import org.recoveryreview.model.CaseloadOrder;
import org.recoveryreview.model.Flag;
import org.recoveryreview.model.FlagFinding;
import org.recoveryreview.model.FollowUpTier;
import org.recoveryreview.model.PatientMetrics;
import org.recoveryreview.model.PatientReview;
import org.recoveryreview.model.PatientSignals;
import org.recoveryreview.model.ReportSettings;

class BundleTest {
  private static final ReportRenderer RENDERER = new ReportRenderer(ReportSettings.defaults());

  private static byte[] review(PatientReview r) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    RENDERER.renderPatient(r, ReportFixtures.CONTEXT, out);
    return out.toByteArray();
  }

  /** A bundle of a patient without follow-up flags and two with them, given in caseload order. */
  private static byte[] bundle(List<Integer> reviewPages) throws Exception {
    List<PatientReview> reviews =
        new ArrayList<>(
            List.of(
                GoalFixtures.unflagged(ReportFixtures.named("P006", "Γιώργος Παπαδόπουλος")),
                GoalFixtures.englishWithGoals(),
                ReportFixtures.chineseGainRegression()));
    reviews.sort((a, b) -> CaseloadOrder.ORDER.compare(a.metrics(), b.metrics()));
    List<ReportRenderer.BundleEntry> entries = new ArrayList<>();
    for (PatientReview r : reviews) {
      byte[] pdf = review(r);
      reviewPages.add(PdfChecks.pages(pdf));
      entries.add(new ReportRenderer.BundleEntry(r.metrics(), pdf));
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    RENDERER.renderBundle("Paweł Wiśniewski", entries, ReportFixtures.CONTEXT, out);
    return out.toByteArray();
  }

  @Test
  void renderBundle_coverThenReviews_bookmarksAndBundlePageNumbers() throws Exception {
    List<Integer> pages = new ArrayList<>();
    byte[] pdf = bundle(pages);
    int total = 1 + pages.stream().mapToInt(Integer::intValue).sum();
    assertEquals(total, PdfChecks.pages(pdf));
    String t = PdfChecks.text(pdf);
    assertTrue(t.contains("Caseload reviews: Paweł Wiśniewski"), t);
    assertTrue(t.contains("Bundle page 1 of " + total), t);
    assertTrue(t.contains("Bundle page " + total + " of " + total), t);
    // By tier: P002 (stage regression, tier 1) before P001 (low adherence and plateau, tier 2),
    // then P006 without flags.
    int p2 = t.indexOf("Tier 1 (act now)");
    int p1 = t.indexOf("Tier 2 (discuss)");
    int p6 = t.indexOf("No flags");
    assertTrue(p2 > 0 && p2 < p1 && p1 < p6, t);
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      List<String> titles = new ArrayList<>();
      List<Integer> starts = new ArrayList<>();
      for (PDOutlineItem i : doc.getDocumentCatalog().getDocumentOutline().children()) {
        titles.add(i.getTitle());
        starts.add(doc.getPages().indexOf(i.findDestinationPage(doc)));
      }
      assertEquals(
          List.of("王秀英 (P002)", "Anna Kowalska-Łęcka (P001)", "Γιώργος Παπαδόπουλος (P006)"),
          titles);
      assertEquals(List.of(1, 1 + pages.get(0), 1 + pages.get(0) + pages.get(1)), starts);
    }
  }

  @Test
  void renderBundle_pdfA1bAndReproducible() throws Exception {
    byte[] pdf = bundle(new ArrayList<>());
    assertEquals("", PdfChecks.pdfA1bFailures(pdf));
    assertEquals(-1, java.util.Arrays.mismatch(pdf, bundle(new ArrayList<>())));
  }

  @Test
  void renderBundle_fontSubsetsOfTheImportedReviews_eachItsOwnName() throws Exception {
    // Every review names its first DejaVu subset alike; in one bundle they must differ again.
    com.lowagie.text.pdf.PdfReader reader =
        new com.lowagie.text.pdf.PdfReader(bundle(new ArrayList<>()));
    List<String> names = new ArrayList<>();
    for (int i = 1; i < reader.getXrefSize(); i++) {
      if (reader.getPdfObject(i) instanceof com.lowagie.text.pdf.PdfDictionary d
          && com.lowagie.text.pdf.PdfName.FONTDESCRIPTOR.equals(
              d.getAsName(com.lowagie.text.pdf.PdfName.TYPE))) {
        names.add(d.getAsName(com.lowagie.text.pdf.PdfName.FONTNAME).toString());
      }
    }
    assertTrue(names.size() > 3, names.toString());
    assertEquals(names.size(), new java.util.HashSet<>(names).size(), names.toString());
  }

  @Test
  void caseloadOrder_tierFirstThenPatientId() {
    PatientMetrics none = GoalFixtures.unflagged(ReportFixtures.named("P000", "A")).metrics();
    PatientMetrics flagged = ReportFixtures.lowAdherencePlateau().metrics();
    assertTrue(CaseloadOrder.ORDER.compare(flagged, none) < 0);
    PatientMetrics actNow = ReportFixtures.chineseGainRegression().metrics();
    assertTrue(CaseloadOrder.ORDER.compare(actNow, flagged) < 0);
    PatientMetrics later = GoalFixtures.unflagged(ReportFixtures.named("P009", "B")).metrics();
    assertTrue(CaseloadOrder.ORDER.compare(none, later) < 0);
  }

  @Test
  void reason_stoppedAttendingWithConsequences_reasonForTierFirstOneNamePerEvent() {
    PatientMetrics o = ReportFixtures.lowAdherencePlateau().metrics();
    List<FlagFinding> findings =
        List.of(
            new FlagFinding(Flag.FMA_GAIN, "g"),
            new FlagFinding(Flag.ASSESSMENT_OVERDUE, "o"),
            new FlagFinding(Flag.HOME_PROGRAMME_LOW, "h").shownWith(Flag.DROP_OFF),
            new FlagFinding(Flag.LOW_ADHERENCE, "l").shownWith(Flag.DROP_OFF),
            new FlagFinding(Flag.DROP_OFF, "d. With it this month: low adherence — l"));
    PatientMetrics m =
        new PatientMetrics(
            o.patient(),
            o.reviewPeriod(),
            o.adherence(),
            o.recovery(),
            o.goals(),
            new PatientSignals(findings, java.util.Optional.of(FollowUpTier.ACT_NOW)));
    String r = BundleLayout.reason(m);
    assertTrue(
        r.startsWith("Tier 1 (act now), Stopped attending, Assessment overdue, Fugl-Meyer gain"),
        r);
    assertTrue(!r.contains("Drop off") && !r.contains("Low adherence"), r);
  }
}
