package org.recoveryreview.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.recoveryreview.ingest.TestInput.ASSESSMENTS_HEADER;
import static org.recoveryreview.ingest.TestInput.PATIENTS_HEADER;
import static org.recoveryreview.ingest.TestInput.SESSIONS_HEADER;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.recoveryreview.model.Assessment;
import org.recoveryreview.model.DataIssue;
import org.recoveryreview.model.Dataset;
import org.recoveryreview.model.FileKind;
import org.recoveryreview.model.InputFile;
import org.recoveryreview.model.InputOptions;
import org.recoveryreview.model.IssueAction;
import org.recoveryreview.model.Status;

class IngestorRulesTest {
  @TempDir Path dir;

  private TestInput input() {
    return new TestInput(dir);
  }

  /** Ingests one sessions row and returns the single rejection it must cause. */
  private DataIssue rejectedSession(String row) {
    Dataset d = input().sessions(row).ingest();
    DataIssue i = TestInput.only(d);
    assertEquals(IssueAction.REJECTED, i.action());
    assertEquals(List.of(), d.sessions());
    return i;
  }

  private DataIssue rejectedPatient(String row) {
    Dataset d =
        input()
            .file("patients.csv", PATIENTS_HEADER, row)
            .file("sessions.csv", SESSIONS_HEADER)
            .ingest();
    DataIssue i = TestInput.only(d);
    assertEquals(IssueAction.REJECTED, i.action());
    assertEquals(FileKind.PATIENTS, i.kind());
    return i;
  }

  private DataIssue rejectedAssessment(String row) {
    Dataset d = input().assessments(row).ingest();
    DataIssue i = TestInput.only(d);
    assertEquals(IssueAction.REJECTED, i.action());
    assertEquals(List.of(), d.assessments());
    return i;
  }

  @Test
  void ingest_sessionMissingSessionId_isRejectedWithEmptyKey() {
    DataIssue i = rejectedSession(",P1,2026-02-03,clinic,massage,completed,45,,");
    assertEquals("session_id", i.column());
    assertEquals("missing value", i.problem());
    assertEquals("", i.key());
    assertEquals(2, i.line());
    assertEquals("sessions.csv", i.file());
    assertEquals(FileKind.SESSIONS, i.kind());
  }

  @Test
  void ingest_sessionMissingPlannedMinutes_isRejected() {
    DataIssue i = rejectedSession("S1,P1,2026-02-03,clinic,massage,completed,,,");
    assertEquals("planned_minutes", i.column());
    assertEquals("missing value", i.problem());
    assertEquals("S1", i.key());
  }

  @Test
  void ingest_impossibleDate_isRejectedNamingValue() {
    DataIssue i = rejectedSession("S1,P1,2026-02-30,clinic,massage,completed,45,,");
    assertEquals("date", i.column());
    assertEquals("2026-02-30", i.value());
    assertEquals("invalid date", i.problem());
    assertTrue(
        i.reason().startsWith("date '2026-02-30' is not a valid date; expected yyyy-MM-dd"),
        i.reason());
  }

  @Test
  void ingest_unparseableDate_isRejected() {
    assertEquals(
        "invalid date",
        rejectedSession("S1,P1,03.02.2026,clinic,massage,completed,45,,").problem());
  }

  @Test
  void ingest_dateFormsOfTheContract_areAccepted() {
    Dataset d =
        input()
            .sessions(
                "S1,P1,2026/10/03,clinic,massage,completed,45,,",
                "S2,P1,2026-10-03T09:30,clinic,massage,completed,45,,",
                "S3,P1,2026-10-03T23:30:00Z,clinic,massage,completed,45,,",
                "S4,P1,2026-10-03 09:30,clinic,massage,completed,45,,",
                "S5,P1,2026-10-03T23:30:00-05:00,clinic,massage,completed,45,,")
            .ingest();
    assertEquals(5, d.sessions().size());
    d.sessions().forEach(s -> assertEquals(LocalDate.of(2026, 10, 3), s.date()));
  }

