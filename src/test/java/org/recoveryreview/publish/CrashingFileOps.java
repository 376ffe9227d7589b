package org.recoveryreview.publish;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The real file system that stops dead before its n-th operation, as {@code kill -9} or a power cut
 * would: the {@link Crash} it throws is an {@link Error} no clean-up code of the job catches, so
 * whatever was done up to that operation stays exactly as it is on disk.
 */
public class CrashingFileOps implements FileOps {
  private final FileOps real;
  private int crashAt;
  private java.util.function.Predicate<String> crashWhen = op -> false;
  private int count;
  private boolean dead;
  private final List<String> log = new ArrayList<>();

  /** Thrown in place of the operation the process would have been killed before. */
  public static final class Crash extends Error {
    private static final long serialVersionUID = 1L;

    Crash(String op) {
      super("simulated kill -9 before " + op);
    }
  }

  /** Crashes before operation number {@code crashAt} (0-based); never with a negative number. */
  public CrashingFileOps(FileOps real, int crashAt) {
    this.real = real;
    this.crashAt = crashAt;
  }

  /**
   * The real file system without fsync: a crash here stops the process, not the machine, so what
   * reached the page cache stays, and hundreds of crash points run in seconds.
   */
  public static final FileOps NO_SYNC =
      new FaultyFileOps() {
        @Override
        public void sync(Path path) {
          // A process crash, not a power cut: nothing to flush.
        }
      };

  /** The real file system (without fsync) that crashes before no operation until told to. */
  public CrashingFileOps() {
    this(NO_SYNC, -1);
  }

  /** From now on, crashes before the {@code n}-th next operation (0: the very next one). */
  public synchronized CrashingFileOps crashAfter(int n) {
    crashAt = count + n;
    return this;
  }

  /** Crashes before the first operation whose description (see {@link #log}) matches. */
  public synchronized CrashingFileOps crashWhen(java.util.function.Predicate<String> op) {
    crashWhen = op;
    return this;
  }

  /** Operations done (or attempted) so far. */
  public synchronized int count() {
    return count;
  }

  /** Each operation attempted so far, e.g. "move a -> b". */
  public synchronized List<String> log() {
    return List.copyOf(log);
  }

  private synchronized void step(String op) {
    log.add(op);
    if (dead) {
      throw new Crash(op + " (the process is dead)");
    }
    if (count++ == crashAt || crashWhen.test(op)) {
      // A killed process does nothing more: no clean-up of the job reaches the disk either.
      dead = true;
      throw new Crash(op);
    }
  }

  @Override
  public OutputStream create(Path file) throws IOException {
    step("create " + file.getFileName());
    return real.create(file);
  }

  @Override
  public void createDirectories(Path dir) throws IOException {
    step("mkdir " + dir.getFileName());
    real.createDirectories(dir);
  }

  @Override
  public void move(Path from, Path to) throws IOException {
    step("move " + from.getFileName() + " -> " + to.getFileName());
    real.move(from, to);
  }

  @Override
  public void delete(Path path) throws IOException {
    step("delete " + path.getFileName());
    real.delete(path);
  }

  @Override
  public void sync(Path path) throws IOException {
    step("sync " + path.getFileName());
    real.sync(path);
  }

  @Override
  public void link(Path link, Path existing) throws IOException {
    step("link " + link.getFileName());
    real.link(link, existing);
  }
}
