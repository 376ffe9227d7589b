package org.recoveryreview.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSObjectKey;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.recoveryreview.model.JobFailure;
import org.recoveryreview.model.PatientReview;
import org.recoveryreview.model.ReportSettings;
import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.gf.model.GFModelParser;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.ValidationResult;
import org.verapdf.pdfa.validation.validators.ValidatorFactory;

class ReportRendererTest {
  private static ReportRenderer renderer;

  @BeforeAll
  static void setUp() {
    VeraGreenfieldFoundryProvider.initialise();
    renderer = new ReportRenderer(ReportSettings.defaults());
  }

  private static byte[] patientPdf(PatientReview r) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    renderer.renderPatient(r, ReportFixtures.CONTEXT, out);
    return out.toByteArray();
  }

  private static byte[] programPdf(List<String> warnings) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    renderer.renderProgram(ReportFixtures.program(), warnings, ReportFixtures.CONTEXT, out);
    return out.toByteArray();
  }

  private static String text(byte[] pdf) throws IOException {
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      return new PDFTextStripper().getText(doc);
    }
  }

  private static ValidationResult veraPdf(byte[] pdf) throws Exception {
    try (InputStream in = new ByteArrayInputStream(pdf);
        GFModelParser parser = GFModelParser.createModelWithFlavour(in, PDFAFlavour.PDFA_1_B)) {
      return ValidatorFactory.createValidator(PDFAFlavour.PDFA_1_B, false).validate(parser);
    }
  }

  @Test
  void renderPatient_lowAdherence_showsKeyFiguresAndFlagEvidence() throws Exception {
    String t = text(patientPdf(ReportFixtures.lowAdherencePlateau()));

    assertTrue(t.contains("Monthly rehabilitation review"), t);
    assertTrue(t.contains("Clinic attendance"), t);
    assertTrue(t.contains("33% (4 of 12)"), t);
    assertTrue(t.contains("75% (9 of 12)"), t);
    assertTrue(t.contains("25% (2 of 8)"), t);
    assertTrue(t.contains("30%  Low"), t);
    assertTrue(t.contains("Low adherence: 6 of 20 scheduled sessions done (30%)"), t);
    assertTrue(t.contains("Plateau: Fugl-Meyer 30 on 10 Aug 2026 → 33 on 19 Oct 2026"), t);
    assertTrue(t.contains("Fugl-Meyer change +2 — within measurement error; MCID 9"), t);
    assertTrue(t.contains("400 / 900"), t); // credited beside planned minutes
    assertTrue(t.contains("Follow-up tier 2 · discuss"), t);
    assertTrue(t.contains("33 / 66"), t);
    assertTrue(t.contains("Anna Kowalska-Łęcka"), t);
  }

  @Test
  void periodLine_patientAndProgramme_monthOwnDetailThenDataDate() throws Exception {
    String patient = text(patientPdf(ReportFixtures.lowAdherencePlateau()));
    String program = text(programPdf(List.of()));

    assertTrue(
        patient.contains(
            "Review period October 2026 (1 Oct 2026 – 31 Oct 2026)   ·   Data as of 30 Oct 2026"),
        patient);
    assertTrue(
        program.contains("Review period October 2026   ·   Data as of 30 Oct 2026"), program);
    assertTrue(program.contains("Rehabilitation Programme\nProgramme summary\n"), program);
  }

  @Test
  void renderPatient_everyPage_hasFooterWithPageOfTotalIdAndDataDate() throws Exception {
    byte[] pdf = patientPdf(ReportFixtures.lowAdherencePlateau());
    String t = text(pdf);

    // Two pages, the typical review (three at most).
    assertTrue(t.contains("Page 1 of 2"), t);
    assertTrue(t.contains("Page 2 of 2"), t);
    assertEquals(2, count(t, "Patient P001"), t);
    // every footer and the header under the title
    assertEquals(3, count(t, "Data as of 30 Oct 2026"), t);
    assertEquals(2, count(t, "Confidential: contains personal health information"), t);
  }

  @Test
  void renderPatient_outcome_countsPages() {
    RenderOutcome o =
        renderer.renderPatient(
            ReportFixtures.lowAdherencePlateau(),
            ReportFixtures.CONTEXT,
            new ByteArrayOutputStream());

    assertEquals(2, o.pages());
    assertEquals(List.of(), o.glyphWarnings());
  }

  @Test
  void renderPatient_namesInManyScripts_extractAsThemselves() throws Exception {
    Map<PatientReview, String> names =
        Map.of(
            ReportFixtures.chineseGainRegression(), "王秀英",
            ReportFixtures.japaneseNoAssessments(), "佐藤 はるか",
            ReportFixtures.koreanNoSessionsInPeriod(), "김민준",
            ReportFixtures.vietnameseSingleWeek(), "Nguyễn Thị Hằng",
            ReportFixtures.named("P006", "Γιώργος Παπαδόπουλος"), "Γιώργος Παπαδόπουλος",
            ReportFixtures.named("P007", "Ирина Смирнова"), "Ирина Смирнова");
    for (Map.Entry<PatientReview, String> e : names.entrySet()) {
      String t = text(patientPdf(e.getKey()));
      assertTrue(t.contains(e.getValue()), "missing " + e.getValue() + " in:\n" + t);
    }
  }

  @Test
  void renderPatient_chineseClinicAndTherapist_extractAsThemselves() throws Exception {
    String t = text(patientPdf(ReportFixtures.chineseGainRegression()));

    assertTrue(t.contains("北京康复中心"), t);
    assertTrue(t.contains("李娜"), t);
    assertTrue(t.contains("Fugl-Meyer gain: +11 to 42/66"), t);
    assertTrue(t.contains("clinically important change (MCID 9)"), t);
    assertTrue(t.contains("Stage regression: Brunnstrom hand IV → III on 12 Oct 2026"), t);
  }

  @Test
  void renderPatient_latinAndCjk_arePdfA1bCompliant() throws Exception {
    for (PatientReview r :
        List.of(ReportFixtures.lowAdherencePlateau(), ReportFixtures.chineseGainRegression())) {
      ValidationResult result = veraPdf(patientPdf(r));
      assertTrue(result.isCompliant(), () -> failures(result));
    }
  }

  @Test
  void renderProgram_pdfA1bCompliant() throws Exception {
    ValidationResult result = veraPdf(programPdf(List.of()));

    assertTrue(result.isCompliant(), () -> failures(result));
  }

  @Test
  void renderPatient_sameInputTwice_identicalBytes() {
    byte[] first = patientPdf(ReportFixtures.chineseGainRegression());
    byte[] second = patientPdf(ReportFixtures.chineseGainRegression());

    assertArrayEquals(first, second);
  }

  @Test
  void renderProgram_sameInputTwice_identicalBytes() {
    assertArrayEquals(programPdf(List.of("w")), programPdf(List.of("w")));
  }

  @Test
  void renderPatient_twoThreads_sameBytesAsOneThread() throws Exception {
    List<PatientReview> all = ReportFixtures.allScripts();
    List<byte[]> serial = new ArrayList<>();
    for (PatientReview r : all) {
      serial.add(patientPdf(r));
    }
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<byte[]>> parallel = new ArrayList<>();
      for (int round = 0; round < 2; round++) {
        for (PatientReview r : all) {
          parallel.add(pool.submit(() -> patientPdf(r)));
        }
      }
      for (int i = 0; i < parallel.size(); i++) {
        assertArrayEquals(serial.get(i % all.size()), parallel.get(i).get());
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void renderPatient_noAssessments_chartsSayNoData() throws Exception {
    String t = text(patientPdf(ReportFixtures.japaneseNoAssessments()));

    assertEquals(2, count(t, "No data in this period"), t);
    assertTrue(t.contains("No assessments recorded up to 31 Oct 2026."), t);
    assertTrue(
        t.contains(
            "Assessment overdue: no assessment recorded; late subacute patients are reassessed"),
        t);
  }

  @Test
  void renderPatient_noSessionsInPeriod_saysSoInsteadOfZeroPercent() throws Exception {
    String t = text(patientPdf(ReportFixtures.koreanNoSessionsInPeriod()));

    assertTrue(t.contains("No sessions due in this period"), t);
    assertTrue(t.contains("No sessions in this period."), t);
    assertTrue(t.contains("no sessions"), t);
    assertFalse(t.contains("0% (0 of 0)"), t);
  }

  @Test
  void renderPatient_singleWeek_rendersWithEmptyRecoveryCharts() throws Exception {
    String t = text(patientPdf(ReportFixtures.vietnameseSingleWeek()));

    assertTrue(t.contains("100% (2 of 2)"), t);
    assertTrue(t.contains("W44"), t);
    assertEquals(2, count(t, "No data in this period"), t);
  }

  @Test
  void renderPatient_characterNoFontHas_oneWarningWithPatientScriptAndCodePoint() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    RenderOutcome o =
        renderer.renderPatient(
            ReportFixtures.named("P008", "Zoë \uD80C\uDC00\uD80C\uDC01 Test"),
            ReportFixtures.CONTEXT,
            out);

    assertEquals(
        List.of(
            "Patient P008: Egyptian hieroglyphs characters (U+13000, U+13001) are not printable on"
                + " this machine and show as \"[… not printable on this machine]\""),
        o.glyphWarnings());
    // Only the unprintable part is replaced, once for the run of characters.
    assertTrue(text(out.toByteArray()).contains("Zoë [not printable on this machine] Test"));
  }

  /** A renderer on a staged machine without any CJK font (a fresh Debian, no fonts-noto-cjk). */
  private static ReportRenderer withoutCjkFont() {
    CjkFontFinder none = new CjkFontFinder(lang -> Optional.empty(), p -> false, "C:\\Windows");
    return new ReportRenderer(
        ReportSettings.defaults(), ReportFonts.load(ReportSettings.defaults(), none));
  }

  @Test
  void renderPatient_noCjkFont_showsPlaceholderNotBlankAndStaysPdfA() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    RenderOutcome o =
        withoutCjkFont()
            .renderPatient(ReportFixtures.chineseGainRegression(), ReportFixtures.CONTEXT, out);
    String t = text(out.toByteArray());

    assertTrue(t.contains("[name not printable on this machine]"), t);
    assertFalse(t.contains("王秀英"), t);
    assertEquals(1, o.glyphWarnings().size(), o.glyphWarnings().toString());
    assertTrue(
        o.glyphWarnings().get(0).startsWith("Patient P002: Han characters"),
        o.glyphWarnings().toString());
    ValidationResult result = veraPdf(out.toByteArray());
    assertTrue(result.isCompliant(), () -> failures(result));
  }

  @Test
  void unprintableWarning_noCjkFont_oneWarningListingPatientsScriptsAndInstallCommands() {
    ReportRenderer r = withoutCjkFont();
    for (PatientReview p : ReportFixtures.allScripts()) {
      r.renderPatient(p, ReportFixtures.CONTEXT, new ByteArrayOutputStream());
    }

    String w = r.unprintableWarning().orElseThrow();

    assertTrue(w.contains("3 reports show \"[name not printable on this machine]\""), w);
    assertTrue(
        w.contains(
            "Patient P002 (Han), Patient P003 (Han, Hiragana, Katakana), Patient P004 (Hangul)."),
        w);
    assertTrue(w.contains("apt-get install fonts-noto-cjk"), w);
    assertTrue(w.contains("dnf install google-noto-sans-cjk-fonts"), w);
    assertTrue(w.contains("Windows and macOS ship one"), w);
    assertTrue(w.contains("report.cjk_font"), w);
  }

  @Test
  void unprintableWarning_everythingDrawn_empty() {
    ReportRenderer r = new ReportRenderer(ReportSettings.defaults());
    r.renderPatient(
        ReportFixtures.named("P009", ReportFixtures.ARABIC_NAME),
        ReportFixtures.CONTEXT,
        new ByteArrayOutputStream());

    assertEquals(Optional.empty(), r.unprintableWarning());
  }

  @Test
  void renderProgram_noCjkFont_chartLabelsShowPlaceholder() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    withoutCjkFont()
        .renderProgram(ReportFixtures.program(), List.of(), ReportFixtures.CONTEXT, out);
    String t = text(out.toByteArray());

    // clinic and therapist axes of the adherence charts, tables and the follow-up list
    assertTrue(count(t, "[name not printable on this machine]") >= 4, t);
    assertFalse(t.contains("北京康复中心"), t);
  }

  @Test
  void renderPatient_rightToLeftNames_extractInReadingOrder() throws Exception {
    for (String name : List.of(ReportFixtures.ARABIC_NAME, ReportFixtures.HEBREW_NAME)) {
      String t = text(patientPdf(ReportFixtures.named("P009", name)));

      // the name under "Patient" and the running header of page 2
      assertEquals(2, count(t, name), "missing " + name + " in:\n" + t);
    }
  }

  @Test
  void renderPatient_rightToLeftNames_pdfA1bAndReproducible() throws Exception {
    for (String name : List.of(ReportFixtures.ARABIC_NAME, ReportFixtures.HEBREW_NAME)) {
      byte[] pdf = patientPdf(ReportFixtures.named("P009", name));

      ValidationResult result = veraPdf(pdf);
      assertTrue(result.isCompliant(), () -> failures(result));
      assertArrayEquals(pdf, patientPdf(ReportFixtures.named("P009", name)));
    }
  }

  @Test
  void renderPatient_metadataAndBookmarks_set() throws Exception {
    try (PDDocument doc = Loader.loadPDF(patientPdf(ReportFixtures.lowAdherencePlateau()))) {
      PDDocumentInformation info = doc.getDocumentInformation();
      assertEquals(
          "Monthly rehabilitation review 2026-10: Anna Kowalska-Łęcka (P001)", info.getTitle());
      assertEquals("Rehabilitation Programme", info.getAuthor());
      assertTrue(info.getSubject().contains("P001"), info.getSubject());
      assertTrue(info.getKeywords().contains("Fugl-Meyer"), info.getKeywords());
      assertEquals(2026, info.getCreationDate().get(java.util.Calendar.YEAR));
      assertEquals(9, info.getCreationDate().get(java.util.Calendar.MONTH));
      List<String> titles = new ArrayList<>();
      for (PDOutlineItem item : doc.getDocumentCatalog().getDocumentOutline().children()) {
        titles.add(item.getTitle());
      }
      assertEquals(
          List.of(
              "Patient",
              "Key figures",
              "Flags for the review meeting",
              "Adherence and therapy minutes",
              "Recovery of arm and hand",
              "Stage transitions",
              "Sessions in October 2026",
              "Assessment history"),
          titles);
    }
  }

  @Test
  void renderPatient_noFlags_saysNoFlagsThisMonth() throws Exception {
    String t = text(patientPdf(ReportFixtures.koreanNoSessionsInPeriod()));

    assertTrue(t.contains("Flags for the review meeting"), t);
    assertTrue(t.contains("No flags this month."), t);
    assertFalse(t.contains("Follow-up tier"), t);
  }

  @Test
  void renderPatient_gain_showsImportantChangeLabel() throws Exception {
    String t = text(patientPdf(ReportFixtures.chineseGainRegression()));

    assertTrue(t.contains("Fugl-Meyer change +11 — clinically important change; MCID 9"), t);
    assertTrue(t.contains("Follow-up tier 1 · act now"), t);
  }

  @Test
  void renderPatient_chartText_isNotLetterSpaced() throws Exception {
    for (byte[] pdf :
        List.of(patientPdf(ReportFixtures.chineseGainRegression()), programPdf(List.of()))) {
      double worst = maxCharacterSpacing(pdf);
      assertTrue(worst < 0.05, "character spacing up to " + worst + " pt");
    }
  }

  @Test
  void renderPatient_letterPageSize_usesLetter() throws Exception {
    ReportRenderer letter =
        new ReportRenderer(
            new ReportSettings("Org", Map.of(), "letter", Optional.empty(), Optional.empty()));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    letter.renderPatient(ReportFixtures.lowAdherencePlateau(), ReportFixtures.CONTEXT, out);
    try (PDDocument doc = Loader.loadPDF(out.toByteArray())) {
      assertEquals(612f, doc.getPage(0).getMediaBox().getWidth(), 0.01);
      assertEquals(792f, doc.getPage(0).getMediaBox().getHeight(), 0.01);
    }
  }

  @Test
  void renderer_unknownPageSize_failsWithHint() {
    JobFailure e =
        org.junit.jupiter.api.Assertions.assertThrows(
            JobFailure.class,
            () ->
                new ReportRenderer(
                    new ReportSettings("Org", Map.of(), "A5", Optional.empty(), Optional.empty())));

    assertTrue(e.getMessage().contains("A4 or LETTER"), e.getMessage());
  }

  @Test
  void renderProgram_listsCjkGroupsFollowUpsAndGlyphWarnings() throws Exception {
    String t = text(programPdf(List.of("Patient P008: character U+13000 cannot be drawn")));

    assertTrue(t.contains("Programme summary"), t);
    assertTrue(t.contains("Page 1 of 4"), t);
    // clinic bar chart axis, monthly legend, roll-up table, follow-up list
    assertTrue(count(t, "서울 재활병원") >= 4, t);
    assertTrue(count(t, "北京康复中心") >= 4, t);
    assertTrue(t.contains("Łódź Rehabilitacja"), t);
    assertTrue(t.contains("Low adherence: 6 of 20 scheduled sessions done (30%)"), t);
    assertTrue(t.contains("act now"), t);
    int list = t.indexOf("Follow-up list");
    assertTrue(list >= 0 && t.indexOf("P002", list) < t.indexOf("P001", list), t);
    assertTrue(t.contains("210 × unknown status (status)"), t);
    assertTrue(t.contains("24,000"), t);
    assertTrue(t.contains("Patient P008: character U+13000 cannot be drawn"), t);
  }

  @Test
  void renderProgram_headlineFigures_shown() throws Exception {
    String t = text(programPdf(List.of()));

    assertTrue(t.contains("Patients in review"), t);
    assertTrue(t.contains("86"), t);
    assertTrue(t.contains("380 of 520 sessions"), t);
    assertTrue(t.contains("Low (below 50%)"), t);
    assertTrue(t.contains("None: every name was drawn with its own characters."), t);
  }

  @Test
  void renderProgram_trend_patientCountsPerPointFewMarked() throws Exception {
    String t = text(programPdf(List.of()));

    assertTrue(
        t.contains("Monthly overall adherence, programme and clinics, Nov 2025 – Oct 2026"), t);
    assertTrue(t.contains("Hollow: fewer than 5 patients"), t);
    assertTrue(t.contains("Programme 75 76 77 78 79 80 81 82 83 84 85 86"), t);
    assertTrue(t.contains("Riverside Clinic *2 *2 *2 22 22 22 22 22 22 22 22 22"), t);
    assertTrue(t.contains("* fewer than 5 patients (hollow marker)"), t);
  }

  @Test
  void renderProgram_stageMedians_nPerBarAndHiddenBarsNamed() throws Exception {
    String t = text(programPdf(List.of()));

    assertTrue(t.contains("Median days from onset to reach each"), t);
    assertTrue(t.contains("12 d, n=30/50"), t);
    assertTrue(t.contains("18.5 d, n=20/40"), t);
    // Hand stage V rests on 2 patients: no bar, named under the chart instead.
    assertFalse(t.contains("108.5 d"), t);
    assertTrue(t.contains("hand V (n=2)"), t);
  }

  @Test
  void renderProgram_followUpList_groupedUnderTierHeadingsOneRowPerPatient() throws Exception {
    String t = text(programPdf(List.of()));

    int list = t.indexOf("Follow-up list");
    int one = t.indexOf("Tier 1 · act now: 1 patient", list);
    int two = t.indexOf("Tier 2 · discuss: 1 patient", list);
    int three = t.indexOf("Tier 3 · check: 1 patient", list);
    assertTrue(list >= 0 && one > list && two > one && three > two, t);
    // Each patient under its own tier's heading, with its evidence.
    assertTrue(t.indexOf("P002", one) < two, t);
    assertTrue(t.indexOf("P001", two) < three && t.indexOf("P001", two) > two, t);
    assertTrue(t.indexOf("P004", three) > three, t);
    assertTrue(t.contains("Stage regression: Brunnstrom hand IV → III on 12 Oct 2026"), t);
    assertEquals(1, count(t.substring(list, t.indexOf("File Kind Read", list)), "P001"), t);
  }

  @Test
  void renderProgram_dataQuality_completenessOfWhatFiguresRestOn() throws Exception {
    String t = text(programPdf(List.of()));

    // DataCompleteness(380 done, 9 imputed, 314 booked, 14 cancelled, 61 assessments, 7 without
    // all FMA parts, 12 without ARAT, 86 patients, 3 data queries)
    assertTrue(
        t.contains("Completed sessions with minutes imputed from planned 9 380 sessions done 2%"),
        t);
    assertTrue(
        t.contains("Clinic sessions cancelled by the clinic 14 314 clinic sessions booked 4%"), t);
    assertTrue(
        t.contains("Assessments without all four Fugl-Meyer parts 7 61 assessments this month 11%"),
        t);
    assertTrue(t.contains("Assessments without ARAT 12 61 assessments this month 20%"), t);
    assertTrue(
        t.contains("Patients with a data query (check the record) 3 86 patients in review 3%"), t);
  }

  @Test
  void renderProgram_headline_showsPreviousMonthAndChangeInPoints() throws Exception {
    String t = text(programPdf(List.of()));

    assertTrue(t.contains("Sep 2026: 81 (+5)"), t);
    // 380 of 520 (73%) against 330 of 500 (66%).
    assertTrue(t.contains("Sep 2026: 66%, +7 pts"), t);
    // Tier 1: 2 now, 3 in September.
    assertTrue(t.contains("Follow-up tier 1 · act now 2 3 -1"), t);
    // MCID reached: 21 of 60 (35%) against 18 of 58 (31%).
    assertTrue(t.contains("Programme 60 21 35% 31% (18/58) +4 pts"), t);
    assertTrue(t.contains("서울 재활병원 18 11 61% 41% (7/17) +20 pts"), t);
  }

  @Test
  void renderPatient_latinNames_embedsNoCjkFont() throws Exception {
    assertEquals(
        List.of("DejaVuSans", "DejaVuSans-Bold"),
        fontNames(patientPdf(ReportFixtures.lowAdherencePlateau())));
    assertTrue(
        fontNames(patientPdf(ReportFixtures.chineseGainRegression())).stream()
            .anyMatch(n -> n.startsWith("NotoSansCJK")));
  }

  @Test
  void renderPatient_configuredLatinFont_isEmbeddedInstead() throws Exception {
    java.nio.file.Path serif =
        java.nio.file.Path.of("/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf");
    org.junit.jupiter.api.Assumptions.assumeTrue(java.nio.file.Files.exists(serif));
    ReportRenderer custom =
        new ReportRenderer(
            new ReportSettings("Org", Map.of(), "A4", Optional.of(serif), Optional.empty()));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    custom.renderPatient(ReportFixtures.lowAdherencePlateau(), ReportFixtures.CONTEXT, out);

    assertEquals(List.of("DejaVuSerif"), fontNames(out.toByteArray()));
    assertTrue(text(out.toByteArray()).contains("Anna Kowalska-Łęcka"));
  }

  @Test
  void renderer_missingCjkFontFile_failsNamingTheSetting() {
    JobFailure e =
        org.junit.jupiter.api.Assertions.assertThrows(
            JobFailure.class,
            () ->
                new ReportRenderer(
                    new ReportSettings(
                        "Org",
                        Map.of(),
                        "A4",
                        Optional.empty(),
                        Optional.of(java.nio.file.Path.of("/nonexistent/cjk.ttc")))));

    assertTrue(e.getMessage().contains("report.cjk_font"), e.getMessage());
  }

  /** Embedded font names without the subset prefix, sorted. */
  private static List<String> fontNames(byte[] pdf) throws IOException {
    java.util.TreeSet<String> names = new java.util.TreeSet<>();
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      for (org.apache.pdfbox.pdmodel.PDPage page : doc.getPages()) {
        for (org.apache.pdfbox.cos.COSName n : page.getResources().getFontNames()) {
          String name = page.getResources().getFont(n).getName();
          names.add(name.substring(name.indexOf('+') + 1).replace("-Identity-H", ""));
        }
        for (org.apache.pdfbox.cos.COSName x : page.getResources().getXObjectNames()) {
          if (page.getResources().getXObject(x)
              instanceof org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject form) {
            for (org.apache.pdfbox.cos.COSName n : form.getResources().getFontNames()) {
              String name = form.getResources().getFont(n).getName();
              names.add(name.substring(name.indexOf('+') + 1).replace("-Identity-H", ""));
            }
          }
        }
      }
    }
    return List.copyOf(names);
  }

  private static int count(String text, String what) {
    int n = 0;
    for (int i = text.indexOf(what); i >= 0; i = text.indexOf(what, i + 1)) {
      n++;
    }
    return n;
  }

  private static final Pattern TC = Pattern.compile("(-?[0-9.]+) Tc");

  /** Largest character spacing (Tc) in any content stream, charts included. */
  private static double maxCharacterSpacing(byte[] pdf) throws IOException {
    double worst = 0;
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      for (COSObjectKey key : doc.getDocument().getXrefTable().keySet()) {
        COSObject o = doc.getDocument().getObjectFromPool(key);
        if (!(o.getObject() instanceof COSStream s)) {
          continue;
        }
        String subtype = s.getNameAsString("Subtype");
        // Page contents and form XObjects (the charts); not font programs, ICC or XMP data.
        boolean content =
            subtype == null
                ? !s.containsKey("Length1") && !s.containsKey("N")
                : subtype.equals("Form");
        if (content) {
          try (InputStream in = s.createInputStream()) {
            Matcher m = TC.matcher(new String(in.readAllBytes(), StandardCharsets.ISO_8859_1));
            while (m.find()) {
              worst = Math.max(worst, Math.abs(Double.parseDouble(m.group(1))));
            }
          }
        }
      }
    }
    return worst;
  }

  private static String failures(ValidationResult r) {
    StringBuilder b = new StringBuilder("not PDF/A-1b:");
    r.getTestAssertions().stream()
        .filter(a -> a.getStatus() != org.verapdf.pdfa.results.TestAssertion.Status.PASSED)
        .limit(20)
        .forEach(a -> b.append('\n').append(a.getRuleId()).append(": ").append(a.getMessage()));
    return b.toString();
  }
}
