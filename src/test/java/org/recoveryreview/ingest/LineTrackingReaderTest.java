package org.recoveryreview.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

class LineTrackingReaderTest {
  @Test
  void lineOf_mixedLineEnds_countsEachBreakOnce() throws IOException {
    // Offsets: a=0 \n=1 b=2 \r=3 \n=4 c=5 \r=6 d=7
    LineTrackingReader r =
        new LineTrackingReader(new StringReader("a\nb\r\nc\rd"), 0, Long.MAX_VALUE);
    char[] buf = new char[3];
    while (r.read(buf, 0, buf.length) >= 0) {
      // read everything in small chunks so a CRLF is split across reads
    }
    assertEquals(1, r.lineOf(0));
    assertEquals(2, r.lineOf(2));
    assertEquals(3, r.lineOf(5));
    assertEquals(4, r.lineOf(7));
  }

  @Test
  void lineOf_manyLines_keepsCountingAfterDroppingPassedBreaks() throws IOException {
    LineTrackingReader r =
        new LineTrackingReader(new StringReader("x\n".repeat(5000)), 0, Long.MAX_VALUE);
    char[] buf = new char[777];
    long line = 0;
    int offset = 0;
    while (r.read(buf, 0, buf.length) >= 0) {
      // the parser reads ahead; ask for lines behind the read position as it does
    }
    for (int i = 0; i < 5000; i++) {
      line = r.lineOf(offset);
      offset += 2;
    }
    assertEquals(5000, line);
  }

  @Test
  void read_moreThanLimitSinceLastRecord_throwsRecordTooLong() throws IOException {
    LineTrackingReader r = new LineTrackingReader(new StringReader("x".repeat(100)), 0, 30);
    char[] buf = new char[20];
    r.read(buf, 0, buf.length);
    r.read(buf, 0, buf.length);
    assertThrows(LineTrackingReader.RecordTooLongException.class, () -> r.read(buf, 0, buf.length));
  }

  @Test
  void read_recordsHandedOutBetweenReads_neverThrows() throws IOException {
    LineTrackingReader r = new LineTrackingReader(new StringReader("x".repeat(1000)), 0, 30);
    char[] buf = new char[20];
    while (r.read(buf, 0, buf.length) >= 0) {
      r.recordDone();
    }
  }

  @Test
  void lineOf_linesBefore_areCounted() throws IOException {
    LineTrackingReader r = new LineTrackingReader(new StringReader("a\nb\n"), 1, Long.MAX_VALUE);
    r.read(new char[8], 0, 8);
    assertEquals(2, r.lineOf(0));
    assertEquals(3, r.lineOf(2));
  }
}
