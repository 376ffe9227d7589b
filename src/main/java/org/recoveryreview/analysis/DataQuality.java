package org.recoveryreview.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.recoveryreview.model.DataIssue;
import org.recoveryreview.model.FileQuality;
import org.recoveryreview.model.FileQuality.ProblemCount;
import org.recoveryreview.model.InputFile;
import org.recoveryreview.model.IssueAction;

/** Per input file, its accounting and the three most common (action, column, problem) issues. */
final class DataQuality {
  static final int TOP = 3;

  private DataQuality() {}

  private record Key(String file, IssueAction action, String column, String problem) {}

  static List<FileQuality> perFile(List<InputFile> files, List<DataIssue> issues) {
    Map<Key, long[]> counts = new HashMap<>();
    for (DataIssue i : issues) {
      counts
          .computeIfAbsent(
              new Key(i.file(), i.action(), i.column(), i.problem()), k -> new long[1])[0]++;
    }
    Map<String, List<ProblemCount>> byFile = new HashMap<>();
    for (Map.Entry<Key, long[]> e : counts.entrySet()) {
      Key k = e.getKey();
      byFile
          .computeIfAbsent(k.file(), f -> new ArrayList<>())
          .add(new ProblemCount(k.action(), k.column(), k.problem(), e.getValue()[0]));
    }
    // Most rows first; ties alphabetically by action code, column, problem, so the output never
    // depends on hash order.
    Comparator<ProblemCount> order =
        Comparator.comparingLong(ProblemCount::rows)
            .reversed()
            .thenComparing(p -> p.action().code())
            .thenComparing(ProblemCount::column)
            .thenComparing(ProblemCount::problem);
    List<FileQuality> out = new ArrayList<>(files.size());
    for (InputFile f : files) {
      List<ProblemCount> problems = byFile.getOrDefault(f.file(), new ArrayList<>());
      problems.sort(order);
      out.add(new FileQuality(f, problems.subList(0, Math.min(TOP, problems.size()))));
    }
    return out;
  }
}
