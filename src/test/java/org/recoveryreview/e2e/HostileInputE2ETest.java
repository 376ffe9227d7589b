package org.recoveryreview.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile or broken exports beside a published review, run as the scheduler runs the jar: each ends
 * with its documented exit code, one sentence and no stack trace, and the published folder keeps
 * every byte.
 */
class HostileInputE2ETest {
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
    published = JarRunner.hashes(out.resolve(PERIOD));
    assertFalse(published.isEmpty());
  }

  private static String[] args(Path input, String... extra) {
    List<String> a =
        new java.util.ArrayList<>(
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

  /** Exit code and stderr of a failing run; asserts the published folder did not change. */
  private static String fails(Path tmp, int expected, String... args) throws Exception {
    int rc = JarRunner.run(tmp, "bad", args);
    String err = JarRunner.stderr(tmp, "bad");
    assertEquals(expected, rc, err);
    assertFalse(err.contains("\tat "), "stack trace without --verbose: " + err);
    assertFalse(err.contains("Exception"), err);
    assertEquals(published, JarRunner.hashes(out.resolve(PERIOD)));
    return err;
  }

  @Test
  void run_monthlyExportIsDanglingLink_exits66AndPublishesNothing(@TempDir Path tmp)
      throws Exception {
    Path in = copySampleData(tmp.resolve("in"));
    Files.delete(in.resolve("sessions-2026-10.csv"));
    Files.createSymbolicLink(
        in.resolve("sessions-2026-10.csv"), Path.of("/mnt/unmounted/sessions-2026-10.csv"));
    String err = fails(tmp, 66, args(in));
    assertTrue(err.contains("sessions-2026-10.csv is a symbolic link"), err);
  }

  @Test
  void run_unclosedQuoteBeforeMegabytesOfText_exits65NamingStartLine(@TempDir Path tmp)
      throws Exception {
    Path in = copySampleData(tmp.resolve("in"));
    try (Writer w =
        Files.newBufferedWriter(in.resolve("sessions-2026-10.csv"), StandardCharsets.UTF_8)) {
      w.write("session_id,patient_id,date,setting,therapy,status,planned_minutes\n");
      w.write("X1,P00001,2026-10-01,clinic,massage,completed,30\n");
      w.write("X2,P00001,2026-10-02,clinic,\"massage,completed,30\n");
      for (int i = 0; i < 40_000; i++) {
        w.write("lorem ipsum dolor sit amet, consectetur adipiscing elit\n");
      }
    }
    String err = fails(tmp, 65, args(in));
    assertTrue(err.contains("the record starting on line 3 is longer than"), err);
  }

  @Test
  void run_configOverOneMebibyte_exits2(@TempDir Path tmp) throws Exception {
    Path config = tmp.resolve("big.yaml");
    Files.writeString(config, "organisation: X\n" + "#\n".repeat(600_000));
    String err = fails(tmp, 2, args(Path.of("sample-data"), "--config", config.toString()));
    assertTrue(err.contains("larger than 1 MiB"), err);
  }
}