  @Test
  void ingest_configuredDatePattern_isAcceptedBesideBuiltIns() {
    InputOptions options =
        new InputOptions(
            StandardCharsets.UTF_8,
            Optional.empty(),
            Optional.of("dd/MM/yyyy"),
            Map.of(),
            Map.of());
    Dataset d =
        input()
            .sessions(
                "S1,P1,03/10/2026,clinic,massage,completed,45,,",
                "S2,P1,2026-10-04,clinic,massage,completed,45,,",
                "S3,P1,31/02/2026,clinic,massage,completed,45,,")
            .ingest(options);
    assertEquals(LocalDate.of(2026, 10, 3), d.sessions().get(0).date());
    assertEquals(LocalDate.of(2026, 10, 4), d.sessions().get(1).date());
    assertTrue(TestInput.only(d).reason().contains("or dd/MM/yyyy"), TestInput.only(d).reason());
  }

  @Test
  void ingest_dayFirstDateWithoutConfiguredPattern_isRejected() {
    assertEquals(
        "invalid date",
        rejectedSession("S1,P1,03/10/2026,clinic,massage,completed,45,,").problem());
  }

  @Test
  void ingest_plannedMinutesAboveRange_isRejected() {
    DataIssue i = rejectedSession("S1,P1,2026-02-03,clinic,massage,completed,721,,");
    assertEquals("planned_minutes", i.column());
    assertEquals("out of range", i.problem());
    assertEquals(
        "planned_minutes '721' is out of range; expected an integer from 0 to 720", i.reason());
  }

  @Test
  void ingest_negativeActualMinutes_isRejected() {
    DataIssue i = rejectedSession("S1,P1,2026-02-03,clinic,massage,completed,45,-5,");
    assertEquals("actual_minutes", i.column());
    assertEquals("out of range", i.problem());
  }

  @Test
  void ingest_fractionalMinutes_isRejectedAsNotAnInteger() {
    DataIssue i = rejectedSession("S1,P1,2026-02-03,clinic,massage,completed,45.5,,");
    assertEquals("not an integer", i.problem());
    assertEquals("45.5", i.value());
  }

  @Test
  void ingest_integerWrittenWithZeroFraction_isAccepted() {
    Dataset d = input().sessions("S1,P1,2026-02-03,clinic,massage,completed,45.0,30.00,").ingest();
    assertEquals(45, d.sessions().get(0).plannedMinutes());
    assertEquals(OptionalInt.of(30), d.sessions().get(0).actualMinutes());
  }

  @Test
  void ingest_unknownSetting_isRejected() {
    DataIssue i = rejectedSession("S1,P1,2026-02-03,ward,massage,completed,45,,");
    assertEquals("setting", i.column());
    assertEquals("unknown setting", i.problem());
    assertEquals(
        "setting 'ward' is not a known setting; expected clinic, tele or home", i.reason());
  }

  @Test
  void ingest_unknownStatus_isRejected() {
    DataIssue i = rejectedSession("S1,P1,2026-02-03,clinic,massage,vanished,45,,");
    assertEquals("status", i.column());
    assertEquals("vanished", i.value());
    assertEquals("unknown status", i.problem());
  }

  @Test
  void ingest_partialWithoutActualMinutes_isRejected() {
    DataIssue i = rejectedSession("S1,P1,2026-02-03,clinic,massage,Left Early,45,,");
    assertEquals("actual_minutes", i.column());
    assertEquals("partial without actual_minutes", i.problem());
  }

  @Test
  void ingest_sessionForUnknownPatient_isRejected() {
    DataIssue i = rejectedSession("S1,P9,2026-02-03,clinic,massage,completed,45,,");
    assertEquals("patient_id", i.column());
    assertEquals("P9", i.value());
    assertEquals("unknown patient", i.problem());
  }

