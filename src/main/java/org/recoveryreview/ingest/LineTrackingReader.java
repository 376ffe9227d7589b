package org.recoveryreview.ingest;

import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;
import java.util.Arrays;

/**
 * Remembers where line breaks occur so the start line of a CSV record can be found from its
 * character position; Commons CSV only reports the line on which a record ends.
 */
final class LineTrackingReader extends FilterReader {
  private long position;
  private boolean previousWasCr;
  // Pending break offsets not yet passed by a record start; records arrive in increasing position,
  // so consumed breaks are dropped and memory stays bounded by the parser's read-ahead.
  private long[] breaks = new long[1024];
  private int head;
  private int tail;
  private long linesPassed;

  LineTrackingReader(Reader in) {
    super(in);
  }

  @Override
  public int read() throws IOException {
    int c = in.read();
    if (c >= 0) {
      track((char) c);
    }
    return c;
  }

  @Override
  public int read(char[] buf, int off, int len) throws IOException {
    int n = in.read(buf, off, len);
    for (int i = off; i < off + n; i++) {
      track(buf[i]);
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
      if (!previousWasCr) {
        addBreak(position);
      }
      previousWasCr = false;
    } else if (c == '\r') {
      addBreak(position);
      previousWasCr = true;
    } else {
      previousWasCr = false;
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
   * The 1-based line of the character at {@code charPosition}; positions must not decrease from one
   * call to the next.
   */
  long lineOf(long charPosition) {
    while (head < tail && breaks[head] < charPosition) {
      head++;
      linesPassed++;
    }
    if (head == tail) {
      head = 0;
      tail = 0;
    }
    return linesPassed + 1;
  }

  /** The line being read now: as near as possible to where a read failed. */
  long currentLine() {
    return lineOf(position);
  }
}
