package org.recoveryreview.publish;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes a period's outputs atomically: everything is written under {@code
 * <output>/.<period>.tmp-*} and swapped in as {@code <output>/<period>} only when complete, so a
 * failed or killed run leaves the previous folder as it was. Temporary and moved-aside folders
 * carry a marker file; nothing without it is ever deleted. Must be used under {@link OutputLock}.
 */
public final class PeriodFolder implements StopGuard.Stoppable {
  private static final Logger LOG = LoggerFactory.getLogger(PeriodFolder.class);

  /** Marks a folder this job made and may delete: a staging folder or a moved-aside old one. */
  static final String MARKER = ".recovery-review-temp";

  private static final LinkOption NOFOLLOW = LinkOption.NOFOLLOW_LINKS;

  private final FileOps ops;
  private final Path outputDir;
  private final String period;
  private final Path staging;
  private boolean committed;
  private boolean abandoned;

  private PeriodFolder(FileOps ops, Path outputDir, String period, Path staging) {
    this.ops = ops;
    this.outputDir = outputDir;
    this.period = period;
    this.staging = staging;
  }

  /** Writes the content of one output file; failures become exit 73 naming the file. */
  @FunctionalInterface
  public interface Content {
    /** Writes the whole file to {@code out}. */
    void writeTo(OutputStream out) throws IOException;
  }

  /** Opens a fresh, marked staging folder (call {@link #recover} first). */
  public static PeriodFolder begin(Path outputDir, String period, FileOps ops) {
    Path staging = outputDir.resolve("." + period + ".tmp-" + UUID.randomUUID());
    try {
      ops.createDirectories(staging);
      mark(ops, staging);
    } catch (IOException e) {
      throw WriteFailure.of(staging, e);
    } catch (RuntimeException | Error e) {
      // An unmarked staging folder would be left alone by every later run (it cannot prove it is
      // ours), so one that failed before its marker (out of memory, a signal) goes at once.
      try {
        Files.deleteIfExists(staging);
      } catch (IOException | RuntimeException ignored) {
        // Best effort; the warning of the next run names it.
      }
      throw e;
    }
    return new PeriodFolder(ops, outputDir, period, staging);
  }

  /** Where the period folder is published. */
  public Path target() {
    return outputDir.resolve(period);
  }

  /** The staging folder, for tests and messages. */
  public Path staging() {
    return staging;
  }

  /**
   * Writes one file inside the staging folder, creating parent folders; any I/O failure, however
   * wrapped, becomes exit 73 naming the file and the operating system's reason. Thread-safe.
   */
  public void write(String relativePath, Content content) {
    Path p = staging.resolve(relativePath).normalize();
    if (!p.startsWith(staging) || p.equals(staging)) {
      throw new IllegalArgumentException("path escapes the staging folder: " + relativePath);
    }
    try {
      ops.createDirectories(p.getParent());
      try (OutputStream out = new java.io.BufferedOutputStream(ops.create(p), 1 << 16)) {
        content.writeTo(out);
      }
    } catch (IOException e) {
      throw WriteFailure.of(p, e);
    } catch (java.io.UncheckedIOException e) {
      throw WriteFailure.of(p, e.getCause());
    }
  }

  /** Writes {@code manifest.json} for the files now staged; the last file before the swap. */
  public void writeManifest(RunInfo run) {
    try {
      Manifest.write(run, staging, ops);
    } catch (IOException e) {
      throw WriteFailure.of(staging.resolve(Manifest.FILE_NAME), e);
    }
  }

  /**
   * Swaps the staging folder in as the period folder. Linux cannot rename over a non-empty folder,
   * so the old folder is first moved aside (and restored if the swap fails). Once the new folder is
   * in place nothing fails the run: removing the old one is best effort, with a warning.
   */
  public synchronized void commit() {
    if (abandoned) {
      throw new IllegalStateException("the run is stopping; " + staging + " was removed");
    }
    Path target = target();
    Path aside = outputDir.resolve("." + period + ".old-" + UUID.randomUUID());
    boolean hadOld = Files.exists(target, NOFOLLOW);
    try {
      ops.delete(staging.resolve(MARKER));
      if (hadOld) {
        ops.move(target, aside);
      }
    } catch (IOException e) {
      throw WriteFailure.of(target, e);
    }
    try {
      if (hadOld && Files.isDirectory(aside, NOFOLLOW)) {
        mark(ops, aside);
      }
      ops.move(staging, target);
    } catch (IOException e) {
      if (hadOld) {
        restoreAfterFailedSwap(aside, target);
      }
      throw WriteFailure.of(target, e);
    }
    committed = true;
    if (hadOld) {
      removeQuietly(aside, "the previous version of " + target);
    }
  }

  private void restoreAfterFailedSwap(Path aside, Path target) {
    try {
      ops.move(aside, target);
      if (Files.exists(target.resolve(MARKER), NOFOLLOW)) {
        ops.delete(target.resolve(MARKER));
      }
    } catch (IOException e) {
      LOG.error(
          "Could not move {} back to {} ({}); the next run restores it.",
          aside,
          target,
          WriteFailure.reason(e));
    }
  }

