package org.recoveryreview.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.recoveryreview.analysis.Fixtures.a;
import static org.recoveryreview.analysis.Fixtures.analyze;
import static org.recoveryreview.analysis.Fixtures.d;
import static org.recoveryreview.analysis.Fixtures.dataset;
import static org.recoveryreview.analysis.Fixtures.fma;
import static org.recoveryreview.analysis.Fixtures.patient;
import static org.recoveryreview.analysis.Fixtures.review;
import static org.recoveryreview.analysis.Fixtures.s;
import static org.recoveryreview.analysis.Fixtures.stages;
import static org.recoveryreview.model.Setting.CLINIC;

import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.recoveryreview.model.Adherence;
import org.recoveryreview.model.AssessmentPoint;
import org.recoveryreview.model.ChangeLabel;
import org.recoveryreview.model.ChartWindows;
import org.recoveryreview.model.PatientHistory;
import org.recoveryreview.model.ReviewPeriod;
import org.recoveryreview.model.Status;
import org.recoveryreview.model.WeekAdherence;

/** The chart windows, the period's transitions and the history labels analysis hands the report. */
class ChartWindowsTest {

  @Test
  void windows_handout_lastEightWeeksW37toW44WithEmptyWeeksAsZero() {
    var ds =
        dataset(
            List.of(patient("P1", "2026-06-01", "North", "Ann", Optional.of(d("2026-08-17")))),
            List.of(s("P1", "2026-10-06", CLINIC, Status.MISSED, 60, null)),
            List.of(stages("P1", "2026-08-20", 2, 2)));
    ChartWindows w = review(analyze(ds), "P1").history().windows();
    List<String> labels = w.handoutWeeks().stream().map(WeekAdherence::shortLabel).toList();
    assertEquals(List.of("W37", "W38", "W39", "W40", "W41", "W42", "W43", "W44"), labels);
    // No session in W44 (or most weeks): the week is there, with nothing done, not left out.
    assertEquals(Adherence.NONE, w.handoutWeeks().get(7).adherence());
    assertEquals(w.weeks().subList(8, 16), w.handoutWeeks());
  }

  @Test
  void windows_october2026_sixteenWeeksW29toW44AndMayToOctober() {
    var ds =
        dataset(
            List.of(patient("P1", "2026-06-01", "North", "Ann", Optional.of(d("2026-08-17")))),
            List.of(s("P1", "2026-10-06", CLINIC, Status.MISSED, 60, null)),
            List.of(stages("P1", "2026-08-20", 2, 2)));
    ChartWindows w = review(analyze(ds), "P1").history().windows();
    List<String> labels = w.weeks().stream().map(WeekAdherence::shortLabel).toList();
    assertEquals(16, labels.size());
    assertEquals("W29", labels.get(0));
    assertEquals("W44", labels.get(15));
    assertEquals(d("2026-07-13"), w.weeks().get(0).weekStart());
    assertEquals(d("2026-10-26"), w.weeks().get(15).weekStart());
    // Weeks before the first session are filled in empty; the missed week keeps its counts.
    assertEquals(Adherence.NONE, w.weeks().get(0).adherence());
    assertEquals(1, w.weeks().get(12).adherence().clinicScheduled());
    assertEquals(0, w.weeks().get(12).adherence().clinicAttended());
    assertEquals(
        List.of(
            YearMonth.of(2026, 5),
            YearMonth.of(2026, 6),
            YearMonth.of(2026, 7),
            YearMonth.of(2026, 8),
            YearMonth.of(2026, 9),
            YearMonth.of(2026, 10)),
        w.months());
    assertEquals(d("2026-08-17"), w.programmeStart());
    // Recovery axis: five months before the period's month unless an assessment is older.
    assertEquals(d("2026-05-01"), w.recoveryFrom());
    assertEquals(d("2026-10-31"), w.recoveryTo());
  }

