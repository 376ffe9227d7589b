package org.recoveryreview.concurrent;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.recoveryreview.model.ExitCode;
import org.recoveryreview.model.JobFailure;

/**
 * The job's one way to work a list on {@code --jobs} threads, used by ingest (files), analysis
 * (patient chunks) and rendering (reviews): results come back in list order, so nothing written
 * depends on thread timing, and a task's failure keeps its own type (a {@link JobFailure}, an
 * {@link OutOfMemoryError}, a bug) for the exit code.
 */
public final class Parallel {
  private Parallel() {}

  /**
   * The thread count when {@code --jobs} is not given: the processor count. The one place it is
   * worked out, for the command line, the job and the stages' single-argument constructors.
   */
  public static int defaultThreads() {
    return Runtime.getRuntime().availableProcessors();
  }

  /** A task that hands on its results piece by piece, for {@link #streamInOrder}. */
  @FunctionalInterface
  public interface Producer<T, R> {
    /** Works one item, passing each piece of its result to {@code emit} as it is ready. */
    void produce(T item, Consumer<R> emit) throws Exception;
  }

  /** One task of a list. */
  @FunctionalInterface
  public interface Task<T, R> {
    /** Works one item. */
    R apply(T item) throws Exception;
  }

  /**
   * Applies {@code task} to every item on {@code jobs} daemon threads named {@code name}; with
   * {@code firstOnCaller} the first item runs on the calling thread before any other starts, so
   * that libraries whose class initialisers refer to each other are initialised by one thread (two
   * threads starting them at once can deadlock).
   */
  public static <T, R> List<R> map(
      List<T> items, int jobs, String name, boolean firstOnCaller, Task<T, R> task) {
    List<R> out = new ArrayList<>(items.size());
    forEachInOrder(items, jobs, name, firstOnCaller, task, out::add);
    return out;
  }

  /**
   * Hands each result to {@code sink} on the calling thread, in list order, as soon as it and every
   * earlier one are done, and then lets it go.
   */
  private static <T, R> void forEachInOrder(
      List<T> items,
      int jobs,
      String name,
      boolean firstOnCaller,
      Task<T, R> task,
      Consumer<R> sink) {
    ExecutorService pool = pool(Math.min(jobs, items.size()), name);
    try {
      List<Future<R>> futures = new ArrayList<>(items.size());
      for (T item : items) {
        Callable<R> call = () -> task.apply(item);
        futures.add(
            firstOnCaller && futures.isEmpty()
                ? CompletableFuture.completedFuture(callHere(call))
                : pool.submit(call));
      }
      for (int i = 0; i < futures.size(); i++) {
        R result = get(futures.get(i), name);
        // The future would keep the result reachable until every later one is done.
        futures.set(i, null);
        sink.accept(result);
      }
    } finally {
      stopAndWait(pool);
    }
  }

  /**
   * Runs {@code producer} on every item on {@code jobs} daemon threads and hands the pieces to
   * {@code sink} on the calling thread: every piece of the first item, in the order emitted, then
   * the second item's, and so on. Each item buffers at most {@code buffered} pieces that the sink
   * has not taken yet (a producer waits while its buffer is full), so memory is bounded by jobs ×
   * buffered pieces however large an item is: ingest parses a file of millions of rows in blocks
   * while the resolver works through the blocks of the files before it.
   */
  public static <T, R> void streamInOrder(
      List<T> items,
      int jobs,
      String name,
      int buffered,
      Producer<T, R> producer,
      Consumer<R> sink) {
    List<BlockingQueue<Object>> queues = new ArrayList<>(items.size());
    for (int i = 0; i < items.size(); i++) {
      queues.add(new ArrayBlockingQueue<>(Math.max(1, buffered) + 1));
    }
    ExecutorService pool = pool(Math.min(jobs, items.size()), name);
    try {
      for (int i = 0; i < items.size(); i++) {
        T item = items.get(i);
        BlockingQueue<Object> queue = queues.get(i);
        // Tasks start in list order, so the item the sink waits for is always running or done.
        pool.submit(
            () -> {
              Object last = END;
              try {
                producer.produce(item, piece -> put(queue, piece));
              } catch (Throwable t) {
                last = new Failed(t);
              }
              put(queue, last);
              return null;
            });
      }
      for (int i = 0; i < items.size(); i++) {
        drain(queues.get(i), name, sink);
        queues.set(i, null);
      }
    } finally {
      stopAndWait(pool);
    }
  }

  private static final Object END = new Object();

  /** How long a failing run waits for its threads to notice they were stopped. */
  private static final long STOP_WAIT_SECONDS = 60;

  /**
   * Interrupts the threads and waits for them to end, so that a caller that then removes what they
   * were writing (a staging folder) cannot race with a thread still writing into it.
   */
  private static void stopAndWait(ExecutorService pool) {
    pool.shutdownNow();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(STOP_WAIT_SECONDS);
    boolean interrupted = false;
    while (!pool.isTerminated()) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        break;
      }
      try {
        pool.awaitTermination(left, TimeUnit.NANOSECONDS);
      } catch (InterruptedException e) {
        // Keep waiting: the caller's clean-up must not start while a thread still writes.
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  /** At least one daemon thread, so an unfinished job never keeps the JVM alive. */
  private static ExecutorService pool(int threads, String name) {
    return Executors.newFixedThreadPool(
        Math.max(1, threads),
        r -> {
          Thread t = new Thread(r, name);
          t.setDaemon(true);
          return t;
        });
  }

  /** A producer's failure, passed to the calling thread in place of its remaining pieces. */
  private record Failed(Throwable cause) {}

  @SuppressWarnings("unchecked")
  private static <R> void drain(BlockingQueue<Object> queue, String name, Consumer<R> sink) {
    while (true) {
      Object o;
      try {
        o = queue.take();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new JobFailure(ExitCode.SOFTWARE, "The " + name + " threads were interrupted.", e);
      }
      if (o == END) {
        return;
      }
      if (o instanceof Failed f) {
        if (f.cause() instanceof RuntimeException re) {
          throw re;
        }
        if (f.cause() instanceof Error err) {
          throw err;
        }
        throw new ParallelFailure(f.cause());
      }
      sink.accept((R) o);
    }
  }

  private static void put(BlockingQueue<Object> queue, Object o) {
    try {
      queue.put(o);
    } catch (InterruptedException e) {
      // The caller stopped (it failed or was stopped): give up this item quietly.
      Thread.currentThread().interrupt();
      throw new CancellationException("stopped");
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
      Throwable c =
          Objects.requireNonNull(e.getCause(), "a task's ExecutionException carries what it threw");
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
  public static final class ParallelFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final Throwable taskFailure;

    ParallelFailure(Throwable cause) {
      super(cause);
      this.taskFailure = cause;
    }

    /** The task's exception; never null, unlike a Throwable's cause in general. */
    @Override
    public Throwable getCause() {
      return taskFailure;
    }
  }
}
