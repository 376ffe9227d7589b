package org.recoveryreview.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.recoveryreview.analysis.Fixtures.analyze;
import static org.recoveryreview.analysis.Fixtures.d;
import static org.recoveryreview.analysis.Fixtures.dataset;
import static org.recoveryreview.analysis.Fixtures.patient;
import static org.recoveryreview.analysis.Fixtures.review;
import static org.recoveryreview.analysis.Fixtures.s;
import static org.recoveryreview.model.Setting.CLINIC;
import static org.recoveryreview.model.Setting.HOME;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.IsoFields;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.recoveryreview.model.Adherence;
import org.recoveryreview.model.Dataset;
import org.recoveryreview.model.PatientHistory;
import org.recoveryreview.model.ReviewPeriod;
import org.recoveryreview.model.SessionSummary;
import org.recoveryreview.model.Status;
import org.recoveryreview.model.TherapyMinutes;
import org.recoveryreview.model.WeekAdherence;

class HistoryAnalysisTest {

  @Test
  void analyze_weeksAcrossYearBoundary_isoWeek53AndZeroWeeks() {
    // 2026 starts on a Thursday, so it has 53 ISO weeks: 2026-12-28 .. 2027-01-03 is 2026-W53.
    var ds =
        dataset(
            List.of(patient("P1", "2026-06-01", "North", "Ann", Optional.of(d("2026-12-16")))),
            List.of(
                s("P1", "2026-12-29", HOME, Status.COMPLETED, 30, null),
                s("P1", "2027-01-02", CLINIC, Status.MISSED, 60, null),
                s("P1", "2027-01-06", CLINIC, Status.COMPLETED, 60, 45)),
            List.of());
    List<WeekAdherence> weeks =
        review(analyze(ds, new ReviewPeriod(YearMonth.of(2027, 1)), Set.of()), "P1")
            .history()
            .weeks();
    List<String> labels = weeks.stream().map(WeekAdherence::label).toList();
    assertEquals(
        List.of("2026-W51", "2026-W52", "2026-W53", "2027-W01", "2027-W02", "2027-W03", "2027-W04"),
        labels);
    assertEquals(d("2026-12-14"), weeks.get(0).weekStart());
    assertEquals(d("2026-12-28"), weeks.get(2).weekStart());
    assertEquals(Adherence.NONE, weeks.get(0).adherence());
    assertEquals(new Adherence(1, 0, 1, 1, 90, 30, 30), weeks.get(2).adherence());
    assertEquals(new Adherence(1, 1, 0, 0, 60, 45, 45), weeks.get(3).adherence());
    assertEquals(Adherence.NONE, weeks.get(6).adherence());
  }

  @Test
  void analyze_noProgramStart_weeksFromFirstSession() {
    var ds =
        dataset(
            List.of(patient("P1", "2026-06-01")),
            List.of(
                s("P1", "2026-10-20", HOME, Status.CLINIC_CANCELLED, 30, null), // not counted
                s("P1", "2026-10-28", HOME, Status.COMPLETED, 30, null)),
            List.of());
    List<WeekAdherence> weeks = review(analyze(ds), "P1").history().weeks();
    // 2026-10-28 is in the week of Monday 2026-10-26 (W44); the period ends Saturday 2026-10-31.
    assertEquals(1, weeks.size());
    assertEquals("2026-W44", weeks.get(0).label());
  }

