package org.recoveryreview.model;

/**
 * How publishing may behave: whether a run may replace a period folder with one holding fewer than
 * half of its patients, whether it may publish a month whose session rows look like a missing
 * sessions export (both off by default, so a missing export cannot shrink a published month), the
 * permission bits of the folders and files it creates (owner and group only by default: the reports
 * hold personal health information), and whether files are flushed to disk (fsync) before the swap
 * so that a power cut cannot publish empty files (on by default).
 */
public record PublishSettings(
    boolean allowFewerPatients,
    boolean allowFewerSessions,
    int folderMode,
    int fileMode,
    boolean fsync) {
  /** rwxr-x---: the owner writes, the reporting group reads, nobody else sees a name. */
  public static final int DEFAULT_FOLDER_MODE = 0750;

  /** rw-r-----: the owner writes, the reporting group reads. */
  public static final int DEFAULT_FILE_MODE = 0640;

  /** The share of the previous month's session rows below which a month looks incomplete. */
  public static final double MIN_SESSION_SHARE = 0.5;

  public PublishSettings {
    if ((folderMode & ~0777) != 0 || (fileMode & ~0777) != 0) {
      throw new IllegalArgumentException("modes are permission bits 0000-0777");
    }
  }

  /** These guard choices with the default modes, flushing files before the swap. */
  public PublishSettings(boolean allowFewerPatients, boolean allowFewerSessions) {
    this(allowFewerPatients, allowFewerSessions, DEFAULT_FOLDER_MODE, DEFAULT_FILE_MODE, true);
  }

  /** Only the shrink guard's setting; the sessions guard stays on, the modes are the defaults. */
  public PublishSettings(boolean allowFewerPatients) {
    this(allowFewerPatients, false);
  }

  /** These modes with both guards on, flushing every published file to disk before the swap. */
  public static PublishSettings withModes(int folderMode, int fileMode) {
    return new PublishSettings(false, false, folderMode, fileMode, true);
  }

  /** Built-in defaults. */
  public static PublishSettings defaults() {
    return new PublishSettings(false, false);
  }

  /** The same settings with either guard switched off where the command line says so. */
  public PublishSettings allowing(boolean fewerPatients, boolean fewerSessions) {
    return new PublishSettings(
        allowFewerPatients || fewerPatients,
        allowFewerSessions || fewerSessions,
        folderMode,
        fileMode,
        fsync);
  }
}
