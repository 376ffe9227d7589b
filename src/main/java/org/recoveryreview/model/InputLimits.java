package org.recoveryreview.model;

/**
 * The bounds that keep a hostile or broken export from exhausting memory or time: per value, per
 * patient_id, per record, and for gzip files the inflated size and the inflation ratio.
 *
 * @param maxValueChars a longer value rejects its row
 * @param maxIdChars a longer patient_id rejects its row
 * @param maxRecordChars a longer record (usually an unclosed quote) refuses the whole file
 * @param maxGzipRatio a .gz file inflating to more than this many times its size is refused
 * @param maxInflatedBytes a .gz file inflating to more than this many bytes is refused
 */
public record InputLimits(
    int maxValueChars,
    int maxIdChars,
    int maxRecordChars,
    int maxGzipRatio,
    long maxInflatedBytes) {

  /** Default longest value: far beyond any real name or note, far below memory trouble. */
  public static final int VALUE_CHARS = 10_000;

  /** Default longest patient_id, the contract's limit. */
  public static final int ID_CHARS = 64;

  /** Default longest record: 1 MiB of characters. */
  public static final int RECORD_CHARS = 1 << 20;

  /** Default gzip inflation ratio: real exports compress 5 to 20 times. */
  public static final int GZIP_RATIO = 100;

  /** Default largest inflated .gz file: 2 GiB. */
  public static final long INFLATED_BYTES = 2L << 30;

  public InputLimits {
    positive(maxValueChars, "maxValueChars");
    positive(maxIdChars, "maxIdChars");
    positive(maxRecordChars, "maxRecordChars");
    positive(maxGzipRatio, "maxGzipRatio");
    positive(maxInflatedBytes, "maxInflatedBytes");
  }

  /** The documented defaults. */
  public static InputLimits defaults() {
    return new InputLimits(VALUE_CHARS, ID_CHARS, RECORD_CHARS, GZIP_RATIO, INFLATED_BYTES);
  }

  private static void positive(long value, String name) {
    if (value < 1) {
      throw new IllegalArgumentException(name + " must be at least 1: " + value);
    }
  }
}
