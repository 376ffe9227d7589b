package org.recoveryreview.model;

import java.util.Locale;

/**
 * The three kinds of input file the contract defines, named as in file names and data-issues.csv.
 */
public enum FileKind {
  PATIENTS,
  SESSIONS,
  ASSESSMENTS;

  /** The lower-case name used in file names ({@code patients*.csv}) and in data-issues.csv. */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }
}
