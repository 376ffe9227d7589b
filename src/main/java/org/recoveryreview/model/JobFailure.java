package org.recoveryreview.model;

import java.util.Objects;

/**
 * A failure the job expected and can explain: its message is one or two sentences saying what is
 * wrong and how to fix it, printed without a stack trace; the exit code tells an operator's script
 * which kind of failure it was.
 */
public final class JobFailure extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final ExitCode exitCode;

  public JobFailure(ExitCode exitCode, String message) {
    super(Objects.requireNonNull(message, "message"));
    this.exitCode = Objects.requireNonNull(exitCode, "exitCode");
  }

  public JobFailure(ExitCode exitCode, String message, Throwable cause) {
    super(Objects.requireNonNull(message, "message"), cause);
    this.exitCode = Objects.requireNonNull(exitCode, "exitCode");
  }

  /** The exit code the process ends with. */
  public ExitCode exitCode() {
    return exitCode;
  }
}
