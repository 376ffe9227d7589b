package org.recoveryreview.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.recoveryreview.model.DataIssue;
import org.recoveryreview.model.ExitCode;
import org.recoveryreview.model.FileKind;
import org.recoveryreview.model.Hashing;
import org.recoveryreview.model.InputFile;
import org.recoveryreview.model.IssueAction;
import org.recoveryreview.model.JobFailure;
import org.recoveryreview.model.PatientMetrics;
import org.recoveryreview.model.PatientReview;
import org.recoveryreview.model.ProgramParts;
import org.recoveryreview.publish.FileOps;
import org.recoveryreview.publish.PeriodFolder;
import org.recoveryreview.publish.Publisher;
import org.recoveryreview.shard.PartialResults;
import org.recoveryreview.shard.Shard;
import org.recoveryreview.shard.ShardFolders;

/**
 * A shard's partial results read back exactly as written (the report fixtures hold the richest
 * metrics: flags with evidence, goals, optional scores), and refused when altered.
 */
class PartialResultsRoundTripTest {
  @TempDir Path dir;

  private ShardFolders.Info shard(
      int index, List<PatientMetrics> metrics, List<InputFile> files, List<DataIssue> issues)
      throws IOException {
    String name = ShardFolders.name("2026-10", new Shard(index, 2));
    PeriodFolder folder = new Publisher(dir, FileOps.SYSTEM).begin(name);
    ProgramParts parts =
        new ProgramParts(
                metrics,
                List.of(),
                List.of(),
                List.of(),
                ProgramParts.none().armTransitions(),
                ProgramParts.none().handTransitions(),
                List.of(),
                2,
                1,
                0,
                false)
            .withGoalsRated(index == 1);
    Map<String, String> hashes = PartialResults.write(parts, files, issues, folder);
    ShardFolders.Info info =
        new ShardFolders.Info(
            "1.0",
            "2026-10",
            LocalDate.of(2026, 10, 31),
            new Shard(index, 2),
            "s",
            "/in",
            List.of(),
            List.of(),
            0,
            dir.resolve(name));
    folder.write(ShardFolders.INFO, out -> ShardFolders.write(info, hashes, out));
    folder.commit();
    return info;
  }

  private static InputFile file(long read) {
    return new InputFile("sessions.csv", FileKind.SESSIONS, "ab", 10, read, read, 0, 0, 0, 0);
  }

  private static DataIssue issue(long line, IssueAction action) {
    return new DataIssue(
        "sessions.csv", line, FileKind.SESSIONS, "S" + line, "date", "x", action, "why", "p");
  }

  @Test
  void read_twoShards_metricsExactAndAccountingRebuilt() throws IOException {
    PatientMetrics a =
        GoalFixtures.with(
                ReportFixtures.lowAdherencePlateau(),
                GoalFixtures.twoGoals(false),
                Optional.of("zh"))
            .metrics();
    PatientMetrics b = ReportFixtures.chineseGainRegression().metrics();
    PatientMetrics first = a.patientId().compareTo(b.patientId()) < 0 ? a : b;
    PatientMetrics second = first == a ? b : a;
    ShardFolders.Info s0 =
        shard(0, List.of(second), List.of(file(10)), List.of(issue(7, IssueAction.REJECTED)));
    ShardFolders.Info s1 =
        shard(1, List.of(first), List.of(file(10)), List.of(issue(3, IssueAction.DUPLICATE)));

    PartialResults.Merged m = PartialResults.read(List.of(s0, s1));

    assertEquals(List.of(first, second), m.parts().inReview());
    assertEquals(4, m.parts().periodAssessments());
    assertTrue(m.parts().goalsRated());
    assertEquals(List.of(3L, 7L), m.issues().stream().map(DataIssue::line).toList());
    InputFile f = m.inputFiles().get(0);
    assertEquals(10, f.rowsRead());
    assertEquals(8, f.used());
    assertEquals(1, f.rejected());
    assertEquals(1, f.duplicate());
  }

  @Test
  void read_partialAltered_exits65NamingTheFile() throws IOException {
    PatientReview r = ReportFixtures.lowAdherencePlateau();
    ShardFolders.Info s0 = shard(0, List.of(r.metrics()), List.of(file(5)), List.of());
    Path patients = s0.folder().resolve("partials/patients.jsonl");
    Files.writeString(patients, Files.readString(patients).replace("\"name\"", "\"nome\""));
    JobFailure e = assertThrows(JobFailure.class, () -> PartialResults.read(List.of(s0)));
    assertEquals(ExitCode.DATA_ERROR, e.exitCode());
    assertTrue(e.getMessage().contains("partials/patients.jsonl"), e.getMessage());
    assertTrue(
        e.getMessage().contains("does not match the SHA-256 in its shard.json"), e.getMessage());
  }

  /** A partial whose hash was recomputed after the change, as a faulty writer would leave it. */
  private static void rewriteWithHash(ShardFolders.Info s, String path, String from, String to)
      throws IOException {
    Path file = s.folder().resolve(path);
    String before = Files.readString(file);
    String after = before.replaceFirst(from, to);
    assertTrue(!after.equals(before), "the fixture holds " + from);
    Path info = s.folder().resolve(ShardFolders.INFO);
    Files.writeString(
        info, Files.readString(info).replace(Hashing.sha256Hex(before), Hashing.sha256Hex(after)));
    Files.writeString(file, after);
  }

  @Test
  void read_componentNullInPartial_exits65NamingTheFile() throws IOException {
    PatientReview r = ReportFixtures.lowAdherencePlateau();
    ShardFolders.Info s0 = shard(0, List.of(r.metrics()), List.of(file(5)), List.of());
    rewriteWithHash(s0, "partials/patients.jsonl", "\"name\":\"[^\"]*\"", "\"name\":null");
    JobFailure e = assertThrows(JobFailure.class, () -> PartialResults.read(List.of(s0)));
    assertEquals(ExitCode.DATA_ERROR, e.exitCode());
    assertTrue(e.getMessage().contains("partials/patients.jsonl"), e.getMessage());
    assertTrue(e.getMessage().contains("'name'"), e.getMessage());
  }

  @Test
  void read_componentMissingInPartial_exits65NamingTheFile() throws IOException {
    ShardFolders.Info s0 =
        shard(0, List.of(), List.of(file(5)), List.of(issue(7, IssueAction.REJECTED)));
    rewriteWithHash(s0, "partials/data-issues.jsonl", "\"reason\":\"why\",", "");
    JobFailure e = assertThrows(JobFailure.class, () -> PartialResults.read(List.of(s0)));
    assertEquals(ExitCode.DATA_ERROR, e.exitCode());
    assertTrue(e.getMessage().contains("partials/data-issues.jsonl"), e.getMessage());
    assertTrue(e.getMessage().contains("'reason'"), e.getMessage());
  }
}
