package org.recoveryreview.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.recoveryreview.model.AratParts;
import org.recoveryreview.model.Assessment;
import org.recoveryreview.model.DataIssue;
import org.recoveryreview.model.Dataset;
import org.recoveryreview.model.IssueAction;

/** The optional ARAT subtest columns: ranges, the total against the parts, partial sets. */
class IngestorAratPartsTest {
  /** The contract header with the subtests in the column order of the contract. */
  static final String HEADER =
      TestInput.ASSESSMENTS_HEADER + ",arat_grasp,arat_grip,arat_pinch,arat_gross";

  @TempDir Path dir;

  private Dataset ingest(String header, String... rows) {
    TestInput in = new TestInput(dir);
    in.patients();
    in.file("sessions.csv", TestInput.SESSIONS_HEADER);
    return in.file("assessments.csv", TestInput.concat(header, rows)).ingest();
  }

  private Assessment accepted(String row) {
    Dataset d = ingest(HEADER, row);
    assertEquals(List.of(), d.issues());
    return d.assessments().get(0);
  }

  private DataIssue rejected(String row) {
    Dataset d = ingest(HEADER, row);
    DataIssue i = TestInput.only(d);
    assertEquals(IssueAction.REJECTED, i.action());
    assertEquals(List.of(), d.assessments());
    assertEquals("assessments.csv", i.file());
    assertEquals(2, i.line());
    return i;
  }

  @Test
  void ingest_allFourSubtestsAndMatchingTotal_keepsBoth() {
    Assessment a = accepted("P1,2026-02-03,Kim,,,,,,,30,10,8,6,6");
    assertEquals(OptionalInt.of(30), a.arat());
    assertEquals(
        new AratParts(OptionalInt.of(10), OptionalInt.of(8), OptionalInt.of(6), OptionalInt.of(6)),
        a.aratParts());
  }

  @Test
  void ingest_subtestsAtTheirMaxima_areAcceptedAndSumTo57() {
    Assessment a = accepted("P1,2026-02-03,Kim,,,,,,,57,18,12,18,9");
    assertEquals(OptionalInt.of(57), a.arat());
    Assessment zero = accepted("P1,2026-02-03,Kim,,,,,,,0,0,0,0,0");
    assertEquals(OptionalInt.of(0), zero.arat());
  }

  @ParameterizedTest
  @CsvSource({
    "'P1,2026-02-03,Kim,,,,,,,,19,,,', arat_grasp, 19, 18",
    "'P1,2026-02-03,Kim,,,,,,,,,13,,', arat_grip, 13, 12",
    "'P1,2026-02-03,Kim,,,,,,,,,,19,', arat_pinch, 19, 18",
    "'P1,2026-02-03,Kim,,,,,,,,,,,10', arat_gross, 10, 9",
    "'P1,2026-02-03,Kim,,,,,,,,-1,,,', arat_grasp, -1, 18",
  })
  void ingest_subtestOutOfRange_isRejectedNamingColumnAndRange(
      String row, String column, String value, String max) {
    DataIssue i = rejected(row);
    assertEquals(column, i.column());
    assertEquals(value, i.value());
    assertEquals("out of range", i.problem());
    assertTrue(i.reason().contains("from 0 to " + max), i.reason());
  }

  @Test
  void ingest_subtestNotAnInteger_isRejected() {
    DataIssue i = rejected("P1,2026-02-03,Kim,,,,,,,,,,two,");
    assertEquals("arat_pinch", i.column());
    assertEquals("not an integer", i.problem());
  }

  @Test
  void ingest_totalDisagreesWithAllFourSubtests_isRejectedNamingBothValues() {
    DataIssue i = rejected("P1,2026-02-03,Kim,3,,,,,,31,10,8,6,6");
    assertEquals("arat", i.column());
    assertEquals("31", i.value());
    assertEquals("total disagrees with subtests", i.problem());
    assertTrue(
        i.reason().contains("arat 31 disagrees with the sum of its subtests, 30"), i.reason());
    assertTrue(
        i.reason().contains("arat_grasp 10, arat_grip 8, arat_pinch 6, arat_gross 6"), i.reason());
  }

  @Test
  void ingest_blankTotalWithAllFourSubtests_totalIsTheirSum() {
    Assessment a = accepted("P1,2026-02-03,Kim,,,,,,,,10,8,6,6");
    assertEquals(OptionalInt.of(30), a.arat());
  }

  @Test
  void ingest_onlySomeSubtestsAndBlankTotal_keptWithoutATotal() {
    Assessment a = accepted("P1,2026-02-03,Kim,,,,,,,,10,8,,");
    assertEquals(OptionalInt.empty(), a.arat());
    assertEquals(OptionalInt.of(10), a.aratParts().grasp());
    assertEquals(OptionalInt.empty(), a.aratParts().pinch());
  }

  @Test
  void ingest_someSubtestsAndATotalTheBlankOnesCanMakeUp_isAccepted() {
    // 10 + 8 recorded; the blank pinch (0–18) and gross (0–9) can add 0 to 27: 18..45 fits.
    assertEquals(OptionalInt.of(18), accepted("P1,2026-02-03,Kim,,,,,,,18,10,8,,").arat());
    assertEquals(OptionalInt.of(45), accepted("P1,2026-02-03,Kim,,,,,,,45,10,8,,").arat());
  }

  @Test
  void ingest_someSubtestsAndATotalBelowTheirSum_isRejected() {
    DataIssue i = rejected("P1,2026-02-03,Kim,,,,,,,17,10,8,,");
    assertEquals("arat", i.column());
    assertTrue(i.reason().contains("arat 17 cannot be the total"), i.reason());
    assertTrue(i.reason().contains("sum to 18"), i.reason());
    assertTrue(i.reason().contains("arat_pinch blank"), i.reason());
  }

  @Test
  void ingest_someSubtestsAndATotalAboveWhatTheBlankOnesAllow_isRejected() {
    DataIssue i = rejected("P1,2026-02-03,Kim,,,,,,,46,10,8,,");
    assertEquals("arat", i.column());
    assertTrue(i.reason().contains("blank ones add at most 27"), i.reason());
  }

  @Test
  void ingest_onlySubtestColumns_countAsAMeasure() {
    Dataset d =
        ingest(
            "patient_id,date,arat_grasp,arat_grip,arat_pinch,arat_gross",
            "P1,2026-02-03,4,2,0,5",
            "P1,2026-03-03,,,,");
    assertEquals(OptionalInt.of(11), d.assessments().get(0).arat());
    DataIssue i = TestInput.only(d);
    assertEquals("no measure", i.problem());
    assertTrue(i.reason().contains("arat_gross"), i.reason());
  }

  @Test
  void ingest_headerWithoutSubtests_readsAsBefore() {
    Dataset d = ingest(TestInput.ASSESSMENTS_HEADER, "P1,2026-02-03,Kim,,,,,,,30");
    assertEquals(OptionalInt.of(30), d.assessments().get(0).arat());
    assertEquals(AratParts.NONE, d.assessments().get(0).aratParts());
  }

  @Test
  void ingest_repeatWithChangedSubtest_namesTheSubtest() {
    Dataset d =
        ingest(
            HEADER, "P1,2026-02-03,Kim,,,,,,,30,10,8,6,6", "P1,2026-02-03,Kim,,,,,,,30,10,9,5,6");
    DataIssue i = TestInput.only(d);
    assertEquals(IssueAction.SUPERSEDED, i.action());
    assertTrue(i.reason().contains("arat_grip"), i.reason());
    assertTrue(i.reason().contains("arat_pinch"), i.reason());
  }
}
