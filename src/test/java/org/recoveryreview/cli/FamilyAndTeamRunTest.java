package org.recoveryreview.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Handouts and therapist bundles through the whole job: publish, manifest, bytes, --patient. */
class FamilyAndTeamRunTest {
  @TempDir Path dir;
  Path input;
  StringWriter err = new StringWriter();

  static final String PATIENTS =
      "patient_id,name,birth_date,sex,affected_side,diagnosis,onset_date,clinic,therapist,"
          + "program_start,discharge_date,language\n"
          + "P1,Anna Kowalska,1950-03-02,F,left,ischaemic stroke,2026-06-01,North,T. Lee,2026-06-15,,en\n"
          + "P2,王小明,1962-11-20,M,right,haemorrhagic stroke,2025-01-10,South,R. Diaz,2025-02-01,,zh\n"
          + "P3,Jan Nowak,1958-01-12,M,left,ischaemic stroke,2026-05-01,North,T. Lee,2026-05-20,,\n";
  static final String SESSIONS =
      "session_id,patient_id,date,setting,therapy,status,planned_minutes,actual_minutes,therapist\n"
          + "S1,P1,2026-10-01,clinic,occupational_therapy,completed,45,,T. Lee\n"
          + "S2,P1,2026-10-03,home,range_of_motion,completed,20,,\n"
          + "S3,P2,2026-10-02,clinic,physical_therapy,completed,60,55,R. Diaz\n"
          + "S4,P2,2026-10-04,home,task_practice,completed,30,,\n"
          + "S5,P3,2026-10-06,home,task_practice,missed,30,,\n";
  static final String GOALS =
      "patient_id,goal_id,set_on,review_date,domain,description,baseline,attainment,importance,"
          + "difficulty,target_date\n"
          + "P1,G1,2026-07-01,2026-09-01,dressing,Put on my coat alone,-1,-1,,,\n"
          + "P1,G1,2026-07-01,2026-10-01,dressing,Put on my coat alone,-1,0,,,\n"
          + "P2,G1,2026-07-01,2026-10-01,穿衣,自己穿上外套,-1,1,,,\n";

  @BeforeEach
  void setUp() throws IOException {
    input = dir.resolve("in");
    Files.createDirectories(input);
    Files.writeString(input.resolve("patients.csv"), PATIENTS);
    Files.writeString(input.resolve("sessions.csv"), SESSIONS);
    Files.writeString(input.resolve("goals.csv"), GOALS);
  }

  private int run(Path output, String... extra) {
    List<String> args =
        new java.util.ArrayList<>(
            List.of("run", "--input", input.toString(), "--output", output.toString(), "--quiet"));
    args.addAll(List.of(extra));
    return Main.execute(
        args.toArray(String[]::new),
        new PrintWriter(new StringWriter(), true),
        new PrintWriter(err, true));
  }

  private static Path bundleOf(Path period, String therapistPrefix) throws IOException {
    try (Stream<Path> files = Files.list(period.resolve("therapists"))) {
      return files
          .filter(f -> f.getFileName().toString().startsWith(therapistPrefix))
          .findFirst()
          .orElseThrow();
    }
  }

