package org.recoveryreview.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.recoveryreview.ingest.TestInput.PATIENTS_HEADER;
import static org.recoveryreview.ingest.TestInput.SESSIONS_HEADER;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.recoveryreview.model.Dataset;
import org.recoveryreview.model.ExitCode;
import org.recoveryreview.model.FileKind;
import org.recoveryreview.model.InputFile;
import org.recoveryreview.model.InputOptions;
import org.recoveryreview.model.IssueAction;
import org.recoveryreview.model.JobFailure;
import org.recoveryreview.model.Session;
import org.recoveryreview.model.Setting;
import org.recoveryreview.model.Status;

class IngestorFormatTest {
  @TempDir Path dir;

  private TestInput input() {
    return new TestInput(dir);
  }

  private static InputOptions withCharset(Charset c) {
    return new InputOptions(c, Optional.empty(), Optional.empty(), Map.of(), Map.of());
  }

  @Test
  void ingest_plainFiles_readsEveryValue() {
    Dataset d =
        input()
            .sessions("S1,P1,2026-02-03,clinic,Occupational Therapy,completed,45,40,Kim")
            .ingest();
    assertEquals(2, d.patients().size());
    assertEquals("王伟", d.patients().get(1).name());
    assertEquals(
        List.of(
            new Session(
                "S1",
                "P1",
                LocalDate.of(2026, 2, 3),
                Setting.CLINIC,
                "occupational_therapy",
                Status.COMPLETED,
                45,
                OptionalInt.of(40),
                Optional.of("Kim"))),
        d.sessions());
    assertEquals(List.of(), d.issues());
  }

  @Test
  void ingest_byteOrderMark_isSkipped() {
    byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    byte[] body = (PATIENTS_HEADER + "\n" + TestInput.P1 + "\n").getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    b.writeBytes(bom);
    b.writeBytes(body);
    Dataset d =
        input()
            .bytes("patients.csv", b.toByteArray())
            .file("sessions.csv", SESSIONS_HEADER)
            .ingest();
    assertEquals("P1", d.patients().get(0).patientId());
  }

  @Test
  void ingest_semicolonDelimiter_readsAllRows() {
    Dataset d =
        input()
            .patients()
            .file(
                "sessions.csv",
                "session_id;patient_id;date;setting;therapy;status;planned_minutes;actual_minutes",
                "S1;P1;2026-02-03;clinic;\"massage, light\";completed;45;40",
                "S2;P2;2026-02-04;home;task practice;missed;30;")
            .ingest();
    assertEquals(2, d.sessions().size());
    assertEquals("massage_light", d.sessions().get(0).therapy());
    assertEquals(Status.MISSED, d.sessions().get(1).status());
  }

  @Test
  void ingest_tabDelimiter_readsAllRows() {
    Dataset d =
        input()
            .patients()
            .file(
                "sessions.csv",
                "session_id\tpatient_id\tdate\tsetting\ttherapy\tstatus\tplanned_minutes",
                "S1\tP1\t2026-02-03\ttele\tmassage, light\tdone\t45")
            .ingest();
    assertEquals(Setting.TELE, d.sessions().get(0).setting());
    assertEquals("massage_light", d.sessions().get(0).therapy());
  }

  @Test
  void ingest_configuredDelimiter_overridesDetection() {
    InputOptions semicolon =
        new InputOptions(
            StandardCharsets.UTF_8, Optional.of(';'), Optional.empty(), Map.of(), Map.of());
    Dataset d =
        input()
            .file("patients.csv", PATIENTS_HEADER.replace(',', ';'), TestInput.P1.replace(',', ';'))
            .file(
                "sessions.csv",
                // More commas than semicolons: detection alone would pick comma.
                "session_id;patient_id;date;setting;therapy;status;planned_minutes;n,o,t,e,s,a,b,c",
                "S1;P1;2026-02-03;clinic;massage;completed;45;x")
            .ingest(semicolon);
    assertEquals(1, d.sessions().size());
  }

  @Test
  void ingest_crlfLineEnds_readsRowsAndLines() {
    String text =
        SESSIONS_HEADER
            + "\r\n"
            + "S1,P1,2026-02-03,clinic,massage,completed,45,,\r\n"
            + "S2,P1,2026-02-31,clinic,massage,completed,45,,\r\n";
    Dataset d = input().patients().text("sessions.csv", text, StandardCharsets.UTF_8).ingest();
    assertEquals(1, d.sessions().size());
    assertEquals(3, TestInput.only(d).line());
  }

