package org.recoveryreview.publish;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.recoveryreview.model.ExitCode;
import org.recoveryreview.model.JobFailure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes a period's outputs atomically: everything is written under {@code
 * <output>/.<period>.tmp-*} and swapped in as {@code <output>/<period>} only when complete, so a
 * failed or killed run leaves the previous folder as it was. Must be used under {@link OutputLock}.
 */
public final class PeriodFolder {
  private static final Logger LOG = LoggerFactory.getLogger(PeriodFolder.class);

  private final Path outputDir;
  private final String period;
  private final Path staging;

  private PeriodFolder(Path outputDir, String period, Path staging) {
    this.outputDir = outputDir;
    this.period = period;
    this.staging = staging;
  }

  /**
   * Cleans what killed runs left behind (temporary folders, a folder moved aside mid-swap) and
   * opens a fresh staging folder.
   */
  public static PeriodFolder begin(Path outputDir, String period) {
    try {
      recover(outputDir, period);
      Path staging = outputDir.resolve("." + period + ".tmp-" + UUID.randomUUID());
      Files.createDirectories(staging);
      return new PeriodFolder(outputDir, period, staging);
    } catch (IOException e) {
      throw cannotWrite(outputDir, e);
    }
  }

  /** Where the period folder is published. */
  public Path target() {
    return outputDir.resolve(period);
  }

  /** The staging folder, for writers. */
  public Path staging() {
    return staging;
  }

  /** Opens a file inside the staging folder for writing, creating parent folders. */
  public OutputStream create(String relativePath) {
    Path p = staging.resolve(relativePath).normalize();
    if (!p.startsWith(staging)) {
      throw new IllegalArgumentException("path escapes the staging folder: " + relativePath);
    }
    try {
      Files.createDirectories(p.getParent());
      return new java.io.BufferedOutputStream(Files.newOutputStream(p), 1 << 16);
    } catch (IOException e) {
      throw cannotWrite(p, e);
    }
  }

  /**
   * Swaps the staging folder in as the period folder. Linux cannot rename over a non-empty folder,
   * so the old folder is first moved aside; {@link #recover} restores it if the process dies in
   * between.
   */
  public void commit() {
    Path target = target();
    Path aside = outputDir.resolve("." + period + ".old-" + UUID.randomUUID());
    try {
      boolean hadOld = Files.exists(target);
      if (hadOld) {
        move(target, aside);
      }
      move(staging, target);
      if (hadOld) {
        deleteTree(aside);
      }
    } catch (IOException e) {
      throw cannotWrite(target, e);
    }
  }

  /** Removes the staging folder after a failure; the published folder is untouched. */
  public void abandon() {
    try {
      deleteTree(staging);
    } catch (IOException e) {
      LOG.warn("Could not remove {}: {}; the next run removes it.", staging, e.getMessage());
    }
  }

  /**
   * Replaces one file inside an already published folder atomically (write beside, then rename),
   * for selective runs that re-render some patients without touching the others.
   */
  public static void replaceFile(Path publishedDir, String relativePath, byte[] content) {
    Path p = publishedDir.resolve(relativePath).normalize();
    if (!p.startsWith(publishedDir)) {
      throw new IllegalArgumentException("path escapes the period folder: " + relativePath);
    }
    Path tmp = p.resolveSibling("." + p.getFileName() + ".tmp-" + UUID.randomUUID());
    try {
      Files.createDirectories(p.getParent());
      Files.write(tmp, content);
      move(tmp, p);
    } catch (IOException e) {
      try {
        Files.deleteIfExists(tmp);
      } catch (IOException ignored) {
        // best effort
      }
      throw cannotWrite(p, e);
    }
  }

  static void recover(Path outputDir, String period) throws IOException {
    if (!Files.isDirectory(outputDir)) {
      return;
    }
    Path target = outputDir.resolve(period);
    List<Path> aside = new ArrayList<>();
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(outputDir, "." + period + ".*")) {
      for (Path p : ds) {
        String name = p.getFileName().toString();
        if (name.startsWith("." + period + ".tmp-")) {
          LOG.info("Removing {} left by an earlier run that did not finish.", p.getFileName());
          deleteTree(p);
        } else if (name.startsWith("." + period + ".old-")) {
          aside.add(p);
        }
      }
    }
    aside.sort(null);
    for (Path p : aside) {
      if (!Files.exists(target)) {
        LOG.warn("Restoring {} from {}: an earlier run stopped mid-swap.", target, p.getFileName());
        move(p, target);
      } else {
        deleteTree(p);
      }
    }
    // Stray per-file temporaries of an interrupted selective run.
    Path patients = target.resolve("patients");
    if (Files.isDirectory(patients)) {
      try (DirectoryStream<Path> ds = Files.newDirectoryStream(patients, ".*.tmp-*")) {
        for (Path p : ds) {
          Files.deleteIfExists(p);
        }
      }
    }
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    Files.walkFileTree(
        root,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
              throws IOException {
            Files.delete(file);
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
            if (exc != null) {
              throw exc;
            }
            Files.delete(dir);
            return FileVisitResult.CONTINUE;
          }
        });
  }

  static JobFailure cannotWrite(Path where, Exception e) {
    String detail = e instanceof UncheckedIOException u ? u.getCause().toString() : e.toString();
    return new JobFailure(
        ExitCode.CANNOT_WRITE,
        "Cannot write "
            + where
            + " ("
            + detail
            + "); check free space and permissions of the output folder.",
        e);
  }
}
