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
}
