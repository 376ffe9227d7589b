package org.recoveryreview.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.recoveryreview.ingest.TestInput.PATIENTS_HEADER;
import static org.recoveryreview.ingest.TestInput.SESSIONS_HEADER;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.recoveryreview.model.DataIssue;
import org.recoveryreview.model.Dataset;
import org.recoveryreview.model.ExitCode;
import org.recoveryreview.model.InputLimits;
import org.recoveryreview.model.InputOptions;
import org.recoveryreview.model.IssueAction;
import org.recoveryreview.model.JobFailure;
import org.recoveryreview.model.Status;

/** Exports an operator or a broken or hostile system could produce, one edge at a time. */
class IngestorHostileInputTest {
  private static final String ROW = "S1,P1,2026-02-03,clinic,massage,completed,45,40,Kim";

  @TempDir Path dir;

  private TestInput input() {
    return new TestInput(dir);
  }

  private static InputOptions limits(
      int valueChars, int idChars, int recordChars, int ratio, long inflated) {
    return InputOptions.defaults()
        .withLimits(new InputLimits(valueChars, idChars, recordChars, ratio, inflated));
  }

  private JobFailure failure(InputOptions options) {
    return assertThrows(JobFailure.class, () -> new TestInput(dir).ingest(options));
  }

  // --- files that are not readable regular files ---

  @Test
  void ingest_danglingSymlinkNamedLikeExport_failsWithNoInputNamingFileAndReason()
      throws IOException {
    input().sessions(ROW);
    Files.createSymbolicLink(dir.resolve("sessions-2026-10.csv"), Path.of("/mnt/share/gone.csv"));
    JobFailure f = failure(InputOptions.defaults());
    assertEquals(ExitCode.NO_INPUT, f.exitCode());
    assertTrue(
        f.getMessage().contains("sessions-2026-10.csv is a symbolic link to /mnt/share/gone.csv"),
        f.getMessage());
    assertTrue(f.getMessage().contains("does not exist"), f.getMessage());
    assertFalse(f.getMessage().contains("only files whose names start"), f.getMessage());
  }

  @Test
  void ingest_folderNamedLikeExport_failsWithNoInput() throws IOException {
    input().sessions(ROW);
    Files.createDirectory(dir.resolve("assessments.csv"));
    JobFailure f = failure(InputOptions.defaults());
    assertEquals(ExitCode.NO_INPUT, f.exitCode());
    assertTrue(f.getMessage().contains("assessments.csv is a folder"), f.getMessage());
  }

  @Test
  void ingest_namedPipeNamedLikeExport_failsWithNoInputInsteadOfWaiting() throws Exception {
    input().sessions(ROW);
    Process mkfifo = new ProcessBuilder("mkfifo", dir.resolve("sessions-2.csv").toString()).start();
    Assumptions.assumeTrue(mkfifo.waitFor() == 0, "mkfifo is not available");
    JobFailure f = failure(InputOptions.defaults());
    assertEquals(ExitCode.NO_INPUT, f.exitCode());
    assertTrue(f.getMessage().contains("sessions-2.csv is not a regular file"), f.getMessage());
  }

  @Test
  void ingest_unreadableExport_failsWithNoInputNamingPermission() {
    input().sessions(ROW);
    // Tests run as root, who may read every file; the seam plays a file without read permission.
    Ingestor ingestor =
        new Ingestor(
            InputOptions.defaults(), 1, p -> !p.getFileName().toString().equals("sessions.csv"));
    JobFailure f = assertThrows(JobFailure.class, () -> ingestor.ingest(dir));
    assertEquals(ExitCode.NO_INPUT, f.exitCode());
    assertTrue(
        f.getMessage().contains("sessions.csv cannot be read: permission denied"), f.getMessage());
  }

  // --- limits ---

  @Test
  void ingest_valueOverLimit_rejectsRowNamingColumnAndLine() {
    Dataset d =
        input()
            .sessions(ROW, "S2,P1,2026-02-03,clinic,massage,completed,45,40," + "x".repeat(51))
            .ingest(limits(50, 64, 1 << 20, 100, 1L << 31));
    DataIssue issue = TestInput.only(d);
    assertEquals(IssueAction.REJECTED, issue.action());
    assertEquals(3, issue.line());
    assertEquals("therapist", issue.column());
    assertEquals("value too long", issue.problem());
    assertTrue(issue.reason().contains("51 characters long; expected at most 50"), issue.reason());
    assertTrue(issue.reason().contains("input.max_value_chars"), issue.reason());
    assertEquals(1, d.sessions().size());
  }

