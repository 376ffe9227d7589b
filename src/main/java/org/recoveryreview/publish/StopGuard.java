package org.recoveryreview.publish;

import org.recoveryreview.model.ExitCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A shutdown hook for one run: on SIGTERM or SIGINT it removes the unfinished folder and logs one
 * line saying what state the published reports are in; the JVM then exits 143 or 130 by itself,
 * unless the new month was already published: then the run did its job and exits 0.
 */
public final class StopGuard implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(StopGuard.class);
  private static volatile boolean stopping;
  private static volatile boolean installedOnce;

  private final Thread hook;
  private volatile Stoppable current = () -> "stopped; published reports unchanged.";

  /** What is being written right now, asked what to undo and say when the run is stopped. */
  @FunctionalInterface
  public interface Stoppable {
    /** Undoes what can be undone and returns the line to log. */
    String stop();

    /** True once the new reports are in place (a stop then changes nothing). */
    default boolean published() {
      return false;
    }
  }

  private StopGuard() {
    this.hook = new Thread(this::onStop, "stop-guard");
  }

  /** Installs the hook for the duration of a run (close it when the run ends). */
  static StopGuard install() {
    StopGuard g = new StopGuard();
    Runtime.getRuntime().addShutdownHook(g.hook);
    installedOnce = true;
    return g;
  }

  /** True once the JVM is being stopped by a signal during a run; later errors are noise. */
  static boolean stopping() {
    return stopping;
  }

  /**
   * True once a run's guard was installed in this JVM: from then on that guard says what a stop
   * did, and the command line's own early-stop line must stay silent.
   */
  static boolean installedOnce() {
    return installedOnce;
  }

  /** From now on, a stop undoes and reports {@code s}. */
  public void watch(Stoppable s) {
    current = s;
  }

  private void onStop() {
    stopping = true;
    Stoppable s = current;
    String line = s.stop();
    LOG.warn(line);
    if (s.published()) {
      // The swap is done: what is left is clean-up the next run finishes, so a scheduler must not
      // see a failure (and retry, or page someone) for a month that is published.
      System.err.flush();
      Runtime.getRuntime().halt(ExitCode.OK.code());
    }
  }

  // Package-visible so tests can play a stop without sending a signal.
  String stopLine() {
    return current.stop();
  }

  @Override
  public void close() {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException shuttingDown) {
      // The hook is already running or has run; nothing to remove.
    }
  }
}
