package org.recoveryreview.model;

import java.util.Locale;

/** What ingestion did with a row it did not use, as written in data-issues.csv. */
public enum IssueAction {
  REJECTED,
  DUPLICATE,
  SUPERSEDED,
  IGNORED;

  /** The lower-case value written in the {@code action} column. */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }
}
