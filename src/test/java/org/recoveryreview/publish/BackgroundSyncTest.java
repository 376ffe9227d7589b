package org.recoveryreview.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BackgroundSyncTest {
  /** Records each flush; flushing a file named "bad" throws {@code error}. */
  private static final class Recording extends FaultyFileOps {
    final Set<Path> synced = ConcurrentHashMap.newKeySet();
    private final Throwable error;

    Recording(Throwable error) {
      this.error = error;
    }

    @Override
    public void sync(Path path) throws IOException {
      if (path.getFileName().toString().equals("bad")) {
        if (error instanceof IOException io) {
          throw io;
        }
        throw (Error) error;
      }
      synced.add(path);
    }
  }

  @Test
  void awaitAll_manyFiles_returnsOnlyOnceEveryOneIsFlushed() {
    Recording ops = new Recording(new IOException("unused"));
    BackgroundSync sync = new BackgroundSync(ops);
    for (int i = 0; i < 500; i++) {
      sync.submit(Path.of("f" + i));
    }
    assertEquals(Optional.empty(), sync.awaitAll(Path.of("staging")));
    assertEquals(500, ops.synced.size());
  }

  @Test
  void awaitAll_oneFlushFails_namesThatFileAndItsCause() {
    IOException eio = new IOException("Input/output error");
    BackgroundSync sync = new BackgroundSync(new Recording(eio));
    sync.submit(Path.of("good"));
    sync.submit(Path.of("bad"));
    BackgroundSync.Failure f = sync.awaitAll(Path.of("staging")).orElseThrow();
    assertEquals(Path.of("bad"), f.file());
    assertSame(eio, f.cause());
    assertEquals(Optional.of(f), sync.failure());
  }

  @Test
  void awaitAll_fileReplacedOrRemovedBeforeItsFlush_isNoFailure(@TempDir Path dir)
      throws IOException {
    Path kept = Files.writeString(dir.resolve("kept.pdf"), "x");
    BackgroundSync sync = new BackgroundSync(FileOps.SYSTEM);
    sync.submit(dir.resolve("replaced.pdf"));
    sync.submit(kept);
    assertEquals(Optional.empty(), sync.awaitAll(dir));
  }

  @Test
  void awaitAll_flushThrowsAnError_keepsTheErrorForTheRunToRethrow() {
    Error killed = new Error("simulated kill -9");
    BackgroundSync sync = new BackgroundSync(new Recording(killed));
    sync.submit(Path.of("bad"));
    assertSame(killed, sync.awaitAll(Path.of("staging")).orElseThrow().cause());
  }

  @Test
  void stop_filesStillQueued_areDroppedAndNothingWaitsForThem() throws InterruptedException {
    CountDownLatch inFlush = new CountDownLatch(2);
    CountDownLatch release = new CountDownLatch(1);
    Set<Path> synced = ConcurrentHashMap.newKeySet();
    FileOps slow =
        new FaultyFileOps() {
          @Override
          public void sync(Path path) {
            inFlush.countDown();
            try {
              release.await();
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
              return;
            }
            synced.add(path);
          }
        };
    BackgroundSync sync = new BackgroundSync(slow);
    for (int i = 0; i < 10; i++) {
      sync.submit(Path.of("f" + i));
    }
    inFlush.await();
    sync.stop();
    release.countDown();
    sync.submit(Path.of("after-stop"));
    assertEquals(Optional.empty(), sync.awaitAll(Path.of("staging")));
    assertTrue(synced.isEmpty(), synced.toString());
  }
}
