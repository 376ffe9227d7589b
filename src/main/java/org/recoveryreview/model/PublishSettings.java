package org.recoveryreview.model;

/**
 * How publishing may behave: whether a run may replace a period folder with one holding fewer than
 * half of its patients (off by default, so a missing export cannot shrink a published month).
 */
public record PublishSettings(boolean allowFewerPatients) {

  /** Built-in defaults. */
  public static PublishSettings defaults() {
    return new PublishSettings(false);
  }
}
