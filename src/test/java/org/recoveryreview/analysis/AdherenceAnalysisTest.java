package org.recoveryreview.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.recoveryreview.analysis.Fixtures.analyze;
import static org.recoveryreview.analysis.Fixtures.dataset;
import static org.recoveryreview.analysis.Fixtures.fma;
import static org.recoveryreview.analysis.Fixtures.ids;
import static org.recoveryreview.analysis.Fixtures.patient;
import static org.recoveryreview.analysis.Fixtures.review;
import static org.recoveryreview.analysis.Fixtures.s;
import static org.recoveryreview.model.Setting.CLINIC;
import static org.recoveryreview.model.Setting.HOME;
import static org.recoveryreview.model.Setting.TELE;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.recoveryreview.model.Adherence;
import org.recoveryreview.model.AdherenceBand;
import org.recoveryreview.model.Dataset;
import org.recoveryreview.model.Flag;
import org.recoveryreview.model.PatientMetrics;
import org.recoveryreview.model.ReviewResults;
import org.recoveryreview.model.Status;

class AdherenceAnalysisTest {

  private static Dataset mixed() {
    return dataset(
        List.of(patient("P1", "2025-01-01")),
        List.of(
            s("P1", "2026-10-01", CLINIC, Status.COMPLETED, 60, null), // blank, completed: 60
            s("P1", "2026-10-02", TELE, Status.PARTIAL, 60, 30),
            s("P1", "2026-10-03", CLINIC, Status.MISSED, 60, null), // blank, missed: 0
            s("P1", "2026-10-04", CLINIC, Status.LATE_CANCEL, 45, null),
            s("P1", "2026-10-05", CLINIC, Status.CANCELLED, 45, null),
            s("P1", "2026-10-06", CLINIC, Status.CLINIC_CANCELLED, 60, null), // not counted
            s("P1", "2026-10-07", HOME, Status.COMPLETED, 30, 50), // written above planned
            s("P1", "2026-10-08", HOME, Status.MISSED, 30, 10), // written value counts
            s("P1", "2026-10-09", HOME, Status.PARTIAL, 30, null), // blank, partial: 0
            s("P1", "2026-09-30", CLINIC, Status.COMPLETED, 40, null), // previous month
            s("P1", "2026-11-01", CLINIC, Status.MISSED, 40, null)), // after the period
        List.of(fma("P1", "2026-10-15", 30)));
  }

  @Test
  void analyze_mixedStatuses_countsEachAdherenceFigure() {
    PatientMetrics m = review(analyze(mixed()), "P1").metrics();
    assertEquals(new Adherence(5, 2, 3, 2, 360, 150, 130), m.adherence().period());
    assertEquals(0.4, m.adherence().period().attendanceRate().getAsDouble(), 1e-12);
    assertEquals(2.0 / 3.0, m.adherence().period().homeCompletionRate().getAsDouble(), 1e-12);
    assertEquals(130.0 / 360.0, m.adherence().period().doseRate().getAsDouble(), 1e-12);
    assertEquals(0.5, m.adherence().period().overallRate().getAsDouble(), 1e-12);
    assertEquals(AdherenceBand.PARTIAL, m.adherence().band());
  }

  @Test
  void analyze_sessionInPreviousMonth_countsInPreviousMonthOnly() {
    PatientMetrics m = review(analyze(mixed()), "P1").metrics();
    assertEquals(new Adherence(1, 1, 0, 0, 40, 40, 40), m.adherence().previousMonth());
    assertEquals(AdherenceBand.ADHERENT, m.adherence().previousBand());
  }

  @Test
  void analyze_onlyClinicCancelled_ratesEmptyAndBandNoData() {
    Dataset d =
        dataset(
            List.of(patient("P1", "2025-01-01")),
            List.of(s("P1", "2026-10-06", CLINIC, Status.CLINIC_CANCELLED, 60, null)),
            List.of());
    ReviewResults r = analyze(d);
    PatientMetrics m = review(r, "P1").metrics();
    assertEquals(Adherence.NONE, m.adherence().period());
    assertTrue(m.adherence().period().attendanceRate().isEmpty());
    assertTrue(m.adherence().period().homeCompletionRate().isEmpty());
    assertTrue(m.adherence().period().doseRate().isEmpty());
    assertTrue(m.adherence().period().overallRate().isEmpty());
    assertEquals(AdherenceBand.NO_DATA, m.adherence().band());
    assertFalse(m.flags().contains(Flag.LOW_ADHERENCE));
    assertEquals(List.of(), r.program().overallRates());
  }

