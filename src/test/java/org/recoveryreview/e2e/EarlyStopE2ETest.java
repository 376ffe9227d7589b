package org.recoveryreview.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.recoveryreview.publish.FolderHash;

/**
 * A signal in the first moments of a run, before the run's own stop guard exists (JVM start-up,
 * option parsing): the jar still prints its one stop sentence and leaves the published month alone.
 */
class EarlyStopE2ETest {

  /** Starts a run and sends {@code signal} as soon as the command line starts parsing. */
  private static void stopDuringStartUp(Path tmp, String signal, int expected) throws Exception {
    Path out = tmp.resolve("out");
    Map<String, String> before = JarRunner.publishedMonth(out);
    Path classes = tmp.resolve("classes.log");
    Process p =
        JarRunner.startSampleMonth(
            tmp, "early", List.of("-Xmx1g", "-Xlog:class+load=info:file=" + classes), out);
    // picocli is loaded only after main registered its hook: from then on, a stop must be said.
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (!(Files.exists(classes) && Files.readString(classes).contains("picocli.CommandLine "))) {
      assertTrue(System.nanoTime() < deadline, "the jar did not start parsing in 60 s");
      assertTrue(p.isAlive(), "the run ended before it could be stopped");
      Thread.sleep(2);
    }
    Process kill =
        new ProcessBuilder("kill", "-" + signal, Long.toString(p.pid())).inheritIO().start();
    assertEquals(0, kill.waitFor());
    assertTrue(p.waitFor(60, TimeUnit.SECONDS));
    String err = JarRunner.stderr(tmp, "early");
    assertEquals(expected, p.exitValue(), err);
    assertTrue(err.contains("stopped; published reports unchanged."), err);
    assertEquals(1, err.lines().filter(l -> l.contains("stopped;")).count(), err);
    assertFalse(err.contains("\tat "), err);
    assertEquals(before, FolderHash.of(out.resolve("2026-10")));
  }

  @Test
  void run_sigtermWhileParsingOptions_printsTheStopSentenceAndExits143(@TempDir Path tmp)
      throws Exception {
    stopDuringStartUp(tmp, "TERM", 143);
  }

  @Test
  void run_sigintWhileParsingOptions_printsTheStopSentenceAndExits130(@TempDir Path tmp)
      throws Exception {
    stopDuringStartUp(tmp, "INT", 130);
  }

  @Test
  void version_exitsNormally_printsNoStopSentence(@TempDir Path tmp) throws Exception {
    assertEquals(0, JarRunner.run(tmp, "version", "--version"));
    assertEquals("", JarRunner.stderr(tmp, "version"));
  }
}
