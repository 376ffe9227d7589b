package org.recoveryreview.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.recoveryreview.ingest.TestInput.SESSIONS_HEADER;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.recoveryreview.model.Dataset;
import org.recoveryreview.model.ExitCode;
import org.recoveryreview.model.InputLimits;
import org.recoveryreview.model.InputOptions;
import org.recoveryreview.model.JobFailure;

/**
 * The record limit is exact: a record of the limit is read, one character more refuses the file.
 */
class IngestorRecordLimitTest {
  private static final String ROW = "S1,P1,2026-02-03,clinic,massage,completed,45,40,Kim";
  private static final String PREFIX = "S2,P1,2026-02-03,clinic,massage,completed,45,40,";

  @TempDir Path dir;

  /** A sessions row of exactly {@code chars} characters (its line break not counted). */
  private static String recordOf(int chars) {
    return PREFIX + "x".repeat(chars - PREFIX.length());
  }

  private Dataset ingest(String content) {
    return new TestInput(dir)
        .patients()
        .text("sessions.csv", content, StandardCharsets.UTF_8)
        .ingest(InputOptions.defaults());
  }

  private void assertRefusedAtLine(String content, long line) {
    JobFailure f = assertThrows(JobFailure.class, () -> ingest(content));
    assertEquals(ExitCode.DATA_ERROR, f.exitCode());
    assertTrue(
        f.getMessage()
            .startsWith(
                "sessions.csv: the record starting on line "
                    + line
                    + " is longer than 1048576 characters"),
        f.getMessage());
  }

  @ParameterizedTest(name = "line break {0}")
  @CsvSource({"LF", "CRLF", "CR"})
  void ingest_recordOfTheDocumentedLimit_isRead(String breakName) {
    String nl = lineBreak(breakName);
    String content =
        SESSIONS_HEADER + nl + ROW + nl + recordOf(InputLimits.RECORD_CHARS) + nl + ROW + nl;
    Dataset d = ingest(content);
    // The long row itself is rejected (its therapist is over input.max_value_chars), the file read.
    assertEquals(1, d.sessions().size());
    assertEquals(3, TestInput.file(d, "sessions.csv").rowsRead());
  }

  @ParameterizedTest(name = "line break {0}")
  @CsvSource({"LF", "CRLF", "CR"})
  void ingest_recordOneCharacterOverTheLimit_refusesTheFile(String breakName) {
    String nl = lineBreak(breakName);
    assertRefusedAtLine(
        SESSIONS_HEADER + nl + ROW + nl + recordOf(InputLimits.RECORD_CHARS + 1) + nl + ROW + nl,
        3);
  }

  @Test
  void ingest_lastRecordWithoutLineBreak_isMeasuredToTheEnd() {
    String at = SESSIONS_HEADER + "\n" + ROW + "\n" + recordOf(InputLimits.RECORD_CHARS);
    assertEquals(2, TestInput.file(ingest(at), "sessions.csv").rowsRead());
    assertRefusedAtLine(
        SESSIONS_HEADER + "\n" + ROW + "\n" + recordOf(InputLimits.RECORD_CHARS + 1), 3);
  }

  @Test
  void ingest_quotedRecordOverSeveralLines_countsEveryLine() {
    // A quoted value with line breaks in it: the record is its lines together, breaks included.
    String half = "y".repeat(InputLimits.RECORD_CHARS / 2);
    String quoted = PREFIX + "\"" + half + "\n" + half + "\"";
    assertRefusedAtLine(SESSIONS_HEADER + "\n" + quoted + "\n" + ROW + "\n", 2);
  }

  private static String lineBreak(String name) {
    return switch (name) {
      case "CRLF" -> "\r\n";
      case "CR" -> "\r";
      default -> "\n";
    };
  }
}
