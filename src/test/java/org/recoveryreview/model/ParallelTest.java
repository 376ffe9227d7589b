package org.recoveryreview.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

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
  void forEachInOrder_sinkRunsOnTheCallingThreadInOrder() {
    Thread caller = Thread.currentThread();
    List<Integer> seen = new ArrayList<>();
    Parallel.forEachInOrder(
        ITEMS,
        3,
        "test",
        false,
        i -> i,
        r -> {
          assertSame(caller, Thread.currentThread());
          seen.add(r);
        });
    assertEquals(ITEMS, seen);
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
}