  @Test
  void ingest_hugeValueInUnmappedColumn_isRejectedAndShownShortened() {
    String header = SESSIONS_HEADER + ",notes";
    Dataset d =
        input().patients().file("sessions.csv", header, ROW + "," + "y".repeat(20_000)).ingest();
    DataIssue issue = TestInput.only(d);
    assertEquals("notes", issue.column());
    assertTrue(issue.value().length() < 100, issue.value());
    assertTrue(issue.value().endsWith("(20000 characters)"), issue.value());
  }

  @Test
  void ingest_patientIdOverConfiguredIdLimit_isRejected() {
    Dataset d =
        input()
            .file(
                "patients.csv", PATIENTS_HEADER, TestInput.P1, "P12345" + TestInput.P1.substring(2))
            .file("sessions.csv", SESSIONS_HEADER)
            .ingest(limits(10_000, 5, 1 << 20, 100, 1L << 31));
    DataIssue issue = TestInput.only(d);
    assertEquals("too long", issue.problem());
    assertTrue(issue.reason().contains("expected 1 to 5 characters"), issue.reason());
  }

  @Test
  void ingest_recordOverLimit_failsNamingLineWhereRecordStarts() {
    StringBuilder tail = new StringBuilder();
    for (int i = 0; i < 200; i++) {
      tail.append("S").append(i + 10).append(",P1,2026-02-03,clinic,massage,completed,45,,\n");
    }
    input()
        .patients()
        .text(
            "sessions.csv",
            SESSIONS_HEADER
                + "\n"
                + ROW
                + "\nS2,P1,2026-02-03,clinic,\"massage,completed,45,40,Kim\n"
                + tail,
            StandardCharsets.UTF_8);
    JobFailure f = failure(limits(10_000, 64, 1000, 100, 1L << 31));
    assertEquals(ExitCode.DATA_ERROR, f.exitCode());
    assertTrue(
        f.getMessage()
            .startsWith("sessions.csv: the record starting on line 3 is longer than 1000"),
        f.getMessage());
    assertTrue(f.getMessage().contains("unclosed quote"), f.getMessage());
    assertTrue(f.getMessage().contains("input.max_record_chars"), f.getMessage());
  }

  @Test
  void ingest_manyRecordsEachUnderLimit_areRead() {
    String[] rows = new String[500];
    for (int i = 0; i < rows.length; i++) {
      rows[i] = "S" + i + ",P1,2026-02-03,clinic,massage,completed,45,40,Kim";
    }
    // Each record is below the limit (the patients header, the longest, has 114 characters), the
    // file far above it: only one record is bounded.
    Dataset d = input().sessions(rows).ingest(limits(10_000, 64, 120, 100, 1L << 31));
    assertEquals(500, d.sessions().size());
  }

  @Test
  void ingest_gzipInflatingBeyondRatio_failsWithDataError() throws IOException {
    input().patients();
    writeGzip("sessions.csv.gz", SESSIONS_HEADER + "\n" + (ROW + "\n").repeat(60_000));
    JobFailure f = failure(limits(10_000, 64, 1 << 20, 50, 1L << 31));
    assertEquals(ExitCode.DATA_ERROR, f.exitCode());
    assertTrue(f.getMessage().startsWith("sessions.csv.gz is refused"), f.getMessage());
    assertTrue(f.getMessage().contains("more than 50 times"), f.getMessage());
    assertTrue(f.getMessage().contains("input.max_gzip_ratio"), f.getMessage());
  }

  @Test
  void ingest_gzipInflatingBeyondSize_failsWithDataError() throws IOException {
    input().patients();
    writeGzip("sessions.csv.gz", SESSIONS_HEADER + "\n" + (ROW + "\n").repeat(1000));
    JobFailure f = failure(limits(10_000, 64, 1 << 20, 100, 10_000));
    assertEquals(ExitCode.DATA_ERROR, f.exitCode());
    assertTrue(f.getMessage().contains("more than 10000 bytes"), f.getMessage());
    assertTrue(f.getMessage().contains("input.max_inflated_mb"), f.getMessage());
  }

