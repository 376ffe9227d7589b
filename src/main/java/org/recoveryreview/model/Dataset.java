package org.recoveryreview.model;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Everything ingestion produced: the rows used (sessions exclude ignored void/scheduled ones), the
 * per-file accounting and every row set aside, in input order; {@code goals} are the goal reviews
 * used (empty without a goals file).
 */
public record Dataset(
    List<Patient> patients,
    List<Session> sessions,
    List<Assessment> assessments,
    List<InputFile> inputFiles,
    List<DataIssue> issues,
    List<GoalRating> goals) {

  /** A dataset without goals (no goals file, or goals no longer needed). */
  public Dataset(
      List<Patient> patients,
      List<Session> sessions,
      List<Assessment> assessments,
      List<InputFile> inputFiles,
      List<DataIssue> issues) {
    this(patients, sessions, assessments, inputFiles, issues, List.of());
  }

  public Dataset {
    patients = List.copyOf(patients);
    sessions = List.copyOf(sessions);
    assessments = List.copyOf(assessments);
    inputFiles = List.copyOf(inputFiles);
    issues = List.copyOf(issues);
    goals = List.copyOf(goals);
  }

  /** Data rows read across all files. */
  public long rowsRead() {
    return inputFiles.stream().mapToLong(InputFile::rowsRead).sum();
  }

  /** Rows rejected across all files. */
  public long rowsRejected() {
    return inputFiles.stream().mapToLong(InputFile::rejected).sum();
  }

  /**
   * The latest session or assessment date among the rows used: what "data as of" means on every
   * report, and the source of reproducible PDF timestamps.
   */
  public Optional<LocalDate> dataAsOf() {
    LocalDate max = null;
    for (Session s : sessions) {
      if (max == null || s.date().isAfter(max)) {
        max = s.date();
      }
    }
    for (Assessment a : assessments) {
      if (max == null || a.date().isAfter(max)) {
        max = a.date();
      }
    }
    return Optional.ofNullable(max);
  }

  /**
   * The "data as of" date of a review of {@code period}: the latest row date, but never after the
   * period's end, because a past period's figures stop there whatever later rows the input holds;
   * the period's end when there are no rows.
   */
  public LocalDate dataAsOf(ReviewPeriod period) {
    return dataAsOf().filter(d -> !d.isAfter(period.end())).orElse(period.end());
  }

  /** Convenience for callers that must not see a null. */
  public static Dataset empty() {
    return new Dataset(List.of(), List.of(), List.of(), List.of(), List.of());
  }
}
