package org.recoveryreview.ingest;

/**
 * Turns one data row into the record it stands for, or rejects it naming the first broken rule.
 * Checkers run on worker threads, one instance per file, so they need not be thread-safe.
 *
 * @param <T> the record a row becomes
 */
interface RowChecker<T> {
  T check(CsvFile.Row row) throws RowRules.Reject;

  /** The key under which versions of a record are resolved (duplicate or superseded). */
  String key(T value);

  /** The key a rejected row is listed under in data-issues. */
  String rejectedKey(CsvFile.Row row);
}