  @Test
  void ingest_gzipUnderBounds_isRead() throws IOException {
    input().patients();
    StringBuilder rows = new StringBuilder(SESSIONS_HEADER).append('\n');
    java.util.Random random = new java.util.Random(7);
    for (int i = 0; i < 60_000; i++) {
      rows.append(
          String.format(
              "S%d,P%d,2026-02-%02d,clinic,massage,completed,%d,%d,Kim%n",
              i, 1 + random.nextInt(2), 1 + random.nextInt(28), random.nextInt(90), 0));
    }
    writeGzip("sessions.csv.gz", rows.toString());
    Dataset d = new TestInput(dir).ingest();
    assertEquals(60_000, TestInput.file(d, "sessions.csv.gz").rowsRead());
  }

  private void writeGzip(String name, String content) throws IOException {
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(dir.resolve(name)))) {
      out.write(content.getBytes(StandardCharsets.UTF_8));
    }
  }

  // --- where an unclosed quote is reported ---

  @Test
  void ingest_unclosedQuoteBeforeEndOfFile_namesLineWhereRecordStarts() {
    input()
        .patients()
        .text(
            "sessions.csv",
            SESSIONS_HEADER
                + "\r\n"
                + "S1,P1,2026-02-03,clinic,massage,completed,45,40,\"Kim\r\nand Lee\"\r\n"
                + "\r\n"
                + "S2,P1,2026-02-03,clinic,\"massage,completed,45,40,Kim\r\n"
                + "S3,P1,2026-02-03,clinic,massage,completed,45,40,Kim\r\n"
                + "S4,P1,2026-02-03,clinic,massage,completed,45,40,Kim\r\n",
            StandardCharsets.UTF_8);
    JobFailure f = failure(InputOptions.defaults());
    assertEquals(ExitCode.DATA_ERROR, f.exitCode());
    assertTrue(
        f.getMessage().startsWith("sessions.csv is not valid CSV in the record starting on line 5"),
        f.getMessage());
  }

  // --- encodings, Excel's sep= line, header spaces, control characters ---

  @ParameterizedTest
  @ValueSource(strings = {"UTF-16LE", "UTF-16BE", "UTF-32LE", "UTF-32BE"})
  void ingest_unicodeFileWithByteOrderMark_isReadInItsEncoding(String encoding) {
    Charset cs = Charset.forName(encoding);
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    b.writeBytes("\uFEFF".getBytes(cs));
    b.writeBytes((PATIENTS_HEADER + "\n" + TestInput.P2 + "\n").getBytes(cs));
    Dataset d =
        input()
            .bytes("patients.csv", b.toByteArray())
            .file("sessions.csv", SESSIONS_HEADER)
            .ingest();
    assertEquals("王伟", d.patients().get(0).name());
  }

  @Test
  void ingest_utf16WithoutByteOrderMark_failsNamingTheLikelyEncoding() {
    TestInput in =
        input()
            .text(
                "patients.csv",
                PATIENTS_HEADER + "\n" + TestInput.P1 + "\n",
                StandardCharsets.UTF_16LE)
            .file("sessions.csv", SESSIONS_HEADER);
    JobFailure f = assertThrows(JobFailure.class, in::ingest);
    assertEquals(ExitCode.DATA_ERROR, f.exitCode());
    assertTrue(f.getMessage().contains("probably UTF-16 or UTF-32"), f.getMessage());
    assertFalse(f.getMessage().contains("\u0000"), "raw NUL in the message");
  }

  @Test
  void ingest_excelSepLine_setsDelimiterAndCountsAsLine() {
    Dataset d =
        input()
            .patients()
            .file(
                "sessions.csv",
                "sep=;",
                SESSIONS_HEADER.replace(',', ';'),
                ROW.replace(',', ';'),
                "S2;P1;2026-02-30;clinic;massage;completed;45;40;Kim")
            .ingest();
    assertEquals(1, d.sessions().size());
    assertEquals(4, TestInput.only(d).line());
    assertEquals("date", TestInput.only(d).column());
  }

  @Test
  void ingest_excelSepLineQuotedWithCrlf_isHonoured() {
    Dataset d =
        input()
            .patients()
            .text(
                "sessions.csv",
                "\"sep=\t\"\r\n"
                    + SESSIONS_HEADER.replace(',', '\t')
                    + "\r\n"
                    + ROW.replace(',', '\t')
                    + "\r\n",
                StandardCharsets.UTF_8)
            .ingest();
    assertEquals(1, d.sessions().size());
  }

  @ParameterizedTest
  @ValueSource(strings = {"\u00A0", "\u3000", "\u2007", "\u202F", "\u200B"})
  void ingest_unicodeSpaceAroundHeaderCell_isTrimmed(String space) {
    Dataset d =
        input()
            .patients()
            .file(
                "sessions.csv",
                SESSIONS_HEADER
                    .replace("patient_id", "patient_id" + space)
                    .replace("date", space + "date"),
                ROW.replace("completed", "completed" + space))
            .ingest();
    assertEquals(1, d.sessions().size());
    assertEquals(Status.COMPLETED, d.sessions().get(0).status());
  }

  @Test
  void ingest_controlCharactersInValue_areEscapedInDataIssues() {
    Dataset d =
        input()
            .sessions("S1,P1,2026-02-03,clinic,massage,compl\u0000eted\u001b[31m,45,40,Kim")
            .ingest();
    DataIssue issue = TestInput.only(d);
    assertEquals("compl\\u0000eted\\u001B[31m", issue.value());
    assertTrue(issue.reason().contains("'compl\\u0000eted\\u001B[31m'"), issue.reason());
    assertFalse(issue.reason().contains("\u0000"));
  }

  @Test
  void ingest_controlCharacterInHeader_isEscapedInMessage() {
    TestInput in = input().patients().file("sessions.csv", "session_id,pat\u0007ient");
    JobFailure f = assertThrows(JobFailure.class, in::ingest);
    assertTrue(f.getMessage().contains("pat\\u0007ient"), f.getMessage());
    assertFalse(f.getMessage().contains("\u0007"));
  }

  @Test
  void ingest_controlCharactersInKeptValue_areStoredEscapedLineBreaksKept() {
    Dataset d =
        input()
            .file(
                "patients.csv",
                PATIENTS_HEADER,
                "P1,Ana\u0000Silva,1960-05-01,F,left,\"stroke\nleft\u001b[2J\",2026-01-10,North,Kim,,")
            .file("sessions.csv", SESSIONS_HEADER)
            .ingest();
    assertEquals("Ana\\u0000Silva", d.patients().get(0).name());
    assertEquals("stroke\nleft\\u001B[2J", d.patients().get(0).diagnosis().orElseThrow());
  }

  @Test
  void ingest_controlCharactersDeepInALargeFile_escapedInTheirRowsOnly() {
    // Values are scanned for control characters only in records the reader saw one in, so rows
    // far past the first read, and next to wide names, must still come out right.
    String[] rows = new String[3000];
    for (int i = 0; i < rows.length; i++) {
      String therapist =
          switch (i) {
            case 1999 -> "王芳";
            case 2000 -> "Kim\u0000Lee";
            case 2001 -> "Ana\u007fNúñez";
            case 2002 -> "Jo\u0085Smith";
            default -> "Kim Lee";
          };
      rows[i] = "S" + i + ",P1,2026-02-03,clinic,massage,completed,45,40," + therapist;
    }
    Dataset d = input().sessions(rows).ingest();
    assertEquals(3000, d.sessions().size());
    assertEquals("王芳", therapist(d, 1999));
    assertEquals("Kim\\u0000Lee", therapist(d, 2000));
    assertEquals("Ana\\u007FNúñez", therapist(d, 2001));
    assertEquals("Jo\\u0085Smith", therapist(d, 2002));
    assertEquals("Kim Lee", therapist(d, 2003));
    long escaped = d.sessions().stream().filter(x -> therapist(x).contains("\\u")).count();
    assertEquals(3, escaped);
  }

  private static String therapist(Dataset d, int i) {
    return therapist(d.sessions().get(i));
  }

  private static String therapist(org.recoveryreview.model.Session s) {
    return s.therapist().orElseThrow();
  }
}
