package org.recoveryreview.ingest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.recoveryreview.model.IssueAction;

/**
 * Resolves rows that share a key: an identical repeat is a duplicate of the row kept, a different
 * one supersedes it (the later file, then the later line, wins). Keeps one version per key in
 * first-seen order.
 *
 * @param <T> the record a row became
 */
final class Latest<T> {
  /** Names the contract columns whose values differ between two versions. */
  interface Differ<T> {
    List<String> changed(T earlier, T later);
  }

  private final Ledger ledger;
  private final Differ<T> differ;
  private final KeyIndex index = new KeyIndex();
  private final ArrayList<T> values = new ArrayList<>();
  private final ArrayList<String> keys = new ArrayList<>();
  private int[] files = new int[1024];
  private long[] lines = new long[1024];

  Latest(Ledger ledger, Differ<T> differ) {
    this.ledger = ledger;
    this.differ = differ;
  }

  /** Lists the file's rejections and offers its records in line order. */
  void resolve(ParsedFile<T> parsed) {
    for (ParsedFile.Rejection r : parsed.rejections) {
      ledger.reject(parsed.file, r.line(), r.key(), r.reject());
    }
    for (int i = 0; i < parsed.size(); i++) {
      offer(parsed.key(i), parsed.value(i), parsed.file, parsed.line(i));
    }
  }

  void offer(String key, T value, int file, long line) {
    int i = index.get(key);
    if (i < 0) {
      i = values.size();
      if (i == files.length) {
        files = Arrays.copyOf(files, i * 2);
        lines = Arrays.copyOf(lines, i * 2);
      }
      index.putNew(key, i);
      values.add(value);
      keys.add(key);
      files[i] = file;
      lines[i] = line;
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
          "same values as " + ledger.where(files[i], lines[i]) + "; the repeat is dropped",
          "duplicate row");
      return;
    }
    ledger.add(
        files[i],
        lines[i],
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
    files[i] = file;
    lines[i] = line;
  }

  int size() {
    return values.size();
  }

  T value(int i) {
    return values.get(i);
  }

  String key(int i) {
    return keys.get(i);
  }

  int file(int i) {
    return files[i];
  }

  long line(int i) {
    return lines[i];
  }
}
