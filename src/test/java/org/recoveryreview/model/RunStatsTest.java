package org.recoveryreview.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Stage timings and counts: keys as the manifest and bench/run know them, a value that stays. */
class RunStatsTest {

  @Test
  void stageSeconds_anyRecordingOrder_stageOrderWithManifestKeys() {
    RunStats.Counter c = new RunStats.Counter();
    long t = RunStats.Counter.start();
    c.time(RunStats.Stage.PUBLISH, t);
    c.time(RunStats.Stage.COPY, t);
    c.time(RunStats.Stage.PARTIALS, t);
    c.time(RunStats.Stage.ANALYSIS, t);
    c.time(RunStats.Stage.RENDER, t);
    assertEquals(
        List.of("partials", "analysis", "copy", "render", "publish"),
        List.copyOf(c.snapshot().stageSeconds().keySet()));
    assertEquals(
        List.of("ingest", "analysis", "reviews", "handouts", "bundles", "render", "publish"),
        List.of(
            RunStats.Stage.INGEST.key(),
            RunStats.Stage.ANALYSIS.key(),
            RunStats.Stage.REVIEWS.key(),
            RunStats.Stage.HANDOUTS.key(),
            RunStats.Stage.BUNDLES.key(),
            RunStats.Stage.RENDER.key(),
            RunStats.Stage.PUBLISH.key()));
  }

  @Test
  void snapshot_counterChangesLater_snapshotUnchanged() {
    RunStats.Counter c = new RunStats.Counter();
    c.time(RunStats.Stage.INGEST, RunStats.Counter.start());
    c.output(3, 7);
    c.rows(100, 4);
    RunStats before = c.snapshot();
    c.time(RunStats.Stage.RENDER, RunStats.Counter.start());
    c.output(9, 9);
    assertEquals(
        Map.of("ingest", before.seconds().get(RunStats.Stage.INGEST)), before.stageSeconds());
    assertEquals(3, before.patients());
    assertEquals(7, before.pages());
    assertEquals(100, before.rowsUsed());
    assertEquals(4, before.rowsSetAside());
    assertTrue(before.secondsOf(RunStats.Stage.RENDER).isEmpty());
    assertThrows(UnsupportedOperationException.class, () -> before.seconds().clear());
    assertEquals(2, c.snapshot().seconds().size());
  }

  @Test
  void stageText_twoStages_logLineFormat() {
    RunStats stats =
        new RunStats(Map.of(RunStats.Stage.RENDER, 1.0, RunStats.Stage.INGEST, 0.125), 1, 2, 3, 4);
    assertEquals("ingest 0.13 s, render 1.00 s", stats.stageText());
  }
}
