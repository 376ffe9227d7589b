package org.recoveryreview.model;

/**
 * How publishing may behave: whether a run may replace a period folder with one holding fewer than
 * half of its patients, and whether it may publish a month whose session rows look like a missing
 * sessions export (both off by default, so a missing export cannot shrink a published month).
 */
public record PublishSettings(boolean allowFewerPatients, boolean allowFewerSessions) {

  /** The share of the previous month's session rows below which a month looks incomplete. */
  public static final double MIN_SESSION_SHARE = 0.5;

  /** Only the shrink guard's setting; the sessions guard stays on. */
  public PublishSettings(boolean allowFewerPatients) {
    this(allowFewerPatients, false);
  }

  /** Built-in defaults. */
  public static PublishSettings defaults() {
    return new PublishSettings(false, false);
  }
}
