package org.recoveryreview.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.recoveryreview.ingest.TestInput.ASSESSMENTS_HEADER;
import static org.recoveryreview.ingest.TestInput.SESSIONS_HEADER;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.recoveryreview.model.Assessment;
import org.recoveryreview.model.DataIssue;
import org.recoveryreview.model.Dataset;
import org.recoveryreview.model.InputOptions;
import org.recoveryreview.model.JobFailure;
import org.recoveryreview.model.Session;

/** Files are parsed on several threads; the outcome must not depend on how many. */
class IngestorParallelTest {
  @TempDir Path dir;

  /** Overlapping monthly exports with duplicates, superseded rows, rejections and a void. */
  private TestInput overlapping() {
    return new TestInput(dir)
        .patients()
        .file(
            "sessions-2026-01.csv",
            SESSIONS_HEADER,
            "S1,P1,2026-01-05,clinic,massage,booked,45,,",
            "S2,P1,2026-01-06,home,task practice,completed,30,,",
            "S3,P9,2026-01-07,home,massage,completed,30,,",
            "S4,P2,2026-01-08,tele,acupuncture,completed,30,,")
        .file(
            "sessions-2026-02.csv",
            SESSIONS_HEADER,
            "S2,P1,2026-01-06,home,task practice,completed,30,,",
            "S1,P1,2026-01-05,clinic,massage,attended,45,40,",
            "S5,P2,2026-02-01,clinic,massage,completed,60,,",
            "S6,P2,2026-02-30,clinic,massage,completed,60,,")
        .file(
            "sessions-2026-03.csv",
            SESSIONS_HEADER,
            "S5,P2,2026-02-01,clinic,massage,completed,60,,",
            "S4,P2,2026-01-08,tele,acupuncture,deleted,30,,",
            "S7,P1,2026-03-02,home,massage,no show,30,,")
        .file(
            "assessments-1.csv",
            ASSESSMENTS_HEADER,
            "P1,2026-01-15,Kim,2,2,10,2,3,1,12",
            "P2,2026-01-16,Lee,3,,,,,,")
        .file(
            "assessments-2.csv",
            ASSESSMENTS_HEADER,
            "P1,2026-01-15,Kim,2,2,10,2,3,1,12",
            "P2,2026-01-16,Lee,4,,,,,,");
  }

  private static List<String> summary(Dataset d) {
    List<String> out = new ArrayList<>();
    for (DataIssue i : d.issues()) {
      out.add(i.file() + ":" + i.line() + " " + i.key() + " " + i.action().name());
    }
    return out;
  }

  @Test
  void ingest_overlappingFilesOnOneAndFourThreads_sameDatasetAsWrittenByHand() {
    TestInput in = overlapping();
    Dataset one = new Ingestor(InputOptions.defaults(), 1).ingest(in.dir);
    Dataset four = new Ingestor(InputOptions.defaults(), 4).ingest(in.dir);
    TestInput.assertAccounted(one);
    assertEquals(one, four);
    assertEquals(
        List.of(
            "sessions-2026-01.csv:2 S1 SUPERSEDED",
            "sessions-2026-01.csv:4 S3 REJECTED",
            "sessions-2026-01.csv:5 S4 SUPERSEDED",
            "sessions-2026-02.csv:2 S2 DUPLICATE",
            "sessions-2026-02.csv:5 S6 REJECTED",
            "sessions-2026-03.csv:2 S5 DUPLICATE",
            "sessions-2026-03.csv:3 S4 IGNORED",
            "assessments-1.csv:3 P2 2026-01-16 SUPERSEDED",
            "assessments-2.csv:2 P1 2026-01-15 DUPLICATE"),
        summary(one));
    assertEquals(
        List.of("S1", "S2", "S5", "S7"), one.sessions().stream().map(Session::sessionId).toList());
    assertEquals(
        List.of("P1", "P2"), one.assessments().stream().map(Assessment::patientId).toList());
    assertEquals(4, one.assessments().get(1).brunnstromArm().getAsInt());
  }

