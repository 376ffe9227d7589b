package org.recoveryreview.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

class CompactTokensTest {
  private static final String CSV =
      "id,therapist\n1,Ana Núñez\n2,王芳\n3,Jo Smith\n4,خديجة المصري\n5,Zoë\n";

  @Test
  void afterRecord_previousRecordWide_freshBufferOnlyAfterIt() throws Exception {
    // The parser reads the whole text at once; the reader still tells which record held a wide
    // character, so the buffer is replaced once after each such record and kept otherwise.
    LineTrackingReader tracked = new LineTrackingReader(new StringReader(CSV), 0, Long.MAX_VALUE);
    List<Object> buffers = new ArrayList<>();
    List<Boolean> wide = new ArrayList<>();
    try (CSVParser parser = CSVFormat.RFC4180.parse(tracked)) {
      CompactTokens tokens = CompactTokens.of(parser);
      assertTrue(tokens.buffer().isPresent(), "Commons CSV's token buffer was not found");
      long previous = 0;
      for (CSVRecord r : parser) {
        tracked.recordDone();
        boolean w = tracked.wideBetween(previous, r.getCharacterPosition());
        previous = r.getCharacterPosition();
        tokens.afterRecord(w);
        wide.add(w);
        buffers.add(tokens.buffer().orElseThrow());
      }
    }
    // header, Latin-1, Chinese, Latin-1, Arabic, Latin-1: each answer is for the record before.
    assertEquals(List.of(false, false, false, true, false, true), wide);
    assertSame(buffers.get(0), buffers.get(2), "no wide record before: buffer kept");
    assertNotSame(buffers.get(2), buffers.get(3), "after the Chinese name: fresh buffer");
    assertSame(buffers.get(3), buffers.get(4));
    assertNotSame(buffers.get(4), buffers.get(5), "after the Arabic name: fresh buffer");
  }

  @Test
  void afterRecord_everyRecordReplaced_valuesAsWithout() throws Exception {
    assertEquals(values(false), values(true));
    assertEquals("خديجة المصري", values(true).get(4).get(1));
  }

  private static List<List<String>> values(boolean replace) throws Exception {
    List<List<String>> rows = new ArrayList<>();
    try (CSVParser parser =
        CSVFormat.RFC4180
            .builder()
            .setIgnoreSurroundingSpaces(true)
            .get()
            .parse(new StringReader(CSV))) {
      CompactTokens tokens = CompactTokens.of(parser);
      for (CSVRecord r : parser) {
        tokens.afterRecord(replace);
        rows.add(r.toList());
      }
    }
    return rows;
  }
}
