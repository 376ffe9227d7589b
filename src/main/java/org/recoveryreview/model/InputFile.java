package org.recoveryreview.model;

import java.util.Objects;

/**
 * What ingestion read from one input file: its checksum and size for the manifest and how its data
 * rows ended. {@code rowsRead == used + rejected + duplicate + superseded + ignored} always holds.
 */
public record InputFile(
    String file,
    FileKind kind,
    String sha256,
    long sizeBytes,
    long rowsRead,
    long used,
    long rejected,
    long duplicate,
    long superseded,
    long ignored) {

  public InputFile {
    Objects.requireNonNull(sha256, "sha256");
    if (rowsRead != used + rejected + duplicate + superseded + ignored) {
      throw new IllegalArgumentException("row accounting does not add up for " + file);
    }
  }

  /** Rows listed in data-issues.csv: everything read but not used. */
  public long setAside() {
    return rejected + duplicate + superseded + ignored;
  }
}
