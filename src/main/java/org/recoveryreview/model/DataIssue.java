package org.recoveryreview.model;

/**
 * One row that ingestion did not use, with where it came from and why; {@code line} is the 1-based
 * line on which the record starts (the header is line 1). Empty strings stand for "not applicable".
 * {@code reason} is the full sentence written to data-issues.csv (naming column, value and what was
 * expected); {@code problem} is a short value-free category such as "unknown status" so reports can
 * count the most common problems. Control characters in the text fields are stored escaped ({@link
 * Printable#escape}), so no raw NUL or escape sequence reaches a CSV or a terminal.
 */
public record DataIssue(
    String file,
    long line,
    FileKind kind,
    String key,
    String column,
    String value,
    IssueAction action,
    String reason,
    String problem) {

  public DataIssue {
    file = Printable.escape(file);
    key = Printable.escape(key);
    column = Printable.escape(column);
    value = Printable.escape(value);
    reason = Printable.escape(reason);
  }
}