  private static String text(Path pdf) throws IOException {
    try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
      return new PDFTextStripper().getText(doc);
    }
  }

  @Test
  void run_withGoals_writesHandoutsAndBundlesListedInManifest() throws IOException {
    Path out = dir.resolve("out");
    assertEquals(0, run(out), err.toString());
    Path period = out.resolve("2026-10");
    for (String id : List.of("P1", "P2", "P3")) {
      assertTrue(Files.exists(period.resolve("handouts/" + id + ".pdf")), id);
    }
    assertTrue(text(period.resolve("handouts/P2.pdf")).contains("自己穿上外套"));
    Path lee = bundleOf(period, "T_Lee~");
    String bundle = text(lee);
    assertTrue(bundle.contains("Caseload reviews: T. Lee"), bundle);
    assertTrue(bundle.contains("Anna Kowalska") && bundle.contains("Jan Nowak"), bundle);
    assertFalse(bundle.contains("王小明"), bundle);
    String manifest = Files.readString(period.resolve("manifest.json"));
    assertTrue(manifest.contains("\"handouts/P2.pdf\""), manifest);
    assertTrue(manifest.contains("\"therapists/" + lee.getFileName() + "\""), manifest);
    String metrics = Files.readString(period.resolve("patient-metrics.csv"));
    // goals_scored, goals_achieved, gas_t, arat_change_label, then the two assumed-minutes columns.
    assertTrue(metrics.matches("(?s).*,1,1,50\\.0,[a-z_]*,\\d+,\\d+\r\n.*"), metrics);
    assertTrue(metrics.matches("(?s).*,1,1,60\\.0,[a-z_]*,\\d+,\\d+\r\n.*"), metrics);
  }

  @Test
  void run_twice_handoutsAndBundlesByteIdentical() throws IOException {
    assertEquals(0, run(dir.resolve("a")), err.toString());
    assertEquals(0, run(dir.resolve("b")), err.toString());
    Path a = dir.resolve("a/2026-10");
    Path b = dir.resolve("b/2026-10");
    for (String f : List.of("handouts/P1.pdf", "handouts/P2.pdf")) {
      assertArrayEquals(Files.readAllBytes(a.resolve(f)), Files.readAllBytes(b.resolve(f)), f);
    }
    Path bundle = bundleOf(a, "T_Lee~");
    assertArrayEquals(
        Files.readAllBytes(bundle),
        Files.readAllBytes(b.resolve("therapists").resolve(bundle.getFileName())));
  }

  @Test
  void run_withoutGoalsFile_noGoalFiguresButHandoutsStillWritten() throws IOException {
    Files.delete(input.resolve("goals.csv"));
    Path out = dir.resolve("out");
    assertEquals(0, run(out), err.toString());
    Path period = out.resolve("2026-10");
    assertTrue(
        Files.readString(period.resolve("patient-metrics.csv"))
            .matches("(?s).*,0,0,,[a-z_]*,\\d+,\\d+\r\n.*"));
    assertFalse(text(period.resolve("patients/P1.pdf")).contains("Goal Attainment Scaling"));
    assertTrue(Files.exists(period.resolve("handouts/P1.pdf")));
  }

  @Test
  void run_selectivePatient_replacesItsHandoutAndItsTherapistsBundleOnly() throws IOException {
    Path out = dir.resolve("out");
    assertEquals(0, run(out), err.toString());
    Path period = out.resolve("2026-10");
    byte[] p2Handout = Files.readAllBytes(period.resolve("handouts/P2.pdf"));
    byte[] p3Handout = Files.readAllBytes(period.resolve("handouts/P3.pdf"));
    Path lee = bundleOf(period, "T_Lee~");
    Path diaz = bundleOf(period, "R_Diaz~");
    byte[] diazBundle = Files.readAllBytes(diaz);
    // P1 reaches more than expected in a new export.
    Files.writeString(
        input.resolve("goals.csv"),
        GOALS + "P1,G1,2026-07-01,2026-10-20,dressing,Put on my coat alone,-1,2,,,\n");

    assertEquals(0, run(out, "--patient", "P1"), err.toString());

    assertTrue(text(lee).contains("GAS T 70.0"), text(lee));
    assertTrue(text(lee).contains("Jan Nowak"));
    assertArrayEquals(p2Handout, Files.readAllBytes(period.resolve("handouts/P2.pdf")));
    assertArrayEquals(p3Handout, Files.readAllBytes(period.resolve("handouts/P3.pdf")));
    assertArrayEquals(diazBundle, Files.readAllBytes(diaz));
    String manifest = Files.readString(period.resolve("manifest.json"));
    assertTrue(manifest.contains(sha256(period.resolve("handouts/P1.pdf"))), manifest);
    assertTrue(manifest.contains(sha256(lee)), manifest);
  }

  private static String sha256(Path f) throws IOException {
    try {
      return java.util.HexFormat.of()
          .formatHex(
              java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(f)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
