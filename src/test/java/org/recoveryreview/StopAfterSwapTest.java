package org.recoveryreview;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.recoveryreview.model.JobFailure;
import org.recoveryreview.model.Settings;
import org.recoveryreview.publish.FaultyFileOps;
import org.recoveryreview.publish.FileOps;
import org.recoveryreview.publish.FolderHash;

/**
 * A real SIGTERM to a separate JVM running the job, sent once the new month is swapped in while the
 * old one is still being removed: the run exits 0 and says the month is published (it once exited
 * 143). The job runs through {@link #main} so that the clean-up can be held at that instant through
 * the {@link FileOps} seam.
 */
class StopAfterSwapTest {
  @TempDir Path dir;

  /**
   * Runs the job on {@code args[0]} into {@code args[1]}; touches {@code args[2]} after the swap.
   */
  public static void main(String[] args) {
    Path flag = Path.of(args[2]);
    FileOps holdCleanUp =
        new FaultyFileOps() {
          @Override
          public void delete(Path path) throws IOException {
            if (path.toString().contains(".2026-10.old-")) {
              Files.writeString(flag, "swapped");
              LockSupport.parkNanos(TimeUnit.MINUTES.toNanos(2));
            }
            super.delete(path);
          }
        };
    try {
      new ReviewJob(
              options(Path.of(args[0]), Path.of(args[1])),
              CLOCK,
              ProgressListener.NONE,
              holdCleanUp)
          .run();
      System.exit(0);
    } catch (JobFailure e) {
      System.err.println("recovery-review: " + e.getMessage());
      System.exit(e.exitCode().code());
    }
  }

  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-15T00:00:00Z"), ZoneOffset.UTC);

  private static JobOptions options(Path input, Path output) {
    return new JobOptions(
        input, output, "2026-10", Settings.defaults(), List.of(), 2, 5.0, Optional.empty());
  }

  @Test
  void run_sigtermAfterTheSwap_exits0AndLogsThatTheMonthIsPublished() throws Exception {
    Path input = Files.createDirectories(dir.resolve("in"));
    Path output = dir.resolve("out");
    Files.writeString(input.resolve("patients.csv"), ReviewJobFaultTest.PATIENTS);
    Files.writeString(input.resolve("sessions.csv"), ReviewJobFaultTest.SESSIONS);
    new ReviewJob(options(input, output), CLOCK, ProgressListener.NONE).run();
    Map<String, String> old = FolderHash.of(output.resolve("2026-10"));
    Files.writeString(
        input.resolve("sessions.csv"),
        ReviewJobFaultTest.SESSIONS + "S9,P2,2026-10-20,home,task_practice,missed,30,,\n");

    Path flag = dir.resolve("swapped");
    ProcessBuilder pb =
        new ProcessBuilder(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-Xmx512m",
            "-cp",
            System.getProperty("java.class.path"),
            StopAfterSwapTest.class.getName(),
            input.toString(),
            output.toString(),
            flag.toString());
    pb.redirectOutput(dir.resolve("job.out").toFile());
    pb.redirectError(dir.resolve("job.err").toFile());
    Process job = pb.start();
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
    while (!Files.exists(flag) && job.isAlive() && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    assertTrue(Files.exists(flag), "the job never swapped: " + stderr());
    job.destroy(); // SIGTERM, as systemd or Kubernetes stop a job
    assertTrue(job.waitFor(1, TimeUnit.MINUTES), "the job did not stop");
    String err = stderr();
    assertEquals(0, job.exitValue(), err);
    assertTrue(err.contains("stopped after publishing " + output.resolve("2026-10")), err);

    Map<String, String> now = FolderHash.of(output.resolve("2026-10"));
    assertNotEquals(old, now);
    assertFalse(
        now.keySet().stream().anyMatch(k -> k.contains(".recovery-review")), now.toString());
    // The next run finishes the clean-up and leaves the new month as it is.
    Files.writeString(input.resolve("sessions.csv"), ReviewJobFaultTest.SESSIONS_HEADER);
    try {
      new ReviewJob(options(input, output), CLOCK, ProgressListener.NONE).run();
    } catch (JobFailure expected) {
      // No data: the run fails, after the clean-up.
    }
    assertEquals(now, FolderHash.of(output.resolve("2026-10")));
    try (Stream<Path> s = Files.list(output)) {
      assertEquals(
          List.of(),
          s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(".2026")).toList());
    }
  }

  private String stderr() throws IOException {
    Path err = dir.resolve("job.err");
    return Files.exists(err) ? Files.readString(err, StandardCharsets.UTF_8) : "";
  }
}
