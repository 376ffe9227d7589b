package org.recoveryreview;

import java.util.Optional;

/**
 * The process an operator started for this run: this JVM, or the first JVM when a short run runs in
 * a second one (cli's launcher), whose process id is the one a scheduler, {@code $!} or {@code ps}
 * shows and whose stop stops the run.
 */
public final class RunProcess {
  /** Set on a second JVM to the process id of the first, which started it and waits for it. */
  public static final String LAUNCHED_BY = "recoveryreview.launched-by";

  private RunProcess() {}

  /** The first JVM's process id when this is a second JVM. */
  public static Optional<Long> firstJvm() {
    String value = System.getProperty(LAUNCHED_BY);
    if (value == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(Long.parseLong(value.strip()));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  /** The process id the operator started: the first JVM's, else this one's. */
  public static long pid() {
    return firstJvm().orElse(ProcessHandle.current().pid());
  }
}
