package org.recoveryreview.publish;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.function.UnaryOperator;
import org.recoveryreview.model.ExitCode;
import org.recoveryreview.model.JobFailure;

/**
 * An exclusive OS file lock on {@code <output>/.recovery-review.lock} (or, for a shard, on its
 * shard folder's own lock file beside it), held for a whole run. The OS releases it when the
 * process dies, so a killed run never blocks the next one; the file's text names the holder for the
 * second run's message.
 */
public final class OutputLock implements AutoCloseable {
  /** Name of the lock file inside the output folder. */
  public static final String FILE_NAME = ".recovery-review.lock";

  private final FileChannel channel;
  private final FileLock lock;

  private OutputLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  /**
   * Takes the lock at once or fails with exit 75 naming the run that holds it.
   *
   * @param holder a description of this run written into the file, e.g. pid, start time, command
   */
  static OutputLock acquire(Path outputDir, String holder) {
    Path file = outputDir.resolve(FILE_NAME);
    requireFolder(outputDir);
    return acquire(
        outputDir,
        file,
        holder,
        true,
        other ->
            "Another run holds the output lock "
                + file
                + " ("
                + other
                + "); wait for it to finish, or point --output elsewhere.");
  }

  /**
   * The lock of one shard folder, {@code <shards>/.<shard folder>.lock}: shards of one run share
   * their output folder and run side by side, so each publishes under its own lock, and only a
   * second process for the same shard is refused (exit 75 naming the holder).
   */
  static OutputLock acquireShard(Path shardsDir, String shardFolder, String holder) {
    requireFolder(shardsDir);
    Path file = shardsDir.resolve(shardLockName(shardFolder));
    return acquire(
        shardsDir,
        file,
        holder,
        true,
        other ->
            "Another process is already writing the shard folder "
                + shardsDir.resolve(shardFolder)
                + " (lock "
                + file
                + " held by "
                + other
                + "): the same shard index was started twice; let that run finish and use its"
                + " folder, or stop it before re-running this shard.");
  }

  /**
   * Takes an existing shard lock for a merge, so that no shard of the run can start publishing
   * while the merge reads its folder; exit 75 naming the shard's holder when a shard is being
   * written.
   */
  static OutputLock acquireForMerge(Path shardsDir, String shardFolder, String holder) {
    Path file = shardsDir.resolve(shardLockName(shardFolder));
    return acquire(
        shardsDir,
        file,
        holder,
        false,
        other ->
            "The shard folder "
                + shardsDir.resolve(shardFolder)
                + " is still being written (lock "
                + file
                + " held by "
                + other
                + "), so nothing was published; run the merge when every shard has finished.");
  }

  /** The name of a shard folder's lock file beside it: {@code .<shard folder>.lock}. */
  static String shardLockName(String shardFolder) {
    return "." + shardFolder + ".lock";
  }

  private static OutputLock acquire(
      Path dir, Path file, String holder, boolean create, UnaryOperator<String> heldMessage) {
    FileChannel ch = open(dir, file, create);
    FileLock l;
    try {
      l = ch.tryLock();
    } catch (OverlappingFileLockException e) {
      l = null;
    } catch (IOException e) {
      closeQuietly(ch);
      throw new JobFailure(
          ExitCode.CANNOT_WRITE, "Cannot lock " + file + ": " + e.getMessage() + ".", e);
    }
    if (l == null) {
      String other = readHolder(file);
      closeQuietly(ch);
      throw new JobFailure(ExitCode.LOCKED, heldMessage.apply(other));
    }
    try {
      ch.truncate(0);
      ch.write(
          ByteBuffer.wrap(
              (holder + ", since " + Instant.now() + "\n").getBytes(StandardCharsets.UTF_8)),
          0);
      ch.force(false);
    } catch (IOException e) {
      // The lock itself is what matters; the holder text is only for messages.
    }
    return new OutputLock(ch, l);
  }

  /**
   * Exit 73 when {@code outputDir}, or the nearest part of it that exists, is a file: said as such,
   * not as a problem with the lock file inside it.
   */
  private static void requireFolder(Path outputDir) {
    for (Path p = outputDir.toAbsolutePath(); p != null; p = p.getParent()) {
      // Exists first, then what it is: shards started together create the folder side by side,
      // and asked the other way round a folder made between the two looked like a file.
      if (Files.exists(p)) {
        if (Files.isDirectory(p)) {
          return;
        }
        throw new JobFailure(
            ExitCode.CANNOT_WRITE,
            "The output path "
                + outputDir
                + (p.equals(outputDir.toAbsolutePath()) ? "" : " lies below " + p + ", which")
                + " is a file, not a folder; pass --output naming a folder (it is created if"
                + " missing), or move the file away.");
      }
    }
  }

  private static FileChannel open(Path dir, Path file, boolean create) {
    try {
      if (create) {
        Files.createDirectories(dir);
      }
      // NOFOLLOW: the lock file is truncated, so a planted link must not lead it to another file.
      return create
          ? FileChannel.open(
              file,
              StandardOpenOption.CREATE,
              StandardOpenOption.READ,
              StandardOpenOption.WRITE,
              LinkOption.NOFOLLOW_LINKS)
          : FileChannel.open(
              file, StandardOpenOption.READ, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
    } catch (IOException e) {
      throw new JobFailure(
          ExitCode.CANNOT_WRITE,
          "Cannot "
              + (create ? "create" : "open")
              + " the lock file "
              + file
              + " ("
              + WriteFailure.reason(e)
              + "); check that the folder is writable by this user and that the lock"
              + " file is not a symbolic link.",
          e);
    }
  }

  private static String readHolder(Path file) {
    try {
      String s = Files.readString(file, StandardCharsets.UTF_8).strip();
      return s.isEmpty() ? "holder unknown" : s;
    } catch (IOException | UncheckedIOException e) {
      return "holder unknown";
    }
  }

  private static void closeQuietly(FileChannel ch) {
    try {
      ch.close();
    } catch (IOException ignored) {
      // nothing left to do
    }
  }

  @Override
  public void close() {
    try {
      lock.release();
    } catch (IOException ignored) {
      // closing the channel releases it too
    }
    closeQuietly(channel);
  }
}
