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
import org.recoveryreview.model.Coverage;
import org.recoveryreview.model.Dataset;
import org.recoveryreview.model.ExitCode;
import org.recoveryreview.model.FileKind;
import org.recoveryreview.model.InputFile;
import org.recoveryreview.model.JobFailure;
import org.recoveryreview.model.ReviewPeriod;

class SessionGuardTest {
  private static final ReviewPeriod OCT = new ReviewPeriod(YearMonth.of(2026, 10));
  @TempDir Path input;

  /** Sessions per day of September and October, and a few October assessments. */
  private static Coverage.Builder months(int septemberSessions, int octoberSessions) {
    Coverage.Builder b = new Coverage.Builder();
    for (int i = 0; i < septemberSessions; i++) {
      b.session(LocalDate.of(2026, 9, 1 + i % 30).toEpochDay());
    }
    for (int i = 0; i < octoberSessions; i++) {
      b.session(LocalDate.of(2026, 10, 1 + i % 31).toEpochDay());
    }
    b.assessment(LocalDate.of(2026, 10, 31).toEpochDay());
    b.assessment(LocalDate.of(2026, 10, 20).toEpochDay());
    return b;
  }

  private static Dataset data(Coverage c) {
    List<InputFile> files =
        List.of(
            new InputFile("patients.csv", FileKind.PATIENTS, "", 0, 0, 0, 0, 0, 0, 0),
            new InputFile("sessions-2026-09.csv", FileKind.SESSIONS, "", 0, 0, 0, 0, 0, 0, 0),
            new InputFile("assessments.csv", FileKind.ASSESSMENTS, "", 0, 0, 0, 0, 0, 0, 0));
    return new Dataset(List.of(), List.of(), List.of(), files, List.of(), List.of(), c);
  }

  private JobFailure refused(Coverage c) {
    JobFailure e =
        assertThrows(
            JobFailure.class, () -> SessionGuard.requireSessions(OCT, data(c), input, false));
    assertEquals(ExitCode.DATA_ERROR, e.exitCode());
    return e;
  }

  @Test
  void requireSessions_noSessionRowWhileSeptemberHasSome_exits65NamingTheLikelyFile()
      throws IOException {
    Files.writeString(input.resolve("session-2026-10.csv"), "x\n");
    String m = refused(months(300, 0).build()).getMessage();
    assertTrue(m.contains("2026-10 has 2 assessment rows but no session row"), m);
    assertTrue(m.contains("while 2026-09 has 300"), m);
    assertTrue(m.contains("no sessions-2026-10.csv?"), m);
    assertTrue(m.contains("patients.csv, sessions-2026-09.csv, assessments.csv"), m);
    assertTrue(m.contains("not read (a sessions export's name must start with 'sessions'):"), m);
    assertTrue(m.contains("session-2026-10.csv"), m);
    assertTrue(m.contains("--allow-fewer-sessions"), m);
  }

  @Test
  void requireLatestIsLast_octoberAssessmentsWithoutSessions_exits65NamingOctober() {
    ReviewPeriod sep = new ReviewPeriod(YearMonth.of(2026, 9));
    Dataset d = data(months(300, 0).build());
    JobFailure e =
        assertThrows(
            JobFailure.class, () -> SessionGuard.requireLatestIsLast(sep, d, input, false));
    assertEquals(ExitCode.DATA_ERROR, e.exitCode());
    assertTrue(e.getMessage().contains("Refusing to publish 2026-10"), e.getMessage());
    assertTrue(e.getMessage().contains("no sessions-2026-10.csv?"), e.getMessage());
  }

  @Test
  void requireLatestIsLast_allowedOrNoLaterMonth_passes() {
    ReviewPeriod sep = new ReviewPeriod(YearMonth.of(2026, 9));
    SessionGuard.requireLatestIsLast(sep, data(months(300, 0).build()), input, true);
    SessionGuard.requireLatestIsLast(OCT, data(months(300, 290).build()), input, false);
  }

  @Test
  void requireSessions_belowHalfOfSeptember_exits65() {
    String m = refused(months(300, 149).build()).getMessage();
    assertTrue(m.contains("2026-10 has 149 session rows, fewer than half the 300 of 2026-09"), m);
  }

  @Test
  void requireSessions_halfOfSeptember_passes() {
    SessionGuard.requireSessions(OCT, data(months(300, 150).build()), input, false);
  }

  @Test
  void requireSessions_allowed_passes() {
    SessionGuard.requireSessions(OCT, data(months(300, 0).build()), input, true);
  }

  @Test
  void requireSessions_firstMonthOfSessions_passes() {
    SessionGuard.requireSessions(OCT, data(months(0, 5).build()), input, false);
  }

  @Test
  void requireSessions_monthNotOverInTheInput_comparesWithTheDaysCovered() {
    // 10 of October's 31 days exported: 100 sessions against September's 300 is a normal pace.
    Coverage.Builder b = new Coverage.Builder();
    for (int i = 0; i < 300; i++) {
      b.session(LocalDate.of(2026, 9, 1 + i % 30).toEpochDay());
    }
    for (int i = 0; i < 100; i++) {
      b.session(LocalDate.of(2026, 10, 1 + i % 10).toEpochDay());
    }
    SessionGuard.requireSessions(OCT, data(b.build()), input, false);
    // The same 10 days with 40 sessions is below half of that pace.
    Coverage.Builder few = new Coverage.Builder();
    for (int i = 0; i < 300; i++) {
      few.session(LocalDate.of(2026, 9, 1 + i % 30).toEpochDay());
    }
    for (int i = 0; i < 40; i++) {
      few.session(LocalDate.of(2026, 10, 1 + i % 10).toEpochDay());
    }
    String m = refused(few.build()).getMessage();
    assertTrue(m.contains("(97 for the 10 days of 2026-10 the input covers)"), m);
  }

  @Test
  void requireSessions_shardKnowingOtherDatesFromTheMonthOnly_skipsTheShareRule() {
    Coverage c = months(300, 10).build(Optional.of(LocalDate.of(2026, 10, 1)));
    SessionGuard.requireSessions(OCT, data(c), input, false);
  }
}
