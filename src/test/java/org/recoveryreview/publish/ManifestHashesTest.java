package org.recoveryreview.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.recoveryreview.model.RunStats;

/** The output files' SHA-256 as the manifest lists them, worked out on several threads. */
class ManifestHashesTest {
  @TempDir Path dir;

  @Test
  void sha256_manyFilesOnThreeThreads_eachFileItsOwnHashInListOrder() throws IOException {
    List<Path> files = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      Path f = dir.resolve("f" + i + ".txt");
      // Sizes from empty to several read buffers, so threads finish out of order.
      Files.writeString(f, "x".repeat(i * i * 97) + i, StandardCharsets.UTF_8);
      files.add(f);
    }
    List<String> hashes = Manifest.sha256(files, 3);
    assertEquals(files.size(), hashes.size());
    for (int i = 0; i < files.size(); i++) {
      assertEquals(Manifest.sha256(files.get(i)), hashes.get(i), files.get(i).toString());
    }
    // A known value: SHA-256 of "x" * 0 + "0".
    assertEquals("5feceb66ffc86f38d952786c6d696c79c2dbc239dd4e91b46729d73a27fb57e9", hashes.get(0));
  }

  @Test
  void sha256_fileGoneBeforeHashing_throwsTheIoExceptionItself() throws IOException {
    Path here = dir.resolve("here.txt");
    Files.writeString(here, "a", StandardCharsets.UTF_8);
    Path gone = dir.resolve("gone.txt");
    // Not a wrapper: the folder's write turns an IOException into exit 73 naming the manifest.
    NoSuchFileException e =
        assertThrows(NoSuchFileException.class, () -> Manifest.sha256(List.of(here, gone), 2));
    assertEquals(gone.toString(), e.getFile());
  }

  @Test
  void sha256_noFiles_emptyList() throws IOException {
    assertEquals(List.of(), Manifest.sha256(List.of(), 2));
  }

  @Test
  void sha256_fileTheWriterRecorded_takesTheRecordedHashWithoutReadingIt() throws IOException {
    Path read = dir.resolve("patients/read.pdf");
    Files.createDirectories(read.getParent());
    Files.writeString(read, "on disk", StandardCharsets.UTF_8);
    // Not on disk at all: reading it would throw, so the recorded hash must be taken as it is.
    Path recorded = dir.resolve("patients/recorded.pdf");
    List<String> hashes =
        Manifest.sha256(dir, List.of(read, recorded), Map.of("patients/recorded.pdf", "abc123"), 2);
    assertEquals(List.of(Manifest.sha256(read), "abc123"), hashes);
  }

  @Test
  void writeManifest_writtenReplacedCopiedAndLinkedFiles_listTheSha256OfTheBytesOnDisk()
      throws IOException {
    Path out = dir.resolve("out");
    PeriodFolder old = PeriodFolder.begin(out, "2026-10", FileOps.SYSTEM);
    old.write("patients/kept.pdf", o -> o.write(bytes(3, 'k')));
    old.write("patients/replaced.pdf", o -> o.write(bytes(5, 'r')));
    old.commit();
    PeriodFolder f = PeriodFolder.begin(out, "2026-10", FileOps.SYSTEM);
    f.stageCopyOf(old.target()); // links, which the run did not write
    f.replace("patients/replaced.pdf", bytes(70_000, 'n'));
    // Larger than the write buffer, written in pieces, and empty.
    f.write(
        "handouts/large.pdf",
        o -> {
          for (int i = 0; i < 7; i++) {
            o.write(bytes(30_001, (char) ('a' + i)));
          }
        });
    f.write("data-issues.csv", o -> {});
    f.writeManifest(ManifestStageSecondsTest.runInfo(RunStats.none()));
    Map<String, Object> manifest = Manifest.read(f.staging().resolve(Manifest.FILE_NAME));
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> outputs = (List<Map<String, Object>>) manifest.get("outputs");
    List<String> names = new ArrayList<>();
    for (Map<String, Object> o : outputs) {
      String name = String.valueOf(o.get("file"));
      names.add(name);
      assertEquals(Manifest.sha256(f.staging().resolve(name)), o.get("sha256"), name);
    }
    assertEquals(
        List.of(
            "data-issues.csv", "handouts/large.pdf", "patients/kept.pdf", "patients/replaced.pdf"),
        names);
  }

  private static byte[] bytes(int n, char c) {
    byte[] b = new byte[n];
    for (int i = 0; i < n; i++) {
      b[i] = (byte) (c + i % 7);
    }
    return b;
  }
}