  /** Removes the staging folder after a failure; the published folder is untouched. */
  public synchronized void abandon() {
    if (committed || abandoned) {
      return;
    }
    abandoned = true;
    removeQuietly(staging, "the unfinished folder");
  }

  @Override
  public synchronized String stop() {
    if (committed) {
      return "stopped after publishing " + target() + "; the new reports are in place.";
    }
    abandon();
    return "stopped; published reports unchanged.";
  }

  /**
   * Best effort: cleans what earlier runs left behind. Marked temporary folders are removed, a
   * marked folder moved aside in the instant of a swap is restored when the period folder is
   * missing (else removed), stray per-file temporaries of a selective run are removed. Whatever
   * cannot be removed, or lacks the marker, is left in place with a warning; the run goes on.
   */
  public static void recover(Path outputDir, String period, FileOps ops) {
    if (!Files.isDirectory(outputDir)) {
      return;
    }
    Path target = outputDir.resolve(period);
    List<Path> temps = new ArrayList<>();
    List<Path> aside = new ArrayList<>();
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(outputDir, "." + period + ".*")) {
      for (Path p : ds) {
        String name = p.getFileName().toString();
        if (name.startsWith("." + period + ".tmp-")) {
          temps.add(p);
        } else if (name.startsWith("." + period + ".old-")) {
          aside.add(p);
        }
      }
    } catch (IOException e) {
      LOG.warn(
          "Cannot list {} for leftovers of earlier runs: {}.", outputDir, WriteFailure.reason(e));
      return;
    }
    for (Path p : temps) {
      if (owned(p, "a temporary folder")) {
        LOG.info("Removing {} left by an earlier run that did not finish.", p.getFileName());
        removeQuietly(ops, p, "a folder left by an earlier run");
      }
    }
    aside.sort(null);
    for (Path p : aside) {
      if (!owned(p, "a moved-aside folder")) {
        continue;
      }
      if (!Files.exists(target, NOFOLLOW)) {
        LOG.warn("Restoring {} from {}: an earlier run stopped mid-swap.", target, p.getFileName());
        try {
          ops.move(p, target);
          ops.delete(target.resolve(MARKER));
        } catch (IOException e) {
          LOG.warn("Could not restore {} from {}: {}.", target, p, WriteFailure.reason(e));
        }
      } else {
        removeQuietly(ops, p, "the previous version of " + target);
      }
    }
    if (!Files.isSymbolicLink(target)) {
      // Through a linked period folder these would be files outside the output folder.
      removeStrayTemporaries(target, ops);
      removeStrayTemporaries(target.resolve(OutputPaths.PATIENTS_DIR), ops);
    }
  }

  // No output file name starts with '.', so every ".*.tmp-*" entry is a temporary of this job.
  private static void removeStrayTemporaries(Path dir, FileOps ops) {
    if (!Files.isDirectory(dir, NOFOLLOW)) {
      return;
    }
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, ".*.tmp-*")) {
      for (Path p : ds) {
        if (Files.isRegularFile(p, NOFOLLOW) || Files.isSymbolicLink(p)) {
          ops.delete(p);
        }
      }
    } catch (IOException e) {
      LOG.warn("Could not remove temporary files in {}: {}.", dir, WriteFailure.reason(e));
    }
  }

  private static boolean owned(Path dir, String what) {
    if (Files.isDirectory(dir, NOFOLLOW) && Files.isRegularFile(dir.resolve(MARKER), NOFOLLOW)) {
      return true;
    }
    LOG.warn(
        "Leaving {}: it is named like {} of this job but lacks the marker file {}, so this job did"
            + " not make it; remove it by hand if nobody needs it.",
        dir,
        what,
        MARKER);
    return false;
  }

  private void removeQuietly(Path dir, String what) {
    removeQuietly(ops, dir, what);
  }

  private static void removeQuietly(FileOps ops, Path dir, String what) {
    try {
      if (Files.isSymbolicLink(dir)) {
        ops.delete(dir); // the link only, never what it points to
      } else {
        deleteTree(ops, dir);
      }
    } catch (IOException e) {
      LOG.warn(
          "Could not remove {}, {} ({}); remove it by hand, the published reports are not affected.",
          dir,
          what,
          WriteFailure.reason(e));
    }
  }

  private static void mark(FileOps ops, Path dir) throws IOException {
    try (OutputStream out = ops.create(dir.resolve(MARKER))) {
      out.write(
          "Temporary folder of recovery-review; the job deletes it.\n"
              .getBytes(StandardCharsets.US_ASCII));
    }
  }

  /**
   * Deletes a marked folder's contents, then its marker, then the folder, never following links.
   */
  static void deleteTree(FileOps ops, Path root) throws IOException {
    if (!Files.exists(root, NOFOLLOW)) {
      return;
    }
    Path marker = root.resolve(MARKER);
    Files.walkFileTree(
        root,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
              throws IOException {
            if (!file.equals(marker)) {
              ops.delete(file);
            }
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
            if (exc != null) {
              throw exc;
            }
            if (dir.equals(root) && Files.exists(marker, NOFOLLOW)) {
              // Last, so a half-deleted folder keeps its marker and the next run can finish it.
              ops.delete(marker);
            }
            ops.delete(dir);
            return FileVisitResult.CONTINUE;
          }
        });
  }
}
