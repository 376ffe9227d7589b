package org.recoveryreview.model;

/** The process exit codes the job promises operators (sysexits.h values where one fits). */
public enum ExitCode {
  /** Everything was written. */
  OK(0, "success"),
  /** Bad command line or configuration file. */
  USAGE(2, "usage error (bad option or configuration file)"),
  /** Input present but unusable: missing column, undecodable bytes, too many rejected rows. */
  DATA_ERROR(
      65,
      "data error (missing column, undecodable bytes, too many rejected rows; incomplete shards)"),
  /** Input directory, patients file or sessions file missing. */
  NO_INPUT(
      66,
      "input missing or unusable (no input folder, patients or sessions file; an unreadable"
          + " export)"),
  /** Unexpected internal error: a bug; rerun with --verbose and report it. */
  SOFTWARE(70, "unexpected internal error (rerun with --verbose and report it)"),
  /**
   * The JVM ran out of heap: give it more with -Xmx (EX_OSERR, a resource of the system ran out).
   */
  OUT_OF_MEMORY(71, "out of memory (raise -Xmx, see docs/operations.md)"),
  /** Output cannot be written: the message names the path and the operating system's reason. */
  CANNOT_WRITE(73, "cannot write output (the message names the path and the reason)"),
  /** Another run holds the output lock. */
  LOCKED(75, "another run holds the output lock");

  private final int code;
  private final String meaning;

  ExitCode(int code, String meaning) {
    this.code = code;
    this.meaning = meaning;
  }

  /** What the code means, as the command's help lists it. */
  public String meaning() {
    return meaning;
  }

  /** The numeric exit status. */
  public int code() {
    return code;
  }
}
