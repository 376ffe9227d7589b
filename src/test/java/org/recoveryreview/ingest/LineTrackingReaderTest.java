package org.recoveryreview.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

  @Test
  void wideBetween_linesWithAndWithoutWideCharacters_answersForEachRunOfLines() throws IOException {
    // Line starts: 0 "ab", 3 "王x" (wide at 3), 6 "zz", 9 "éé" (Latin-1), 12 "q王王" (wide at 13).
    LineTrackingReader r = readAll("ab\n王x\nzz\néé\nq王王\n", 2);
    assertFalse(r.wideBetween(0, 3), "line 1");
    assertTrue(r.wideBetween(3, 6), "line 2");
    assertFalse(r.wideBetween(6, 9), "line 3, after the wide one was passed");
    assertFalse(r.wideBetween(9, 12), "Latin-1 is not wide");
    assertTrue(r.wideBetween(12, 16), "line 5, wide from its second character");
  }

  @Test
  void wideBetween_recordOfSeveralLines_seesAWideCharacterOnALaterLine() throws IOException {
    // One quoted record over lines 1-2 ("a\n王"), then "b" on line 3 (start 7).
    LineTrackingReader r = readAll("\"a\r\n王\"\nb\n", 3);
    assertTrue(r.wideBetween(0, 7));
    assertFalse(r.wideBetween(7, 9));
  }

  @Test
  void controlSince_controlCharacterRead_trueFromBeforeItOnly() throws IOException {
    // A NUL at 5 and an escape at 10; tab, CR and LF are not counted.
    LineTrackingReader r = readAll("a\tb\r\n\u0000\nc\td\u001b\n", 4);
    assertTrue(r.controlSince(0));
    assertTrue(r.controlSince(6), "the escape");
    assertTrue(r.controlSince(10));
    assertFalse(r.controlSince(11), "nothing after the escape");
    LineTrackingReader plain = readAll("a\tb\r\nc\u00e9\u00ff\n", 4);
    assertFalse(plain.controlSince(0), "tab, CRLF and Latin-1 letters");
  }

  @Test
  void controlSince_deleteAndC1Controls_counted() throws IOException {
    assertTrue(readAll("ab\u007f\n", 2).controlSince(2));
    assertTrue(readAll("ab\u0085\n", 2).controlSince(2));
  }

  private static LineTrackingReader readAll(String text, int chunk) throws IOException {
    LineTrackingReader r = new LineTrackingReader(new StringReader(text), 0, Long.MAX_VALUE);
    char[] buf = new char[chunk];
    while (r.read(buf, 0, buf.length) >= 0) {
      // in small chunks, so line breaks and characters fall on either side of a read
    }
    return r;
  }
}
