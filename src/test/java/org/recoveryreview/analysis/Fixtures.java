package org.recoveryreview.analysis;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.recoveryreview.model.AnalysisSettings;
import org.recoveryreview.model.Assessment;
import org.recoveryreview.model.DataIssue;
import org.recoveryreview.model.Dataset;
import org.recoveryreview.model.InputFile;
import org.recoveryreview.model.Patient;
import org.recoveryreview.model.PatientReview;
import org.recoveryreview.model.ReviewPeriod;
import org.recoveryreview.model.ReviewResults;
import org.recoveryreview.model.Session;
import org.recoveryreview.model.Setting;
import org.recoveryreview.model.Status;

/** Terse builders for hand-made datasets. */
final class Fixtures {
  static final ReviewPeriod OCT_2026 = new ReviewPeriod(YearMonth.of(2026, 10));
  private static int nextSession;

  private Fixtures() {}

  static LocalDate d(String iso) {
    return LocalDate.parse(iso);
  }

  static Patient patient(String id, String onset) {
    return patient(id, onset, "North", "Ann", Optional.empty());
  }

  static Patient patient(
      String id, String onset, String clinic, String therapist, Optional<LocalDate> start) {
    return new Patient(
        id,
        "Name " + id,
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        d(onset),
        clinic,
        therapist,
        start,
        Optional.empty(),
        Optional.empty());
  }

  /** A session; {@code actual} null means blank. */
  static Session s(
      String patient, String date, Setting setting, Status status, int planned, Integer actual) {
    return s(patient, date, setting, "task_practice", status, planned, actual);
  }

  static Session s(
      String patient,
      String date,
      Setting setting,
      String therapy,
      Status status,
      int planned,
      Integer actual) {
    return new Session(
        "S" + (nextSession++),
        patient,
        d(date),
        setting,
        therapy,
        status,
        planned,
        actual == null ? OptionalInt.empty() : OptionalInt.of(actual),
        Optional.empty());
  }

  /** An assessment; null means blank. */
  static Assessment a(
      String patient,
      String date,
      Integer arm,
      Integer hand,
      Integer fa,
      Integer fb,
      Integer fc,
      Integer fd) {
    return new Assessment(
        patient,
        d(date),
        Optional.empty(),
        oi(arm),
        oi(hand),
        oi(fa),
        oi(fb),
        oi(fc),
        oi(fd),
        OptionalInt.empty(),
        org.recoveryreview.model.AratParts.NONE);
  }

  /** Brunnstrom stages only. */
  static Assessment stages(String patient, String date, Integer arm, Integer hand) {
    return a(patient, date, arm, hand, null, null, null, null);
  }

  /**
   * A complete Fugl-Meyer assessment whose parts sum to {@code total} (a=total-6, b=2, c=2, d=2).
   */
  static Assessment fma(String patient, String date, int total) {
    return a(patient, date, null, null, total - 6, 2, 2, 2);
  }

  private static OptionalInt oi(Integer v) {
    return v == null ? OptionalInt.empty() : OptionalInt.of(v);
  }

  static Dataset dataset(List<Patient> ps, List<Session> ss, List<Assessment> as) {
    return new Dataset(ps, ss, as, List.of(), List.of());
  }

  static Dataset dataset(
      List<Patient> ps,
      List<Session> ss,
      List<Assessment> as,
      List<InputFile> files,
      List<DataIssue> issues) {
    return new Dataset(ps, ss, as, files, issues);
  }

  static ReviewResults analyze(Dataset d) {
    return analyze(d, OCT_2026, Set.of());
  }

  static ReviewResults analyze(Dataset d, ReviewPeriod period, Set<String> filter) {
    return new Analyzer(AnalysisSettings.defaults(), 1).analyze(d, period, filter);
  }

  static PatientReview review(ReviewResults r, String id) {
    return r.patients().stream()
        .filter(p -> p.metrics().patientId().equals(id))
        .findFirst()
        .orElseThrow(() -> new AssertionError("patient " + id + " not in review"));
  }

  static Set<String> ids(ReviewResults r) {
    return r.patients().stream()
        .map(p -> p.metrics().patientId())
        .collect(java.util.stream.Collectors.toCollection(java.util.TreeSet::new));
  }
}
