package org.recoveryreview;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.recoveryreview.model.ExitCode;
import org.recoveryreview.model.JobFailure;
import org.recoveryreview.model.PublishSettings;
import org.recoveryreview.model.Settings;
import org.recoveryreview.publish.CrashingFileOps;
import org.recoveryreview.publish.FaultyFileOps;
import org.recoveryreview.publish.FileOps;
import org.recoveryreview.publish.FolderHash;
import org.recoveryreview.publish.PublishedFiles;

/**
 * Publishing faults through the whole job: a shrink guard fooled by a selective run, a selective
 * run failing half-way, a kill mid-swap followed by a run that fails, rendering threads outliving
 * the clean-up, and the modes of what is published. Each hashes the published month before and
 * after.
 */
class PublishFaultTest {
  private static final int PATIENTS = 12;
  private static final String SESSIONS_HEADER =
      "session_id,patient_id,date,setting,therapy,status,planned_minutes,actual_minutes,therapist\n";

  @TempDir Path dir;
  Path input;
  Path output;

  @BeforeEach
  void setUp() throws IOException {
    input = Files.createDirectories(dir.resolve("in"));
    output = dir.resolve("out");
    writeInput(PATIENTS, "completed");
  }

  private static String id(int i) {
    return String.format("P%05d", i);
  }

  /** The first {@code n} patients, each with a session in October and one in September. */
  private void writeInput(int n, String octoberStatus) throws IOException {
    StringBuilder patients =
        new StringBuilder(
            "patient_id,name,birth_date,sex,affected_side,diagnosis,onset_date,clinic,therapist,"
                + "program_start,discharge_date\n");
    StringBuilder sessions = new StringBuilder(SESSIONS_HEADER);
    for (int i = 1; i <= n; i++) {
      patients.append(
          id(i)
              + ",Patient "
              + i
              + ",1955-01-01,F,left,ischaemic stroke,2026-05-01,North,"
              + (i % 2 == 0 ? "T. Lee" : "R. Diaz")
              + ",2026-05-10,\n");
      sessions.append(
          "S"
              + i
              + ","
              + id(i)
              + ",2026-10-0"
              + (1 + i % 9)
              + ",clinic,occupational_therapy,"
              + octoberStatus
              + ",45,,\n");
      sessions.append(
          "T"
              + i
              + ","
              + id(i)
              + ",2026-09-0"
              + (1 + i % 9)
              + ",home,task_practice,completed,30,,\n");
    }
    Files.writeString(input.resolve("patients.csv"), patients);
    Files.writeString(input.resolve("sessions.csv"), sessions);
  }

  private JobOptions options(Settings settings, int jobs, String... patients) {
    return new JobOptions(
        input, output, "2026-10", settings, List.of(patients), jobs, 5.0, Optional.empty());
  }

  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-15T00:00:00Z"), ZoneOffset.UTC);

  private JobResult run(FileOps ops, String... patients) {
    return new ReviewJob(
            options(Settings.defaults(), 2, patients), CLOCK, ProgressListener.NONE, ops)
        .run();
  }

  private Map<String, String> published() throws IOException {
    return FolderHash.of(output.resolve("2026-10"));
  }

