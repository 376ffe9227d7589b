package org.recoveryreview.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.recoveryreview.ingest.TestInput.PATIENTS_HEADER;
import static org.recoveryreview.ingest.TestInput.SESSIONS_HEADER;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.recoveryreview.model.DataIssue;
import org.recoveryreview.model.Dataset;
import org.recoveryreview.model.FileKind;
import org.recoveryreview.model.GoalRating;
import org.recoveryreview.model.InputOptions;
import org.recoveryreview.model.IssueAction;

class IngestorGoalsTest {
  static final String GOALS_HEADER =
      "patient_id,goal_id,set_on,review_date,domain,description,baseline,attainment,importance,"
          + "difficulty,target_date";

  @TempDir Path dir;

  private TestInput base() {
    return new TestInput(dir).patients().file("sessions.csv", SESSIONS_HEADER);
  }

  private TestInput goals(String... rows) {
    return base().file("goals.csv", TestInput.concat(GOALS_HEADER, rows));
  }

  private DataIssue rejected(String row) {
    Dataset d = goals(row).ingest();
    DataIssue i = TestInput.only(d);
    assertEquals(IssueAction.REJECTED, i.action());
    assertEquals(FileKind.GOALS, i.kind());
    assertEquals("goals.csv", i.file());
    assertEquals(2, i.line());
    assertEquals(List.of(), d.goals());
    return i;
  }

  @Test
  void ingest_noGoalsFile_hasNoGoalsAndNoGoalsFileListed() {
    Dataset d = new TestInput(dir).sessions().ingest();
    assertEquals(List.of(), d.goals());
    assertTrue(d.inputFiles().stream().noneMatch(f -> f.kind() == FileKind.GOALS));
  }

  @Test
  void ingest_validGoalRow_isUsedWithEveryColumn() {
    Dataset d =
        goals("P1,G1,2026-02-01,2026-03-01,Dressing,Put on a shirt alone,-2,+1,3,2,2026-05-01")
            .ingest();
    assertEquals(
        List.of(
            new GoalRating(
                "P1",
                "G1",
                LocalDate.of(2026, 2, 1),
                LocalDate.of(2026, 3, 1),
                Optional.of("dressing"),
                "Put on a shirt alone",
                -2,
                OptionalInt.of(1),
                OptionalInt.of(3),
                OptionalInt.of(2),
                Optional.of(LocalDate.of(2026, 5, 1)))),
        d.goals());
    assertEquals(1, TestInput.file(d, "goals.csv").used());
  }

  @Test
  void ingest_blankOptionalColumns_defaultBaselineAndNoAttainment() {
    GoalRating g = goals("P2,目标1,2026-02-01,2026-02-01,,自己用勺子吃饭,,,,,").ingest().goals().get(0);
    assertEquals(-1, g.baseline());
    assertEquals(OptionalInt.empty(), g.attainment());
    assertEquals(Optional.empty(), g.domain());
    assertEquals("自己用勺子吃饭", g.description());
  }

  @ParameterizedTest
  @CsvSource({
    "meal prep, cooking",
    "Assistive-Device, assistive_device",
    "穿衣, dressing",
    "Hobbies, leisure",
    "Gardening Club, gardening_club"
  })
  void ingest_domainAliasOrFreeText_isNormalised(String written, String expected) {
    GoalRating g =
        goals("P1,G1,2026-02-01,2026-03-01," + written + ",x,,0,,,").ingest().goals().get(0);
    assertEquals(Optional.of(expected), g.domain());
  }

  @Test
  void ingest_configuredDomainAlias_winsOverFreeText() {
    InputOptions options =
        new InputOptions(
            java.nio.charset.StandardCharsets.UTF_8,
            Optional.empty(),
            Optional.empty(),
            Map.of(),
            Map.of(),
            Map.of("ADL dressing", "dressing"),
            org.recoveryreview.model.InputLimits.defaults());
    GoalRating g =
        goals("P1,G1,2026-02-01,2026-03-01,ADL Dressing,x,,0,,,").ingest(options).goals().get(0);
    assertEquals(Optional.of("dressing"), g.domain());
  }

  @Test
  void ingest_goalOfUnknownPatient_isRejectedNamingPatient() {
    DataIssue i = rejected("P9,G1,2026-02-01,2026-03-01,eating,x,,0,,,");
    assertEquals("patient_id", i.column());
    assertEquals("unknown patient", i.problem());
    assertEquals("P9 G1 2026-03-01", i.key());
  }

  @ParameterizedTest
  @CsvSource({"3", "-3", "+5"})
  void ingest_attainmentOutOfRange_isRejected(String level) {
    DataIssue i = rejected("P1,G1,2026-02-01,2026-03-01,eating,x,," + level + ",,,");
    assertEquals("attainment", i.column());
    assertEquals("out of range", i.problem());
    assertTrue(i.reason().contains("from -2 to 2"), i.reason());
  }

  @Test
  void ingest_attainmentNotANumber_isRejected() {
    DataIssue i = rejected("P1,G1,2026-02-01,2026-03-01,eating,x,,expected,,,");
    assertEquals("attainment", i.column());
    assertEquals("not an integer", i.problem());
  }

  @Test
  void ingest_baselineOutOfRange_isRejected() {
    assertEquals("baseline", rejected("P1,G1,2026-02-01,2026-03-01,eating,x,-4,0,,,").column());
  }