  @Test
  void ingest_sessionForRejectedPatient_isRejectedSayingSo() {
    Dataset d =
        input()
            .file("patients.csv", PATIENTS_HEADER, "P1,Ana,,,,,2026-13-01,North,Kim,,")
            .file("sessions.csv", SESSIONS_HEADER, "S1,P1,2026-02-03,clinic,massage,completed,45,,")
            .ingest();
    DataIssue i = d.issues().get(1);
    assertEquals("unknown patient", i.problem());
    assertTrue(i.reason().contains("was rejected"), i.reason());
  }

  @Test
  void ingest_blankTherapyAfterNormalising_isRejected() {
    assertEquals(
        "invalid therapy", rejectedSession("S1,P1,2026-02-03,clinic,---,completed,45,,").problem());
  }

  @ParameterizedTest
  @CsvSource({
    "Attended,COMPLETED",
    "checked-out,COMPLETED",
    "PARTIALLY COMPLETED,PARTIAL",
    "No Show,MISSED",
    "noshow,MISSED",
    "DNA,MISSED",
    "not_done,MISSED",
    "late cancellation,LATE_CANCEL",
    "cancelled-late,LATE_CANCEL",
    "Canceled,CANCELLED",
    "cancelled by patient,CANCELLED",
    "Therapist Cancelled,CLINIC_CANCELLED",
    "clinic_cancelled,CLINIC_CANCELLED",
  })
  void ingest_statusAlias_mapsToCanonicalStatus(String written, Status expected) {
    Dataset d = input().sessions("S1,P1,2026-02-03,clinic,massage," + written + ",45,45,").ingest();
    assertEquals(expected, d.sessions().get(0).status());
  }

  @Test
  void ingest_configuredStatusAlias_isHonoured() {
    InputOptions options =
        new InputOptions(
            StandardCharsets.UTF_8,
            Optional.empty(),
            Optional.empty(),
            Map.of(),
            Map.of("Patient Unwell", Status.CANCELLED));
    Dataset d =
        input().sessions("S1,P1,2026-02-03,clinic,massage,patient-unwell,45,,").ingest(options);
    assertEquals(Status.CANCELLED, d.sessions().get(0).status());
  }

  @Test
  void ingest_therapyText_isNormalisedToKnownCodes() {
    Dataset d =
        input()
            .sessions(
                "S1,P1,2026-02-03,clinic,Neuromuscular Re-education,completed,45,,",
                "S2,P1,2026-02-03,clinic,RangeOfMotion,completed,45,,",
                "S3,P1,2026-02-03,clinic,  Mirror   Therapy!,completed,45,,")
            .ingest();
    assertEquals(
        List.of("neuromuscular_reeducation", "range_of_motion", "mirror_therapy"),
        d.sessions().stream().map(s -> s.therapy()).toList());
  }

  @Test
  void ingest_patientMissingOnsetDate_isRejected() {
    DataIssue i = rejectedPatient("P1,Ana,,,,,,North,Kim,,");
    assertEquals("onset_date", i.column());
    assertEquals("missing value", i.problem());
    assertEquals("P1", i.key());
  }

  @Test
  void ingest_patientIdLongerThan64_isRejected() {
    String id = "P".repeat(65);
    DataIssue i = rejectedPatient(id + ",Ana,,,,,2026-01-01,North,Kim,,");
    assertEquals("patient_id", i.column());
    assertEquals("too long", i.problem());
  }

  @Test
  void ingest_patientIdOf64Characters_isAccepted() {
    String id = "字".repeat(64);
    Dataset d =
        input()
            .file("patients.csv", PATIENTS_HEADER, id + ",Ana,,,,,2026-01-01,North,Kim,,")
            .file("sessions.csv", SESSIONS_HEADER)
            .ingest();
    assertEquals(id, d.patients().get(0).patientId());
  }

  @Test
  void ingest_patientUnknownAffectedSide_isRejected() {
    DataIssue i = rejectedPatient("P1,Ana,,,both,,2026-01-01,North,Kim,,");
    assertEquals("affected_side", i.column());
    assertEquals("unknown affected side", i.problem());
  }

  @Test
  void ingest_patientInvalidOptionalDate_isRejected() {
    DataIssue i = rejectedPatient("P1,Ana,1960-02-30,,,,2026-01-01,North,Kim,,");
    assertEquals("birth_date", i.column());
  }

