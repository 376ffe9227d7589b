package org.recoveryreview.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.recoveryreview.RunProcess;
import org.recoveryreview.publish.FolderHash;

/**
 * A short run (the sample on two cores) runs in a second JVM started with the short run's flags:
 * the jar's exit code, its stop on a signal and the published month behave as with one JVM, and the
 * second JVM never outlives the first. Two cores are set with {@code -XX:ActiveProcessorCount} so
 * that the test means the same on any machine.
 */
class SecondJvmE2ETest {

  // The jar starts a second JVM only on HotSpot (cli/JvmLauncher); the tests run it with their own.
  @BeforeAll
  static void onHotSpot() {
    String vm = System.getProperty("java.vm.name", "");
    assumeTrue(vm.contains("HotSpot") || vm.startsWith("OpenJDK"), vm);
  }

  private static final List<String> TWO_CORES = List.of("-Xmx1g", "-XX:ActiveProcessorCount=2");

  private static Process start(Path tmp, Path out, String name) throws Exception {
    return JarRunner.startSampleMonth(tmp, name, TWO_CORES, out, "--jobs", "1");
  }

  /**
   * A second JVM: a process whose command line carries the launcher's property. (The command alone
   * would not do: a process the run starts, such as fontconfig's fc-match, is a copy of the JVM for
   * an instant before it becomes that program.)
   */
  private static boolean isSecondJvm(ProcessHandle p) {
    return p.info()
        .arguments()
        .map(a -> Arrays.stream(a).anyMatch(x -> x.startsWith("-D" + RunProcess.LAUNCHED_BY + "=")))
        .orElse(false);
  }

  /** The second JVM once it has started rendering, as its log says. */
  private static ProcessHandle secondJvmRendering(Process first, Path tmp, String name)
      throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (true) {
      assertTrue(System.nanoTime() < deadline, "no second JVM rendering in 60 s");
      assertTrue(first.isAlive(), "the run ended first: " + JarRunner.stderr(tmp, name));
      Optional<ProcessHandle> second =
          first.children().filter(SecondJvmE2ETest::isSecondJvm).findFirst();
      if (second.isPresent() && JarRunner.stderr(tmp, name).contains("Rendered ")) {
        return second.get();
      }
      Thread.sleep(5);
    }
  }

  @Test
  void run_sampleOnTwoCores_secondJvmWithTheShortRunFlagsAndItsExitCode(@TempDir Path tmp)
      throws Exception {
    Path out = tmp.resolve("out");
    Process first = start(tmp, out, "short");
    ProcessHandle second = secondJvmRendering(first, tmp, "short");
    String command = String.join(" ", second.info().arguments().orElse(new String[0]));

    assertTrue(first.waitFor(120, TimeUnit.SECONDS));
    assertEquals(0, first.exitValue(), JarRunner.stderr(tmp, "short"));
    assertTrue(command.contains("-XX:TieredStopAtLevel=1"), command);
    assertTrue(command.contains("-XX:ActiveProcessorCount=2"), command);
    assertTrue(command.contains("-Drecoveryreview.launched-by=" + first.pid()), command);
    assertTrue(Files.isRegularFile(out.resolve("2026-10/manifest.json")));
    assertFalse(second.isAlive());
  }

  @Test
  void run_secondJvmRefused_singleJvmWithTheSameResult(@TempDir Path tmp) throws Exception {
    List<String> single =
        List.of("-Xmx1g", "-XX:ActiveProcessorCount=2", "-Drecoveryreview.launch=single");
    Process p =
        JarRunner.start(
            tmp, "single", single, Map.of(), "run", "--output", tmp.resolve("out").toString());
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    boolean sawChild = false;
    while (p.isAlive() && System.nanoTime() < deadline) {
      // The run starts other programs (fontconfig's fc-match), never a JVM.
      sawChild |= p.descendants().anyMatch(SecondJvmE2ETest::isSecondJvm);
      Thread.sleep(20);
    }
    assertTrue(p.waitFor(1, TimeUnit.SECONDS));
    assertEquals(0, p.exitValue(), JarRunner.stderr(tmp, "single"));
    assertFalse(sawChild);
  }

  @Test
  void run_sigtermToTheFirstJvm_passedOnOneStopSentenceMonthUnchanged(@TempDir Path tmp)
      throws Exception {
    Path out = tmp.resolve("out");
    Map<String, String> before = JarRunner.publishedMonth(out);
    Process first = start(tmp, out, "term");
    ProcessHandle second = secondJvmRendering(first, tmp, "term");

    Process kill = new ProcessBuilder("kill", "-TERM", Long.toString(first.pid())).start();
    assertEquals(0, kill.waitFor());
    assertTrue(first.waitFor(60, TimeUnit.SECONDS));

    String err = JarRunner.stderr(tmp, "term");
    assertEquals(143, first.exitValue(), err);
    assertEquals(1, err.lines().filter(l -> l.contains("stopped;")).count(), err);
    assertFalse(second.isAlive(), "the second JVM outlived the first");
    assertEquals(before, FolderHash.of(out.resolve("2026-10")));
  }

  @Test
  void run_firstJvmKilled_secondStopsByItselfMonthUnchanged(@TempDir Path tmp) throws Exception {
    Path out = tmp.resolve("out");
    Map<String, String> before = JarRunner.publishedMonth(out);
    Process first = start(tmp, out, "killed");
    ProcessHandle second = secondJvmRendering(first, tmp, "killed");

    first.destroyForcibly(); // SIGKILL: the first JVM cannot pass anything on
    assertTrue(first.waitFor(30, TimeUnit.SECONDS));
    second.onExit().get(60, TimeUnit.SECONDS); // a timeout here: it ran on without the first
    assertFalse(second.isAlive());

    String err = JarRunner.stderr(tmp, "killed");
    assertTrue(err.contains("stopped"), err);
    assertEquals(before, FolderHash.of(out.resolve("2026-10")));
    try (var left = Files.list(out)) {
      List<String> names = left.map(p -> p.getFileName().toString()).toList();
      assertTrue(names.stream().noneMatch(n -> n.contains(".tmp")), names::toString);
    }
  }
}