  @Test
  void windows_januaryAfterA53WeekYear_labelsW53ThenW1() {
    var ds =
        dataset(
            List.of(patient("P1", "2026-06-01")),
            List.of(s("P1", "2027-01-05", CLINIC, Status.COMPLETED, 60, 60)),
            List.of());
    ChartWindows w =
        review(analyze(ds, new ReviewPeriod(YearMonth.of(2027, 1)), Set.of()), "P1")
            .history()
            .windows();
    List<String> labels = w.weeks().stream().map(WeekAdherence::shortLabel).toList();
    assertEquals("W53", labels.get(11));
    assertEquals("W1", labels.get(12));
    assertEquals("W4", labels.get(15));
    assertEquals(2026, w.weeks().get(11).isoYear());
    assertEquals(2027, w.weeks().get(12).isoYear());
  }

  @Test
  void windows_onsetAfterProgrammeStartAndOldAssessment_onsetAndOldestDateWin() {
    var ds =
        dataset(
            List.of(patient("P1", "2026-03-10", "North", "Ann", Optional.of(d("2026-03-01")))),
            List.of(s("P1", "2026-10-05", CLINIC, Status.COMPLETED, 60, 60)),
            List.of(stages("P1", "2026-03-20", 1, 1), stages("P1", "2026-10-02", 2, 1)));
    ChartWindows w = review(analyze(ds), "P1").history().windows();
    assertEquals(d("2026-03-10"), w.programmeStart());
    assertEquals(d("2026-03-20"), w.recoveryFrom());
  }

  @Test
  void history_transitionsBeforeAndInPeriod_onlyPeriodOnesMarkedForThePeriod() {
    var ds =
        dataset(
            List.of(patient("P1", "2026-06-01")),
            List.of(s("P1", "2026-10-05", CLINIC, Status.COMPLETED, 60, 60)),
            List.of(
                stages("P1", "2026-08-03", 2, 2),
                stages("P1", "2026-09-07", 3, 2),
                stages("P1", "2026-10-12", 3, 1)));
    PatientHistory h = review(analyze(ds), "P1").history();
    assertEquals(2, h.transitions().size());
    assertEquals(1, h.periodTransitions().size());
    assertEquals(d("2026-10-12"), h.periodTransitions().get(0).date());
    assertEquals(false, h.periodTransitions().get(0).isUp());
  }

  @Test
  void history_fmaChanges_labelledAgainstThePreviousCompleteTotal() {
    // Onset 1 Jun: 9 Sep is day 100 (late subacute, MCID 9); MDC 3.2.
    var ds =
        dataset(
            List.of(patient("P1", "2026-06-01")),
            List.of(s("P1", "2026-10-05", CLINIC, Status.COMPLETED, 60, 60)),
            List.of(
                fma("P1", "2026-07-01", 20),
                a("P1", "2026-08-01", null, null, 30, null, 3, 3),
                fma("P1", "2026-09-09", 22),
                fma("P1", "2026-10-01", 30),
                fma("P1", "2026-10-20", 42)));
    List<AssessmentPoint> points = review(analyze(ds), "P1").history().assessments();
    assertEquals(5, points.size());
    assertEquals(30, points.get(0).daysSinceOnset());
    assertEquals(OptionalInt.empty(), points.get(0).fmaChange());
    // An incomplete Fugl-Meyer has no change and is skipped as a reference.
    assertEquals(OptionalInt.empty(), points.get(1).fmaChange());
    assertEquals(OptionalInt.of(2), points.get(2).fmaChange());
    assertEquals(Optional.of(ChangeLabel.WITHIN_ERROR), points.get(2).fmaChangeLabel());
    assertEquals(OptionalInt.of(8), points.get(3).fmaChange());
    assertEquals(Optional.of(ChangeLabel.DETECTABLE), points.get(3).fmaChangeLabel());
    assertEquals(OptionalInt.of(12), points.get(4).fmaChange());
    assertEquals(Optional.of(ChangeLabel.IMPORTANT), points.get(4).fmaChangeLabel());
  }
}