  @Test
  void ingest_importanceAboveThree_isRejected() {
    DataIssue i = rejected("P1,G1,2026-02-01,2026-03-01,eating,x,,0,4,1,");
    assertEquals("importance", i.column());
    assertEquals("out of range", i.problem());
  }

  @Test
  void ingest_difficultyNegative_isRejected() {
    assertEquals("difficulty", rejected("P1,G1,2026-02-01,2026-03-01,eating,x,,0,1,-1,").column());
  }

  @Test
  void ingest_reviewBeforeSetOn_isRejected() {
    DataIssue i = rejected("P1,G1,2026-03-01,2026-02-01,eating,x,,0,,,");
    assertEquals("review_date", i.column());
    assertEquals("review before set_on", i.problem());
    assertTrue(i.reason().contains("before set_on 2026-03-01"), i.reason());
  }

  @Test
  void ingest_targetBeforeSetOn_isRejected() {
    DataIssue i = rejected("P1,G1,2026-03-01,2026-03-02,eating,x,,0,,,2026-01-01");
    assertEquals("target_date", i.column());
  }

  @Test
  void ingest_missingDescription_isRejected() {
    DataIssue i = rejected("P1,G1,2026-02-01,2026-03-01,eating,,,0,,,");
    assertEquals("description", i.column());
    assertEquals("missing value", i.problem());
  }

  @Test
  void ingest_missingGoalId_isRejected() {
    assertEquals("goal_id", rejected("P1,,2026-02-01,2026-03-01,eating,x,,0,,,").column());
  }

  @Test
  void ingest_invalidSetOn_isRejected() {
    DataIssue i = rejected("P1,G1,2026-02-30,2026-03-01,eating,x,,0,,,");
    assertEquals("set_on", i.column());
    assertEquals("invalid date", i.problem());
  }

  @Test
  void ingest_punctuationOnlyDomain_isRejected() {
    assertEquals("domain", rejected("P1,G1,2026-02-01,2026-03-01,--,x,,0,,,").column());
  }

  @Test
  void ingest_sameReviewInTwoExports_isDuplicate() {
    String row = "P1,G1,2026-02-01,2026-03-01,eating,x,,0,,,";
    Dataset d =
        base()
            .file("goals-a.csv", GOALS_HEADER, row)
            .file("goals-b.csv", GOALS_HEADER, row)
            .ingest();
    DataIssue i = TestInput.only(d);
    assertEquals(IssueAction.DUPLICATE, i.action());
    assertEquals("goals-b.csv", i.file());
    assertEquals("P1 G1 2026-03-01", i.key());
    assertEquals(1, d.goals().size());
  }

  @Test
  void ingest_reviewRescoredInLaterExport_earlierIsSuperseded() {
    Dataset d =
        base()
            .file("goals-a.csv", GOALS_HEADER, "P1,G1,2026-02-01,2026-03-01,eating,x,,0,,,")
            .file("goals-b.csv", GOALS_HEADER, "P1,G1,2026-02-01,2026-03-01,eating,x,,1,,,")
            .ingest();
    DataIssue i = TestInput.only(d);
    assertEquals(IssueAction.SUPERSEDED, i.action());
    assertEquals("goals-a.csv", i.file());
    assertTrue(i.reason().contains("goals-b.csv line 2"), i.reason());
    assertTrue(i.reason().contains("attainment"), i.reason());
    assertEquals(OptionalInt.of(1), d.goals().get(0).attainment());
  }

  @Test
  void ingest_sameGoalIdForTwoPatients_areDifferentGoals() {
    Dataset d =
        goals(
                "P1,G1,2026-02-01,2026-03-01,eating,x,,0,,,",
                "P2,G1,2026-02-01,2026-03-01,eating,y,,1,,,",
                "P1,G1,2026-02-01,2026-04-01,eating,x,,1,,,")
            .ingest();
    assertEquals(3, d.goals().size());
    assertEquals(List.of(), d.issues());
  }

  @Test
  void ingest_gzippedGoalsWithHeaderAlias_isRead() {
    TestInput in = new TestInput(dir).patients().file("sessions.csv", SESSIONS_HEADER);
    in.gzip(
        "goals-2026.csv.gz",
        GOALS_HEADER.replace("review_date", "Reviewed on")
            + "\nP1,G1,2026-02-01,2026-03-01,eating,x,,0,,,\n");
    InputOptions options =
        new InputOptions(
            java.nio.charset.StandardCharsets.UTF_8,
            Optional.empty(),
            Optional.empty(),
            Map.of(FileKind.GOALS, Map.of("Reviewed on", "review_date")),
            Map.of());
    assertEquals(1, in.ingest(options).goals().size());
  }

  @Test
  void ingest_patientLanguageColumn_isReadAsCode() {
    Dataset d =
        new TestInput(dir)
            .file(
                "patients.csv",
                PATIENTS_HEADER + ",language",
                TestInput.P1 + ",en-GB",
                TestInput.P2 + ",中文")
            .file("sessions.csv", SESSIONS_HEADER)
            .ingest();
    assertEquals(Optional.of("en"), d.patients().get(0).language());
    assertEquals(Optional.of("zh"), d.patients().get(1).language());
  }

  @Test
  void ingest_patientsWithoutLanguageColumn_haveNoLanguage() {
    Dataset d = new TestInput(dir).sessions().ingest();
    assertEquals(Optional.empty(), d.patients().get(0).language());
  }
}
