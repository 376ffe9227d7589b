package org.recoveryreview.model;

/**
 * How publishing may behave: whether a run may replace a period folder with one holding fewer than
 * half of its patients (off by default, so a missing export cannot shrink a published month), and
 * the permission bits of the folders and files it creates (owner and group only by default: the
 * reports hold personal health information), and whether files are flushed to disk (fsync) before
 * the swap so that a power cut cannot publish empty files (on by default).
 */
public record PublishSettings(
    boolean allowFewerPatients, int folderMode, int fileMode, boolean fsync) {
  /** rwxr-x---: the owner writes, the reporting group reads, nobody else sees a name. */
  public static final int DEFAULT_FOLDER_MODE = 0750;

  /** rw-r-----: the owner writes, the reporting group reads. */
  public static final int DEFAULT_FILE_MODE = 0640;

  public PublishSettings {
    if ((folderMode & ~0777) != 0 || (fileMode & ~0777) != 0) {
      throw new IllegalArgumentException("modes are permission bits 0000-0777");
    }
  }

  /** The default modes with this shrink-guard choice. */
  public PublishSettings(boolean allowFewerPatients) {
    this(allowFewerPatients, DEFAULT_FOLDER_MODE, DEFAULT_FILE_MODE);
  }

  /** These modes, flushing every published file to disk before the swap. */
  public PublishSettings(boolean allowFewerPatients, int folderMode, int fileMode) {
    this(allowFewerPatients, folderMode, fileMode, true);
  }

  /** Built-in defaults. */
  public static PublishSettings defaults() {
    return new PublishSettings(false);
  }

  /** The same settings with the shrink guard switched off (as by --allow-fewer-patients). */
  public PublishSettings allowingFewerPatients() {
    return new PublishSettings(true, folderMode, fileMode, fsync);
  }
}
