package org.recoveryreview.ingest;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.LongSupplier;

/**
 * Counts the bytes a gzip stream inflates to and stops a file that inflates to more than a bound,
 * or far more than real exports compress (a "zip bomb"), before it costs minutes or memory.
 */
final class InflationGuard extends FilterInputStream {
  /** Below this many inflated bytes the ratio is not judged: tiny files compress oddly. */
  static final long RATIO_FLOOR = 1 << 20;

  /** Thrown when a bound is passed; the reader passes it on as the cause. */
  static final class TooLargeException extends IOException {
    private static final long serialVersionUID = 1L;

    TooLargeException(String what) {
      super(what, null);
    }
  }

  private final LongSupplier compressedBytes;
  private final long maxInflatedBytes;
  private final long maxRatio;
  private long inflated;

  InflationGuard(
      InputStream inflating, LongSupplier compressedBytes, long maxInflatedBytes, long maxRatio) {
    super(inflating);
    this.compressedBytes = compressedBytes;
    this.maxInflatedBytes = maxInflatedBytes;
    this.maxRatio = maxRatio;
  }

  @Override
  public int read() throws IOException {
    int b = in.read();
    if (b >= 0) {
      count(1);
    }
    return b;
  }

  @Override
  public int read(byte[] buf, int off, int len) throws IOException {
    int n = in.read(buf, off, len);
    if (n > 0) {
      count(n);
    }
    return n;
  }

  @Override
  public long skip(long n) throws IOException {
    long skipped = in.skip(n);
    if (skipped > 0) {
      count(skipped);
    }
    return skipped;
  }

  private void count(long n) throws TooLargeException {
    inflated += n;
    if (inflated > maxInflatedBytes) {
      throw new TooLargeException(
          "it inflates to more than " + maxInflatedBytes + " bytes (input.max_inflated_mb)");
    }
    long compressed = Math.max(1, compressedBytes.getAsLong());
    if (inflated > RATIO_FLOOR && inflated / compressed > maxRatio) {
      throw new TooLargeException(
          "it inflates to more than "
              + maxRatio
              + " times its compressed size ("
              + inflated
              + " bytes from "
              + compressed
              + " so far; input.max_gzip_ratio)");
    }
  }
}
