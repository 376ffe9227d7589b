package org.recoveryreview.shard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.recoveryreview.model.ExitCode;
import org.recoveryreview.model.JobFailure;

/** The merge's completeness checks on a folder of shard folders. */
class ShardFoldersTest {
  private static final String PERIOD = "2026-10";
  private static final List<ShardFolders.InputHash> INPUTS =
      List.of(
          new ShardFolders.InputHash("patients.csv", "aaaa"),
          new ShardFolders.InputHash("sessions.csv", "bbbb"));

  @TempDir Path dir;

  private void shard(int index, int count, List<ShardFolders.InputHash> inputs, String settings)
      throws IOException {
    shardIn(ShardFolders.name(PERIOD, new Shard(index, count)), index, count, inputs, settings);
  }

  private void shardIn(
      String folderName, int index, int count, List<ShardFolders.InputHash> inputs, String settings)
      throws IOException {
    shardDated(folderName, index, count, inputs, settings, LocalDate.of(2026, 10, 31));
  }

  private void shardDated(
      String folderName,
      int index,
      int count,
      List<ShardFolders.InputHash> inputs,
      String settings,
      LocalDate dataAsOf)
      throws IOException {
    Path folder = dir.resolve(folderName);
    Files.createDirectories(folder);
    ShardFolders.Info info =
        new ShardFolders.Info(
            "1.0",
            PERIOD,
            dataAsOf,
            new Shard(index, count),
            settings,
            "/data/in",
            inputs,
            List.of(new ShardFolders.PatientPart("P" + index, List.of())),
            3,
            folder);
    try (OutputStream out = Files.newOutputStream(folder.resolve(ShardFolders.INFO))) {
      ShardFolders.write(info, out);
    }
  }

  private JobFailure refused() {
    JobFailure e = assertThrows(JobFailure.class, () -> ShardFolders.complete(dir, PERIOD));
    assertEquals(ExitCode.DATA_ERROR, e.exitCode());
    assertTrue(e.getMessage().contains("nothing was published"), e.getMessage());
    return e;
  }

  @Test
  void name_periodAndShard_periodDotShardLabel() {
    assertEquals("2026-10.shard-2-of-8", ShardFolders.name("2026-10", new Shard(2, 8)));
  }

  @Test
  void complete_allShards_returnsThemByIndexWithWhatTheyWrote() throws IOException {
    shard(2, 3, INPUTS, "s");
    shard(0, 3, INPUTS, "s");
    shard(1, 3, INPUTS, "s");
    List<ShardFolders.Info> shards = ShardFolders.complete(dir, PERIOD);
    assertEquals(3, shards.size());
    for (int i = 0; i < 3; i++) {
      assertEquals(new Shard(i, 3), shards.get(i).shard());
      assertEquals("P" + i, shards.get(i).patients().get(0).patientId());
      assertEquals(INPUTS, shards.get(i).inputs());
      assertEquals("/data/in", shards.get(i).inputDir());
    }
  }

  @Test
  void complete_oneShardMissing_namesItAndHowToRerun() throws IOException {
    shard(0, 3, INPUTS, "s");
    shard(2, 3, INPUTS, "s");
    String m = refused().getMessage();
    assertTrue(m.contains("shard 1/3 is missing"), m);
    assertTrue(m.contains("2026-10.shard-1-of-3"), m);
    assertTrue(m.contains("run --shard 1/3"), m);
  }

  @Test
  void complete_noShardFolder_saysSo() {
    assertTrue(refused().getMessage().contains("no shard folder 2026-10.shard-i-of-N"));
  }

  @Test
  void complete_shardsOfOtherPeriodOnly_notTaken() throws IOException {
    shardIn("2026-09.shard-0-of-1", 0, 1, INPUTS, "s");
    assertTrue(refused().getMessage().contains("no shard folder"));
  }

  @Test
  void complete_differentShardCounts_refused() throws IOException {
    shard(0, 2, INPUTS, "s");
    shard(1, 2, INPUTS, "s");
    shard(0, 3, INPUTS, "s");
    String m = refused().getMessage();
    assertTrue(m.contains("shard counts [2, 3]"), m);
    assertTrue(m.contains("2 shards: 2026-10.shard-0-of-2, 2026-10.shard-1-of-2 (written "), m);
    assertTrue(m.contains("3 shards: 2026-10.shard-0-of-3 (written "), m);
    assertTrue(m.contains("move the folders of the run you do not want"), m);
    assertTrue(m.contains("run the merge again"), m);
  }

  @Test
  void complete_shardIndexTwice_namesBothFoldersAndTheOneToKeep() throws IOException {
    shard(0, 2, INPUTS, "s");
    shard(1, 2, INPUTS, "s");
    shardIn("2026-10.shard-01-of-2", 1, 2, INPUTS, "s");
    String m = refused().getMessage();
    assertTrue(m.contains("shard 1/2 is there 2 times, in "), m);
    assertTrue(m.contains(dir.resolve("2026-10.shard-01-of-2").toString()), m);
    assertTrue(m.contains(dir.resolve("2026-10.shard-1-of-2").toString()), m);
    assertTrue(m.contains("keep the one the run wrote, 2026-10.shard-1-of-2"), m);
  }

