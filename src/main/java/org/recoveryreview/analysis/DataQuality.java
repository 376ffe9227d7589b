package org.recoveryreview.analysis;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.recoveryreview.model.DataIssue;
import org.recoveryreview.model.FileQuality;
import org.recoveryreview.model.FileQuality.ProblemCount;
import org.recoveryreview.model.InputFile;
import org.recoveryreview.model.IssueAction;
import tech.tablesaw.api.Row;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Per input file, its accounting and the three most common (action, column, problem) issues,
 * counted with Tablesaw over a {@code data_issues} fact table.
 */
final class DataQuality {
  static final int TOP = 3;

  static final String FILE = "file";
  static final String ACTION = "action";
  static final String COLUMN = "column";
  static final String PROBLEM = "problem";

  /** Tablesaw's name for the count column of {@code countBy}. */
  private static final String COUNT = "Count";

  private DataQuality() {}

  static List<FileQuality> perFile(List<InputFile> files, List<DataIssue> issues) {
    Table counts = issuesTable(issues).countBy(FILE, ACTION, COLUMN, PROBLEM);
    // Most rows first; ties alphabetically by action code, column, problem, so the output never
    // depends on grouping order.
    counts = counts.sortOn("-" + COUNT, ACTION, COLUMN, PROBLEM);
    Map<String, List<ProblemCount>> byFile = new HashMap<>();
    for (Row r : counts) {
      List<ProblemCount> top = byFile.computeIfAbsent(r.getString(FILE), f -> new ArrayList<>());
      if (top.size() < TOP) {
        top.add(
            new ProblemCount(
                IssueAction.valueOf(r.getString(ACTION).toUpperCase(Locale.ROOT)),
                r.getString(COLUMN),
                r.getString(PROBLEM),
                ((Number) r.getObject(COUNT)).longValue()));
      }
    }
    List<FileQuality> out = new ArrayList<>(files.size());
    for (InputFile f : files) {
      out.add(new FileQuality(f, List.copyOf(byFile.getOrDefault(f.file(), List.of()))));
    }
    return out;
  }

  /** One row per data issue: file, action code, column (empty for a whole row), problem. */
  static Table issuesTable(List<DataIssue> issues) {
    StringColumn file = StringColumn.create(FILE);
    StringColumn action = StringColumn.create(ACTION);
    StringColumn column = StringColumn.create(COLUMN);
    StringColumn problem = StringColumn.create(PROBLEM);
    for (DataIssue i : issues) {
      file.append(i.file());
      action.append(i.action().code());
      column.append(i.column());
      problem.append(i.problem());
    }
    return Table.create("data_issues", file, action, column, problem);
  }
}
