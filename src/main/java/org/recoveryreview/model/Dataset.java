package org.recoveryreview.model;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Everything ingestion produced: the rows used (sessions exclude ignored void/scheduled ones), the
 * per-file accounting and every row set aside, in input order; {@code goals} are the goal reviews
 * used (empty without a goals file); {@code coverage} is the dates of the used rows of every
 * patient, also when a partitioned run kept only its own patients' rows.
 */
public record Dataset(
    List<Patient> patients,
    List<Session> sessions,
    List<Assessment> assessments,
    List<InputFile> inputFiles,
    List<DataIssue> issues,
    List<GoalRating> goals,
    Coverage coverage) {

  /** A dataset whose rows are every patient's, so its coverage is that of its own rows. */
  public Dataset(
      List<Patient> patients,
      List<Session> sessions,
      List<Assessment> assessments,
      List<InputFile> inputFiles,
      List<DataIssue> issues,
      List<GoalRating> goals) {
    this(
        patients,
        sessions,
        assessments,
        inputFiles,
        issues,
        goals,
        Coverage.of(sessions, assessments));
  }

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
    return coverage.last();
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

  /**
   * This dataset's row accounting and coverage without its rows: what rendering needs once the
   * analysis is done, so the rows (most of the heap) can be collected.
   */
  public Dataset accountingOnly() {
    return new Dataset(List.of(), List.of(), List.of(), inputFiles, issues, List.of(), coverage);
  }
}
