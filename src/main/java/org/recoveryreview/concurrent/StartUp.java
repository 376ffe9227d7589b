package org.recoveryreview.concurrent;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A library's one-time start-up on a background daemon thread, and the gate the stage that uses the
 * library passes first: while the start-up initialises the library's classes no other thread
 * touches them, so initialisers that refer to each other cannot deadlock across threads.
 */
public final class StartUp {
  private static final Logger LOG = LoggerFactory.getLogger(StartUp.class);

  private final String name;
  private final AtomicBoolean started = new AtomicBoolean();
  private final CompletableFuture<Void> done = new CompletableFuture<>();

  /** A start-up whose thread is named {@code name}; nothing runs until {@link #start}. */
  public StartUp(String name) {
    this.name = name;
  }

  /** Runs {@code load} on the start-up thread the first time; later calls do nothing. */
  public void start(Runnable load) {
    if (!started.compareAndSet(false, true)) {
      return;
    }
    Thread t = new Thread(() -> run(load), name);
    t.setDaemon(true);
    t.start();
  }

  /** Returns once a started start-up has ended; at once when none was started. */
  public void awaitDone() {
    if (started.get()) {
      done.join();
    }
  }

  private void run(Runnable load) {
    try {
      load.run();
    } catch (Throwable e) {
      // Only a head start: a failure here must not print a stack trace; the stage meets and
      // reports the same problem when it does the same work itself.
      LOG.debug("{} stopped: {}", name, e.toString());
    } finally {
      // Opened even after a failure: the stage then initialises what is left, alone.
      done.complete(null);
    }
  }
}
