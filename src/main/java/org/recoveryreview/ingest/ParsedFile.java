package org.recoveryreview.ingest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What the data rows of one file became, in line order: the records that passed the checks (with
 * their start lines) and the rejections. Files are parsed in parallel into these; keys
 * are then resolved sequentially in file-then-line order so the outcome does not depend on threads.
 *
 * @param <T> the record a row becomes
 */
final class ParsedFile<T> {
  record Rejection(long line, String key, RowRules.Reject reject) {}

  final int file;
  private final ArrayList<T> values = new ArrayList<>();
  private long[] lines = new long[1024];
  final List<Rejection> rejections = new ArrayList<>();
  CsvFile.Result result;

  ParsedFile(int file) {
    this.file = file;
  }

  /** Parses {@code path} with {@code checker}; runs on a worker thread. */
  static <T> ParsedFile<T> parse(
      CsvFile csv,
      java.nio.file.Path path,
      Schema schema,
      java.util.Map<String, Integer> aliases,
      int file,
      RowChecker<T> checker) {
    ParsedFile<T> parsed = new ParsedFile<>(file);
    parsed.result =
        csv.read(
            path,
            schema,
            aliases,
            row -> {
              T value;
              try {
                value = checker.check(row);
              } catch (RowRules.Reject r) {
                parsed.rejections.add(new Rejection(row.line(), checker.rejectedKey(row), r));
                return;
              }
              // String caches its hash: computing it here keeps the sequential resolution short.
              checker.key(value).hashCode();
              parsed.add(value, row.line());
            });
    return parsed;
  }

  private void add(T value, long line) {
    int i = values.size();
    if (i == lines.length) {
      lines = Arrays.copyOf(lines, i * 2);
    }
    values.add(value);
    lines[i] = line;
  }

  int size() {
    return values.size();
  }

  T value(int i) {
    return values.get(i);
  }

  long line(int i) {
    return lines[i];
  }
}
