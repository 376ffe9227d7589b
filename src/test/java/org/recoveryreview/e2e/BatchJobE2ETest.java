package org.recoveryreview.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the jar as a separate process, as an operator's scheduler does: kills it mid-render, runs
 * two at once, runs twice, changes one row, and feeds it bad configs.
 */
class BatchJobE2ETest {
  private static final String PERIOD = "2026-10";
  @TempDir static Path shared;
  static Path input;

  @BeforeAll
  static void generateInput() throws Exception {
    input = shared.resolve("input");
    int rc =
        JarRunner.run(
            shared.resolve("logs"),
            "generate",
            "generate",
            "--output",
            input.toString(),
            "--patients",
            "120",
            "--months",
            "4",
            "--end",
            PERIOD,
            "--seed",
            "11",
            "--quiet");
    assertEquals(0, rc, JarRunner.stderr(shared.resolve("logs"), "generate"));
  }

  private static String[] runArgs(Path in, Path out, String... extra) {
    List<String> a =
        new java.util.ArrayList<>(
            List.of(
                "run", "--input", in.toString(), "--output", out.toString(), "--period", PERIOD));
    a.addAll(List.of(extra));
    return a.toArray(String[]::new);
  }

  private static Set<String> hidden(Path out) throws IOException {
    Set<String> names = new TreeSet<>();
    try (Stream<Path> s = Files.list(out)) {
      s.map(p -> p.getFileName().toString())
          .filter(n -> n.startsWith("." + PERIOD))
          .forEach(names::add);
    }
    return names;
  }

  private static Map<String, String> withoutManifest(Map<String, String> h) {
    Map<String, String> m = new HashMap<>(h);
    m.remove("manifest.json");
    return m;
  }

  @Test
  void run_twice_givesIdenticalBytes(@TempDir Path tmp) throws Exception {
    Path a = tmp.resolve("a");
    Path b = tmp.resolve("b");
    assertEquals(
        0, JarRunner.run(tmp, "a", runArgs(input, a, "--jobs", "2")), JarRunner.stderr(tmp, "a"));
    assertEquals(
        0, JarRunner.run(tmp, "b", runArgs(input, b, "--jobs", "1")), JarRunner.stderr(tmp, "b"));
    Map<String, String> ha = JarRunner.hashes(a.resolve(PERIOD));
    Map<String, String> hb = JarRunner.hashes(b.resolve(PERIOD));
    assertTrue(
        ha.keySet().stream().filter(k -> k.endsWith(".pdf")).count() > 50, ha.keySet().toString());
    assertTrue(ha.containsKey("manifest.json"));
    assertEquals(withoutManifest(ha), withoutManifest(hb));
  }

  @Test
  void run_killedWhileRendering_leavesPreviousFolderAndRerunSucceeds(@TempDir Path tmp)
      throws Exception {
    Path out = tmp.resolve("out");
    assertEquals(0, JarRunner.run(tmp, "first", runArgs(input, out, "--jobs", "1")));
    Map<String, String> before = JarRunner.hashes(out.resolve(PERIOD));

    Process p = JarRunner.start(tmp, "killed", runArgs(input, out, "--jobs", "1"));
    boolean sawRendering = waitForStagedPdf(out, p);
    p.destroyForcibly();
    p.waitFor(30, TimeUnit.SECONDS);
    assertTrue(sawRendering, "the run finished before it could be killed mid-render");
    assertEquals(before, JarRunner.hashes(out.resolve(PERIOD)));

    assertEquals(
        0, JarRunner.run(tmp, "rerun", runArgs(input, out)), JarRunner.stderr(tmp, "rerun"));
    assertEquals(Set.of(), hidden(out));
    assertEquals(withoutManifest(before), withoutManifest(JarRunner.hashes(out.resolve(PERIOD))));
  }

