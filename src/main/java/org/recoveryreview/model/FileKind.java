package org.recoveryreview.model;

import java.util.List;
import java.util.Locale;

/**
 * The kinds of input file the contract defines, with their columns in canonical order (the one
 * definition that the reader and the generator share).
 */
public enum FileKind {
  PATIENTS(
      List.of(
          "patient_id",
          "name",
          "birth_date",
          "sex",
          "affected_side",
          "diagnosis",
          "onset_date",
          "clinic",
          "therapist",
          "program_start",
          "discharge_date",
          "language")),
  SESSIONS(
      List.of(
          "session_id",
          "patient_id",
          "date",
          "setting",
          "therapy",
          "status",
          "planned_minutes",
          "actual_minutes",
          "therapist")),
  ASSESSMENTS(
      List.of(
          "patient_id",
          "date",
          "assessor",
          "brunnstrom_arm",
          "brunnstrom_hand",
          "fma_a",
          "fma_b",
          "fma_c",
          "fma_d",
          "arat",
          "arat_grasp",
          "arat_grip",
          "arat_pinch",
          "arat_gross")),
  GOALS(
      List.of(
          "patient_id",
          "goal_id",
          "set_on",
          "review_date",
          "domain",
          "description",
          "baseline",
          "attainment",
          "importance",
          "difficulty",
          "target_date"));

  private final List<String> columns;

  FileKind(List<String> columns) {
    this.columns = columns;
  }

  /** The lower-case name used in file names ({@code patients*.csv}) and in data-issues.csv. */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The contract's columns of this kind, in the order a well-formed export writes them. */
  public List<String> columns() {
    return columns;
  }
}
