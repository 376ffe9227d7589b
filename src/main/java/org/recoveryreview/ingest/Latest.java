package org.recoveryreview.ingest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.recoveryreview.model.IssueAction;

/**
 * Resolves rows that share a key: an identical repeat is a duplicate of the row kept, a different
 * one supersedes it (the later file, then the later line, wins). Keeps one version per key in
 * first-seen order. Rows must be offered in file-then-line order.
 *
 * @param <T> the record a row became
 */
final class Latest<T> {
  /** Names the contract columns whose values differ between two versions. */
  interface Differ<T> {
    List<String> changed(T earlier, T later);
  }

  // A kept row's file and line packed into one long: millions of rows, and a file index never
  // needs more than the top 24 bits.
  private static final int LINE_BITS = 40;
  private static final long LINE_MASK = (1L << LINE_BITS) - 1;

  private final Ledger ledger;
  private final Differ<T> differ;
  private final Function<T, String> keyOf;
  private final ArrayList<T> values = new ArrayList<>();
  private final KeyIndex index;
  private long[] origins = new long[1024];

  Latest(Ledger ledger, Differ<T> differ, Function<T, String> keyOf) {
    this.ledger = ledger;
    this.differ = differ;
    this.keyOf = keyOf;
    this.index = new KeyIndex(i -> keyOf.apply(values.get(i)));
  }

  /** Lists the file's rejections and offers its records in line order. */
  void resolve(ParsedFile<T> parsed) {
    for (ParsedFile.Rejection r : parsed.rejections) {
      ledger.reject(parsed.file, r.line(), r.key(), r.reject());
    }
    int n = values.size() + parsed.size();
    values.ensureCapacity(n);
    if (n > origins.length) {
      origins = Arrays.copyOf(origins, Math.max(n, origins.length + (origins.length >> 1)));
    }
    index.ensureRoom(parsed.size());
    for (int i = 0; i < parsed.size(); i++) {
      offer(parsed.value(i), parsed.file, parsed.line(i));
    }
  }

  void offer(T value, int file, long line) {
    String key = keyOf.apply(value);
    int n = values.size();
    int i = index.putIfAbsent(key, n);
    if (i < 0) {
      if (n == origins.length) {
        origins = Arrays.copyOf(origins, n * 2);
      }
      values.add(value);
      origins[n] = origin(file, line);
      return;
    }
    T kept = values.get(i);
    if (kept.equals(value)) {
      ledger.add(
          file,
          line,
          key,
          "",
          "",
          IssueAction.DUPLICATE,
          "same values as " + ledger.where(file(i), line(i)) + "; the repeat is dropped",
          "duplicate row");
      return;
    }
    ledger.add(
        file(i),
        line(i),
        key,
        "",
        "",
        IssueAction.SUPERSEDED,
        "replaced by the later version in "
            + ledger.where(file, line)
            + " (changed: "
            + String.join(", ", differ.changed(kept, value))
            + ")",
        "superseded");
    values.set(i, value);
    origins[i] = origin(file, line);
  }

  private static long origin(int file, long line) {
    return ((long) file << LINE_BITS) | (line & LINE_MASK);
  }

  int size() {
    return values.size();
  }

  T value(int i) {
    return values.get(i);
  }

  String key(int i) {
    return keyOf.apply(values.get(i));
  }

  int file(int i) {
    return (int) (origins[i] >>> LINE_BITS);
  }

  long line(int i) {
    return origins[i] & LINE_MASK;
  }
}