  private static boolean waitForStagedPdf(Path out, Process p) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (System.nanoTime() < deadline && p.isAlive()) {
      for (String name : hidden(out)) {
        Path patients = out.resolve(name).resolve("patients");
        if (name.contains(".tmp-") && Files.isDirectory(patients)) {
          try (Stream<Path> s = Files.list(patients)) {
            if (s.count() >= 3) {
              return true;
            }
          } catch (IOException gone) {
            // the folder was swapped in between; look again
          }
        }
      }
      Thread.sleep(20);
    }
    return false;
  }

  @Test
  void run_twoAtOnce_secondExits75NamingTheFirst(@TempDir Path tmp) throws Exception {
    Path out = tmp.resolve("out");
    Process first = JarRunner.start(tmp, "first", runArgs(input, out, "--jobs", "1"));
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    Path lock = out.resolve(".recovery-review.lock");
    while (System.nanoTime() < deadline && !(Files.exists(lock) && Files.size(lock) > 0)) {
      Thread.sleep(20);
    }
    int second = JarRunner.run(tmp, "second", runArgs(input, out));
    assertTrue(first.waitFor(5, TimeUnit.MINUTES));
    assertEquals(0, first.exitValue(), JarRunner.stderr(tmp, "first"));
    assertEquals(75, second, JarRunner.stderr(tmp, "second"));
    String err = JarRunner.stderr(tmp, "second");
    assertTrue(err.contains("Another run holds the output lock"), err);
    assertTrue(err.contains("pid " + first.pid()), err);
    assertFalse(err.contains("\tat "), "no stack trace without --verbose: " + err);
  }

  @Test
  void run_oneRowChanged_onlyThatPatientAndSummariesChange(@TempDir Path tmp) throws Exception {
    Path in2 = tmp.resolve("in2");
    Files.createDirectories(in2);
    try (Stream<Path> s = Files.list(input)) {
      for (Path p : s.toList()) {
        Files.copy(p, in2.resolve(p.getFileName()));
      }
    }
    Path sessions = in2.resolve("sessions-" + PERIOD + ".csv");
    List<String> lines = Files.readAllLines(sessions, StandardCharsets.UTF_8);
    String patient = null;
    for (int i = 1; i < lines.size(); i++) {
      String[] f = lines.get(i).split(",", -1);
      if (f.length >= 9 && f[5].equals("completed") && f[3].equals("clinic")) {
        patient = f[1];
        f[5] = "missed";
        f[7] = "";
        lines.set(i, String.join(",", f));
        break;
      }
    }
    assertTrue(patient != null, "no completed clinic session in " + sessions);
    Files.write(sessions, lines, StandardCharsets.UTF_8);

    Path a = tmp.resolve("a");
    Path b = tmp.resolve("b");
    assertEquals(0, JarRunner.run(tmp, "a", runArgs(input, a)));
    assertEquals(0, JarRunner.run(tmp, "b", runArgs(in2, b)), JarRunner.stderr(tmp, "b"));
    Map<String, String> ha = JarRunner.hashes(a.resolve(PERIOD));
    Map<String, String> hb = JarRunner.hashes(b.resolve(PERIOD));
    assertEquals(ha.keySet(), hb.keySet());
    Set<String> changed = new TreeSet<>();
    for (String k : ha.keySet()) {
      if (!ha.get(k).equals(hb.get(k))) {
        changed.add(k);
      }
    }
    // The patient's family handout and their therapist's bundle (which holds the review) change
    // with the review; every other handout and bundle stays byte-identical.
    assertEquals(
        new TreeSet<>(
            Set.of(
                "patients/" + patient + ".pdf",
                "handouts/" + patient + ".pdf",
                "patient-metrics.csv",
                "program-metrics.csv",
                "program-summary.pdf",
                "manifest.json")),
        changed.stream()
            .filter(k -> !k.startsWith("therapists/"))
            .collect(java.util.stream.Collectors.toCollection(TreeSet::new)));
    assertEquals(
        1, changed.stream().filter(k -> k.startsWith("therapists/")).count(), changed.toString());
  }

  @Test
  void run_configWithUnknownKey_exits2AndWritesNothing(@TempDir Path tmp) throws Exception {
    Path cfg = tmp.resolve("bad.yaml");
    Files.writeString(cfg, "organisation: X\nadherence:\n  targte: 0.8\n");
    Path out = tmp.resolve("out");
    int rc = JarRunner.run(tmp, "bad", runArgs(input, out, "--config", cfg.toString()));
    String err = JarRunner.stderr(tmp, "bad");
    assertEquals(2, rc, err);
    assertTrue(err.contains("adherence.targte") && err.contains("line 3"), err);
    assertFalse(Files.exists(out.resolve(PERIOD)));
  }

  @Test
  void run_configWithImpossibleValue_exits2NamingKey(@TempDir Path tmp) throws Exception {
    Path cfg = tmp.resolve("bad.yaml");
    Files.writeString(cfg, "adherence:\n  target: 1.2\n");
    int rc =
        JarRunner.run(tmp, "bad", runArgs(input, tmp.resolve("out"), "--config", cfg.toString()));
    String err = JarRunner.stderr(tmp, "bad");
    assertEquals(2, rc, err);
    assertTrue(err.contains("adherence.target") && err.contains("from 0 to 1"), err);
    assertFalse(err.contains("\tat "), err);
  }

  @Test
  void run_selectivePatient_rewritesOnlyThatReport(@TempDir Path tmp) throws Exception {
    Path out = tmp.resolve("out");
    assertEquals(0, JarRunner.run(tmp, "full", runArgs(input, out)));
    Map<String, String> before = JarRunner.hashes(out.resolve(PERIOD));
    String pdf =
        before.keySet().stream()
            .filter(k -> k.startsWith("patients/"))
            .sorted()
            .findFirst()
            .orElseThrow();
    String id = pdf.substring("patients/".length(), pdf.length() - ".pdf".length());
    Path target = out.resolve(PERIOD).resolve(pdf);
    Files.writeString(target, "stale");
    assertEquals(
        0,
        JarRunner.run(tmp, "one", runArgs(input, out, "--patient", id)),
        JarRunner.stderr(tmp, "one"));
    Map<String, String> after = JarRunner.hashes(out.resolve(PERIOD));
    assertEquals(withoutManifest(before), withoutManifest(after));
    assertNotEquals(before.get("manifest.json"), after.get("manifest.json"));
    assertEquals(Set.of(), hidden(out));
  }

  private void stopMidRender_leavesPublishedFolderAndNoTemporary(
      Path tmp, String signal, int expectedCode) throws Exception {
    Path out = tmp.resolve("out");
    assertEquals(0, JarRunner.run(tmp, "first", runArgs(input, out, "--jobs", "1")));
    Map<String, String> before = JarRunner.hashes(out.resolve(PERIOD));
    Process p = JarRunner.start(tmp, "stopped", runArgs(input, out, "--jobs", "1"));
    boolean sawRendering = waitForStagedPdf(out, p);
    assertTrue(sawRendering, "the run finished before it could be stopped mid-render");
    Process kill =
        new ProcessBuilder("kill", "-" + signal, Long.toString(p.pid())).inheritIO().start();
    assertEquals(0, kill.waitFor());
    assertTrue(p.waitFor(60, TimeUnit.SECONDS));
    String err = JarRunner.stderr(tmp, "stopped");
    assertEquals(expectedCode, p.exitValue(), err);
    assertTrue(err.contains("WARN stopped; published reports unchanged."), err);
    assertFalse(err.contains("\tat "), err);
    assertFalse(err.contains("recovery-review: "), "no error line after the stop line: " + err);
    assertEquals(before, JarRunner.hashes(out.resolve(PERIOD)));
    assertEquals(Set.of(), hidden(out));
  }

  @Test
  void run_sigtermWhileRendering_logsOneLineRemovesTemporaryExits143(@TempDir Path tmp)
      throws Exception {
    stopMidRender_leavesPublishedFolderAndNoTemporary(tmp, "TERM", 143);
  }

  @Test
  void run_sigintWhileRendering_logsOneLineRemovesTemporaryExits130(@TempDir Path tmp)
      throws Exception {
    stopMidRender_leavesPublishedFolderAndNoTemporary(tmp, "INT", 130);
  }

  @Test
  void run_heapTooSmall_exits71NamingXmxWithoutStackTrace(@TempDir Path tmp) throws Exception {
    Path out = tmp.resolve("out");
    assertEquals(0, JarRunner.run(tmp, "first", runArgs(input, out, "--jobs", "1")));
    Map<String, String> before = JarRunner.hashes(out.resolve(PERIOD));
    int rc =
        JarRunner.run(tmp, "small", List.of("-Xmx24m"), Map.of(), runArgs(input, out, "--quiet"));
    String err = JarRunner.stderr(tmp, "small");
    assertEquals(71, rc, err);
    assertTrue(err.contains("-Xmx") && err.contains("docs/operations.md#sizing"), err);
    assertFalse(err.contains("\tat ") || err.contains("Exception in thread"), err);
    assertEquals(before, JarRunner.hashes(out.resolve(PERIOD)));
    // Cleaning up needs memory too: when the heap runs out again while the staging folder is
    // deleted, that folder (marked as this job's) stays behind, and the next run removes it.
    for (String left : hidden(out)) {
      assertTrue(left.startsWith("." + PERIOD + ".tmp-"), left);
      assertTrue(Files.exists(out.resolve(left).resolve(".recovery-review-temp")), left);
    }
    assertEquals(0, JarRunner.run(tmp, "after", runArgs(input, out, "--jobs", "1")));
    assertEquals(Set.of(), hidden(out));
  }

  @Test
  void run_nonAsciiPathUnderAsciiLocale_exits2NamingLangFix(@TempDir Path tmp) throws Exception {
    Path out = tmp.resolve("r\u00e9visions");
    Map<String, String> asciiLocale = Map.of("LANG", "C", "LC_ALL", "C");
    int rc = JarRunner.run(tmp, "ascii", List.of("-Xmx1g"), asciiLocale, runArgs(input, out));
    String err = JarRunner.stderr(tmp, "ascii");
    assertEquals(2, rc, err);
    assertTrue(err.contains("LANG=C.UTF-8"), err);
    assertFalse(err.contains("\tat "), err);
  }
}
