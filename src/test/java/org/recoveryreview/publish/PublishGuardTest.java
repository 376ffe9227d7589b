package org.recoveryreview.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.recoveryreview.model.Assessment;
import org.recoveryreview.model.Coverage;
import org.recoveryreview.model.Dataset;
import org.recoveryreview.model.ExitCode;
import org.recoveryreview.model.JobFailure;
import org.recoveryreview.model.ReviewPeriod;

class PublishGuardTest {
  private static final ReviewPeriod OCT = new ReviewPeriod(YearMonth.of(2026, 10));
  private static final ReviewPeriod NOV = new ReviewPeriod(YearMonth.of(2026, 11));
  @TempDir Path out;

  private static Dataset assessmentsOn(LocalDate... dates) {
    List<Assessment> list =
        java.util.Arrays.stream(dates).map(PublishGuardTest::assessment).toList();
    return new Dataset(List.of(), List.of(), list, List.of(), List.of());
  }

  private static Assessment assessment(LocalDate d) {
    return new Assessment(
        "P1",
        d,
        java.util.Optional.of("T"),
        java.util.OptionalInt.of(3),
        java.util.OptionalInt.of(3),
        java.util.OptionalInt.empty(),
        java.util.OptionalInt.empty(),
        java.util.OptionalInt.empty(),
        java.util.OptionalInt.empty(),
        java.util.OptionalInt.empty(),
        org.recoveryreview.model.AratParts.NONE);
  }

  @Test
  void requireData_monthWithoutRows_exits65NamingPeriodAndRange() {
    Dataset data = assessmentsOn(LocalDate.of(2026, 7, 3), LocalDate.of(2026, 10, 30));
    JobFailure e =
        assertThrows(
            JobFailure.class, () -> PublishGuard.requireData(NOV, data, Path.of("/srv/in")));
    assertEquals(ExitCode.DATA_ERROR, e.exitCode());
    assertTrue(e.getMessage().contains("falls in 2026-11"), e.getMessage());
    assertTrue(e.getMessage().contains("covers 2026-07-03 to 2026-10-30"), e.getMessage());
  }

  @Test
  void requireData_noRowsAtAll_exits65SayingSo() {
    JobFailure e =
        assertThrows(
            JobFailure.class,
            () -> PublishGuard.requireData(OCT, Dataset.empty(), Path.of("/srv/in")));
    assertEquals(ExitCode.DATA_ERROR, e.exitCode());
    assertTrue(e.getMessage().contains("no session or assessment rows at all"), e.getMessage());
  }

  @Test
  void requireData_shardKnowingDatesFromTheMonthOnly_exits65WithoutAWrongRange() {
    Coverage partial =
        new Coverage.Builder()
            .assessment(LocalDate.of(2026, 7, 3).toEpochDay())
            .build(Optional.of(LocalDate.of(2026, 11, 1)));
    Dataset data =
        new Dataset(List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), partial);
    JobFailure e =
        assertThrows(
            JobFailure.class, () -> PublishGuard.requireData(NOV, data, Path.of("/srv/in")));
    assertEquals(ExitCode.DATA_ERROR, e.exitCode());
    assertTrue(e.getMessage().contains("dates from 2026-11-01 on"), e.getMessage());
    assertTrue(!e.getMessage().contains("covers 2026-07-03"), e.getMessage());
  }

  @Test
  void requireData_oneAssessmentInMonth_passes() {
    PublishGuard.requireData(OCT, assessmentsOn(LocalDate.of(2026, 10, 31)), Path.of("in"));
  }

  /** A published month with {@code patients} reviews whose manifest says {@code inManifest}. */
  private void published(int patients, int inManifest) throws IOException {
    Path f = Files.createDirectories(out.resolve("2026-10/patients"));
    for (int i = 0; i < patients; i++) {
      Files.writeString(f.resolve("P" + i + ".pdf"), "x");
    }
    Files.writeString(
        out.resolve("2026-10/manifest.json"), "{\"patients_reported\": " + inManifest + "}");
  }

  private void published(int patients) throws IOException {
    published(patients, patients);
  }

  @Test
  void requireEnoughPatients_manifestRewrittenBySelectiveRun_countsTheReportsInTheFolder()
      throws IOException {
    // An earlier --patient P00002 run wrote patients_reported 1 over a month of 10 reviews.
    published(10, 1);
    JobFailure e =
        assertThrows(
            JobFailure.class, () -> PublishGuard.requireEnoughPatients(out, OCT, 4, false));
    assertEquals(ExitCode.DATA_ERROR, e.exitCode());
    assertTrue(e.getMessage().contains("10 patients and this run has 4"), e.getMessage());
  }

  @Test
  void requireEnoughPatients_manifestClaimsMoreThanTheFolderHolds_countsTheReports()
      throws IOException {
    published(4, 100);
    PublishGuard.requireEnoughPatients(out, OCT, 2, false);
  }

  @Test
  void requireEnoughPatients_fewerThanHalf_exits65NamingBothCounts() throws IOException {
    published(120);
    JobFailure e =
        assertThrows(
            JobFailure.class, () -> PublishGuard.requireEnoughPatients(out, OCT, 59, false));
    assertEquals(ExitCode.DATA_ERROR, e.exitCode());
    assertTrue(e.getMessage().contains("120 patients and this run has 59"), e.getMessage());
    assertTrue(e.getMessage().contains("--allow-fewer-patients"), e.getMessage());
  }

  @Test
  void requireEnoughPatients_exactlyHalf_passes() throws IOException {
    published(120);
    PublishGuard.requireEnoughPatients(out, OCT, 60, false);
  }

  @Test
  void requireEnoughPatients_allowed_passes() throws IOException {
    published(120);
    PublishGuard.requireEnoughPatients(out, OCT, 1, true);
  }

  @Test
  void requireEnoughPatients_noManifest_countsThePdfs() throws IOException {
    Path p = Files.createDirectories(out.resolve("2026-10/patients"));
    for (int i = 0; i < 5; i++) {
      Files.writeString(p.resolve("P" + i + ".pdf"), "x");
    }
    assertThrows(JobFailure.class, () -> PublishGuard.requireEnoughPatients(out, OCT, 2, false));
    PublishGuard.requireEnoughPatients(out, OCT, 3, false);
  }

  @Test
  void requireEnoughPatients_nothingPublished_passes() {
    PublishGuard.requireEnoughPatients(out, OCT, 0, false);
  }
}
