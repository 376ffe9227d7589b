package org.recoveryreview.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class TablesawWarmUpTest {

  @Test
  void awaitLoaded_whileTheFirstRoundRuns_waitsUntilItEnds() throws Exception {
    CountDownLatch inFirstRound = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    AtomicInteger rounds = new AtomicInteger();
    TablesawWarmUp warmUp =
        new TablesawWarmUp(
            () -> {
              if (rounds.incrementAndGet() == 1) {
                inFirstRound.countDown();
                await(release);
              }
            },
            3);
    warmUp.start();
    assertTrue(inFirstRound.await(10, TimeUnit.SECONDS));

    CompletableFuture<Void> analysis = CompletableFuture.runAsync(warmUp::awaitLoaded);
    // The analysis must not pass the gate while the first round still initialises classes.
    assertFalse(analysis.isDone());
    Thread.sleep(100);
    assertFalse(analysis.isDone());

    release.countDown();
    analysis.get(10, TimeUnit.SECONDS);
    assertTrue(rounds.get() >= 1);
  }

  @Test
  void awaitLoaded_neverStarted_returnsAtOnce() throws Exception {
    TablesawWarmUp warmUp = new TablesawWarmUp(() -> await(new CountDownLatch(1)), 1);
    CompletableFuture.runAsync(warmUp::awaitLoaded).get(10, TimeUnit.SECONDS);
  }

  @Test
  void awaitLoaded_firstRoundFails_opensTheGate() throws Exception {
    TablesawWarmUp warmUp =
        new TablesawWarmUp(
            () -> {
              throw new OutOfMemoryError("warm-up table");
            },
            3);
    warmUp.start();
    CompletableFuture.runAsync(warmUp::awaitLoaded).get(10, TimeUnit.SECONDS);
  }

  @Test
  void start_calledTwice_runsTheRoundsOnce() throws Exception {
    AtomicInteger rounds = new AtomicInteger();
    CountDownLatch done = new CountDownLatch(3);
    TablesawWarmUp warmUp =
        new TablesawWarmUp(
            () -> {
              rounds.incrementAndGet();
              done.countDown();
            },
            3);
    warmUp.start();
    warmUp.start();
    assertTrue(done.await(10, TimeUnit.SECONDS));
    Thread.sleep(100);
    assertEquals(3, rounds.get());
  }

  @Test
  void touchTablesaw_onAFreshTable_runsTheAnalysisAggregates() {
    // The real round must run (it is what the gate waits for); it throws if an aggregate breaks.
    TablesawWarmUp.touchTablesaw();
  }

  @Test
  void touchAnalysis_syntheticProgramme_runsTheWholeAnalysisWithoutWaitingForTheGate() {
    // Runs on the warm-up thread before the gate opens, so it must not wait at the gate itself:
    // a call through analyze() would wait for its own round for ever.
    CompletableFuture.runAsync(TablesawWarmUp::touchAnalysis).join();
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
