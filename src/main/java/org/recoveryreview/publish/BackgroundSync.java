package org.recoveryreview.publish;

import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * Makes the files a run writes durable (fsync) on background threads, so the threads that render
 * them do not wait for the disk: about 0.7 ms a file on a quiet local disk, far more on a network
 * share, in which the rendering thread's core had nothing to do. The run waits for every file
 * before the swap that publishes them ({@link #awaitAll}), so a power cut after the swap still
 * finds every file on disk.
 */
final class BackgroundSync {
  // Two at a time: a disk that takes long to flush (a network share) flushes two files in about
  // the time of one, as the two rendering threads did before.
  private static final int THREADS = 2;
  private static final long IDLE_SECONDS = 1;

  /** A file whose flush failed, and why. */
  record Failure(Path file, Throwable cause) {}

  private final FileOps ops;
  private final ThreadPoolExecutor pool;
  private int pending;
  private @Nullable Failure failure;

  BackgroundSync(FileOps ops) {
    this.ops = ops;
    this.pool =
        new ThreadPoolExecutor(
            THREADS,
            THREADS,
            IDLE_SECONDS,
            TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(),
            r -> {
              Thread t = new Thread(r, "fsync");
              t.setDaemon(true);
              return t;
            });
    // Idle threads end, so a run that is done writing (or a test) keeps none alive.
    pool.allowCoreThreadTimeOut(true);
  }

  /** Flushes {@code file} to disk in the background; its content must be complete. */
  void submit(Path file) {
    synchronized (this) {
      pending++;
    }
    try {
      pool.execute(() -> flush(file));
    } catch (RejectedExecutionException e) {
      // Stopped: the run is being abandoned and the file deleted.
      done(file, null);
    }
  }

  /** The first file that could not be flushed, if any, without waiting for the others. */
  synchronized Optional<Failure> failure() {
    return Optional.ofNullable(failure);
  }

  /**
   * Waits until every file submitted is flushed; the first that could not be, if any. An
   * interrupted wait counts as a failure of the files still pending.
   */
  synchronized Optional<Failure> awaitAll(Path where) {
    while (pending > 0 && failure == null) {
      try {
        wait();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return Optional.of(new Failure(where, e));
      }
    }
    return Optional.ofNullable(failure);
  }

  /** Drops what is still queued and interrupts what is under way: the files are being deleted. */
  void stop() {
    List<Runnable> dropped = pool.shutdownNow();
    synchronized (this) {
      pending -= dropped.size();
      notifyAll();
    }
  }

  private void flush(Path file) {
    if (failure().isPresent()) {
      // The run fails on the first; flushing more would only delay that.
      done(file, null);
      return;
    }
    Throwable error = null;
    try {
      ops.sync(file);
    } catch (NoSuchFileException e) {
      // The run replaced the file since (a selective run's copy of a published report): the new
      // content is flushed on its own, and a file that is gone has nothing to flush.
    } catch (Throwable e) {
      // Errors too (out of memory, a simulated kill in tests): the run's threads rethrow it.
      error = e;
    }
    done(file, error);
  }

  private synchronized void done(Path file, @Nullable Throwable error) {
    pending--;
    // After stop() a flush fails because it was interrupted or its file deleted: not a failure.
    if (error != null && failure == null && !pool.isShutdown()) {
      failure = new Failure(file, error);
    }
    notifyAll();
  }
}