  private List<String> leftovers() throws IOException {
    try (Stream<Path> s = Files.list(output)) {
      return s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(".2026")).toList();
    }
  }

  /** Runs {@code run}, expecting {@code code}, the published month unchanged and no leftover. */
  private JobFailure fails(ExitCode code, Runnable run) throws IOException {
    Map<String, String> before = published();
    JobFailure e = assertThrows(JobFailure.class, run::run);
    assertEquals(code, e.exitCode(), e.getMessage());
    assertEquals(before, published(), "the published month changed: " + e.getMessage());
    assertEquals(List.of(), leftovers());
    return e;
  }

  @Test
  void run_fewerPatientsAfterASelectiveRun_exits65CountingTheReportsInTheFolder()
      throws IOException {
    run(FileOps.SYSTEM);
    run(FileOps.SYSTEM, "P00002");
    Path manifest = output.resolve("2026-10/manifest.json");
    assertEquals(PATIENTS, PublishedFiles.patientsReported(output.resolve("2026-10")).getAsInt());
    // What a --patient run of an earlier version left: the length of its list.
    Files.writeString(
        manifest,
        Files.readString(manifest)
            .replace("\"patients_reported\" : " + PATIENTS, "\"patients_reported\" : 1"));
    assertEquals(1, PublishedFiles.patientsReported(output.resolve("2026-10")).getAsInt());
    writeInput(4, "completed");
    JobFailure e = fails(ExitCode.DATA_ERROR, () -> run(FileOps.SYSTEM));
    assertTrue(e.getMessage().contains(PATIENTS + " patients and this run has 4"), e.getMessage());
  }

  @Test
  void run_selectiveRunDiskFullAfterTwoReports_exits73AndTheMonthIsUnchanged() throws IOException {
    run(FileOps.SYSTEM);
    writeInput(PATIENTS, "missed"); // every review would change
    AtomicInteger reports = new AtomicInteger();
    FileOps full =
        new FaultyFileOps()
            .failWrites(
                p -> p.toString().contains("/patients/") && reports.incrementAndGet() > 2,
                new IOException("No space left on device"));
    String[] everyone = new String[PATIENTS];
    for (int i = 0; i < PATIENTS; i++) {
      everyone[i] = id(i + 1);
    }
    JobFailure e = fails(ExitCode.CANNOT_WRITE, () -> run(full, everyone));
    assertTrue(e.getMessage().contains("No space left on device"), e.getMessage());
    assertTrue(
        e.getMessage().contains("The published " + output.resolve("2026-10") + " is unchanged"),
        e.getMessage());
  }

  @Test
  void run_killedMidSwapThenARunWithBadInput_theFailingRunRestoresTheMonthFirst()
      throws IOException {
    run(FileOps.SYSTEM);
    Map<String, String> old = published();
    writeInput(PATIENTS, "missed");
    CrashingFileOps killed =
        new CrashingFileOps().crashWhen(op -> op.startsWith("move .2026-10.tmp-"));
    assertThrows(CrashingFileOps.Crash.class, () -> run(killed));
    assertFalse(Files.exists(output.resolve("2026-10")), "the kill came between the renames");
    // The next run has a header-only sessions export: it fails, but only after the restore.
    Files.writeString(input.resolve("sessions.csv"), SESSIONS_HEADER);
    JobFailure e = assertThrows(JobFailure.class, () -> run(FileOps.SYSTEM));
    assertEquals(ExitCode.DATA_ERROR, e.exitCode(), e.getMessage());
    assertEquals(old, published());
    assertEquals(List.of(), leftovers());
  }

  @Test
  void run_selectiveRunKilledMidSwapThenAFailingRun_theMonthIsBack() throws IOException {
    run(FileOps.SYSTEM);
    Map<String, String> old = published();
    writeInput(PATIENTS, "missed");
    CrashingFileOps killed =
        new CrashingFileOps().crashWhen(op -> op.startsWith("move 2026-10 ->"));
    assertThrows(CrashingFileOps.Crash.class, () -> run(killed, "P00003"));
    Files.writeString(input.resolve("sessions.csv"), SESSIONS_HEADER);
    assertThrows(JobFailure.class, () -> run(FileOps.SYSTEM));
    assertEquals(old, published());
    assertEquals(List.of(), leftovers());
  }

  /**
   * Fails the review of one patient at once and makes every other write slow and deaf to
   * interrupts.
   */
  private static final class SlowDiskFailingOne extends FaultyFileOps {
    @Override
    public OutputStream create(Path file) throws IOException {
      String name = file.getFileName().toString();
      if (file.toString().contains("/patients/")) {
        if (name.equals("P00003.pdf")) {
          throw new IOException("No space left on device");
        }
        long end = System.nanoTime() + 40_000_000L;
        while (System.nanoTime() < end) {
          LockSupport.parkNanos(end - System.nanoTime());
        }
      }
      return super.create(file);
    }
  }

  @Test
  void run_writeFailsMidRenderOnFourThreads_noFolderIsLeftBehind() throws IOException {
    run(FileOps.SYSTEM);
    for (int round = 0; round < 5; round++) {
      JobOptions o = options(Settings.defaults(), 4);
      JobFailure e =
          fails(
              ExitCode.CANNOT_WRITE,
              () -> new ReviewJob(o, CLOCK, ProgressListener.NONE, new SlowDiskFailingOne()).run());
      assertTrue(e.getMessage().contains("P00003.pdf"), e.getMessage());
    }
  }

  private static String mode(Path p) throws IOException {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
  }

  private static void assertModes(Path root, String folders, String files) throws IOException {
    try (Stream<Path> s = Files.walk(root)) {
      for (Path p : s.toList()) {
        assertEquals(Files.isDirectory(p) ? folders : files, mode(p), p.toString());
      }
    }
  }

  @Test
  void run_defaultSettings_publishesFoldersOwnerAndGroupOnly() throws IOException {
    new ReviewJob(options(Settings.defaults(), 2), CLOCK, ProgressListener.NONE).run();
    assertModes(output.resolve("2026-10"), "rwxr-x---", "rw-r-----");
    // A selective run's new files and the month it swaps in keep those modes.
    new ReviewJob(options(Settings.defaults(), 2, "P00002"), CLOCK, ProgressListener.NONE).run();
    assertModes(output.resolve("2026-10"), "rwxr-x---", "rw-r-----");
  }

  @Test
  void run_configuredModes_areUsedExactly() throws IOException {
    Settings open = Settings.defaults().withPublish(PublishSettings.withModes(0755, 0644));
    new ReviewJob(options(open, 2), CLOCK, ProgressListener.NONE).run();
    assertModes(output.resolve("2026-10"), "rwxr-xr-x", "rw-r--r--");
  }
}
