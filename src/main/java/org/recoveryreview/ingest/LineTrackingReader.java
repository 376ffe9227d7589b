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
  private static final char DEL = 0x7F;

  private final long maxRecordChars;
  // The first character beyond Latin-1 of each line read, for CompactTokens, as a queue dropped
  // as records pass: records start at line starts, so this answers for any run of whole lines.
  private final Positions wides = new Positions(64);
  private boolean wideOnLine;
  // Position of the last control character other than tab, CR and LF read; -1 before any.
  private long lastControl = -1;
  // Position when the parser last handed out a record: at or after the end of that record, since
  // the parser reads ahead, so characters read since then belong to records not yet complete.
  private long recordMark;
  private long position;
  // Position of the last carriage return, so a CRLF counts as one break.
  private long lastCr = -2;
  // Line breaks not yet passed by a record start.
  private final Positions breaks = new Positions(1024);
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
   * Whether the lines from {@code from} up to {@code to} (exclusive; both line starts, such as two
   * consecutive records' starts) hold a character beyond Latin-1: then the parser's reused buffer
   * turned wide while it built the record in between. Calls must not go back in position.
   */
  boolean wideBetween(long from, long to) {
    while (wides.firstBefore(from)) {
      wides.drop();
    }
    return wides.firstBefore(to);
  }

  /**
   * Whether a control character other than tab, line feed and carriage return was read at or after
   * {@code from}: when not, no value of the record that starts there needs escaping.
   */
  boolean controlSince(long from) {
    return lastControl >= from;
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
    // The position of buf[i] is base + i. Printable ASCII, nearly every character of an export,
    // needs no work, so it costs one range check and the loop stays tight.
    long base = position - off;
    for (int i = off; i < off + n; i++) {
      char c = buf[i];
      if (c < ' ' || c >= DEL) {
        note(c, base + i);
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
    note(c, position);
    position++;
  }

  /** Records a line break, a control character or a character beyond Latin-1 at {@code at}. */
  private void note(char c, long at) {
    if (c == '\n') {
      if (lastCr != at - 1) {
        breaks.add(at);
        breakStart = at;
      }
      breakEnd = at + 1;
      wideOnLine = false;
    } else if (c == '\r') {
      breaks.add(at);
      lastCr = at;
      breakStart = at;
      breakEnd = at + 1;
      wideOnLine = false;
    } else if (c > LATIN_1_MAX) {
      if (!wideOnLine) {
        wides.add(at);
        wideOnLine = true;
      }
    } else if (Character.isISOControl(c) && c != '\t') {
      lastControl = at;
    }
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
    while (breaks.firstBefore(charPosition)) {
      lastPassed = breaks.drop();
      linesPassed++;
    }
    return linesPassed + 1;
  }

  /**
   * Increasing positions not yet passed, as a queue: records arrive in increasing position, so
   * passed ones are dropped and memory stays bounded by the parser's read-ahead.
   */
  private static final class Positions {
    private long[] queue;
    private int head;
    private int tail;

    Positions(int capacity) {
      queue = new long[capacity];
    }

    void add(long position) {
      if (tail == queue.length) {
        if (head > 0) {
          System.arraycopy(queue, head, queue, 0, tail - head);
          tail -= head;
          head = 0;
        } else {
          queue = Arrays.copyOf(queue, queue.length * 2);
        }
      }
      queue[tail++] = position;
    }

    /** Whether the first position left is before {@code position}. */
    boolean firstBefore(long position) {
      return head < tail && queue[head] < position;
    }

    /** Removes and returns the first position left. */
    long drop() {
      long first = queue[head++];
      if (head == tail) {
        head = 0;
        tail = 0;
      }
      return first;
    }
  }
}
