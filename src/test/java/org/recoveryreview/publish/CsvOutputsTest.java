package org.recoveryreview.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.recoveryreview.model.DataIssue;
import org.recoveryreview.model.FileKind;
import org.recoveryreview.model.IssueAction;

class CsvOutputsTest {

  @Test
  void text_formulaStart_getsApostrophe() {
    assertEquals("'=SUM(A1)", CsvOutputs.text("=SUM(A1)"));
    assertEquals("'+cmd", CsvOutputs.text("+cmd"));
    assertEquals("'-x", CsvOutputs.text("-x"));
    assertEquals("'@foo", CsvOutputs.text("@foo"));
    assertEquals("'\tx", CsvOutputs.text("\tx"));
    assertEquals("'\rx", CsvOutputs.text("\rx"));
  }

  @Test
  void text_negativeNumber_keptAsIs() {
    assertEquals("-5", CsvOutputs.text("-5"));
    assertEquals("+1.5", CsvOutputs.text("+1.5"));
  }

  @Test
  void text_plainText_unchanged() {
    assertEquals("Anna Kowalska", CsvOutputs.text("Anna Kowalska"));
    assertEquals("", CsvOutputs.text(""));
    assertEquals("'-Infinity", CsvOutputs.text("-Infinity"));
  }

  @Test
  void rate_fourDigitsOrEmpty() {
    assertEquals("0.3333", CsvOutputs.rate(OptionalDouble.of(1.0 / 3)));
    assertEquals("1.0000", CsvOutputs.rate(OptionalDouble.of(1)));
    assertEquals("", CsvOutputs.rate(OptionalDouble.empty()));
  }

  @Test
  void patientColumns_assumedMinutes_appendedAfterEveryEarlierColumn() {
    List<String> c = CsvOutputs.PATIENT_COLUMNS;
    assertEquals("gas_t", c.get(31));
    assertEquals("arat_change_label", c.get(32));
    assertEquals(List.of("assumed_minutes_sessions", "assumed_minutes"), c.subList(33, 35));
  }

  @Test
  void rate_halfAtTheFifthDecimal_roundsUpLikeThePdfs() {
    assertEquals("0.1235", CsvOutputs.rate(OptionalDouble.of(0.12345)));
    assertEquals("0.5750", CsvOutputs.rate(OptionalDouble.of(23 / 40.0)));
  }

  @Test
  void writeDataIssues_none_writesHeaderOnly() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    CsvOutputs.writeDataIssues(List.of(), out);
    assertEquals(
        "file,line,kind,key,column,value,action,reason\r\n", out.toString(StandardCharsets.UTF_8));
  }

  @Test
  void writeDataIssues_quotesAndSanitises() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    CsvOutputs.writeDataIssues(
        List.of(
            new DataIssue(
                "sessions.csv",
                7,
                FileKind.SESSIONS,
                "S1",
                "status",
                "=HYPERLINK(\"x\")",
                IssueAction.REJECTED,
                "status 'x, y' is unknown",
                "unknown status")),
        out);
    assertEquals(
        "file,line,kind,key,column,value,action,reason\r\n"
            + "sessions.csv,7,sessions,S1,status,\"'=HYPERLINK(\"\"x\"\")\",rejected,\"status 'x, y' is unknown\"\r\n",
        out.toString(StandardCharsets.UTF_8));
  }

  @Test
  void writeProgramMetrics_goalColumns_onlyOnProgrammeAndClinicRowsOfThePeriod()
      throws IOException {
    var period = new org.recoveryreview.model.ReviewPeriod(java.time.YearMonth.of(2026, 10));
    var a = org.recoveryreview.model.Adherence.NONE;
    var dim = org.recoveryreview.model.RollupRow.Dimension.class;
    List<org.recoveryreview.model.RollupRow> rows =
        List.of(
            new org.recoveryreview.model.RollupRow(
                Enum.valueOf(dim, "PROGRAM"), "all", period.month().minusMonths(1), a, 3),
            new org.recoveryreview.model.RollupRow(
                Enum.valueOf(dim, "PROGRAM"), "all", period.month(), a, 3),
            new org.recoveryreview.model.RollupRow(
                Enum.valueOf(dim, "CLINIC"), "North", period.month(), a, 2),
            new org.recoveryreview.model.RollupRow(
                Enum.valueOf(dim, "CLINIC"), "South", period.month(), a, 1),
            new org.recoveryreview.model.RollupRow(
                Enum.valueOf(dim, "THERAPIST"), "Ann", period.month(), a, 2));
    var empty =
        new org.recoveryreview.model.TransitionMatrix(
            org.recoveryreview.model.BrunnstromScale.ARM, new int[6][6]);
    var program =
        new org.recoveryreview.model.ProgramReview(
                rows,
                empty,
                empty,
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                java.util.List.of(),
                org.recoveryreview.model.ProgramHeadline.empty(period),
                org.recoveryreview.model.ProgramHeadline.empty(period.previous()),
                new org.recoveryreview.model.MonthWindow(
                    List.of(period.month()), List.of(period.label())),
                org.recoveryreview.model.DataCompleteness.NONE)
            .withGoalGroups(
                List.of(
                    new org.recoveryreview.model.GoalGroup(
                        Enum.valueOf(dim, "PROGRAM"), "all", 2, OptionalDouble.of(52.25), 5, 3),
                    new org.recoveryreview.model.GoalGroup(
                        Enum.valueOf(dim, "CLINIC"), "North", 2, OptionalDouble.of(52.25), 5, 3),
                    new org.recoveryreview.model.GoalGroup(
                        Enum.valueOf(dim, "CLINIC"), "South", 0, OptionalDouble.empty(), 0, 0)));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    CsvOutputs.writeProgramMetrics(program, out);
    String[] lines = out.toString(StandardCharsets.UTF_8).split("\r\n");
    assertEquals(
        List.of("patients_with_goals", "mean_gas_t", "goals_achieved_share"),
        List.of(lines[0].split(",")).subList(14, 17));
    assertEquals(",,", tail(lines[1]));
    assertEquals("2,52.3,0.6000", tail(lines[2]));
    assertEquals("2,52.3,0.6000", tail(lines[3]));
    // South had patients in review but none with a T-score; therapists get no goal columns.
    assertEquals("0,,", tail(lines[4]));
    assertEquals(",,", tail(lines[5]));
  }

  /** The three goal columns (15th to 17th; the period counts follow them). */
  private static String tail(String line) {
    String[] cells = line.split(",", -1);
    return String.join(",", List.of(cells).subList(14, 17));
  }
}