  @Test
  void ingest_quotedLineBreak_reportsLineWhereRecordStarts() {
    Dataset d =
        input()
            .file(
                "patients.csv",
                PATIENTS_HEADER,
                "P1,Ana Silva,1960-05-01,F,left,\"stroke,",
                "left MCA",
                "territory\",2026-01-10,North,Kim,,",
                "",
                "P2,Bo,1955-02-03,M,right,stroke,2025-13-02,South,Lee,,")
            .file("sessions.csv", SESSIONS_HEADER)
            .ingest();
    assertEquals("stroke,\nleft MCA\nterritory", d.patients().get(0).diagnosis().orElseThrow());
    // Header line 1, P1 spans lines 2-4, line 5 is blank: P2 starts on line 6.
    assertEquals(6, TestInput.only(d).line());
  }

  @Test
  void ingest_blankLinesAndEmptyRows_areNotRowsAndKeepLineNumbers() {
    Dataset d =
        input()
            .patients()
            .file(
                "sessions.csv",
                "",
                SESSIONS_HEADER,
                "",
                ",,,, ,,,,",
                "S1,P1,2026-02-03,clinic,massage,nonsense,45,,")
            .ingest();
    assertEquals(1, TestInput.file(d, "sessions.csv").rowsRead());
    assertEquals(5, TestInput.only(d).line());
  }

  @Test
  void ingest_quotedLineBreakThenCrlf_countsEachBreakOnce() {
    String text =
        SESSIONS_HEADER
            + "\r\n"
            + "S1,P1,2026-02-03,clinic,\"mass\r\nage\",completed,45,,\r\n"
            + "\r\n"
            + "S2,P9,2026-02-03,clinic,massage,completed,45,,\r\n";
    Dataset d = input().patients().text("sessions.csv", text, StandardCharsets.UTF_8).ingest();
    assertEquals(5, TestInput.only(d).line());
  }

  @Test
  void ingest_headerNamesDifferInCaseSpacesAndSeparators_areMatched() {
    Dataset d =
        input()
            .patients()
            .file(
                "sessions.csv",
                " Session ID ,PATIENT-ID,Date,Setting,Therapy,Status,Planned"
                    + " Minutes,actual_Minutes,Extra Column",
                "S1,P1,2026-02-03,clinic,massage,completed,45,30,whatever")
            .ingest();
    assertEquals(OptionalInt.of(30), d.sessions().get(0).actualMinutes());
  }

  @Test
  void ingest_configuredHeaderAlias_mapsOntoCanonicalColumn() {
    InputOptions options =
        new InputOptions(
            StandardCharsets.UTF_8,
            Optional.empty(),
            Optional.empty(),
            Map.of(
                FileKind.SESSIONS,
                Map.of("Visit No", "session_id", "mins booked", "planned_minutes")),
            Map.of());
    Dataset d =
        input()
            .patients()
            .file(
                "sessions.csv",
                "visit_no,patient_id,date,setting,therapy,status,Mins-Booked",
                "S1,P1,2026-02-03,clinic,massage,completed,45")
            .ingest(options);
    assertEquals("S1", d.sessions().get(0).sessionId());
    assertEquals(45, d.sessions().get(0).plannedMinutes());
  }

  @Test
  void ingest_headerAliasToUnknownColumn_failsWithUsage() {
    InputOptions options =
        new InputOptions(
            StandardCharsets.UTF_8,
            Optional.empty(),
            Optional.empty(),
            Map.of(FileKind.SESSIONS, Map.of("visit", "visit_number")),
            Map.of());
    JobFailure f =
        assertThrows(JobFailure.class, () -> new Ingestor(options).ingest(input().sessions().dir));
    assertEquals(ExitCode.USAGE, f.exitCode());
    assertTrue(f.getMessage().contains("visit_number"), f.getMessage());
  }

  @Test
  void ingest_gzipFile_isReadAndHashedAsStored() {
    Dataset d =
        input()
            .patients()
            .gzip(
                "sessions-2026-02.csv.gz",
                SESSIONS_HEADER + "\nS1,P1,2026-02-03,clinic,massage,completed,45,,\n")
            .ingest();
    assertEquals(1, d.sessions().size());
    InputFile f = TestInput.file(d, "sessions-2026-02.csv.gz");
    assertEquals(1, f.rowsRead());
    assertEquals(dir.resolve("sessions-2026-02.csv.gz").toFile().length(), f.sizeBytes());
  }

