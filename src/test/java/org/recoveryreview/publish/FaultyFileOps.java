package org.recoveryreview.publish;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Predicate;

/**
 * The real file system with chosen operations failing as the OS would report them (tests run as
 * root, which no permission stops, and no test may fill a disk).
 */
public class FaultyFileOps implements FileOps {
  private Predicate<Path> failCreate = p -> false;
  private Predicate<Path> failWrite = p -> false;
  private Predicate<Path> failDelete = p -> false;
  private java.util.function.BiPredicate<Path, Path> failMove = (from, to) -> false;
  private Predicate<Path> failSync = p -> false;
  private long syncMillis;
  private boolean failLinks;
  private final List<String> operations = Collections.synchronizedList(new ArrayList<>());
  private IOException writeError = new IOException("No space left on device");

  /** Writes to matching files fail with {@code error} (after the file is created). */
  public FaultyFileOps failWrites(Predicate<Path> which, IOException error) {
    this.failWrite = which;
    this.writeError = error;
    return this;
  }

  /** Creating matching files fails with {@code error}. */
  public FaultyFileOps failCreates(Predicate<Path> which) {
    this.failCreate = which;
    return this;
  }

  /** Deleting matching paths fails with "permission denied". */
  public FaultyFileOps failDeletes(Predicate<Path> which) {
    this.failDelete = which;
    return this;
  }

  /** Matching renames (from, to) fail with "Read-only file system". */
  public FaultyFileOps failMoves(java.util.function.BiPredicate<Path, Path> which) {
    this.failMove = which;
    return this;
  }

  /** Flushing matching files to disk fails with "Input/output error", as a failing disk does. */
  public FaultyFileOps failSyncs(Predicate<Path> which) {
    this.failSync = which;
    return this;
  }

  /** Every flush to disk first waits {@code millis}, as on a slow network share. */
  public FaultyFileOps slowSyncs(long millis) {
    this.syncMillis = millis;
    return this;
  }

  /** Hard links fail with "Operation not permitted", as on a share without them. */
  public FaultyFileOps failLinks() {
    this.failLinks = true;
    return this;
  }

  /** The flushes and renames done so far, in order, e.g. "sync x.pdf", "move .2026-10.tmp-…". */
  public List<String> operations() {
    synchronized (operations) {
      return List.copyOf(operations);
    }
  }

  /** A predicate on the file name. */
  public static Predicate<Path> named(String name) {
    return p -> p.getFileName() != null && p.getFileName().toString().equals(name);
  }

  /** A predicate on part of the file name. */
  public static Predicate<Path> nameContains(String part) {
    return p -> p.getFileName() != null && p.getFileName().toString().contains(part);
  }

  @Override
  public OutputStream create(Path file) throws IOException {
    if (failCreate.test(file)) {
      throw new java.nio.file.FileSystemException(file.toString(), null, "Read-only file system");
    }
    OutputStream real = FileOps.SYSTEM.create(file);
    if (!failWrite.test(file)) {
      return real;
    }
    IOException error = writeError;
    return new FilterOutputStream(real) {
      @Override
      public void write(int b) throws IOException {
        throw error;
      }

      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        throw error;
      }
    };
  }

  @Override
  public void createDirectories(Path dir) throws IOException {
    FileOps.SYSTEM.createDirectories(dir);
  }

  @Override
  public void move(Path from, Path to) throws IOException {
    operations.add("move " + from.getFileName());
    if (failMove.test(from, to)) {
      throw new java.nio.file.FileSystemException(
          from.toString(), to.toString(), "Read-only file system");
    }
    FileOps.SYSTEM.move(from, to);
  }

  @Override
  public void delete(Path path) throws IOException {
    if (failDelete.test(path)) {
      throw new java.nio.file.AccessDeniedException(path.toString());
    }
    FileOps.SYSTEM.delete(path);
  }

  @Override
  public void sync(Path path) throws IOException {
    if (syncMillis > 0) {
      try {
        Thread.sleep(syncMillis);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    if (failSync.test(path)) {
      throw new IOException("Input/output error");
    }
    FileOps.SYSTEM.sync(path);
    operations.add("sync " + path.getFileName());
  }

  @Override
  public void link(Path link, Path existing) throws IOException {
    if (failLinks) {
      throw new IOException("Operation not permitted");
    }
    FileOps.SYSTEM.link(link, existing);
  }
}
