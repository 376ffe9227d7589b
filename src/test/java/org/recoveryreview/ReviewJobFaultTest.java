package org.recoveryreview;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.recoveryreview.model.ExitCode;
import org.recoveryreview.model.JobFailure;
import org.recoveryreview.model.PublishSettings;
import org.recoveryreview.model.Settings;
import org.recoveryreview.publish.FaultyFileOps;
import org.recoveryreview.publish.FileOps;
import org.recoveryreview.publish.FolderHash;
import org.recoveryreview.publish.PublishedFiles;

/**
 * Operator mistakes and write faults around publishing, through the whole job; faults root cannot
 * cause (permissions, a full disk) come from an injected {@link FileOps}. After every failure the
 * published folder must be byte-identical.
 */
class ReviewJobFaultTest {
  static final String PATIENTS =
      "patient_id,name,birth_date,sex,affected_side,diagnosis,onset_date,clinic,therapist,program_start,discharge_date\n"
          + "P1,Anna Kowalska,1950-03-02,F,left,ischaemic stroke,2026-06-01,North,T. Lee,2026-06-15,\n"
          + "P2,Jan Nowak,1962-11-20,M,right,haemorrhagic stroke,2025-01-10,South,R. Diaz,2025-02-01,\n"
          + "P3,Eva Berg,1958-05-05,F,left,ischaemic stroke,2026-05-01,North,T. Lee,2026-05-10,\n"
          + ".P4,Dot Leading,1970-01-01,M,left,ischaemic stroke,2026-04-01,North,T. Lee,2026-04-10,\n";
  static final String SESSIONS_HEADER =
      "session_id,patient_id,date,setting,therapy,status,planned_minutes,actual_minutes,therapist\n";
  static final String SESSIONS =
      SESSIONS_HEADER
          + "S1,P1,2026-10-01,clinic,occupational_therapy,completed,45,,T. Lee\n"
          + "S2,P2,2026-10-02,clinic,physical_therapy,completed,60,55,R. Diaz\n"
          + "S3,P3,2026-10-03,home,task_practice,completed,30,,\n"
          + "S4,.P4,2026-10-04,home,task_practice,completed,30,,\n"
          + "S5,P1,2026-09-04,home,task_practice,completed,30,,\n";

  @TempDir Path dir;
  Path input;
  Path output;

  @BeforeEach
  void setUp() throws IOException {
    input = Files.createDirectories(dir.resolve("in"));
    output = dir.resolve("out");
    Files.writeString(input.resolve("patients.csv"), PATIENTS);
    Files.writeString(input.resolve("sessions.csv"), SESSIONS);
  }

  private JobResult run(FileOps ops, String period, Settings settings, String... patients) {
    JobOptions o =
        new JobOptions(
            input, output, period, settings, List.of(patients), 2, 5.0, Optional.empty());
    Clock clock = Clock.fixed(Instant.parse("2026-11-15T00:00:00Z"), ZoneOffset.UTC);
    return new ReviewJob(o, clock, ProgressListener.NONE, ops).run();
  }

  private JobResult run(FileOps ops, String... patients) {
    return run(ops, "2026-10", Settings.defaults(), patients);
  }

  private Map<String, String> published() throws IOException {
    return FolderHash.of(output.resolve("2026-10"));
  }

