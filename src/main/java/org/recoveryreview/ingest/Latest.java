package org.recoveryreview.ingest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.function.Function;
import java.util.function.LongConsumer;
import java.util.function.Predicate;
import java.util.function.ToIntFunction;
import org.recoveryreview.model.IssueAction;

/**
 * Resolves rows that share a key: an identical repeat is a duplicate of the row kept, a different
 * one supersedes it (the later file, then the later line, wins). Keeps one version per key in
 * first-seen order. Rows must be offered in file-then-line order.
 *
 * <p>In a partitioned run only the shard's own patients' rows are kept. A row of another shard's
 * patient is looked up by its full key, so when it replaces one of ours (a re-export that moved a
 * session to another patient) ours is listed as superseded and dropped exactly as a single run
 * would; otherwise only its fingerprint and date are kept, for the {@link OtherShardRows coverage}.
 * Every set-aside row is listed by the shard that owns the row set aside, so the shards' lists
 * together are a single run's.
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
  private final Predicate<T> ours;
  private final ToIntFunction<T> coverageDay;
  private final ArrayList<T> values = new ArrayList<>();
  private final KeyIndex index;
  private long[] origins = new long[1024];
  // Slots whose latest version is another shard's row; the stale value stays for key lookups.
  private final BitSet others = new BitSet();
  private final OtherShardRows otherRows = new OtherShardRows();

  /** Keeps every row (a run that is not partitioned). */
  Latest(Ledger ledger, Differ<T> differ, Function<T, String> keyOf) {
    this(ledger, differ, keyOf, v -> true, v -> OtherShardRows.NO_DAY);
  }

  /**
   * Keeps the rows {@code ours} accepts; of the others only {@code coverageDay} (an epoch day, or
   * {@link OtherShardRows#NO_DAY}) of each key's latest version.
   */
  Latest(
      Ledger ledger,
      Differ<T> differ,
      Function<T, String> keyOf,
      Predicate<T> ours,
      ToIntFunction<T> coverageDay) {
    this.ledger = ledger;
    this.differ = differ;
    this.keyOf = keyOf;
    this.ours = ours;
    this.coverageDay = coverageDay;
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
    if (!ours.test(value)) {
      offerOthers(value, file, line);
      return;
    }
    String key = keyOf.apply(value);
    int n = values.size();
    int i = index.putIfAbsent(key, n);
    if (i < 0) {
      if (n == origins.length) {
        origins = Arrays.copyOf(origins, n * 2);
      }
      values.add(value);
      origins[n] = origin(file, line);
      otherRows.remove(key);
      return;
    }
    if (others.get(i)) {
      // Replaces another shard's row: that shard lists it as superseded.
      others.clear(i);
      otherRows.remove(key);
      values.set(i, value);
      origins[i] = origin(file, line);
      return;
    }
    T kept = values.get(i);
    if (kept.equals(value)) {
      ledger.duplicate(file, line, key, file(i), line(i));
      return;
    }
    supersede(i, key, value, file, line);
    values.set(i, value);
    origins[i] = origin(file, line);
  }

  private void supersede(int i, String key, T value, int file, long line) {
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
            + String.join(", ", differ.changed(values.get(i), value))
            + ")",
        "superseded");
  }

  private void offerOthers(T value, int file, long line) {
    String key = keyOf.apply(value);
    int i = index.get(key);
    if (i >= 0 && !others.get(i)) {
      // Our row is replaced by another patient's version (it cannot equal it: the patient
      // differs), so it is ours to list as superseded.
      supersede(i, key, value, file, line);
      others.set(i);
    }
    otherRows.put(key, coverageDay.applyAsInt(value));
  }

  private static long origin(int file, long line) {
    return ((long) file << LINE_BITS) | (line & LINE_MASK);
  }

  int size() {
    return values.size();
  }

  /** False when the key's latest version is another shard's row, which this shard does not use. */
  boolean kept(int i) {
    return !others.get(i);
  }

  /** The versions this shard uses, one per key in first-seen order. Call after every file. */
  List<T> keptValues() {
    List<T> used = new ArrayList<>(values.size());
    for (int i = 0; i < values.size(); i++) {
      if (kept(i)) {
        used.add(values.get(i));
      }
    }
    return used;
  }

  /** Offers the coverage day of each key whose latest version is another shard's row. */
  void forEachOtherDay(LongConsumer consumer) {
    otherRows.forEachDay(consumer);
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