  @Test
  void weekLabels_everyMondayFrom1999To2041_matchIsoFields() {
    // The pass derives ISO year and week from the Thursday; IsoFields is the reference.
    var ds =
        dataset(
            List.of(patient("P1", "1999-01-01", "North", "Ann", Optional.of(d("1999-01-04")))),
            List.of(s("P1", "2041-12-30", HOME, Status.COMPLETED, 30, null)),
            List.of());
    List<WeekAdherence> weeks =
        review(analyze(ds, new ReviewPeriod(YearMonth.of(2041, 12)), Set.of()), "P1")
            .history()
            .weeks();
    for (WeekAdherence w : weeks) {
      LocalDate day = w.weekStart();
      assertEquals(java.time.DayOfWeek.MONDAY, day.getDayOfWeek());
      assertEquals(day.get(IsoFields.WEEK_BASED_YEAR), w.isoYear(), day.toString());
      assertEquals(day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR), w.isoWeek(), day.toString());
    }
    // 1999-01-04 .. 2041-12-31: 43 * 365 + 11 leap days - 4 = 15702 days, i.e. 2243 full weeks
    // plus the week of Monday 2041-12-30.
    assertEquals(2244, weeks.size());
  }

  @Test
  void analyze_history_therapyMinutesPerMonthAndPeriodSummary() {
    var ds =
        dataset(
            List.of(patient("P1", "2026-06-01")),
            List.of(
                s("P1", "2026-09-03", HOME, "mirror", Status.COMPLETED, 30, 20),
                s("P1", "2026-10-01", HOME, "mirror", Status.COMPLETED, 30, null),
                s("P1", "2026-10-02", HOME, "mirror", Status.MISSED, 30, null),
                s("P1", "2026-10-03", CLINIC, "cimt", Status.COMPLETED, 60, 70),
                s("P1", "2026-10-04", CLINIC, "cimt", Status.CLINIC_CANCELLED, 60, null),
                s("P1", "2026-11-04", CLINIC, "cimt", Status.COMPLETED, 60, null)),
            List.of());
    PatientHistory h = review(analyze(ds), "P1").history();
    assertEquals(
        List.of(
            new TherapyMinutes(YearMonth.of(2026, 9), "mirror", 30, 20),
            new TherapyMinutes(YearMonth.of(2026, 10), "cimt", 60, 70),
            new TherapyMinutes(YearMonth.of(2026, 10), "mirror", 60, 30, 30)),
        h.therapyMinutes());
    assertEquals(
        List.of(
            new SessionSummary("cimt", CLINIC, Status.COMPLETED, 1, 60, 70),
            new SessionSummary("cimt", CLINIC, Status.CLINIC_CANCELLED, 1, 60, 0),
            new SessionSummary("mirror", HOME, Status.COMPLETED, 1, 30, 30, 1, 30),
            new SessionSummary("mirror", HOME, Status.MISSED, 1, 30, 0)),
        h.periodSessions());
  }

  @Test
  void analyze_completedWithoutDuration_assumedMinutesSeparateFromRecorded() {
    Dataset ds =
        dataset(
            List.of(patient("P1", "2026-01-10")),
            List.of(
                s("P1", "2026-09-03", HOME, "mirror", Status.COMPLETED, 30, null),
                s("P1", "2026-09-04", HOME, "mirror", Status.COMPLETED, 30, 25),
                s("P1", "2026-10-01", HOME, "mirror", Status.COMPLETED, 30, null),
                s("P1", "2026-10-02", CLINIC, "cimt", Status.COMPLETED, 60, null),
                s("P1", "2026-10-03", CLINIC, "cimt", Status.COMPLETED, 60, 45),
                // A partial or missed session without minutes is not assumed done.
                s("P1", "2026-10-04", HOME, "mirror", Status.PARTIAL, 30, null),
                s("P1", "2026-10-05", HOME, "mirror", Status.MISSED, 30, null),
                s("P1", "2026-11-02", HOME, "mirror", Status.COMPLETED, 30, null)),
            List.of());
    org.recoveryreview.model.PatientMetrics m = review(analyze(ds), "P1").metrics();
    assertEquals(135, m.adherence().period().actualMinutes());
    assertEquals(2, m.adherence().imputedMinutesSessions());
    assertEquals(90, m.adherence().imputedMinutes());
    assertEquals(45, m.recordedMinutes());
    assertEquals(30, m.adherence().previousImputedMinutes());
  }

  @Test
  void analyze_everyDurationRecorded_noAssumedMinutes() {
    Dataset ds =
        dataset(
            List.of(patient("P1", "2026-01-10")),
            List.of(s("P1", "2026-10-03", CLINIC, "cimt", Status.COMPLETED, 60, 45)),
            List.of());
    org.recoveryreview.model.PatientMetrics m = review(analyze(ds), "P1").metrics();
    assertEquals(0, m.adherence().imputedMinutes());
    assertEquals(45, m.recordedMinutes());
    assertEquals(
        List.of(new SessionSummary("cimt", CLINIC, Status.COMPLETED, 1, 60, 45, 0, 0)),
        review(analyze(ds), "P1").history().periodSessions());
  }
}