  private List<String> hidden() throws IOException {
    try (Stream<Path> s = Files.list(output)) {
      return s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(".2026")).toList();
    }
  }

  private JobFailure fails(ExitCode code, Runnable run) throws IOException {
    Map<String, String> before = published();
    JobFailure e = assertThrows(JobFailure.class, run::run);
    assertEquals(code, e.exitCode(), e.getMessage());
    assertEquals(before, published(), "the published folder changed: " + e.getMessage());
    assertEquals(List.of(), hidden());
    return e;
  }

  @Test
  void run_wholeMonth_timesReviewsHandoutsAndBundlesApartWithinRender() {
    JobResult r = run(FileOps.SYSTEM);
    Map<String, Double> s = r.stageSeconds();
    assertEquals(
        Set.of("ingest", "analysis", "reviews", "handouts", "bundles", "render", "publish"),
        s.keySet());
    // The three document kinds are parts of "render" (which also holds the summary).
    assertTrue(
        s.get("reviews") + s.get("handouts") + s.get("bundles") <= s.get("render") + 1e-9,
        s.toString());
  }

  @Test
  void run_diskFullWhileWritingTheSummary_exits73WithPathAndReason() throws IOException {
    run(FileOps.SYSTEM);
    FileOps full =
        new FaultyFileOps()
            .failWrites(
                FaultyFileOps.named("program-summary.pdf"),
                new IOException("No space left on device"));
    JobFailure e = fails(ExitCode.CANNOT_WRITE, () -> run(full));
    assertTrue(
        e.getMessage().contains("program-summary.pdf: No space left on device"), e.getMessage());
  }

  @Test
  void run_diskFullWhileWritingAPatientReport_exits73() throws IOException {
    run(FileOps.SYSTEM);
    FileOps full =
        new FaultyFileOps()
            .failWrites(FaultyFileOps.named("P2.pdf"), new IOException("No space left on device"));
    JobFailure e = fails(ExitCode.CANNOT_WRITE, () -> run(full));
    assertTrue(e.getMessage().contains("P2.pdf: No space left on device"), e.getMessage());
  }

  @Test
  void run_diskFullWhileWritingATherapistBundle_exits73AndTheMonthIsUnchanged() throws IOException {
    run(FileOps.SYSTEM);
    // Bundles are built on two threads; the failure of one must still leave the month as it was.
    FileOps full =
        new FaultyFileOps()
            .failWrites(
                p -> p.getParent() != null && p.getParent().endsWith("therapists"),
                new IOException("No space left on device"));
    JobFailure e = fails(ExitCode.CANNOT_WRITE, () -> run(full));
    assertTrue(e.getMessage().contains("No space left on device"), e.getMessage());
    assertTrue(e.getMessage().contains("therapists"), e.getMessage());
  }

  @Test
  void run_readOnlyWhenWritingTheManifest_exits73() throws IOException {
    run(FileOps.SYSTEM);
    FileOps readOnly =
        new FaultyFileOps().failCreates(FaultyFileOps.nameContains(".manifest.json"));
    JobFailure e = fails(ExitCode.CANNOT_WRITE, () -> run(readOnly));
    assertTrue(e.getMessage().contains("Read-only file system"), e.getMessage());
  }

  @Test
  void run_oldFolderCannotBeRemoved_succeedsWithNewReports() throws IOException {
    run(FileOps.SYSTEM);
    Files.writeString(
        input.resolve("sessions.csv"),
        SESSIONS + "S6,P2,2026-10-09,home,task_practice,missed,30,,\n");
    FileOps denied =
        new FaultyFileOps()
            .failDeletes(
                p -> p.toString().contains(".2026-10.old-") && p.toString().endsWith(".pdf"));
    JobResult r = run(denied);
    assertEquals(output.resolve("2026-10"), r.folder());
    assertTrue(Files.readString(output.resolve("2026-10/data-issues.csv")).length() > 0);
    // And the next run, able to delete, is not blocked by the leftover.
    run(FileOps.SYSTEM);
    assertEquals(List.of(), hidden());
  }

  @Test
  void run_selectivePatientThroughALinkedPeriodFolder_exits73AndWritesNothingOutside()
      throws IOException {
    run(FileOps.SYSTEM);
    Path elsewhere = dir.resolve("elsewhere");
    Files.move(output.resolve("2026-10"), elsewhere);
    Files.createSymbolicLink(output.resolve("2026-10"), elsewhere);
    Map<String, String> target = FolderHash.of(elsewhere);
    JobFailure e = fails(ExitCode.CANNOT_WRITE, () -> run(FileOps.SYSTEM, "P1"));
    assertTrue(e.getMessage().contains("symbolic link"), e.getMessage());
    assertEquals(target, FolderHash.of(elsewhere));
  }

  @Test
  void run_fullRunOverALinkedPeriodFolder_replacesTheLinkOnly() throws IOException {
    run(FileOps.SYSTEM);
    Path elsewhere = dir.resolve("elsewhere");
    Files.move(output.resolve("2026-10"), elsewhere);
    Files.createSymbolicLink(output.resolve("2026-10"), elsewhere);
    Map<String, String> target = FolderHash.of(elsewhere);
    run(FileOps.SYSTEM);
    assertFalse(Files.isSymbolicLink(output.resolve("2026-10")));
    assertEquals(target, FolderHash.of(elsewhere));
  }

  @Test
  void run_periodWithoutData_exits65NamingPeriodAndRangeAndPublishesNothing() throws IOException {
    run(FileOps.SYSTEM);
    JobFailure e =
        fails(ExitCode.DATA_ERROR, () -> run(FileOps.SYSTEM, "2026-11", Settings.defaults()));
    assertTrue(e.getMessage().contains("2026-11"), e.getMessage());
    assertTrue(e.getMessage().contains("covers 2026-09-04 to 2026-10-04"), e.getMessage());
    assertFalse(Files.exists(output.resolve("2026-11")));
  }

  @Test
  void run_headerOnlySessionsExport_exits65AndKeepsThePublishedMonth() throws IOException {
    run(FileOps.SYSTEM);
    Files.writeString(input.resolve("sessions.csv"), SESSIONS_HEADER);
    JobFailure e = fails(ExitCode.DATA_ERROR, () -> run(FileOps.SYSTEM));
    assertTrue(e.getMessage().contains("no session or assessment rows at all"), e.getMessage());
  }

  @Test
  void run_fewerThanHalfThePublishedPatients_exits65NamingBothCounts() throws IOException {
    run(FileOps.SYSTEM);
    assertEquals(4, PublishedFiles.patientsReported(output.resolve("2026-10")).getAsInt());
    Files.writeString(
        input.resolve("sessions.csv"),
        SESSIONS_HEADER + "S1,P1,2026-10-01,clinic,occupational_therapy,completed,45,,T. Lee\n");
    JobFailure e = fails(ExitCode.DATA_ERROR, () -> run(FileOps.SYSTEM));
    assertTrue(e.getMessage().contains("4 patients and this run has 1"), e.getMessage());
    Settings allow = Settings.defaults().withPublish(new PublishSettings(true));
    assertEquals(1, run(FileOps.SYSTEM, "2026-10", allow).patients());
  }

  @Test
  void run_patientIdStartingWithDot_getsAVisibleReportInTheManifest() throws IOException {
    run(FileOps.SYSTEM);
    String manifest = Files.readString(output.resolve("2026-10/manifest.json"));
    try (Stream<Path> s = Files.list(output.resolve("2026-10/patients"))) {
      List<String> names = s.map(p -> p.getFileName().toString()).sorted().toList();
      assertEquals(4, names.size(), names.toString());
      assertTrue(names.stream().noneMatch(n -> n.startsWith(".")), names.toString());
      for (String n : names) {
        assertTrue(manifest.contains("patients/" + n), n);
      }
    }
    // A selective run for that patient replaces its file, and the next start-up keeps it.
    run(FileOps.SYSTEM, ".P4");
    try (Stream<Path> s = Files.list(output.resolve("2026-10/patients"))) {
      assertEquals(4, s.count());
    }
  }
}
