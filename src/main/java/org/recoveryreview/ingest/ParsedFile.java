package org.recoveryreview.ingest;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * What a block of consecutive data rows of one file became, in line order: the records that passed
 * the checks (with their start lines) and the rejections; the file's last block also carries the
 * file's {@link CsvFile.Result}. Files are parsed in parallel into blocks; keys are then resolved
 * sequentially in file-then-line order so the outcome does not depend on threads, and a file of
 * millions of rows never sits in memory whole.
 *
 * @param <T> the record a row becomes
 */
final class ParsedFile<T> {
  record Rejection(long line, String key, RowRules.Reject reject) {}

  /** Rows per block: large enough that handing blocks over costs nothing, small enough to bound. */
  static final int BLOCK_ROWS = 16_384;

  final int file;
  private final ArrayList<T> values;
  private long[] lines;
  final List<Rejection> rejections = new ArrayList<>();

  /** Set on the file's last block only. */
  CsvFile.@Nullable Result result;

  ParsedFile(int file, int expectedRows) {
    this.file = file;
    int capacity = Math.max(16, expectedRows);
    this.values = new ArrayList<>(capacity);
    this.lines = new long[capacity];
  }

  /**
   * Parses {@code path} with {@code checker} on a worker thread, handing each block of {@link
   * #BLOCK_ROWS} rows to {@code emit} as it fills, and last a block (possibly empty) that carries
   * the file's result.
   */
  static <T> void parse(
      CsvFile csv,
      Path path,
      Schema schema,
      Map<String, Integer> aliases,
      int file,
      RowChecker<T> checker,
      Consumer<ParsedFile<T>> emit) {
    List<ParsedFile<T>> block = new ArrayList<>(1);
    block.add(new ParsedFile<>(file, BLOCK_ROWS));
    CsvFile.Result result =
        csv.read(
            path,
            schema,
            aliases,
            row -> {
              ParsedFile<T> parsed = block.get(0);
              try {
                T value = checker.check(row);
                // String caches its hash: computing it here keeps the sequential resolution short.
                int unused = checker.key(value).hashCode();
                parsed.add(value, row.line());
              } catch (RowRules.Reject r) {
                parsed.rejections.add(new Rejection(row.line(), checker.rejectedKey(row), r));
              }
              if (parsed.size() + parsed.rejections.size() >= BLOCK_ROWS) {
                emit.accept(parsed);
                block.set(0, new ParsedFile<>(file, BLOCK_ROWS));
              }
            });
    ParsedFile<T> last = block.get(0);
    last.result = result;
    emit.accept(last);
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