  @Test
  void ingest_gbkCharsetFromOptions_decodesChineseNames() {
    Charset gbk = Charset.forName("GBK");
    Dataset d =
        input()
            .text("patients.csv", PATIENTS_HEADER + "\n" + TestInput.P2 + "\n", gbk)
            .file("sessions.csv", SESSIONS_HEADER)
            .ingest(withCharset(gbk));
    assertEquals("王伟", d.patients().get(0).name());
  }

  @Test
  void ingest_contractColumnNamedTwice_failsWithDataErrorNamingBothCells() {
    TestInput in =
        input()
            .file("patients.csv", PATIENTS_HEADER, TestInput.P1)
            .file(
                "sessions.csv",
                "session_id,patient_id,Date,date,setting,therapy,status,planned_minutes",
                "S1,P1,2026-10-01,2026-10-02,clinic,massage,completed,30");
    JobFailure f = assertThrows(JobFailure.class, () -> in.ingest());
    assertEquals(ExitCode.DATA_ERROR, f.exitCode());
    assertTrue(f.getMessage().startsWith("sessions.csv line 1: "), f.getMessage());
    assertTrue(
        f.getMessage().contains("date ('Date' in column 3 and 'date' in column 4)"),
        f.getMessage());
  }

  @Test
  void ingest_undecodableBytes_failsWithDataErrorNamingFileLineAndKey() {
    Charset gbk = Charset.forName("GBK");
    StringBuilder text = new StringBuilder(PATIENTS_HEADER).append('\n');
    text.append(TestInput.P1).append('\n');
    text.append(TestInput.P2).append('\n');
    TestInput in = input().text("patients.csv", text.toString(), gbk);
    in.file("sessions.csv", SESSIONS_HEADER);
    JobFailure f = assertThrows(JobFailure.class, () -> in.ingest());
    assertEquals(ExitCode.DATA_ERROR, f.exitCode());
    assertTrue(f.getMessage().startsWith("patients.csv line 3 "), f.getMessage());
    assertTrue(f.getMessage().contains("input.charset"), f.getMessage());
  }

  @Test
  void ingest_headerLacksRequiredColumns_failsNamingColumnsAndHeader() {
    TestInput in =
        input()
            .patients()
            .file(
                "sessions.csv",
                "session_id,patient_id,date,therapy,status",
                "S1,P1,2026-02-03,massage,completed");
    JobFailure f = assertThrows(JobFailure.class, in::ingest);
    assertEquals(ExitCode.DATA_ERROR, f.exitCode());
    assertTrue(f.getMessage().startsWith("sessions.csv:"), f.getMessage());
    assertTrue(f.getMessage().contains("setting; planned_minutes"), f.getMessage());
    assertTrue(
        f.getMessage().contains("session_id | patient_id | date | therapy | status"),
        f.getMessage());
  }

  @Test
  void ingest_wrongConfiguredDelimiter_failsHintingAtDelimiter() {
    InputOptions tab =
        new InputOptions(
            StandardCharsets.UTF_8, Optional.of('\t'), Optional.empty(), Map.of(), Map.of());
    JobFailure f =
        assertThrows(JobFailure.class, () -> new Ingestor(tab).ingest(input().sessions().dir));
    assertEquals(ExitCode.DATA_ERROR, f.exitCode());
    assertTrue(f.getMessage().contains("input.delimiter"), f.getMessage());
  }

  @Test
  void ingest_assessmentsHeaderWithoutMeasures_failsWithDataError() {
    TestInput in =
        input()
            .patients()
            .file("sessions.csv", SESSIONS_HEADER)
            .file("assessments.csv", "patient_id,date,assessor", "P1,2026-02-03,Kim");
    JobFailure f = assertThrows(JobFailure.class, in::ingest);
    assertEquals(ExitCode.DATA_ERROR, f.exitCode());
    assertTrue(f.getMessage().contains("at least one of brunnstrom_arm"), f.getMessage());
  }

  @Test
  void ingest_emptyFile_failsWithDataError() {
    TestInput in = input().patients().bytes("sessions.csv", new byte[0]);
    JobFailure f = assertThrows(JobFailure.class, in::ingest);
    assertEquals(ExitCode.DATA_ERROR, f.exitCode());
    assertTrue(f.getMessage().startsWith("sessions.csv is empty"), f.getMessage());
  }

