package org.recoveryreview.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.recoveryreview.model.ExitCode;
import org.recoveryreview.model.JobFailure;

class PeriodFolderTest {
  @TempDir Path out;

  private static void write(PeriodFolder f, String name, String text) throws IOException {
    try (OutputStream o = f.create(name)) {
      o.write(text.getBytes(StandardCharsets.UTF_8));
    }
  }

  private long hiddenEntries() throws IOException {
    try (Stream<Path> s = Files.list(out)) {
      return s.filter(p -> p.getFileName().toString().startsWith(".2026-10")).count();
    }
  }

  @Test
  void commit_replacesPreviousFolderWhole() throws IOException {
    PeriodFolder first = PeriodFolder.begin(out, "2026-10");
    write(first, "a.csv", "old");
    write(first, "patients/x.pdf", "old");
    first.commit();
    PeriodFolder second = PeriodFolder.begin(out, "2026-10");
    write(second, "a.csv", "new");
    second.commit();
    assertEquals("new", Files.readString(out.resolve("2026-10/a.csv")));
    assertFalse(Files.exists(out.resolve("2026-10/patients/x.pdf")));
    assertEquals(0, hiddenEntries());
  }

  @Test
  void abandon_leavesPreviousFolderIntact() throws IOException {
    PeriodFolder first = PeriodFolder.begin(out, "2026-10");
    write(first, "a.csv", "old");
    first.commit();
    PeriodFolder failed = PeriodFolder.begin(out, "2026-10");
    write(failed, "a.csv", "half");
    failed.abandon();
    assertEquals("old", Files.readString(out.resolve("2026-10/a.csv")));
    assertEquals(0, hiddenEntries());
  }

  @Test
  void begin_afterKilledRun_removesStaleTemporaryFolder() throws IOException {
    Files.createDirectories(out.resolve(".2026-10.tmp-dead/patients"));
    Files.writeString(out.resolve(".2026-10.tmp-dead/patients/p.pdf"), "partial");
    PeriodFolder f = PeriodFolder.begin(out, "2026-10");
    assertFalse(Files.exists(out.resolve(".2026-10.tmp-dead")));
    f.abandon();
  }

  @Test
  void begin_afterKillMidSwap_restoresMovedAsideFolder() throws IOException {
    Files.createDirectories(out.resolve(".2026-10.old-x"));
    Files.writeString(out.resolve(".2026-10.old-x/a.csv"), "old");
    PeriodFolder f = PeriodFolder.begin(out, "2026-10");
    assertEquals("old", Files.readString(out.resolve("2026-10/a.csv")));
    f.abandon();
    assertEquals(0, hiddenEntries());
  }

  @Test
  void create_pathEscapingStaging_isRefused() {
    PeriodFolder f = PeriodFolder.begin(out, "2026-10");
    assertThrows(IllegalArgumentException.class, () -> f.create("../../evil.pdf"));
    f.abandon();
  }

  @Test
  void replaceFile_swapsOneFileOnly() throws IOException {
    PeriodFolder f = PeriodFolder.begin(out, "2026-10");
    write(f, "patients/a.pdf", "a1");
    write(f, "patients/b.pdf", "b1");
    f.commit();
    PeriodFolder.replaceFile(
        out.resolve("2026-10"), "patients/a.pdf", "a2".getBytes(StandardCharsets.UTF_8));
    assertEquals("a2", Files.readString(out.resolve("2026-10/patients/a.pdf")));
    assertEquals("b1", Files.readString(out.resolve("2026-10/patients/b.pdf")));
    try (Stream<Path> s = Files.list(out.resolve("2026-10/patients"))) {
      assertEquals(2, s.count());
    }
  }

  @Test
  void acquire_secondLockOnSameOutput_failsWithLocked() {
    try (OutputLock first = OutputLock.acquire(out, "pid 1 test")) {
      JobFailure f = assertThrows(JobFailure.class, () -> OutputLock.acquire(out, "pid 2 test"));
      assertEquals(ExitCode.LOCKED, f.exitCode());
      assertTrue(f.getMessage().contains("pid 1 test"), f.getMessage());
    }
    try (OutputLock again = OutputLock.acquire(out, "pid 3 test")) {
      assertTrue(Files.exists(out.resolve(OutputLock.FILE_NAME)));
    }
  }
}
