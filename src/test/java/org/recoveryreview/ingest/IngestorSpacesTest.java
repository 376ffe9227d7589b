package org.recoveryreview.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.recoveryreview.model.Dataset;
import org.recoveryreview.model.Session;
import org.recoveryreview.model.Setting;
import org.recoveryreview.model.Status;

/**
 * Surrounding spaces as Commons CSV trims them: outside quotes, including spaces before an opening
 * quote, and never inside quotes. Pins the behaviour for any faster reading path.
 */
class IngestorSpacesTest {
  @TempDir Path dir;

  private Dataset ingest(String... rows) {
    return new TestInput(dir).sessions(rows).ingest();
  }

  @Test
  void ingest_valuesWithSurroundingSpacesAndTabs_areTrimmed() {
    Dataset d =
        ingest("  S1 , P1 ,\t2026-02-03\t, clinic ,massage , completed ,  45 , 40 ,  Kim  ");
    assertEquals(
        List.of(
            new Session(
                "S1",
                "P1",
                LocalDate.of(2026, 2, 3),
                Setting.CLINIC,
                "massage",
                Status.COMPLETED,
                45,
                OptionalInt.of(40),
                Optional.of("Kim"))),
        d.sessions());
    assertEquals(List.of(), d.issues());
  }

  @Test
  void ingest_spacesBeforeQuotedValueOnLaterLine_quotedValueStaysWhole() {
    Dataset d =
        ingest(
            "S1,P1,2026-02-03,clinic,massage,completed,45,,Kim",
            "S2,P1,2026-02-04,clinic,massage,completed,45,,Lee",
            "S3,P1,2026-02-05,clinic,massage,completed,45,,  \"Smith, Anna\"  ");
    assertEquals(List.of(), d.issues());
    assertEquals(3, d.inputFiles().get(1).rowsRead());
    assertEquals(
        List.of(Optional.of("Kim"), Optional.of("Lee"), Optional.of("Smith, Anna")),
        d.sessions().stream().map(Session::therapist).toList());
  }

  @Test
  void ingest_ideographicSpaceAtEdge_trimmedOnlyOutsideQuotes() {
    Dataset d =
        ingest(
            "S1,P1,2026-02-03,clinic,massage,completed,45,,王伟\u3000",
            "S2,P1,2026-02-04,clinic,massage,completed,45,,\"王伟\u3000\"");
    assertEquals(
        List.of(Optional.of("王伟"), Optional.of("王伟\u3000")),
        d.sessions().stream().map(Session::therapist).toList());
  }
}