  @Test
  void ingest_repeatedPatientIdWithDifferentValues_rejectsLaterRowNamingFirst() {
    Dataset d =
        input()
            .file("patients-a.csv", PATIENTS_HEADER, TestInput.P1)
            .file(
                "patients-b.csv",
                PATIENTS_HEADER,
                TestInput.P2,
                "P1,Ana Silva,1960-05-01,F,right,stroke,2026-01-10,North,Kim,2026-01-20,")
            .file("sessions.csv", SESSIONS_HEADER)
            .ingest();
    DataIssue i = TestInput.only(d);
    assertEquals("patients-b.csv", i.file());
    assertEquals(3, i.line());
    assertEquals(IssueAction.REJECTED, i.action());
    assertEquals("repeated patient_id", i.problem());
    assertTrue(i.reason().contains("patients-a.csv line 2"), i.reason());
    assertTrue(i.reason().contains("affected_side"), i.reason());
    assertEquals("left", d.patients().get(0).affectedSide().orElseThrow());
  }

  @Test
  void ingest_identicalRepeatedPatientRow_isDuplicate() {
    Dataset d =
        input()
            .file(
                "patients.csv",
                PATIENTS_HEADER,
                TestInput.P1,
                " P1 , Ana Silva ,1960/05/01,F,"
                    + "LEFT,stroke,2026-01-10T00:00,North,Kim,2026-01-20,,")
            .file("sessions.csv", SESSIONS_HEADER)
            .ingest();
    DataIssue i = TestInput.only(d);
    assertEquals(IssueAction.DUPLICATE, i.action());
    assertEquals(3, i.line());
    assertEquals(1, d.patients().size());
  }

  @Test
  void ingest_assessmentWithNoMeasure_isRejected() {
    DataIssue i = rejectedAssessment("P1,2026-02-03,Kim,,,,,,,");
    assertEquals("no measure", i.problem());
    assertEquals("P1 2026-02-03", i.key());
  }

  @ParameterizedTest
  @CsvSource({
    "'P1,2026-02-03,Kim,0,,,,,,', brunnstrom_arm",
    "'P1,2026-02-03,Kim,,7,,,,,', brunnstrom_hand",
    "'P1,2026-02-03,Kim,,,37,,,,', fma_a",
    "'P1,2026-02-03,Kim,,,,11,,,', fma_b",
    "'P1,2026-02-03,Kim,,,,,15,,', fma_c",
    "'P1,2026-02-03,Kim,,,,,,7,', fma_d",
    "'P1,2026-02-03,Kim,,,,,,,58', arat",
  })
  void ingest_measureOutOfRange_isRejected(String row, String column) {
    DataIssue i = rejectedAssessment(row);
    assertEquals(column, i.column());
    assertEquals("out of range", i.problem());
  }

  @Test
  void ingest_measuresAtTheirLimits_areAccepted() {
    Dataset d =
        input()
            .assessments("P1,2026-02-03,Kim,6,1,36,10,14,6,57", "P2,2026-02-03,,,,0,0,0,0,0")
            .ingest();
    assertEquals(
        new Assessment(
            "P1",
            LocalDate.of(2026, 2, 3),
            Optional.of("Kim"),
            OptionalInt.of(6),
            OptionalInt.of(1),
            OptionalInt.of(36),
            OptionalInt.of(10),
            OptionalInt.of(14),
            OptionalInt.of(6),
            OptionalInt.of(57),
            org.recoveryreview.model.AratParts.NONE),
        d.assessments().get(0));
    assertEquals(OptionalInt.empty(), d.assessments().get(1).brunnstromArm());
    assertEquals(OptionalInt.of(0), d.assessments().get(1).arat());
  }

  @Test
  void ingest_assessmentForUnknownPatient_isRejected() {
    DataIssue i = rejectedAssessment("P7,2026-02-03,Kim,3,,,,,,");
    assertEquals("unknown patient", i.problem());
  }