  @Test
  void ingest_missingDirectory_failsWithNoInput() {
    JobFailure f =
        assertThrows(
            JobFailure.class,
            () -> new Ingestor(InputOptions.defaults()).ingest(dir.resolve("nowhere")));
    assertEquals(ExitCode.NO_INPUT, f.exitCode());
    assertEquals(66, f.exitCode().code());
    assertTrue(f.getMessage().contains("does not exist"), f.getMessage());
  }

  @Test
  void ingest_noPatientsFile_failsWithNoInput() {
    input().file("sessions.csv", SESSIONS_HEADER);
    JobFailure f =
        assertThrows(JobFailure.class, () -> new Ingestor(InputOptions.defaults()).ingest(dir));
    assertEquals(ExitCode.NO_INPUT, f.exitCode());
    assertTrue(f.getMessage().startsWith("No patients file"), f.getMessage());
  }

  @Test
  void ingest_noSessionsFile_failsWithNoInput() {
    input().patients();
    JobFailure f =
        assertThrows(JobFailure.class, () -> new Ingestor(InputOptions.defaults()).ingest(dir));
    assertEquals(ExitCode.NO_INPUT, f.exitCode());
    assertTrue(f.getMessage().startsWith("No sessions file"), f.getMessage());
  }

  @Test
  void ingest_noAssessmentsFile_succeedsWithNoAssessments() {
    Dataset d = input().sessions().ingest();
    assertEquals(List.of(), d.assessments());
  }

  @Test
  void ingest_fileNames_matchedCaseInsensitivelyInLexicographicOrderNonRecursively() {
    input()
        .patients()
        .file(
            "Sessions-2026-02.csv", SESSIONS_HEADER, "S1,P1,2026-02-03,clinic,massage,missed,45,,")
        .file(
            "sessions-2026-01.csv", SESSIONS_HEADER, "S1,P1,2026-02-03,clinic,massage,booked,45,,")
        .file("visits.csv", SESSIONS_HEADER)
        .file("sessions-notes.txt", "hello");
    assertTrue(dir.resolve("sub").toFile().mkdir());
    new TestInput(dir.resolve("sub")).file("sessions-9.csv", SESSIONS_HEADER);
    Dataset d = new TestInput(dir).ingest();
    assertEquals(
        List.of("patients.csv", "sessions-2026-01.csv", "Sessions-2026-02.csv"),
        d.inputFiles().stream().map(InputFile::file).toList());
    assertEquals(Status.MISSED, d.sessions().get(0).status());
  }

  @Test
  void ingest_inputFile_hasSha256AndSizeOfRawBytes() {
    // printf 'session_id,patient_id,date,setting,therapy,status,planned_minutes\n' | sha256sum
    Dataset d =
        input()
            .patients()
            .file(
                "sessions.csv", "session_id,patient_id,date,setting,therapy,status,planned_minutes")
            .ingest();
    InputFile f = TestInput.file(d, "sessions.csv");
    assertEquals(66, f.sizeBytes());
    assertEquals("85c3abaa983ef11a22341ea383968b36913638de7ab9c3297635780c63cc46f2", f.sha256());
    assertEquals(FileKind.SESSIONS, f.kind());
    assertEquals(0, f.rowsRead());
  }

  @Test
  void ingest_rowWithMoreValuesThanHeader_isRejected() {
    Dataset d =
        input().sessions("S1,P1,2026-02-03,clinic,massage,completed,45,40,Kim,oops").ingest();
    assertEquals(IssueAction.REJECTED, TestInput.only(d).action());
    assertEquals("too many values", TestInput.only(d).problem());
  }

  @Test
  void ingest_trailingEmptyValuesBeyondHeader_areAccepted() {
    Dataset d = input().sessions("S1,P1,2026-02-03,clinic,massage,completed,45,40,Kim,,").ingest();
    assertEquals(1, d.sessions().size());
  }

  @Test
  void ingest_unclosedQuote_failsWithDataError() {
    TestInput in = input().sessions("S1,P1,2026-02-03,clinic,\"massage,completed,45,40,Kim");
    JobFailure f = assertThrows(JobFailure.class, in::ingest);
    assertEquals(ExitCode.DATA_ERROR, f.exitCode());
    assertTrue(f.getMessage().startsWith("sessions.csv is not valid CSV"), f.getMessage());
  }
}
