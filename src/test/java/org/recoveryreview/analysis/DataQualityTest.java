package org.recoveryreview.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.recoveryreview.model.DataIssue;
import org.recoveryreview.model.FileKind;
import org.recoveryreview.model.FileQuality;
import org.recoveryreview.model.FileQuality.ProblemCount;
import org.recoveryreview.model.InputFile;
import org.recoveryreview.model.IssueAction;

class DataQualityTest {

  private static InputFile file(String name) {
    return new InputFile(name, FileKind.SESSIONS, "00", 1, 10, 10, 0, 0, 0, 0);
  }

  private static DataIssue issue(String file, IssueAction action, String column, String problem) {
    return new DataIssue(
        file, 2, FileKind.SESSIONS, "k", column, "v", action, "reason " + problem, problem);
  }

  private static void add(
      List<DataIssue> to, int n, String file, IssueAction a, String column, String problem) {
    for (int i = 0; i < n; i++) {
      to.add(issue(file, a, column, problem));
    }
  }

  @Test
  void perFile_countsEachProblem_mostRowsFirstAndOnlyTheTopThree() {
    List<DataIssue> issues = new ArrayList<>();
    add(issues, 2, "a.csv", IssueAction.REJECTED, "status", "unknown status");
    add(issues, 5, "a.csv", IssueAction.DUPLICATE, "", "duplicate row");
    add(issues, 1, "a.csv", IssueAction.REJECTED, "date", "bad date");
    add(issues, 3, "a.csv", IssueAction.SUPERSEDED, "", "re-export");
    add(issues, 4, "b.csv", IssueAction.IGNORED, "", "void status");

    List<FileQuality> q = DataQuality.perFile(List.of(file("a.csv"), file("b.csv")), issues);

    assertEquals(
        List.of(
            new ProblemCount(IssueAction.DUPLICATE, "", "duplicate row", 5),
            new ProblemCount(IssueAction.SUPERSEDED, "", "re-export", 3),
            new ProblemCount(IssueAction.REJECTED, "status", "unknown status", 2)),
        q.get(0).topProblems());
    assertEquals(
        List.of(new ProblemCount(IssueAction.IGNORED, "", "void status", 4)),
        q.get(1).topProblems());
  }

  @Test
  void perFile_tiedCounts_orderedByActionThenColumnThenProblem() {
    List<DataIssue> issues = new ArrayList<>();
    add(issues, 2, "a.csv", IssueAction.REJECTED, "status", "unknown status");
    add(issues, 2, "a.csv", IssueAction.REJECTED, "date", "bad date");
    add(issues, 2, "a.csv", IssueAction.DUPLICATE, "", "duplicate row");

    List<FileQuality> q = DataQuality.perFile(List.of(file("a.csv")), issues);

    assertEquals(
        List.of(
            new ProblemCount(IssueAction.DUPLICATE, "", "duplicate row", 2),
            new ProblemCount(IssueAction.REJECTED, "date", "bad date", 2),
            new ProblemCount(IssueAction.REJECTED, "status", "unknown status", 2)),
        q.get(0).topProblems());
  }

  @Test
  void perFile_fileWithoutIssues_hasNoProblemsButKeepsItsAccounting() {
    InputFile clean = file("clean.csv");
    List<FileQuality> q = DataQuality.perFile(List.of(clean), List.of());
    assertEquals(1, q.size());
    assertEquals(clean, q.get(0).file());
    assertEquals(List.of(), q.get(0).topProblems());
  }
}
