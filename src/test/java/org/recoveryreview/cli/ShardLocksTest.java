package org.recoveryreview.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Shards of one run side by side on one shards folder: each under its own shard folder's lock, a
 * second process for the same index refused with 75, a merge refused while a shard is written.
 */
class ShardLocksTest {
  @TempDir Path dir;
  Path input;
  Path shards;
  Path output;

  @BeforeEach
  void setUp() throws IOException {
    input = dir.resolve("in");
    shards = dir.resolve("shards");
    output = dir.resolve("out");
    Files.createDirectories(input);
    Files.writeString(input.resolve("patients.csv"), MainTest.PATIENTS);
    Files.writeString(input.resolve("sessions.csv"), MainTest.SESSIONS);
    Files.writeString(input.resolve("assessments.csv"), MainTest.ASSESSMENTS);
  }

  private static int run(StringWriter err, String... args) {
    return Main.execute(
        args, new PrintWriter(new StringWriter(), true), new PrintWriter(err, true));
  }

  private int shard(StringWriter err, String shard) {
    return run(
        err,
        "run",
        "--input",
        input.toString(),
        "--output",
        shards.toString(),
        "--period",
        "2026-10",
        "--shard",
        shard,
        "--jobs",
        "1",
        "--quiet");
  }

  private int merge(StringWriter err) {
    return run(
        err,
        "merge",
        "--shards",
        shards.toString(),
        "--output",
        output.toString(),
        "--period",
        "2026-10",
        "--quiet");
  }

  /** Holds {@code name} in the shards folder as another process would, naming it the holder. */
  private static FileChannel holder(Path file) throws IOException {
    Files.createDirectories(file.getParent());
    FileChannel ch =
        FileChannel.open(
            file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
    ch.write(ByteBuffer.wrap("pid 4242 on pod-7".getBytes(StandardCharsets.UTF_8)), 0);
    return ch;
  }

  @Test
  void run_threeShardsAtOnce_allPublishAndMergeSucceeds() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(3);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<Integer>> codes = new ArrayList<>();
    List<StringWriter> errs = new ArrayList<>();
    try {
      for (int i = 0; i < 3; i++) {
        String spec = i + "/3";
        StringWriter err = new StringWriter();
        errs.add(err);
        codes.add(
            pool.submit(
                () -> {
                  go.await();
                  return shard(err, spec);
                }));
      }
      go.countDown();
      for (int i = 0; i < 3; i++) {
        assertEquals(0, codes.get(i).get(), errs.get(i).toString());
      }
    } finally {
      pool.shutdownNow();
    }
    for (int i = 0; i < 3; i++) {
      assertTrue(Files.isRegularFile(shards.resolve("2026-10.shard-" + i + "-of-3/shard.json")));
      assertTrue(Files.isRegularFile(shards.resolve(".2026-10.shard-" + i + "-of-3.lock")));
    }
    StringWriter err = new StringWriter();
    assertEquals(0, merge(err), err.toString());
    assertTrue(Files.isRegularFile(output.resolve("2026-10/program-summary.pdf")));
  }

  @Test
  void run_sameShardTwice_secondExits75NamingTheHolder() throws Exception {
    try (FileChannel ch = holder(shards.resolve(".2026-10.shard-1-of-2.lock"));
        FileLock held = ch.lock()) {
      StringWriter err = new StringWriter();
      assertEquals(75, shard(err, "1/2"));
      String e = err.toString();
      assertTrue(e.contains("pid 4242 on pod-7"), e);
      assertTrue(e.contains("2026-10.shard-1-of-2"), e);
      assertTrue(e.contains("started twice"), e);
      assertFalse(e.contains("\tat "), e);
      assertFalse(Files.exists(shards.resolve("2026-10.shard-1-of-2")));
      // Another index and a run holding the whole folder's lock do not stop shard 0.
      try (FileChannel whole = holder(shards.resolve(".recovery-review.lock"));
          FileLock alsoHeld = whole.lock()) {
        StringWriter err0 = new StringWriter();
        assertEquals(0, shard(err0, "0/2"), err0.toString());
      }
      assertTrue(held.isValid());
    }
  }

  @Test
  void merge_whileAShardIsWritten_exits75NamingTheShardFolder() throws Exception {
    StringWriter err = new StringWriter();
    assertEquals(0, shard(err, "0/2"), err.toString());
    assertEquals(0, shard(err, "1/2"), err.toString());
    try (FileChannel ch = holder(shards.resolve(".2026-10.shard-1-of-2.lock"));
        FileLock held = ch.lock()) {
      StringWriter mergeErr = new StringWriter();
      assertEquals(75, merge(mergeErr));
      String e = mergeErr.toString();
      assertTrue(e.contains("2026-10.shard-1-of-2 is still being written"), e);
      assertTrue(e.contains("pid 4242 on pod-7"), e);
      assertFalse(Files.exists(output.resolve("2026-10")));
    }
    StringWriter after = new StringWriter();
    assertEquals(0, merge(after), after.toString());
  }

  @Test
  void merge_aShardLeftAnUnfinishedWrite_exits65NamingTheShardToRerun() throws Exception {
    StringWriter err = new StringWriter();
    assertEquals(0, shard(err, "0/2"), err.toString());
    assertEquals(0, shard(err, "1/2"), err.toString());
    Path staging = shards.resolve(".2026-10.shard-1-of-2.tmp-1234");
    Files.createDirectories(staging);
    Files.writeString(staging.resolve(".recovery-review-temp"), "marker");
    StringWriter mergeErr = new StringWriter();
    assertEquals(65, merge(mergeErr));
    String e = mergeErr.toString();
    assertTrue(e.contains("unfinished write"), e);
    assertTrue(e.contains("run --shard 1/2"), e);
    assertFalse(Files.exists(output.resolve("2026-10")));
    // Re-running the shard clears what it left, and the merge goes through.
    assertEquals(0, shard(err, "1/2"), err.toString());
    assertFalse(Files.exists(staging));
    StringWriter after = new StringWriter();
    assertEquals(0, merge(after), after.toString());
  }
}