  @Test
  void ingest_manyOverlappingFiles_sameDatasetOnOneTwoAndThreeThreads() {
    TestInput in = new TestInput(dir).patients();
    // Ten files whose session_ids overlap the previous file's: each id appears in two files, with
    // the status changed in every third repeat.
    for (int f = 0; f < 10; f++) {
      List<String> rows = new ArrayList<>();
      rows.add(SESSIONS_HEADER);
      for (int r = 0; r < 2000; r++) {
        int id = f * 1000 + r;
        String status = (id % 3 == 0 && r < 1000) ? "missed" : "completed";
        rows.add(
            "S"
                + id
                + ",P"
                + (1 + id % 2)
                + ",2026-01-0"
                + (1 + id % 9)
                + ",home,massage,"
                + status
                + ",30,,");
      }
      in.file(String.format("sessions-%02d.csv", f), rows.toArray(String[]::new));
    }
    Dataset one = new Ingestor(InputOptions.defaults(), 1).ingest(in.dir);
    assertEquals(one, new Ingestor(InputOptions.defaults(), 2).ingest(in.dir));
    assertEquals(one, new Ingestor(InputOptions.defaults(), 3).ingest(in.dir));
    TestInput.assertAccounted(one);
    // Ids 0..10999 once each; 9000 repeats, of which the 3000 with id % 3 == 0 differ.
    assertEquals(11_000, one.sessions().size());
    assertEquals(9_000, one.issues().size());
    assertEquals(
        3_000, one.issues().stream().filter(i -> i.action().name().equals("SUPERSEDED")).count());
  }

  @Test
  void ingest_filesLargerThanOneBlock_repeatsAcrossBlockBoundariesResolved() {
    TestInput in = new TestInput(dir).patients();
    // Two files of 2.5 blocks each; the second repeats the first's ids in reverse order, every
    // fifth with another status, so repeats meet kept rows from every block of the first file.
    int rows = ParsedFile.BLOCK_ROWS * 5 / 2;
    for (int f = 0; f < 2; f++) {
      List<String> lines = new ArrayList<>();
      lines.add(SESSIONS_HEADER);
      for (int r = 0; r < rows; r++) {
        int id = f == 0 ? r : rows - 1 - r;
        String status = f == 1 && id % 5 == 0 ? "missed" : "completed";
        lines.add("S" + id + ",P1,2026-01-0" + (1 + id % 9) + ",home,massage," + status + ",30,,");
      }
      in.file("sessions-" + f + ".csv", lines.toArray(String[]::new));
    }
    Dataset one = new Ingestor(InputOptions.defaults(), 1).ingest(in.dir);
    assertEquals(one, new Ingestor(InputOptions.defaults(), 2).ingest(in.dir));
    TestInput.assertAccounted(one);
    assertEquals(rows, one.sessions().size());
    long superseded =
        one.issues().stream().filter(i -> i.action().name().equals("SUPERSEDED")).count();
    assertEquals((rows + 4) / 5, superseded);
    assertEquals(rows - superseded, one.issues().size() - superseded);
    // The first file's line of S0 (line 2) was superseded by the second file's last line.
    assertTrue(
        one.issues().stream()
            .anyMatch(
                i ->
                    i.key().equals("S0")
                        && i.line() == 2
                        && i.reason().contains("sessions-1.csv line " + (rows + 1))));
  }

  @Test
  void ingest_twoBrokenFiles_failureNamesTheFirstInReadingOrder() {
    TestInput in =
        new TestInput(dir)
            .patients()
            .file("sessions-1.csv", "session_id,patient_id")
            .file("sessions-2.csv", "session_id");
    for (int threads : new int[] {1, 2}) {
      JobFailure f =
          assertThrows(
              JobFailure.class,
              () -> new Ingestor(InputOptions.defaults(), threads).ingest(in.dir));
      assertTrue(f.getMessage().startsWith("sessions-1.csv: the header"), f.getMessage());
    }
  }
}
