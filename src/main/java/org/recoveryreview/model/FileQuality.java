package org.recoveryreview.model;

import java.util.List;

/**
 * Data quality of one input file for the programme summary: its accounting and most common
 * problems.
 */
public record FileQuality(InputFile file, List<ProblemCount> topProblems) {

  /** How many set-aside rows of a file share one problem. */
  public record ProblemCount(IssueAction action, String column, String problem, long rows) {
    public ProblemCount {}
  }

  public FileQuality {
    topProblems = List.copyOf(topProblems);
  }
}
