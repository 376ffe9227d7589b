package org.recoveryreview.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.recoveryreview.model.ReviewPeriod;
import org.recoveryreview.model.RunStats;
import org.recoveryreview.model.Settings;

/**
 * The manifest's {@code stage_seconds} as bench/run parses it: one {@code "key" : seconds} line per
 * stage, keys sorted, seconds rounded to milliseconds.
 */
class ManifestStageSecondsTest {
  @TempDir Path dir;

  @Test
  void write_mergeTimings_sortedKeysMillisecondsAsBeforeTypedStats() throws IOException {
    RunStats stats =
        new RunStats(
            Map.of(
                RunStats.Stage.PARTIALS, 3.75049,
                RunStats.Stage.ANALYSIS, 11.3,
                RunStats.Stage.COPY, 0.7705,
                RunStats.Stage.RENDER, 8.0,
                RunStats.Stage.PUBLISH, 0.0004),
            37,
            205,
            8103,
            0);
    RunInfo run = runInfo(stats);
    Manifest.write(run, dir, FileOps.SYSTEM, Map.of());
    String json = Files.readString(dir.resolve(Manifest.FILE_NAME));
    String block = json.substring(json.indexOf("  \"stage_seconds\""), json.lastIndexOf('}'));
    assertEquals(
        String.join(
            "\n",
            "  \"stage_seconds\" : {",
            "    \"analysis\" : 11.3,",
            "    \"copy\" : 0.771,",
            "    \"partials\" : 3.75,",
            "    \"publish\" : 0.0,",
            "    \"render\" : 8.0",
            "  }",
            ""),
        block);
  }

  /** A finished run of the sample's size for October 2026 with {@code stats}; no input files. */
  static RunInfo runInfo(RunStats stats) {
    return new RunInfo(
        "1.0",
        new ReviewPeriod(YearMonth.of(2026, 10)),
        Instant.EPOCH,
        Instant.EPOCH,
        "in",
        Settings.defaults(),
        List.of(),
        List.of(),
        37,
        205,
        stats,
        2,
        0);
  }
}
