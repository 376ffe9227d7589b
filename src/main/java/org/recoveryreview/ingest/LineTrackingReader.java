package org.recoveryreview.ingest;

import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;
import java.util.Arrays;

/**
 * Remembers where line breaks occur so the start line of a CSV record can be found from its
 * character position (Commons CSV only reports the line on which a record ends), and refuses to
 * feed the parser more than a bounded number of characters for one record, so an unclosed quote or
 * a gigantic field cannot grow the parser's buffers without limit.
 */
final class LineTrackingReader extends FilterReader {
  /** Thrown when one record grows past the limit; the parser passes it on as the cause. */
  static final class RecordTooLongException extends IOException {
    private static final long serialVersionUID = 1L;

    RecordTooLongException(long chars) {
      super("record longer than " + chars + " characters", null);
    }
  }

  private static final char LATIN_1_MAX = 0xFF;

  private final long maxRecordChars;
  // Position of the last character beyond Latin-1 read, for CompactTokens; -1 before any.
  private long lastWide = -1;
  // Position when the parser last handed out a record: at or after the end of that record, since
  // the parser reads ahead, so characters read since then belong to records not yet complete.
  private long recordMark;
  private long position;
  // Position of the last carriage return, so a CRLF counts as one break.
  private long lastCr = -2;
  // Pending break offsets not yet passed by a record start; records arrive in increasing position,
  // so consumed breaks are dropped and memory stays bounded by the parser's read-ahead.
  private long[] breaks = new long[1024];
  private int head;
  private int tail;
  private long linesPassed;
  // The last break {@link #lineOf} passed: the end of the record before the one asked about.
  private long lastPassed = -1;
  // Start and end (exclusive) of the latest line break read, CRLF as one, for the last record.
  private long breakStart = -1;
  private long breakEnd = -1;

  /**
   * @param linesBefore lines already consumed before this reader's first character (an Excel {@code
   *     sep=} line), so line numbers stay those of the file
   * @param maxRecordChars the longest record allowed
   */
  LineTrackingReader(Reader in, long linesBefore, long maxRecordChars) {
    super(in);
    this.linesPassed = linesBefore;
    this.maxRecordChars = maxRecordChars;
  }

  /**
   * Called when the parser has handed out a record. When the parser asks for more characters, it
   * has consumed all it read before, so everything read since this mark is one unfinished record.
   */
  void recordDone() {
    recordMark = position;
  }

  /**
   * Whether a character beyond Latin-1 was read at or after {@code from}: then the parser's reused
   * buffer may have turned wide while it built the record that starts there.
   */
  boolean wideSince(long from) {
    return lastWide >= from;
  }

  private void checkRecordLength() throws RecordTooLongException {
    if (position - recordMark > maxRecordChars) {
      throw new RecordTooLongException(maxRecordChars);
    }
  }

  @Override
  public int read() throws IOException {
    checkRecordLength();
    int c = in.read();
    if (c >= 0) {
      track((char) c);
    }
    return c;
  }

  @Override
  public int read(char[] buf, int off, int len) throws IOException {
    checkRecordLength();
    int n = in.read(buf, off, len);
    // The position of buf[i] is base + i; only CR and LF need work, so the loop stays tight.
    long base = position - off;
    for (int i = off; i < off + n; i++) {
      char c = buf[i];
      if (c == '\n') {
        if (lastCr != base + i - 1) {
          addBreak(base + i);
          breakStart = base + i;
        }
        breakEnd = base + i + 1;
      } else if (c == '\r') {
        addBreak(base + i);
        lastCr = base + i;
        breakStart = base + i;
        breakEnd = base + i + 1;
      } else if (c > LATIN_1_MAX) {
        lastWide = base + i;
      }
    }
    if (n > 0) {
      position += n;
    }
    return n;
  }

  @Override
  public long skip(long n) {
    throw new UnsupportedOperationException("skip would lose line breaks");
  }

  @Override
  public boolean markSupported() {
    return false;
  }

  private void track(char c) {
    if (c == '\n') {
      if (lastCr != position - 1) {
        addBreak(position);
        breakStart = position;
      }
      breakEnd = position + 1;
    } else if (c == '\r') {
      addBreak(position);
      lastCr = position;
      breakStart = position;
      breakEnd = position + 1;
    } else if (c > LATIN_1_MAX) {
      lastWide = position;
    }
    position++;
  }

  private void addBreak(long offset) {
    if (tail == breaks.length) {
      if (head > 0) {
        System.arraycopy(breaks, head, breaks, 0, tail - head);
        tail -= head;
        head = 0;
      } else {
        breaks = Arrays.copyOf(breaks, breaks.length * 2);
      }
    }
    breaks[tail++] = offset;
  }

  /**
   * The exact length of the record that started at {@code start}, once the parser has handed out
   * the next one and {@link #lineOf} was asked about its start: up to the line break before it.
   */
  long lengthBefore(long start) {
    return lastPassed - start;
  }

  /**
   * The exact length of the last record, which started at {@code start}, once the input is read: up
   * to its final line break, or to the end when the file has none.
   */
  long lengthToEnd(long start) {
    return (breakEnd == position ? breakStart : position) - start;
  }

  /**
   * The 1-based line of the character at {@code charPosition}; positions must not decrease from one
   * call to the next.
   */
  long lineOf(long charPosition) {
    while (head < tail && breaks[head] < charPosition) {
      lastPassed = breaks[head];
      head++;
      linesPassed++;
    }
    if (head == tail) {
      head = 0;
      tail = 0;
    }
    return linesPassed + 1;
  }
}
