package org.recoveryreview.model;

/** The process exit codes the job promises operators (sysexits.h values where one fits). */
public enum ExitCode {
  /** Everything was written. */
  OK(0),
  /** Bad command line or configuration file. */
  USAGE(2),
  /** Input present but unusable: missing column, undecodable bytes, too many rejected rows. */
  DATA_ERROR(65),
  /** Input directory, patients file or sessions file missing. */
  NO_INPUT(66),
  /** Unexpected internal error: a bug; rerun with --verbose and report it. */
  SOFTWARE(70),
  /**
   * The JVM ran out of heap: give it more with -Xmx (EX_OSERR, a resource of the system ran out).
   */
  OUT_OF_MEMORY(71),
  /** Output cannot be written: the message names the path and the operating system's reason. */
  CANNOT_WRITE(73),
  /** Another run holds the output lock. */
  LOCKED(75);

  private final int code;

  ExitCode(int code) {
    this.code = code;
  }

  /** The numeric exit status. */
  public int code() {
    return code;
  }
}