  @Test
  void complete_copiedShardFolder_saysItWasCopiedAndHowToRerun() throws IOException {
    shard(0, 2, INPUTS, "s");
    shardIn("2026-10.shard-1-of-2", 0, 2, INPUTS, "s");
    String m = refused().getMessage();
    assertTrue(m.contains("holds shard 0/2 of 2026-10"), m);
    assertTrue(
        m.contains("copied or renamed; delete it and re-run that shard with run --shard 1/2"), m);
  }

  @Test
  void complete_shardReadOtherInput_namesShardAndFile() throws IOException {
    shard(0, 2, INPUTS, "s");
    shard(
        1,
        2,
        List.of(
            new ShardFolders.InputHash("patients.csv", "aaaa"),
            new ShardFolders.InputHash("sessions.csv", "cccc")),
        "s");
    String m = refused().getMessage();
    assertTrue(m.contains("shard 1/2"), m);
    assertTrue(m.contains("sessions.csv has other content"), m);
  }

  @Test
  void complete_shardMissesAnInputFile_namesIt() throws IOException {
    shard(0, 2, INPUTS, "s");
    shard(1, 2, INPUTS.subList(0, 1), "s");
    assertTrue(refused().getMessage().contains("sessions.csv is missing"));
  }

  @Test
  void complete_otherSettings_refused() throws IOException {
    shard(0, 2, INPUTS, "s");
    shard(1, 2, INPUTS, "t");
    assertTrue(refused().getMessage().contains("other settings than shard 0"));
  }

  @Test
  void complete_folderNameDisagreesWithShardJson_refused() throws IOException {
    shard(0, 2, INPUTS, "s");
    // A folder renamed by hand: named shard 1 but holding shard 0.
    shardIn("2026-10.shard-1-of-2", 0, 2, INPUTS, "s");
    assertTrue(refused().getMessage().contains("holds shard 0/2"));
  }

  @Test
  void complete_shardWithoutShardJson_refused() throws IOException {
    shard(0, 2, INPUTS, "s");
    Files.createDirectories(dir.resolve("2026-10.shard-1-of-2"));
    assertTrue(refused().getMessage().contains("no readable shard.json"));
  }

  @Test
  void requireSameRun_inputChangedSinceShards_refused() throws IOException {
    shard(0, 1, INPUTS, "s");
    List<ShardFolders.Info> shards = ShardFolders.complete(dir, PERIOD);
    JobFailure e =
        assertThrows(
            JobFailure.class, () -> ShardConsistency.requireSameRun(shards, List.of(), "s", "1.0"));
    assertEquals(ExitCode.DATA_ERROR, e.exitCode());
    assertTrue(e.getMessage().contains("patients.csv is missing"), e.getMessage());
    JobFailure v =
        assertThrows(
            JobFailure.class,
            () -> ShardConsistency.requireSameRun(shards, List.of(), "other", "2.0"));
    assertTrue(v.getMessage().contains("settings"), v.getMessage());
    assertTrue(v.getMessage().contains("version 1.0, this is 2.0"), v.getMessage());
  }

  @Test
  void requireOneDataAsOf_allShardsDatedAlike_accepted() throws IOException {
    shard(0, 2, INPUTS, "s");
    shard(1, 2, INPUTS, "s");
    List<ShardFolders.Info> shards = ShardFolders.complete(dir, PERIOD);
    assertEquals(LocalDate.of(2026, 10, 31), shards.get(1).dataAsOf());
    ShardConsistency.requireOneDataAsOf(shards);
  }

  @Test
  void requireOneDataAsOf_aShardDatedOtherwise_refusedNamingItAndShardZero() throws IOException {
    shard(0, 3, INPUTS, "s");
    shard(1, 3, INPUTS, "s");
    shardDated(
        ShardFolders.name(PERIOD, new Shard(2, 3)), 2, 3, INPUTS, "s", LocalDate.of(2026, 10, 30));
    List<ShardFolders.Info> shards = ShardFolders.complete(dir, PERIOD);
    JobFailure e =
        assertThrows(JobFailure.class, () -> ShardConsistency.requireOneDataAsOf(shards));
    assertEquals(ExitCode.DATA_ERROR, e.exitCode());
    assertTrue(e.getMessage().contains("shard 0/3 dated its reports 2026-10-31"), e.getMessage());
    assertTrue(e.getMessage().contains("shard 2/3 dated its reports 2026-10-30"), e.getMessage());
    assertFalse(e.getMessage().contains("shard 1/3 dated"), e.getMessage());
  }

  @Test
  void onlyPeriod_shardsOfTwoPeriods_usageError() throws IOException {
    shardIn("2026-09.shard-0-of-1", 0, 1, INPUTS, "s");
    shard(0, 1, INPUTS, "s");
    JobFailure e = assertThrows(JobFailure.class, () -> ShardFolders.onlyPeriod(dir));
    assertEquals(ExitCode.USAGE, e.exitCode());
    assertTrue(e.getMessage().contains("2026-09, 2026-10"), e.getMessage());
  }
}