  @Test
  void ingest_assessmentNotAnInteger_isRejected() {
    DataIssue i = rejectedAssessment("P1,2026-02-03,Kim,III,,,,,,");
    assertEquals("brunnstrom_arm", i.column());
    assertEquals("not an integer", i.problem());
  }

  @Test
  void ingest_assessmentRepeatedWithNewScore_earlierIsSuperseded() {
    Dataset d =
        input().assessments("P1,2026-02-03,Kim,3,,20,,,,", "P1,2026-02-03,Kim,3,,22,,,,").ingest();
    DataIssue i = TestInput.only(d);
    assertEquals(IssueAction.SUPERSEDED, i.action());
    assertEquals(2, i.line());
    assertTrue(i.reason().contains("assessments.csv line 3 (changed: fma_a)"), i.reason());
    assertEquals(OptionalInt.of(22), d.assessments().get(0).fmaA());
  }

  @Test
  void ingest_sameSessionInOverlappingExports_isDuplicate() {
    String row = "S1,P1,2026-02-03,clinic,massage,completed,45,,Kim";
    Dataset d =
        input()
            .patients()
            .file("sessions-2026-01.csv", SESSIONS_HEADER, row)
            .file(
                "sessions-2026-02.csv",
                SESSIONS_HEADER,
                "S1,P1,2026/02/03,Clinic,Massage,Attended,45,,Kim ")
            .ingest();
    DataIssue i = TestInput.only(d);
    assertEquals(IssueAction.DUPLICATE, i.action());
    assertEquals("sessions-2026-02.csv", i.file());
    assertEquals("same values as sessions-2026-01.csv line 2; the repeat is dropped", i.reason());
    assertEquals(1, d.sessions().size());
  }

  @Test
  void ingest_sessionChangedInLaterFile_earlierIsSuperseded() {
    Dataset d =
        input()
            .patients()
            .file(
                "sessions-2026-01.csv",
                SESSIONS_HEADER,
                "S1,P1,2026-02-03,clinic,massage,booked,45,,")
            .file(
                "sessions-2026-02.csv",
                SESSIONS_HEADER,
                "S2,P1,2026-02-04,clinic,massage,completed,45,,",
                "S1,P1,2026-02-03,clinic,massage,attended,45,40,")
            .ingest();
    DataIssue i = TestInput.only(d);
    assertEquals(IssueAction.SUPERSEDED, i.action());
    assertEquals("sessions-2026-01.csv", i.file());
    assertEquals(2, i.line());
    assertEquals("S1", i.key());
    assertEquals(
        "replaced by the later version in sessions-2026-02.csv line 3 (changed: status,"
            + " actual_minutes)",
        i.reason());
    assertEquals(Status.COMPLETED, d.sessions().get(0).status());
    InputFile jan = TestInput.file(d, "sessions-2026-01.csv");
    assertEquals(1, jan.rowsRead());
    assertEquals(0, jan.used());
    assertEquals(1, jan.superseded());
    assertEquals(2, TestInput.file(d, "sessions-2026-02.csv").used());
  }

  @Test
  void ingest_laterLineInSameFile_wins() {
    Dataset d =
        input()
            .sessions(
                "S1,P1,2026-02-03,clinic,massage,completed,45,,",
                "S1,P1,2026-02-03,clinic,massage,missed,45,,")
            .ingest();
    assertEquals(Status.MISSED, d.sessions().get(0).status());
    assertEquals(2, TestInput.only(d).line());
  }

  @Test
  void ingest_attendedThenVoidInLaterFile_earlierSupersededLaterIgnored() {
    Dataset d =
        input()
            .patients()
            .file(
                "sessions-1.csv", SESSIONS_HEADER, "S1,P1,2026-02-03,clinic,massage,attended,45,,")
            .file(
                "sessions-2.csv",
                SESSIONS_HEADER,
                "S1,P1,2026-02-03,clinic,massage,entered in error,45,,")
            .ingest();
    assertEquals(List.of(), d.sessions());
    assertEquals(2, d.issues().size());
    assertEquals(IssueAction.SUPERSEDED, d.issues().get(0).action());
    assertEquals("sessions-1.csv", d.issues().get(0).file());
    assertEquals(IssueAction.IGNORED, d.issues().get(1).action());
    assertEquals("sessions-2.csv", d.issues().get(1).file());
    assertEquals("void status", d.issues().get(1).problem());
    assertEquals("void", d.issues().get(1).value());
  }

