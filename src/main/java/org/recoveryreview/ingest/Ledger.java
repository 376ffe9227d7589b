package org.recoveryreview.ingest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.recoveryreview.model.DataIssue;
import org.recoveryreview.model.FileKind;
import org.recoveryreview.model.InputFile;
import org.recoveryreview.model.IssueAction;

/**
 * The accounting of one run: the files in reading order, rows read per file, and every row set
 * aside. Counts are derived from the issues at the end because a row used at first can later be
 * superseded by a row of a later file.
 */
final class Ledger {
  private record Entry(int file, DataIssue issue) {}

  private final List<String> names = new ArrayList<>();
  private final List<FileKind> kinds = new ArrayList<>();
  private long[] rowsRead = new long[8];
  private final List<Entry> issues = new ArrayList<>();

  int addFile(String name, FileKind kind) {
    names.add(name);
    kinds.add(kind);
    if (names.size() > rowsRead.length) {
      rowsRead = Arrays.copyOf(rowsRead, rowsRead.length * 2);
    }
    return names.size() - 1;
  }

  FileKind kind(int file) {
    return kinds.get(file);
  }

  String name(int file) {
    return names.get(file);
  }

  void setRowsRead(int file, long rows) {
    rowsRead[file] = rows;
  }

  /** "sessions-2026-02.csv line 14", for reasons that point at another row. */
  String where(int file, long line) {
    return names.get(file) + " line " + line;
  }

  void add(
      int file,
      long line,
      String key,
      String column,
      String value,
      IssueAction action,
      String reason,
      String problem) {
    issues.add(
        new Entry(
            file,
            new DataIssue(
                names.get(file),
                line,
                kinds.get(file),
                CsvFile.shortened(key),
                column,
                value,
                action,
                reason,
                problem)));
  }

  /** A row with the same values as the kept one at {@code keptFile} line {@code keptLine}. */
  void duplicate(int file, long line, String key, int keptFile, long keptLine) {
    add(
        file,
        line,
        key,
        "",
        "",
        IssueAction.DUPLICATE,
        "same values as " + where(keptFile, keptLine) + "; the repeat is dropped",
        "duplicate row");
  }

  void reject(int file, long line, String key, RowRules.Reject r) {
    String reason = Objects.requireNonNull(r.getMessage(), "a Reject is made with its reason");
    add(file, line, key, r.column, r.value, IssueAction.REJECTED, reason, r.problem);
  }

  /** Every issue, ordered by file reading order, then line. */
  List<DataIssue> issues() {
    List<Entry> sorted = new ArrayList<>(issues);
    sorted.sort(Comparator.comparingInt(Entry::file).thenComparingLong(e -> e.issue().line()));
    List<DataIssue> result = new ArrayList<>(sorted.size());
    for (Entry e : sorted) {
      result.add(e.issue());
    }
    return result;
  }

  /** The accounting of one file; used rows are what is left after every set-aside row. */
  InputFile inputFile(int file, String sha256, long sizeBytes) {
    long[] byAction = new long[IssueAction.values().length];
    for (Entry e : issues) {
      if (e.file() == file) {
        byAction[e.issue().action().ordinal()]++;
      }
    }
    long rejected = byAction[IssueAction.REJECTED.ordinal()];
    long duplicate = byAction[IssueAction.DUPLICATE.ordinal()];
    long superseded = byAction[IssueAction.SUPERSEDED.ordinal()];
    long ignored = byAction[IssueAction.IGNORED.ordinal()];
    long used = rowsRead[file] - rejected - duplicate - superseded - ignored;
    return new InputFile(
        names.get(file),
        kinds.get(file),
        sha256,
        sizeBytes,
        rowsRead[file],
        used,
        rejected,
        duplicate,
        superseded,
        ignored);
  }
}
