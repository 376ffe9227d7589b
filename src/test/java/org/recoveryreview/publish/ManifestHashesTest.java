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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
}
