package org.recoveryreview.ingest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What the data rows of one file became, in line order: the records that passed the checks (with
 * their start lines) and the rejections. Files are parsed in parallel into these; keys are then
 * resolved sequentially in file-then-line order so the outcome does not depend on threads.
 *
 * @param <T> the record a row becomes
 */
final class ParsedFile<T> {
  record Rejection(long line, String key, RowRules.Reject reject) {}

  final int file;
  private final ArrayList<T> values;
  private long[] lines;
  final List<Rejection> rejections = new ArrayList<>();
  CsvFile.Result result;

  ParsedFile(int file, int expectedRows) {
    this.file = file;
    int capacity = Math.max(16, expectedRows);
    this.values = new ArrayList<>(capacity);
    this.lines = new long[capacity];
  }

  /**
   * A guess at the number of rows from the file's size (contract rows take about 80 bytes; gzip
   * shrinks them about fivefold), so buffers rarely grow; a wrong guess costs only a copy.
   */
  static int expectedRows(java.nio.file.Path path) {
    try {
      long bytes = java.nio.file.Files.size(path);
      long rows = CsvFile.isGzip(path.getFileName().toString()) ? bytes / 16 : bytes / 72;
      return (int) Math.min(rows, 1 << 22);
    } catch (java.io.IOException e) {
      // The read itself reports an unreadable file with a clear message.
      return 0;
    }
  }

  /** Parses {@code path} with {@code checker}; runs on a worker thread. */
  static <T> ParsedFile<T> parse(
      CsvFile csv,
      java.nio.file.Path path,
      Schema schema,
      java.util.Map<String, Integer> aliases,
      int file,
      RowChecker<T> checker) {
    ParsedFile<T> parsed = new ParsedFile<>(file, expectedRows(path));
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
