package org.recoveryreview.concurrent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.recoveryreview.model.ExitCode;
import org.recoveryreview.model.JobFailure;

class ParallelTest {
  private static final List<Integer> ITEMS = IntStream.range(0, 40).boxed().toList();

  @Test
  void map_tasksFinishingOutOfOrder_resultsInListOrder() {
    // Later items finish first: each sleeps less than the one before.
    List<Integer> out =
        Parallel.map(
            ITEMS,
            4,
            "test",
            false,
            i -> {
              Thread.sleep(40 - i);
              return i * 2;
            });
    assertEquals(ITEMS.stream().map(i -> i * 2).toList(), out);
  }

  @Test
  void map_firstOnCaller_firstItemRunsOnTheCallingThread() {
    Thread caller = Thread.currentThread();
    ConcurrentHashMap<Integer, Thread> ran = new ConcurrentHashMap<>();
    Parallel.map(
        ITEMS,
        2,
        "test",
        true,
        i -> {
          ran.put(i, Thread.currentThread());
          return i;
        });
    assertSame(caller, ran.get(0));
    assertTrue(ran.get(1) != caller);
  }

  @Test
  void map_taskThrowsJobFailure_rethrownWithItsExitCode() {
    JobFailure f =
        assertThrows(
            JobFailure.class,
            () ->
                Parallel.map(
                    ITEMS,
                    2,
                    "test",
                    false,
                    i -> {
                      if (i == 7) {
                        throw new JobFailure(ExitCode.CANNOT_WRITE, "disk full");
                      }
                      return i;
                    }));
    assertEquals(ExitCode.CANNOT_WRITE, f.exitCode());
  }

  @Test
  void map_taskThrowsCheckedException_wrappedForTheCaller() {
    Parallel.ParallelFailure f =
        assertThrows(
            Parallel.ParallelFailure.class,
            () ->
                Parallel.map(
                    List.of(1),
                    1,
                    "test",
                    false,
                    i -> {
                      throw new IOException("no");
                    }));
    assertEquals("no", f.getCause().getMessage());
  }

  @Test
  void map_emptyList_emptyResult() {
    assertEquals(List.of(), Parallel.map(List.<Integer>of(), 4, "test", false, i -> i));
  }

  @Test
  void streamInOrder_manyPiecesPerItem_sinkSeesItemsInOrderAndPiecesInEmitOrder() {
    List<String> seen = new ArrayList<>();
    Parallel.<Integer, String>streamInOrder(
        List.of(0, 1, 2, 3),
        3,
        "test",
        2,
        (item, emit) -> {
          for (int piece = 0; piece < 50; piece++) {
            emit.accept(item + "." + piece);
          }
        },
        seen::add);
    List<String> expected = new ArrayList<>();
    for (int item = 0; item < 4; item++) {
      for (int piece = 0; piece < 50; piece++) {
        expected.add(item + "." + piece);
      }
    }
    assertEquals(expected, seen);
  }

  @Test
  void streamInOrder_slowSink_producersNeverGetMoreThanTheBufferAhead() {
    AtomicInteger emitted = new AtomicInteger();
    AtomicInteger taken = new AtomicInteger();
    AtomicInteger maxAhead = new AtomicInteger();
    Parallel.<Integer, Integer>streamInOrder(
        List.of(0),
        1,
        "test",
        3,
        (item, emit) -> {
          for (int i = 0; i < 200; i++) {
            emit.accept(i);
            maxAhead.accumulateAndGet(emitted.incrementAndGet() - taken.get(), Math::max);
          }
        },
        piece -> taken.incrementAndGet());
    assertEquals(200, taken.get());
    // Three buffered, one being taken, one being put, plus the end marker's slot.
    assertTrue(maxAhead.get() <= 6, "ahead by " + maxAhead.get());
  }

  @Test
  void streamInOrder_producerFailsMidway_earlierPiecesDeliveredThenItsFailure() {
    List<Integer> seen = new ArrayList<>();
    JobFailure f =
        assertThrows(
            JobFailure.class,
            () ->
                Parallel.<Integer, Integer>streamInOrder(
                    List.of(0, 1),
                    2,
                    "test",
                    2,
                    (item, emit) -> {
                      emit.accept(item * 10);
                      if (item == 1) {
                        throw new JobFailure(ExitCode.DATA_ERROR, "bad file");
                      }
                      emit.accept(item * 10 + 1);
                    },
                    seen::add));
    assertEquals(ExitCode.DATA_ERROR, f.exitCode());
    assertEquals(List.of(0, 1, 10), seen);
  }

  /** Blocks as a write to a slow disk does: an interrupt does not end it early. */
  private static void uninterruptibly(long millis) {
    long end = System.nanoTime() + millis * 1_000_000L;
    while (System.nanoTime() < end) {
      java.util.concurrent.locks.LockSupport.parkNanos(end - System.nanoTime());
    }
  }

  @Test
  void map_oneTaskFails_everyOtherTaskHasEndedWhenItReturns() {
    for (int round = 0; round < 3; round++) {
      AtomicInteger running = new AtomicInteger();
      assertThrows(
          IllegalStateException.class,
          () ->
              Parallel.map(
                  ITEMS,
                  4,
                  "test",
                  false,
                  i -> {
                    running.incrementAndGet();
                    try {
                      if (i == 1) {
                        throw new IllegalStateException("disk full");
                      }
                      uninterruptibly(150);
                      return i;
                    } finally {
                      running.decrementAndGet();
                    }
                  }));
      // The caller deletes what the tasks write as soon as this returns.
      assertEquals(0, running.get(), "tasks still running after map returned");
    }
  }

  @Test
  void streamInOrder_oneProducerFails_everyOtherProducerHasEndedWhenItReturns() {
    AtomicInteger running = new AtomicInteger();
    assertThrows(
        IllegalStateException.class,
        () ->
            Parallel.<Integer, Integer>streamInOrder(
                ITEMS,
                4,
                "test",
                2,
                (i, emit) -> {
                  running.incrementAndGet();
                  try {
                    if (i == 0) {
                      throw new IllegalStateException("unreadable");
                    }
                    uninterruptibly(150);
                    emit.accept(i);
                  } finally {
                    running.decrementAndGet();
                  }
                },
                x -> {}));
    assertEquals(0, running.get(), "producers still running after streamInOrder returned");
  }
}
