package org.recoveryreview.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.recoveryreview.ingest.TestInput.PATIENTS_HEADER;
import static org.recoveryreview.ingest.TestInput.SESSIONS_HEADER;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.recoveryreview.model.DataIssue;
import org.recoveryreview.model.Dataset;
import org.recoveryreview.model.FileKind;
import org.recoveryreview.model.IssueAction;

/** Rows dated after the day of the run are rejected, in every dated file kind; today is not. */
class IngestorFutureDatesTest {
  private static final LocalDate TODAY = LocalDate.of(2026, 10, 15);
  @TempDir Path dir;

  private static void assertFuture(DataIssue i, String file, String column, String value) {
    assertEquals(IssueAction.REJECTED, i.action());
    assertEquals(file, i.file());
    assertEquals(2, i.line());
    assertEquals(column, i.column());
    assertEquals("date in the future", i.problem());
    assertTrue(
        i.reason()
            .contains(
                column
                    + " '"
                    + value
                    + "' is a date in the future (after 2026-10-15, the day of the run);"),
        i.reason());
    assertTrue(i.reason().contains("correct"), i.reason());
  }

  @Test
  void ingest_sessionDatedToday_isUsed() {
    Dataset d =
        new TestInput(dir).sessions("S1,P1,2026-10-15,clinic,ot,completed,45,,Kim").ingestOn(TODAY);
    assertEquals(1, d.sessions().size());
    assertEquals(List.of(), d.issues());
    assertEquals(Optional.of(TODAY), d.coverage().lastSession());
  }

  @Test
  void ingest_sessionDatedTomorrow_isRejectedAndLatestStaysThisMonth() {
    Dataset d =
        new TestInput(dir)
            .sessions(
                "S1,P1,2026-10-16,clinic,ot,completed,45,,Kim",
                "S2,P1,2026-10-02,clinic,ot,completed,45,,Kim")
            .ingestOn(TODAY);
    assertFuture(d.issues().get(0), "sessions.csv", "date", "2026-10-16");
    assertEquals(FileKind.SESSIONS, d.issues().get(0).kind());
    assertEquals(1, d.sessions().size());
    assertEquals(Optional.of(LocalDate.of(2026, 10, 2)), d.coverage().last());
  }

  @Test
  void ingest_sessionWithMistypedYear_isRejected() {
    Dataset d =
        new TestInput(dir).sessions("S1,P1,2031-06-01,clinic,ot,completed,45,,Kim").ingestOn(TODAY);
    assertFuture(TestInput.only(d), "sessions.csv", "date", "2031-06-01");
    assertTrue(d.coverage().months().isEmpty());
  }

  @Test
  void ingest_scheduledSessionTomorrow_isIgnoredNotRejected() {
    Dataset d =
        new TestInput(dir).sessions("S1,P1,2026-10-16,clinic,ot,scheduled,45,,Kim").ingestOn(TODAY);
    assertEquals(IssueAction.IGNORED, TestInput.only(d).action());
  }

  @Test
  void ingest_assessmentDatedTodayOrTomorrow_usedOrRejected() {
    Dataset d =
        new TestInput(dir)
            .assessments("P1,2026-10-16,Kim,3,2,18,4,3,2,12", "P2,2026-10-15,Kim,3,2,18,4,3,2,12")
            .ingestOn(TODAY);
    assertFuture(TestInput.only(d), "assessments.csv", "date", "2026-10-16");
    assertEquals(1, d.assessments().size());
    assertEquals("P2", d.assessments().get(0).patientId());
  }

  @Test
  void ingest_goalReviewDatedTodayOrTomorrow_usedOrRejected() {
    Dataset d =
        new TestInput(dir)
            .patients()
            .file("sessions.csv", SESSIONS_HEADER)
            .file(
                "goals.csv",
                IngestorGoalsTest.GOALS_HEADER,
                "P1,G1,2026-09-01,2026-10-16,Dressing,Shirt,-2,+1,3,2,2027-05-01",
                "P1,G2,2026-09-01,2026-10-15,Dressing,Shirt,-2,+1,3,2,2027-05-01")
            .ingestOn(TODAY);
    assertFuture(TestInput.only(d), "goals.csv", "review_date", "2026-10-16");
    assertEquals(1, d.goals().size());
    assertEquals("G2", d.goals().get(0).goalId());
  }

  @Test
  void ingest_patientOnsetTomorrow_isRejected() {
    Dataset d =
        new TestInput(dir)
            .file(
                "patients.csv",
                PATIENTS_HEADER,
                "P1,Ana Silva,1960-05-01,F,left,stroke,2026-10-16,North,Kim,2026-10-20,",
                "P2,Wei Wang,1955-02-03,M,right,stroke,2026-10-15,South,Lee,2026-10-20,")
            .file("sessions.csv", SESSIONS_HEADER)
            .ingestOn(TODAY);
    assertFuture(TestInput.only(d), "patients.csv", "onset_date", "2026-10-16");
    assertEquals(1, d.patients().size());
    assertEquals("P2", d.patients().get(0).patientId());
  }
}
