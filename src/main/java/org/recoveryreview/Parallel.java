package org.recoveryreview;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.recoveryreview.model.ExitCode;
import org.recoveryreview.model.JobFailure;

/**
 * The job's one way to work a list on {@code --jobs} threads: results come back in list order, so
 * nothing written depends on thread timing, and a task's failure keeps its own type (a {@link
 * JobFailure}, an {@link OutOfMemoryError}, a bug) for the exit code.
 */
final class Parallel {
  private Parallel() {}

  /** One task of a list. */
  @FunctionalInterface
  interface Task<T, R> {
    /** Works one item. */
    R apply(T item) throws Exception;
  }

  /**
   * Applies {@code task} to every item on {@code jobs} daemon threads named {@code name}; with
   * {@code firstOnCaller} the first item runs on the calling thread before any other starts, so
   * that libraries whose class initialisers refer to each other are initialised by one thread (two
   * threads starting them at once can deadlock).
   */
  static <T, R> List<R> map(
      List<T> items, int jobs, String name, boolean firstOnCaller, Task<T, R> task) {
    ExecutorService pool =
        Executors.newFixedThreadPool(
            Math.max(1, jobs),
            r -> {
              Thread t = new Thread(r, name);
              t.setDaemon(true);
              return t;
            });
    try {
      List<Future<R>> futures = new ArrayList<>(items.size());
      for (T item : items) {
        Callable<R> call = () -> task.apply(item);
        futures.add(
            firstOnCaller && futures.isEmpty()
                ? CompletableFuture.completedFuture(callHere(call))
                : pool.submit(call));
      }
      List<R> out = new ArrayList<>(futures.size());
      for (Future<R> f : futures) {
        out.add(get(f, name));
      }
      return out;
    } finally {
      pool.shutdownNow();
    }
  }

  private static <R> R callHere(Callable<R> call) {
    try {
      return call.call();
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new ParallelFailure(e);
    }
  }

  private static <R> R get(Future<R> f, String name) {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new JobFailure(ExitCode.SOFTWARE, "The " + name + " threads were interrupted.", e);
    } catch (ExecutionException e) {
      Throwable c = e.getCause();
      if (c instanceof RuntimeException re) {
        throw re;
      }
      if (c instanceof Error err) {
        throw err;
      }
      throw new ParallelFailure(c);
    }
  }

  /** A task's checked exception, for the caller to turn into its own message. */
  static final class ParallelFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ParallelFailure(Throwable cause) {
      super(cause);
    }
  }
}