  @Test
  void analyze_clinicOnly_homeRateEmptyWhileAttendanceSet() {
    Dataset d =
        dataset(
            List.of(patient("P1", "2025-01-01")),
            List.of(s("P1", "2026-10-06", CLINIC, Status.COMPLETED, 60, 60)),
            List.of());
    PatientMetrics m = review(analyze(d), "P1").metrics();
    assertEquals(1.0, m.adherence().period().attendanceRate().getAsDouble(), 1e-12);
    assertTrue(m.adherence().period().homeCompletionRate().isEmpty());
  }

  @Test
  void analyze_oneOfFourDone_lowBandAndFollowUp() {
    Dataset d =
        dataset(
            List.of(patient("P1", "2025-01-01")),
            List.of(
                s("P1", "2026-10-01", HOME, Status.COMPLETED, 30, null),
                s("P1", "2026-10-02", HOME, Status.MISSED, 30, null),
                s("P1", "2026-10-03", HOME, Status.MISSED, 30, null),
                s("P1", "2026-10-04", HOME, Status.MISSED, 30, null)),
            List.of(fma("P1", "2026-10-15", 30)));
    ReviewResults r = analyze(d);
    PatientMetrics m = review(r, "P1").metrics();
    assertEquals(AdherenceBand.LOW, m.adherence().band());
    // Four home sessions, one done: the home programme is low as well.
    assertEquals(List.of(Flag.HOME_PROGRAMME_LOW, Flag.LOW_ADHERENCE), m.flags());
    assertEquals(1, r.program().followUps().size());
    // The entry lists its bullets in clinical order, not by code.
    assertEquals(
        List.of(Flag.LOW_ADHERENCE, Flag.HOME_PROGRAMME_LOW),
        r.program().followUps().get(0).flags());
  }

  @Test
  void analyze_dose_capsEachSessionAtPlanned() {
    // 50 of 30 on one day does not make up for 0 of 30 on another: dose 30/60, not 50/60.
    Dataset d =
        dataset(
            List.of(patient("P1", "2025-01-01")),
            List.of(
                s("P1", "2026-10-01", HOME, Status.COMPLETED, 30, 50),
                s("P1", "2026-10-02", HOME, Status.MISSED, 30, null)),
            List.of());
    PatientMetrics m = review(analyze(d), "P1").metrics();
    assertEquals(50, m.adherence().period().actualMinutes());
    assertEquals(0.5, m.adherence().period().doseRate().getAsDouble(), 1e-12);
  }

  @Test
  void analyze_inReviewRules_sessionOrAssessmentInPeriod() {
    Dataset d =
        dataset(
            List.of(
                patient("A", "2025-01-01"),
                patient("B", "2025-01-01"),
                patient("C", "2025-01-01"),
                patient("D", "2025-01-01")),
            List.of(
                s("A", "2026-10-31", CLINIC, Status.CLINIC_CANCELLED, 60, null),
                s("C", "2026-09-30", CLINIC, Status.COMPLETED, 60, null),
                s("D", "2026-11-01", CLINIC, Status.COMPLETED, 60, null)),
            List.of(fma("B", "2026-10-01", 20), fma("C", "2026-11-01", 20)));
    assertEquals(Set.of("A", "B"), ids(analyze(d)));
  }

  @Test
  void analyze_patientFilter_limitsPatientsAndProgramme() {
    Dataset d =
        dataset(
            List.of(patient("P1", "2025-01-01"), patient("P2", "2025-01-01")),
            List.of(
                s("P1", "2026-10-01", HOME, Status.COMPLETED, 30, null),
                s("P2", "2026-10-01", HOME, Status.MISSED, 30, null),
                s("P2", "2026-10-02", HOME, Status.COMPLETED, 30, null)),
            List.of());
    ReviewResults r = analyze(d, Fixtures.OCT_2026, Set.of("P2", "NOPE"));
    assertEquals(Set.of("P2"), ids(r));
    assertEquals(1, r.program().headline().patientsInReview());
    assertEquals(new Adherence(0, 0, 2, 1, 60, 30, 30), r.program().headline().overall());
  }

  @Test
  void analyze_results_sortedByPatientId() {
    Dataset d =
        dataset(
            List.of(
                patient("b", "2025-01-01"), patient("B", "2025-01-01"), patient("a", "2025-01-01")),
            List.of(
                s("b", "2026-10-01", HOME, Status.COMPLETED, 30, null),
                s("a", "2026-10-01", HOME, Status.COMPLETED, 30, null),
                s("B", "2026-10-01", HOME, Status.COMPLETED, 30, null)),
            List.of());
    List<String> order = analyze(d).patients().stream().map(p -> p.metrics().patientId()).toList();
    assertEquals(List.of("B", "a", "b"), order);
  }
}