  @Test
  void ingest_scheduledSession_isIgnored() {
    Dataset d = input().sessions("S1,P1,2026-02-03,clinic,massage,Pending,45,,").ingest();
    DataIssue i = TestInput.only(d);
    assertEquals(IssueAction.IGNORED, i.action());
    assertEquals("scheduled status", i.problem());
    assertEquals("status", i.column());
    assertEquals(List.of(), d.sessions());
    assertEquals(1, TestInput.file(d, "sessions.csv").ignored());
  }

  @Test
  void ingest_invalidLaterVersion_doesNotReplaceValidOne() {
    Dataset d =
        input()
            .sessions(
                "S1,P1,2026-02-03,clinic,massage,completed,45,,",
                "S1,P1,2026-02-03,clinic,massage,completed,999,,")
            .ingest();
    assertEquals(45, d.sessions().get(0).plannedMinutes());
    assertEquals(IssueAction.REJECTED, TestInput.only(d).action());
  }

  @Test
  void ingest_mixedFiles_accountForEveryRowPerFileInReadingOrder() {
    Dataset d =
        input()
            .file(
                "patients.csv",
                PATIENTS_HEADER,
                TestInput.P1,
                TestInput.P2,
                TestInput.P2,
                "P3,,,,,,2026-01-01,North,Kim,,")
            .file(
                "sessions-a.csv",
                SESSIONS_HEADER,
                "S1,P1,2026-02-03,clinic,massage,completed,45,,",
                "S2,P1,2026-02-04,clinic,massage,booked,45,,",
                "S3,P1,2026-02-05,clinic,massage,void,45,,",
                "S4,P3,2026-02-05,clinic,massage,completed,45,,")
            .file(
                "sessions-b.csv",
                SESSIONS_HEADER,
                "S1,P1,2026-02-03,clinic,massage,completed,45,,",
                "S2,P1,2026-02-04,clinic,massage,missed,45,,",
                "S5,P2,2026-02-06,home,massage,done,30,30,")
            .file(
                "assessments.csv",
                ASSESSMENTS_HEADER,
                "P1,2026-02-03,Kim,3,3,,,,,",
                "P2,2026-02-03,Kim,,,,,,,")
            .ingest();
    assertEquals(
        List.of(
            new InputFile("patients.csv", FileKind.PATIENTS, "", 0, 4, 2, 1, 1, 0, 0),
            new InputFile("sessions-a.csv", FileKind.SESSIONS, "", 0, 4, 1, 1, 0, 1, 1),
            new InputFile("sessions-b.csv", FileKind.SESSIONS, "", 0, 3, 2, 0, 1, 0, 0),
            new InputFile("assessments.csv", FileKind.ASSESSMENTS, "", 0, 2, 1, 1, 0, 0, 0)),
        d.inputFiles().stream()
            .map(
                f ->
                    new InputFile(
                        f.file(),
                        f.kind(),
                        "",
                        0,
                        f.rowsRead(),
                        f.used(),
                        f.rejected(),
                        f.duplicate(),
                        f.superseded(),
                        f.ignored()))
            .toList());
    assertEquals(
        List.of(
            "patients.csv:4",
            "patients.csv:5",
            "sessions-a.csv:3",
            "sessions-a.csv:4",
            "sessions-a.csv:5",
            "sessions-b.csv:2",
            "assessments.csv:3"),
        d.issues().stream().map(i -> i.file() + ":" + i.line()).toList());
    assertEquals(List.of("S1", "S2", "S5"), d.sessions().stream().map(s -> s.sessionId()).toList());
  }
}
