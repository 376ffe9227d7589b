package org.recoveryreview.concurrent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class StartUpTest {
  @Test
  void awaitDone_whileTheStartUpRuns_waitsUntilItEnds() throws Exception {
    CountDownLatch inStartUp = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    StartUp startUp = new StartUp("test-start-up");
    startUp.start(
        () -> {
          inStartUp.countDown();
          await(release);
        });
    assertTrue(inStartUp.await(10, TimeUnit.SECONDS));

    CompletableFuture<Void> stage = CompletableFuture.runAsync(startUp::awaitDone);
    // The stage must not pass the gate while the start-up still initialises classes.
    assertFalse(stage.isDone());
    Thread.sleep(100);
    assertFalse(stage.isDone());

    release.countDown();
    stage.get(10, TimeUnit.SECONDS);
  }

  @Test
  void awaitDone_neverStarted_returnsAtOnce() throws Exception {
    StartUp startUp = new StartUp("test-start-up");
    CompletableFuture.runAsync(startUp::awaitDone).get(10, TimeUnit.SECONDS);
  }

  @Test
  void awaitDone_startUpFails_opensTheGate() throws Exception {
    StartUp startUp = new StartUp("test-start-up");
    startUp.start(
        () -> {
          throw new OutOfMemoryError("start-up");
        });
    CompletableFuture.runAsync(startUp::awaitDone).get(10, TimeUnit.SECONDS);
  }

  @Test
  void start_calledTwice_runsOnlyTheFirstLoad() throws Exception {
    AtomicInteger first = new AtomicInteger();
    AtomicInteger second = new AtomicInteger();
    StartUp startUp = new StartUp("test-start-up");
    startUp.start(first::incrementAndGet);
    startUp.start(second::incrementAndGet);
    startUp.awaitDone();
    assertEquals(1, first.get());
    assertEquals(0, second.get());
  }

  @Test
  void start_runsOnANamedDaemonThread() {
    AtomicReference<Thread> ran = new AtomicReference<>();
    StartUp startUp = new StartUp("test-start-up");
    startUp.start(() -> ran.set(Thread.currentThread()));
    startUp.awaitDone();
    assertEquals("test-start-up", ran.get().getName());
    assertTrue(ran.get().isDaemon());
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
