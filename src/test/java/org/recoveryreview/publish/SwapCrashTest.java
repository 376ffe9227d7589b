package org.recoveryreview.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A {@code kill -9} at every file-system step of a swap (full and selective), and again at every
 * step of the recovery that follows: the next run always finds exactly the old month or exactly the
 * new one, and no leftover.
 */
class SwapCrashTest {
  private static final String PERIOD = "2026-10";
  @TempDir Path root;

  /** Publishes an old month in {@code out} with the real file system. */
  private static void publishOld(Path out) {
    PeriodFolder f = PeriodFolder.begin(out, PERIOD, CrashingFileOps.NO_SYNC);
    write(f, "a.csv", "old");
    write(f, "patients/P1.pdf", "old P1");
    write(f, "patients/P2.pdf", "old P2");
    f.commit();
  }

  private static void write(PeriodFolder f, String name, String text) {
    f.write(name, o -> o.write(text.getBytes(StandardCharsets.UTF_8)));
  }

  /** A full run's new month, staged in {@code out} through {@code ops}. */
  private static PeriodFolder stageNew(Path out, FileOps ops) {
    PeriodFolder f = PeriodFolder.begin(out, PERIOD, ops);
    write(f, "a.csv", "new");
    write(f, "patients/P1.pdf", "new P1");
    write(f, "handouts/P1.pdf", "new handout");
    return f;
  }

  private static List<String> leftovers(Path out) throws IOException {
    try (Stream<Path> s = Files.list(out)) {
      return s.map(p -> p.getFileName().toString())
          .filter(n -> n.startsWith(".") && !n.equals(OutputLock.FILE_NAME))
          .toList();
    }
  }

  @FunctionalInterface
  private interface Swap {
    /** Stages a new month in {@code out} through {@code ops} and returns its commit. */
    Runnable stage(Path out, CrashingFileOps ops);
  }

  /**
   * For every step k of the swap and every step j of the recovery after it: crash the swap before
   * step k, crash the recovery before step j, recover again without a crash; the month is then the
   * old or the new one byte for byte, and nothing is left beside it.
   */
  private void everyCrashPoint(boolean hadOld, boolean crashRecoveryToo, Swap swap)
      throws IOException {
    Map<String, String> old = null;
    Map<String, String> fresh = null;
    int oldSeen = 0;
    int newSeen = 0;
    for (int k = 0; ; k++) {
      boolean swapCrashed = false;
      for (int j = 0; ; j++) {
        Path out = Files.createDirectories(root.resolve("k" + k + "-j" + j));
        if (hadOld) {
          publishOld(out);
          old = FolderHash.of(out.resolve(PERIOD));
        }
        CrashingFileOps ops = new CrashingFileOps();
        Runnable commit = swap.stage(out, ops);
        ops.crashAfter(k);
        try {
          commit.run();
        } catch (CrashingFileOps.Crash expected) {
          swapCrashed = true;
        }
        if (!swapCrashed) {
          fresh = FolderHash.of(out.resolve(PERIOD));
          break;
        }
        CrashingFileOps recovery = new CrashingFileOps().crashAfter(crashRecoveryToo ? j : -1);
        boolean recoveryCrashed = false;
        try {
          PeriodFolder.recoverAll(out, label -> true, recovery);
        } catch (CrashingFileOps.Crash expected) {
          recoveryCrashed = true;
        }
        // And the run after that, which nothing stops.
        PeriodFolder.recoverAll(out, label -> true, CrashingFileOps.NO_SYNC);
        assertEquals(List.of(), leftovers(out), "crash at swap step " + k + ", recovery step " + j);
        Map<String, String> now = FolderHash.of(out.resolve(PERIOD));
        if (now.equals(old)) {
          oldSeen++;
        } else if (!now.isEmpty() || hadOld) {
          newSeen++;
          now.forEach((file, hash) -> assertTrue(!file.contains(".recovery"), file));
          assertTrue(now.containsKey("handouts"), "neither the old nor the new month: " + now);
        }
        if (!recoveryCrashed) {
          break;
        }
        if (j > 200) {
          fail("recovery never finishes");
        }
      }
      if (!swapCrashed) {
        break;
      }
    }
    assertTrue(fresh != null && fresh.containsKey("handouts"), String.valueOf(fresh));
    if (hadOld) {
      assertTrue(oldSeen > 0 && newSeen > 0, oldSeen + " old, " + newSeen + " new");
    }
  }

  @Test
  void commit_killedAtEveryStepThenRecovered_leavesOldOrNewMonthExactly() throws IOException {
    everyCrashPoint(
        true,
        true,
        (out, ops) -> {
          PeriodFolder f = stageNew(out, ops);
          return f::commit;
        });
  }

  @Test
  void commit_firstPublishKilledAtEveryStep_leavesNothingOrTheNewMonth() throws IOException {
    everyCrashPoint(
        false,
        false,
        (out, ops) -> {
          PeriodFolder f = stageNew(out, ops);
          return f::commit;
        });
  }

  @Test
  void selectiveCommit_killedAtEveryStepThenRecovered_leavesOldOrNewMonthExactly()
      throws IOException {
    everyCrashPoint(
        true,
        false,
        (out, ops) -> {
          SelectiveUpdate u = SelectiveUpdate.open(out, PERIOD, ops);
          u.replace("patients/P1.pdf", "new P1".getBytes(StandardCharsets.UTF_8));
          u.replace("handouts/P1.pdf", "new handout".getBytes(StandardCharsets.UTF_8));
          return u::commit;
        });
  }

  @Test
  void commit_killedAfterTheOldFolderMovedAside_nextRecoveryRestoresIt() throws IOException {
    Path out = Files.createDirectories(root.resolve("aside"));
    publishOld(out);
    Map<String, String> old = FolderHash.of(out.resolve(PERIOD));
    CrashingFileOps ops = new CrashingFileOps();
    PeriodFolder f = stageNew(out, ops);
    ops.crashWhen(op -> op.startsWith("move .2026-10.tmp-"));
    assertThrows(CrashingFileOps.Crash.class, f::commit);
    // The state that was once unrecoverable: no period folder, the old one moved aside.
    assertTrue(!Files.exists(out.resolve(PERIOD)));
    PeriodFolder.recoverAll(out, label -> label.equals(PERIOD), FileOps.SYSTEM);
    assertEquals(old, FolderHash.of(out.resolve(PERIOD)));
    assertEquals(List.of(), leftovers(out));
  }

  @Test
  void recoverAll_labelsOfLeftovers_areTheFoldersTheyBelongTo() {
    assertEquals("2026-10", PeriodFolder.leftoverLabel(".2026-10.old-x").orElseThrow());
    assertEquals("2026-10", PeriodFolder.leftoverLabel(".2026-10.swap").orElseThrow());
    assertEquals("2026-10", PeriodFolder.leftoverLabel(".2026-10.swap-1234").orElseThrow());
    assertEquals(
        "2026-10.shard-0-of-4",
        PeriodFolder.leftoverLabel(".2026-10.shard-0-of-4.tmp-abc").orElseThrow());
    assertTrue(PeriodFolder.leftoverLabel(OutputLock.FILE_NAME).isEmpty());
    assertTrue(PeriodFolder.leftoverLabel("2026-10").isEmpty());
  }
}
