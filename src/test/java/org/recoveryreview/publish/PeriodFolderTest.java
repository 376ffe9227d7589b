package org.recoveryreview.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.recoveryreview.model.ExitCode;
import org.recoveryreview.model.JobFailure;

class PeriodFolderTest {
  @TempDir Path out;

  private static void write(PeriodFolder f, String name, String text) {
    f.write(name, o -> o.write(text.getBytes(StandardCharsets.UTF_8)));
  }

  private List<String> hiddenEntries() throws IOException {
    try (Stream<Path> s = Files.list(out)) {
      return s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(".2026-10")).toList();
    }
  }

  /** File operations that fail writing the file named {@code name} as a full disk does. */
  private static FileOps diskFullWriting(String name) {
    return new FaultyFileOps()
        .failWrites(FaultyFileOps.named(name), new IOException("No space left on device"));
  }

  private PeriodFolder begin(FileOps ops) {
    PeriodFolder.recover(out, "2026-10", ops);
    return PeriodFolder.begin(out, "2026-10", ops);
  }

  private void publishOld() {
    PeriodFolder first = begin(FileOps.SYSTEM);
    write(first, "a.csv", "old");
    write(first, "patients/x.pdf", "old");
    first.commit();
  }

  private Path leftover(String name) throws IOException {
    Path p = out.resolve(name);
    Files.createDirectories(p.resolve("patients"));
    Files.writeString(p.resolve("patients/p.pdf"), "partial");
    return p;
  }

  private static void mark(Path dir) throws IOException {
    Files.writeString(dir.resolve(PeriodFolder.MARKER), "x");
  }

  /** What {@code action} logs (slf4j-simple writes to whatever System.err is at the time). */
  private static String stderrOf(Runnable action) {
    java.io.PrintStream saved = System.err;
    java.io.ByteArrayOutputStream buf = new java.io.ByteArrayOutputStream();
    System.setErr(new java.io.PrintStream(buf, true, StandardCharsets.UTF_8));
    try {
      action.run();
    } finally {
      System.setErr(saved);
    }
    return buf.toString(StandardCharsets.UTF_8);
  }

  @Test
  void commit_replacesPreviousFolderWhole() throws IOException {
    publishOld();
    PeriodFolder second = begin(FileOps.SYSTEM);
    write(second, "a.csv", "new");
    second.commit();
    assertEquals("new", Files.readString(out.resolve("2026-10/a.csv")));
    assertFalse(Files.exists(out.resolve("2026-10/patients/x.pdf")));
    assertFalse(Files.exists(out.resolve("2026-10/" + PeriodFolder.MARKER)));
    assertEquals(List.of(), hiddenEntries());
  }

  @Test
  void abandon_leavesPreviousFolderIntact() throws IOException {
    publishOld();
    Map<String, String> before = FolderHash.of(out.resolve("2026-10"));
    PeriodFolder failed = begin(FileOps.SYSTEM);
    write(failed, "a.csv", "half");
    failed.abandon();
    assertEquals(before, FolderHash.of(out.resolve("2026-10")));
    assertEquals(List.of(), hiddenEntries());
  }

  @Test
  void begin_stagingFolder_carriesMarker() {
    PeriodFolder f = begin(FileOps.SYSTEM);
    assertTrue(Files.isRegularFile(f.staging().resolve(PeriodFolder.MARKER)));
    f.abandon();
  }

  @Test
  void commit_movedAsideFolder_carriesMarkerBeforeItIsDeleted() throws IOException {
    publishOld();
    boolean[] markedWhenDeleted = {false};
    FileOps watching =
        new FaultyFileOps() {
          @Override
          public void delete(Path path) throws IOException {
            if (path.getParent() != null
                && path.getParent().getFileName().toString().startsWith(".2026-10.old-")
                && path.getFileName().toString().equals("a.csv")) {
              markedWhenDeleted[0] = Files.exists(path.resolveSibling(PeriodFolder.MARKER));
            }
            super.delete(path);
          }
        };
    PeriodFolder f = begin(watching);
    write(f, "a.csv", "new");
    f.commit();
    assertTrue(markedWhenDeleted[0]);
  }

  @Test
  void recover_markedTemporaryFolder_isRemoved() throws IOException {
    mark(leftover(".2026-10.tmp-dead"));
    begin(FileOps.SYSTEM).abandon();
    assertEquals(List.of(), hiddenEntries());
  }

  @Test
  void recover_folderWithoutMarker_isLeftAsItWas() throws IOException {
    Path notOurs = leftover(".2026-10.tmp-someone-elses");
    Path notOursAside = leftover(".2026-10.old-someone-elses");
    Map<String, String> before = FolderHash.of(notOurs);
    begin(FileOps.SYSTEM).abandon();
    assertEquals(before, FolderHash.of(notOurs));
    assertTrue(Files.exists(notOursAside.resolve("patients/p.pdf")));
    assertFalse(Files.exists(out.resolve("2026-10")), "an unmarked folder is never restored");
  }

  @Test
  void recover_linkNamedLikeTemporaryFolder_leavesItsTargetAlone() throws IOException {
    Path precious = Files.createDirectories(out.resolve("precious"));
    mark(precious);
    Files.writeString(precious.resolve("keep.txt"), "keep");
    Files.createSymbolicLink(out.resolve(".2026-10.tmp-link"), precious);
    begin(FileOps.SYSTEM).abandon();
    assertEquals("keep", Files.readString(precious.resolve("keep.txt")));
  }

  @Test
  void recover_strayFileTemporaries_removedButNeverThroughALink() throws IOException {
    Path patients = Files.createDirectories(out.resolve("2026-10/patients"));
    Files.writeString(patients.resolve(".P1.pdf.tmp-1"), "half");
    Files.writeString(patients.resolve("P1.pdf"), "keep");
    PeriodFolder.recover(out, "2026-10", FileOps.SYSTEM);
    assertFalse(Files.exists(patients.resolve(".P1.pdf.tmp-1")));
    assertEquals("keep", Files.readString(patients.resolve("P1.pdf")));

    Path elsewhere = Files.createDirectories(out.resolve("elsewhere/patients"));
    Files.writeString(elsewhere.resolve(".x.tmp-1"), "not ours");
    Files.createSymbolicLink(out.resolve("2026-11"), out.resolve("elsewhere"));
    PeriodFolder.recover(out, "2026-11", FileOps.SYSTEM);
    assertTrue(Files.exists(elsewhere.resolve(".x.tmp-1")));
  }

  @Test
  void recover_afterKillMidSwap_restoresMarkedMovedAsideFolder() throws IOException {
    Path aside = Files.createDirectories(out.resolve(".2026-10.old-x"));
    mark(aside);
    Files.writeString(aside.resolve("a.csv"), "old");
    begin(FileOps.SYSTEM).abandon();
    assertEquals("old", Files.readString(out.resolve("2026-10/a.csv")));
    assertFalse(Files.exists(out.resolve("2026-10/" + PeriodFolder.MARKER)));
    assertEquals(List.of(), hiddenEntries());
  }

  @Test
  void recover_leftoverThatCannotBeDeleted_warnsAndTheRunGoesOn() throws IOException {
    publishOld();
    Path stuck = leftover(".2026-10.old-root-owned");
    mark(stuck);
    FileOps denied = new FaultyFileOps().failDeletes(p -> p.startsWith(stuck) && !p.equals(stuck));
    PeriodFolder f = begin(denied);
    write(f, "a.csv", "new");
    f.commit();
    assertEquals("new", Files.readString(out.resolve("2026-10/a.csv")));
    assertTrue(Files.exists(stuck.resolve(PeriodFolder.MARKER)), "kept its marker for next time");
  }

  @Test
  void commit_oldFolderCannotBeDeleted_publishesAndWarns() throws IOException {
    publishOld();
    FileOps denied = new FaultyFileOps().failDeletes(FaultyFileOps.named("x.pdf"));
    PeriodFolder f = begin(denied);
    write(f, "a.csv", "new");
    String log = stderrOf(f::commit); // no exception: the new folder is live
    assertEquals("new", Files.readString(out.resolve("2026-10/a.csv")));
    List<String> left = hiddenEntries().stream().filter(n -> n.contains(".old-")).toList();
    assertEquals(1, left.size(), hiddenEntries().toString());
    assertTrue(log.contains("could not remove " + out.resolve(left.get(0))), log);
    assertTrue(log.contains("(permission denied)"), log);
    // The next run (as a user who may delete) removes it, and the journal with it.
    begin(FileOps.SYSTEM).abandon();
    assertEquals(List.of(), hiddenEntries());
    assertEquals("new", Files.readString(out.resolve("2026-10/a.csv")));
  }

  @Test
  void commit_swapFails_restoresPreviousFolderByteIdentical() throws IOException {
    publishOld();
    Map<String, String> before = FolderHash.of(out.resolve("2026-10"));
    FaultyFileOps readOnly = new FaultyFileOps();
    PeriodFolder f = begin(readOnly);
    write(f, "a.csv", "new");
    readOnly.failMoves((from, to) -> from.equals(f.staging()));
    JobFailure e = assertThrows(JobFailure.class, f::commit);
    f.abandon();
    assertEquals(ExitCode.CANNOT_WRITE, e.exitCode());
    assertTrue(e.getMessage().contains("Read-only file system"), e.getMessage());
    assertEquals(before, FolderHash.of(out.resolve("2026-10")));
    assertEquals(List.of(), hiddenEntries());
  }

  @Test
  void write_diskFull_exits73NamingFileAndReason() throws IOException {
    publishOld();
    Map<String, String> before = FolderHash.of(out.resolve("2026-10"));
    FileOps full = diskFullWriting("program-summary.pdf");
    PeriodFolder f = begin(full);
    JobFailure e =
        assertThrows(JobFailure.class, () -> write(f, "program-summary.pdf", "x".repeat(100)));
    f.abandon();
    assertEquals(ExitCode.CANNOT_WRITE, e.exitCode());
    assertTrue(
        e.getMessage().contains("program-summary.pdf: No space left on device"), e.getMessage());
    assertTrue(e.getMessage().contains("free space"), e.getMessage());
    assertEquals(before, FolderHash.of(out.resolve("2026-10")));
    assertEquals(List.of(), hiddenEntries());
  }

  @Test
  void commit_everyWrittenFile_flushedToDiskBeforeTheFirstRename() {
    // A slow disk: the flushes fall behind the writes, as on a network share.
    FaultyFileOps ops = new FaultyFileOps().slowSyncs(5);
    PeriodFolder f = begin(ops);
    List<String> files = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      files.add("p" + i + ".pdf");
      write(f, "patients/p" + i + ".pdf", "review " + i);
    }
    f.commit();
    List<String> done = ops.operations();
    int firstMove = done.indexOf(done.stream().filter(o -> o.startsWith("move")).findFirst().get());
    for (String file : files) {
      int synced = done.indexOf("sync " + file);
      assertTrue(synced >= 0 && synced < firstMove, file + " in " + done);
    }
  }

  @Test
  void commit_fileCannotBeFlushedToDisk_exits73NamingItAndMonthUnchanged() throws IOException {
    publishOld();
    Map<String, String> before = FolderHash.of(out.resolve("2026-10"));
    PeriodFolder f = begin(new FaultyFileOps().failSyncs(FaultyFileOps.named("x.pdf")));
    write(f, "a.csv", "new");
    write(f, "patients/x.pdf", "new");
    JobFailure e = assertThrows(JobFailure.class, f::commit);
    f.abandon();
    assertEquals(ExitCode.CANNOT_WRITE, e.exitCode());
    assertTrue(e.getMessage().contains("x.pdf: Input/output error"), e.getMessage());
    assertTrue(e.getMessage().contains("is unchanged"), e.getMessage());
    assertEquals(before, FolderHash.of(out.resolve("2026-10")));
    assertEquals(List.of(), hiddenEntries());
  }

  @Test
  void write_afterAFileCouldNotBeFlushed_failsNamingThatFile() {
    PeriodFolder f = begin(new FaultyFileOps().failSyncs(FaultyFileOps.named("x.pdf")));
    write(f, "patients/x.pdf", "new");
    assertThrows(JobFailure.class, f::commit);
    JobFailure e = assertThrows(JobFailure.class, () -> write(f, "patients/z.pdf", "new"));
    f.abandon();
    assertTrue(e.getMessage().contains("x.pdf: Input/output error"), e.getMessage());
  }

  @Test
  void write_uncheckedIoFromARenderer_exits73() {
    PeriodFolder f = begin(FileOps.SYSTEM);
    JobFailure e =
        assertThrows(
            JobFailure.class,
            () ->
                f.write(
                    "program-summary.pdf",
                    o -> {
                      throw new java.io.UncheckedIOException(
                          new IOException("No space left on device"));
                    }));
    f.abandon();
    assertEquals(ExitCode.CANNOT_WRITE, e.exitCode());
    assertTrue(e.getMessage().contains("No space left on device"), e.getMessage());
  }

  @Test
  void write_pathEscapingStaging_isRefused() {
    PeriodFolder f = begin(FileOps.SYSTEM);
    assertThrows(IllegalArgumentException.class, () -> write(f, "../../evil.pdf", "x"));
    f.abandon();
  }

  @Test
  void stop_beforeCommit_removesStagingAndSaysReportsUnchanged() throws IOException {
    publishOld();
    PeriodFolder f = begin(FileOps.SYSTEM);
    write(f, "a.csv", "half");
    try (StopGuard guard = StopGuard.install()) {
      guard.watch(f);
      assertEquals("stopped; published reports unchanged.", guard.stopLine());
    }
    assertEquals(List.of(), hiddenEntries());
    assertThrows(IllegalStateException.class, f::commit);
    assertEquals("old", Files.readString(out.resolve("2026-10/a.csv")));
  }

  @Test
  void stop_afterCommit_saysTheNewReportsAreInPlace() {
    PeriodFolder f = begin(FileOps.SYSTEM);
    write(f, "a.csv", "new");
    f.commit();
    try (StopGuard guard = StopGuard.install()) {
      guard.watch(f);
      assertTrue(guard.stopLine().startsWith("stopped after publishing "), guard.stopLine());
    }
    assertTrue(f.published(), "a stop now exits 0");
  }

  @Test
  void acquire_lockFileIsALink_exits73AndLeavesTheLinkTargetAlone() throws IOException {
    Path victim = Files.writeString(out.resolve("victim.txt"), "precious");
    Path sub = Files.createDirectories(out.resolve("output"));
    Files.createSymbolicLink(sub.resolve(OutputLock.FILE_NAME), victim);
    JobFailure e = assertThrows(JobFailure.class, () -> OutputLock.acquire(sub, "pid 1 test"));
    assertEquals(ExitCode.CANNOT_WRITE, e.exitCode());
    assertEquals("precious", Files.readString(victim));
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

  private static String mode(Path p) throws IOException {
    return java.nio.file.attribute.PosixFilePermissions.toString(
        Files.getPosixFilePermissions(p, java.nio.file.LinkOption.NOFOLLOW_LINKS));
  }

  @Test
  void begin_defaultModes_stagingAndMovedAsideFoldersAreOwnerAndGroupOnly() throws IOException {
    publishOld();
    List<String> asideModes = new java.util.ArrayList<>();
    FileOps watching =
        new FaultyFileOps() {
          @Override
          public void move(Path from, Path to) throws IOException {
            super.move(from, to);
            if (to.getFileName().toString().startsWith(".2026-10.old-")) {
              asideModes.add(mode(to));
            }
          }
        };
    PeriodFolder f = begin(watching);
    assertEquals("rwxr-x---", mode(f.staging()));
    write(f, "patients/y.pdf", "new");
    assertEquals("rwxr-x---", mode(f.staging().resolve("patients")));
    assertEquals("rw-r-----", mode(f.staging().resolve("patients/y.pdf")));
    f.commit();
    assertEquals(List.of("rwxr-x---"), asideModes);
    assertEquals("rw-r-----", mode(out.resolve("2026-10/patients/y.pdf")));
  }

  @Test
  void commit_outputFolderSetgid_periodFoldersKeepTheGroupBit() throws IOException {
    Files.setAttribute(out, "unix:mode", 02770);
    PeriodFolder f = begin(FileOps.SYSTEM);
    write(f, "patients/y.pdf", "new");
    f.commit();
    for (Path d : List.of(out.resolve("2026-10"), out.resolve("2026-10/patients"))) {
      int m = (Integer) Files.getAttribute(d, "unix:mode");
      assertEquals(02750, m & 07777, d + " " + Integer.toOctalString(m));
    }
  }

  @Test
  void begin_diskFullWritingTheMarker_nothingLeftAndMonthUnchanged() throws IOException {
    publishOld();
    Map<String, String> before = FolderHash.of(out.resolve("2026-10"));
    FileOps full = diskFullWriting(PeriodFolder.MARKER);

    JobFailure e = assertThrows(JobFailure.class, () -> begin(full));

    assertEquals(ExitCode.CANNOT_WRITE, e.exitCode());
    assertTrue(e.getMessage().contains("No space left on device"), e.getMessage());
    assertTrue(
        e.getMessage().contains("The published " + out.resolve("2026-10") + " is unchanged."),
        e.getMessage());
    // The marker was created before the write failed; the folder and it went at once.
    assertEquals(List.of(), hiddenEntries());
    assertEquals(before, FolderHash.of(out.resolve("2026-10")));
  }

  @Test
  void recover_emptyUnmarkedTemporaryFolder_isRemoved() throws IOException {
    // A run killed between creating its staging folder and writing the marker.
    Files.createDirectory(out.resolve(".2026-10.tmp-killed"));
    PeriodFolder.recover(out, "2026-10", FileOps.SYSTEM);
    assertEquals(List.of(), hiddenEntries());
  }

  @Test
  void stop_whileAnotherThreadWrites_waitsForItAndNothingIsRecreated() throws Exception {
    PeriodFolder f = begin(FileOps.SYSTEM);
    java.util.concurrent.CountDownLatch writing = new java.util.concurrent.CountDownLatch(1);
    Thread writer =
        new Thread(
            () -> {
              try {
                f.write(
                    "patients/slow.pdf",
                    o -> {
                      writing.countDown();
                      java.util.concurrent.locks.LockSupport.parkNanos(300_000_000L);
                      o.write(1);
                    });
                f.write("patients/next.pdf", o -> o.write(1));
              } catch (IllegalStateException stopped) {
                // refused: the folder was abandoned
              }
            });
    writer.start();
    writing.await();
    try (StopGuard guard = StopGuard.install()) {
      guard.watch(f);
      assertEquals("stopped; published reports unchanged.", guard.stopLine());
    }
    writer.join();
    assertEquals(List.of(), hiddenEntries());
    assertFalse(f.published());
  }
}
