package org.recoveryreview.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.recoveryreview.publish.PublishedFiles;

/**
 * A partitioned run as the Kubernetes Indexed Job does it: three {@code run --shard i/3} processes
 * started at the same time on one shards folder and a {@code merge}, against a single {@code run}
 * of the same messy input.
 */
class ShardMergeE2ETest {
  private static final String PERIOD = "2026-10";
  @TempDir static Path shared;
  static Path input;
  static Path logs;
  static Path shards;
  static Path single;
  static Path merged;

  @BeforeAll
  static void runSingleShardsAndMerge() throws Exception {
    logs = shared.resolve("logs");
    input = shared.resolve("input");
    ok(
        "generate",
        "generate",
        "--output",
        input.toString(),
        "--patients",
        "60",
        "--months",
        "3",
        "--end",
        PERIOD,
        "--seed",
        "5",
        "--messy",
        "--quiet");
    single = shared.resolve("single");
    ok("single", run(input, single));
    shards = shared.resolve("shards");
    // The three shards start at the same time, as the Indexed Job and xargs -P start them.
    List<Process> running = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      running.add(
          JarRunner.start(
              logs, "shard" + i, run(input, shards, "--shard", i + "/3", "--jobs", "1")));
    }
    for (int i = 0; i < 3; i++) {
      Process p = running.get(i);
      if (!p.waitFor(5, java.util.concurrent.TimeUnit.MINUTES)) {
        p.destroyForcibly();
      }
      assertEquals(0, p.exitValue(), JarRunner.stderr(logs, "shard" + i));
    }
    merged = shared.resolve("merged");
    // The merge never reads the input: it is gone while the merge runs.
    Path away = shared.resolve("input-moved-away");
    Files.move(input, away);
    try {
      ok("merge", merge(shards, merged));
    } finally {
      Files.move(away, input);
    }
  }

  private static void ok(String name, String... args) throws Exception {
    assertEquals(0, JarRunner.run(logs, name, args), JarRunner.stderr(logs, name));
  }

  private static String[] run(Path in, Path out, String... extra) {
    List<String> a =
        new ArrayList<>(
            List.of(
                "run", "--input", in.toString(), "--output", out.toString(), "--period", PERIOD));
    a.addAll(List.of(extra));
    a.add("--quiet");
    return a.toArray(String[]::new);
  }

  private static String[] merge(Path shardDir, Path out) {
    return new String[] {
      "merge", "--shards", shardDir.toString(), "--output", out.toString(), "--period", PERIOD
    };
  }

  @Test
  void merge_threeShards_everyFileByteIdenticalToSingleRunExceptManifest() throws Exception {
    Map<String, String> a = new HashMap<>(JarRunner.hashes(single.resolve(PERIOD)));
    Map<String, String> b = new HashMap<>(JarRunner.hashes(merged.resolve(PERIOD)));
    assertTrue(a.remove("manifest.json") != null && b.remove("manifest.json") != null);
    assertTrue(
        a.keySet().stream().filter(k -> k.startsWith("patients/")).count() > 40,
        a.keySet().toString());
    assertTrue(
        a.keySet().stream().anyMatch(k -> k.startsWith("therapists/")), a.keySet().toString());
    assertTrue(a.keySet().stream().anyMatch(k -> k.startsWith("handouts/")), a.keySet().toString());
    assertEquals(a.keySet(), b.keySet());
    for (String k : a.keySet()) {
      assertEquals(a.get(k), b.get(k), k);
    }
    // The merged manifest lists the same outputs with the same hashes.
    assertEquals(
        PublishedFiles.outputHashes(single.resolve(PERIOD)),
        PublishedFiles.outputHashes(merged.resolve(PERIOD)));
  }

  @Test
  void shards_splitPatientsWithoutOverlapAndEachPublishedAtomically() throws Exception {
    List<String> all = patientIds(single.resolve(PERIOD).resolve("patient-metrics.csv"));
    List<String> fromShards = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      Path folder = shards.resolve(PERIOD + ".shard-" + i + "-of-3");
      assertTrue(Files.isRegularFile(folder.resolve("shard.json")), folder.toString());
      assertTrue(Files.isRegularFile(folder.resolve("manifest.json")), folder.toString());
      List<String> ids = patientIds(folder.resolve("patient-metrics.csv"));
      assertFalse(ids.isEmpty(), "shard " + i + " is empty");
      fromShards.addAll(ids);
    }
    assertEquals(all.size(), fromShards.size());
    assertEquals(new java.util.TreeSet<>(all), new java.util.TreeSet<>(fromShards));
    try (Stream<Path> s = Files.list(shards)) {
      // No temporary folder is left; only each shard folder's own lock file is hidden.
      assertEquals(
          List.of(
              ".2026-10.shard-0-of-3.lock",
              ".2026-10.shard-1-of-3.lock",
              ".2026-10.shard-2-of-3.lock"),
          s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(".")).sorted().toList());
    }
  }

  @Test
  void merge_accountingInvariantPerFile_rowsReadEqualUsedPlusListed() throws Exception {
    Path folder = merged.resolve(PERIOD);
    Map<String, Long> listed = new HashMap<>();
    for (CSVRecord r : records(folder.resolve("data-issues.csv"))) {
      listed.merge(r.get("file"), 1L, Long::sum);
    }
    assertFalse(listed.isEmpty(), "the messy input sets rows aside");
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> inputs =
        (List<Map<String, Object>>)
            PublishedFiles.readManifest(folder.resolve("manifest.json")).get("inputs");
    assertFalse(inputs.isEmpty());
    for (Map<String, Object> f : inputs) {
      long read = ((Number) f.get("rows_read")).longValue();
      long used = ((Number) f.get("rows_used")).longValue();
      assertEquals(read, used + listed.getOrDefault((String) f.get("file"), 0L), f.toString());
    }
  }

  @Test
  void merge_shardMissing_exits65NamingItAndPublishesNothing(@TempDir Path tmp) throws Exception {
    Path partial = tmp.resolve("shards");
    for (int i : new int[] {0, 2}) {
      copyTree(
          shards.resolve(PERIOD + ".shard-" + i + "-of-3"),
          partial.resolve(PERIOD + ".shard-" + i + "-of-3"));
    }
    Path out = tmp.resolve("out");
    assertEquals(65, JarRunner.run(tmp, "merge", merge(partial, out)));
    String err = JarRunner.stderr(tmp, "merge");
    assertTrue(err.contains("shard 1/3 is missing"), err);
    assertTrue(err.contains("nothing was published"), err);
    assertNothingPublished(out);
  }

  @Test
  void merge_shardsOfDifferentInputs_exits65NamingTheFileAndPublishesNothing(@TempDir Path tmp)
      throws Exception {
    Path other = tmp.resolve("input");
    copyTree(input, other);
    // The last assessment exported twice: another file (SHA-256) with the same figures.
    Path assessments = other.resolve("assessments.csv");
    List<String> lines = Files.readAllLines(assessments, StandardCharsets.UTF_8);
    Files.writeString(
        assessments,
        lines.get(lines.size() - 1) + "\n",
        StandardCharsets.UTF_8,
        java.nio.file.StandardOpenOption.APPEND);
    Path mixed = tmp.resolve("shards");
    for (int i : new int[] {0, 1}) {
      copyTree(
          shards.resolve(PERIOD + ".shard-" + i + "-of-3"),
          mixed.resolve(PERIOD + ".shard-" + i + "-of-3"));
    }
    assertEquals(
        0,
        JarRunner.run(tmp, "shard2", run(other, mixed, "--shard", "2/3")),
        JarRunner.stderr(tmp, "shard2"));
    Path out = tmp.resolve("out");
    assertEquals(65, JarRunner.run(tmp, "merge", merge(mixed, out)));
    String err = JarRunner.stderr(tmp, "merge");
    assertTrue(err.contains("shard 2/3"), err);
    assertTrue(err.contains("assessments.csv has other content"), err);
    assertNothingPublished(out);
  }

  @Test
  void merge_aShardFileAltered_exits65AndPreviousFolderStays(@TempDir Path tmp) throws Exception {
    Path copy = tmp.resolve("shards");
    copyTree(shards, copy);
    Path out = tmp.resolve("out");
    copyTree(single, out);
    Map<String, String> before = JarRunner.hashes(out.resolve(PERIOD));
    Path anyReview;
    try (Stream<Path> s = Files.list(copy.resolve(PERIOD + ".shard-1-of-3/patients"))) {
      anyReview = s.findFirst().orElseThrow();
    }
    Files.write(anyReview, new byte[] {'%', 'P', 'D', 'F'});
    assertEquals(65, JarRunner.run(tmp, "merge", merge(copy, out)));
    String err = JarRunner.stderr(tmp, "merge");
    assertTrue(err.contains("does not match the SHA-256 in its manifest"), err);
    assertEquals(before, JarRunner.hashes(out.resolve(PERIOD)));
  }

  private static void assertNothingPublished(Path out) throws IOException {
    assertFalse(Files.exists(out.resolve(PERIOD)), "a period folder was published");
    if (Files.isDirectory(out)) {
      try (Stream<Path> s = Files.list(out)) {
        List<String> left =
            s.map(p -> p.getFileName().toString())
                .filter(n -> !n.equals(".recovery-review.lock"))
                .toList();
        assertEquals(List.of(), left);
      }
    }
  }

  private static List<String> patientIds(Path csv) throws IOException {
    return records(csv).stream().map(r -> r.get("patient_id")).toList();
  }

  private static List<CSVRecord> records(Path csv) throws IOException {
    try (CSVParser p =
        CSVParser.parse(
            csv,
            StandardCharsets.UTF_8,
            CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get())) {
      return p.getRecords();
    }
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> s = Files.walk(from)) {
      for (Path p : s.toList()) {
        Path t = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(t);
        } else {
          Files.copy(p, t);
        }
      }
    }
  }
}
