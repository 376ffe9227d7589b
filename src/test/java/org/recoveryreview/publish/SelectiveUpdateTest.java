package org.recoveryreview.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.recoveryreview.model.ExitCode;
import org.recoveryreview.model.JobFailure;

class SelectiveUpdateTest {
  @TempDir Path root;
  Path out;
  Path elsewhere;

  @BeforeEach
  void setUp() throws IOException {
    out = Files.createDirectories(root.resolve("out"));
    elsewhere = Files.createDirectories(root.resolve("elsewhere"));
    Files.createDirectories(elsewhere.resolve("patients"));
    Files.writeString(elsewhere.resolve("patients/a.pdf"), "a1");
  }

  @Test
  void replace_swapsOneFileOnly() throws IOException {
    Path folder = Files.createDirectories(out.resolve("2026-10/patients"));
    Files.writeString(folder.resolve("a.pdf"), "a1");
    Files.writeString(folder.resolve("b.pdf"), "b1");
    SelectiveUpdate u = SelectiveUpdate.open(out, "2026-10", FileOps.SYSTEM);
    u.replace("patients/a.pdf", "a2".getBytes(StandardCharsets.UTF_8));
    assertEquals("a1", Files.readString(folder.resolve("a.pdf")), "nothing changes before commit");
    u.commit();
    assertEquals("a2", Files.readString(folder.resolve("a.pdf")));
    assertEquals("b1", Files.readString(folder.resolve("b.pdf")));
    try (Stream<Path> s = Files.list(folder)) {
      assertEquals(2, s.count());
    }
  }

  @Test
  void replace_noHardLinksAndASlowDisk_publishesTheNewContent() throws IOException {
    Path folder = Files.createDirectories(out.resolve("2026-10/patients"));
    Files.writeString(folder.resolve("a.pdf"), "a1");
    // A share without hard links, so the report is copied into the staging folder, and a disk
    // slow to flush, so the copy is deleted and written anew before its flush runs.
    FileOps ops = new FaultyFileOps().failLinks().slowSyncs(200);
    SelectiveUpdate u = SelectiveUpdate.open(out, "2026-10", ops);
    u.replace("patients/a.pdf", "a2".getBytes(StandardCharsets.UTF_8));
    u.commit();
    assertEquals("a2", Files.readString(folder.resolve("a.pdf")));
  }

  @Test
  void open_periodFolderIsALink_exits73AndTheLinkTargetIsUntouched() throws IOException {
    Files.createSymbolicLink(out.resolve("2026-10"), elsewhere);
    Map<String, String> before = FolderHash.of(elsewhere);
    JobFailure e =
        assertThrows(JobFailure.class, () -> SelectiveUpdate.open(out, "2026-10", FileOps.SYSTEM));
    assertEquals(ExitCode.CANNOT_WRITE, e.exitCode());
    assertTrue(e.getMessage().contains("is a symbolic link"), e.getMessage());
    assertEquals(before, FolderHash.of(elsewhere));
  }

  @Test
  void open_patientsFolderInsideIsALink_exits73() throws IOException {
    Files.createDirectories(out.resolve("2026-10"));
    Files.createSymbolicLink(out.resolve("2026-10/patients"), elsewhere.resolve("patients"));
    JobFailure e =
        assertThrows(JobFailure.class, () -> SelectiveUpdate.open(out, "2026-10", FileOps.SYSTEM));
    assertEquals(ExitCode.CANNOT_WRITE, e.exitCode());
    assertTrue(e.getMessage().contains(out.resolve("2026-10/patients").toString()), e.getMessage());
  }

  @Test
  void open_oneReportIsALink_exits73() throws IOException {
    Files.createDirectories(out.resolve("2026-10/patients"));
    Files.createSymbolicLink(
        out.resolve("2026-10/patients/a.pdf"), elsewhere.resolve("patients/a.pdf"));
    assertThrows(JobFailure.class, () -> SelectiveUpdate.open(out, "2026-10", FileOps.SYSTEM));
    assertEquals("a1", Files.readString(elsewhere.resolve("patients/a.pdf")));
  }

  @Test
  void open_periodIsAFile_exits73NotAFolder() throws IOException {
    Files.writeString(out.resolve("2026-10"), "x");
    JobFailure e =
        assertThrows(JobFailure.class, () -> SelectiveUpdate.open(out, "2026-10", FileOps.SYSTEM));
    assertEquals(ExitCode.CANNOT_WRITE, e.exitCode());
    assertTrue(e.getMessage().contains("not a folder"), e.getMessage());
  }

  @Test
  void replace_diskFull_exits73AndLeavesTheOldFileAndNoTemporary() throws IOException {
    Path folder = Files.createDirectories(out.resolve("2026-10/patients"));
    Files.writeString(folder.resolve("a.pdf"), "a1");
    Map<String, String> before = FolderHash.of(out.resolve("2026-10"));
    FileOps full =
        new FaultyFileOps()
            .failWrites(FaultyFileOps.named("a.pdf"), new IOException("No space left on device"));
    SelectiveUpdate u = SelectiveUpdate.open(out, "2026-10", full);
    JobFailure e =
        assertThrows(
            JobFailure.class,
            () -> u.replace("patients/a.pdf", "a2".getBytes(StandardCharsets.UTF_8)));
    u.abandon();
    assertEquals(ExitCode.CANNOT_WRITE, e.exitCode());
    assertTrue(e.getMessage().contains("a.pdf: No space left on device"), e.getMessage());
    assertTrue(e.getMessage().contains("is unchanged"), e.getMessage());
    assertEquals(before, FolderHash.of(out.resolve("2026-10")));
    try (Stream<Path> s = Files.list(out)) {
      assertEquals(List.of("2026-10"), s.map(p -> p.getFileName().toString()).toList());
    }
  }
}
