package org.recoveryreview.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.recoveryreview.publish.FolderHash;

/**
 * A month's sessions export missing or misnamed beside a published review, run as the scheduler
 * runs the jar: the run refuses with 65 naming the likely file and leaves the published month byte
 * for byte, unless the operator allows it.
 */
class MissingExportE2ETest {
  private static final String PERIOD = "2026-10";
  @TempDir static Path shared;
  static Path out;
  static Map<String, String> published;

  @BeforeAll
  static void publishGoodReview() throws Exception {
    out = shared.resolve("out");
    Path good = copySampleData(shared.resolve("good"));
    int rc = JarRunner.run(shared, "good", args(good, "--quiet"));
    assertEquals(0, rc, JarRunner.stderr(shared, "good"));
    published = FolderHash.of(out.resolve(PERIOD));
    assertFalse(published.isEmpty());
  }

  private static String[] args(Path input, String... extra) {
    List<String> a =
        new ArrayList<>(
            List.of(
                "run",
                "--input",
                input.toString(),
                "--output",
                out.toString(),
                "--period",
                PERIOD));
    a.addAll(List.of(extra));
    return a.toArray(String[]::new);
  }

  private static Path copySampleData(Path to) throws IOException {
    Files.createDirectories(to);
    try (Stream<Path> s = Files.list(Path.of("sample-data"))) {
      for (Path p : s.filter(p -> p.toString().endsWith(".csv")).toList()) {
        Files.copy(p, to.resolve(p.getFileName()));
      }
    }
    return to;
  }

  private static String refused(Path tmp, Path in) throws Exception {
    int rc = JarRunner.run(tmp, "bad", args(in));
    String err = JarRunner.stderr(tmp, "bad");
    assertEquals(65, rc, err);
    assertFalse(err.contains("\tat "), "stack trace without --verbose: " + err);
    assertEquals(published, FolderHash.of(out.resolve(PERIOD)));
    assertTrue(err.contains("no sessions-2026-10.csv?"), err);
    assertTrue(err.contains("sessions-2026-09.csv"), err);
    assertTrue(err.contains("--allow-fewer-sessions"), err);
    return err;
  }

  @Test
  void run_monthsSessionsExportMovedAway_exits65AndKeepsThePublishedMonth(@TempDir Path tmp)
      throws Exception {
    Path in = copySampleData(tmp.resolve("in"));
    Files.delete(in.resolve("sessions-2026-10.csv"));
    String err = refused(tmp, in);
    assertTrue(err.contains("2026-10 has 28 assessment rows but no session row"), err);
  }

  @Test
  void run_monthsSessionsExportMisnamed_exits65NamingTheUnreadFile(@TempDir Path tmp)
      throws Exception {
    Path in = copySampleData(tmp.resolve("in"));
    Files.move(in.resolve("sessions-2026-10.csv"), in.resolve("session-2026-10.csv"));
    String err = refused(tmp, in);
    assertTrue(err.contains("not read"), err);
    assertTrue(err.contains("session-2026-10.csv"), err);
  }
}
