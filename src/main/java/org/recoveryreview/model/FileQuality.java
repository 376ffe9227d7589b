package org.recoveryreview.model;

import java.util.List;
import java.util.Objects;

/**
 * Data quality of one input file for the programme summary: its accounting and most common
 * problems.
 */
public record FileQuality(InputFile file, List<ProblemCount> topProblems) {

  /** How many set-aside rows of a file share one problem. */
  public record ProblemCount(IssueAction action, String column, String problem, long rows) {
    public ProblemCount {
      Objects.requireNonNull(action, "action");
      Objects.requireNonNull(column, "column");
      Objects.requireNonNull(problem, "problem");
    }
  }

  public FileQuality {
    Objects.requireNonNull(file, "file");
    topProblems = List.copyOf(topProblems);
  }
}
