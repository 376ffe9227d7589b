package org.recoveryreview.publish;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.UUID;
import java.util.stream.Stream;
import org.recoveryreview.model.ExitCode;
import org.recoveryreview.model.JobFailure;

/**
 * Replaces some patients' PDFs and the manifest inside an already published period folder, each
 * file atomically (written beside, then renamed over). It refuses a folder that is, or holds, a
 * symbolic link, so a {@code --patient} run never writes outside the output folder.
 */
public final class SelectiveUpdate implements StopGuard.Stoppable {
  private final FileOps ops;
  private final Path folder;
  private volatile int replaced;

  private SelectiveUpdate(FileOps ops, Path folder) {
    this.ops = ops;
    this.folder = folder;
  }

  /** True when {@code <output>/<period>} exists in any form (folder, file or link). */
  public static boolean published(Path outputDir, String period) {
    return Files.exists(outputDir.resolve(period), LinkOption.NOFOLLOW_LINKS);
  }

  /** Opens {@code <output>/<period>} for a selective run; exit 73 if it is not a plain folder. */
  public static SelectiveUpdate open(Path outputDir, String period, FileOps ops) {
    Path folder = outputDir.resolve(period);
    Path link = firstLink(folder);
    if (link != null) {
      throw new JobFailure(
          ExitCode.CANNOT_WRITE,
          "Refusing to update "
              + folder
              + " for --patient: "
              + link
              + " is a symbolic link, and a --patient run writes only inside "
              + outputDir
              + "; replace the link by a real folder, or run the whole month without --patient"
              + " (which publishes a new folder in place of the link).");
    }
    if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
      throw WriteFailure.of(folder, new java.nio.file.NotDirectoryException(folder.toString()));
    }
    return new SelectiveUpdate(ops, folder);
  }

  private static Path firstLink(Path folder) {
    if (Files.isSymbolicLink(folder)) {
      return folder;
    }
    if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
      return null;
    }
    try (Stream<Path> walk = Files.walk(folder)) {
      return walk.filter(Files::isSymbolicLink).findFirst().orElse(null);
    } catch (IOException | java.io.UncheckedIOException e) {
      throw WriteFailure.of(folder, e);
    }
  }

  /** The period folder being updated. */
  public Path folder() {
    return folder;
  }

  /** Replaces one file (relative to the period folder) with {@code content}. */
  public void replace(String relativePath, byte[] content) {
    Path p = folder.resolve(relativePath).normalize();
    if (!p.startsWith(folder) || p.equals(folder)) {
      throw new IllegalArgumentException("path escapes the period folder: " + relativePath);
    }
    Path tmp = p.resolveSibling("." + p.getFileName() + ".tmp-" + UUID.randomUUID());
    try {
      ops.createDirectories(p.getParent());
      try (OutputStream out = ops.create(tmp)) {
        out.write(content);
      }
      ops.move(tmp, p);
      replaced++;
    } catch (IOException e) {
      deleteQuietly(tmp);
      throw WriteFailure.of(p, e);
    }
  }

  /** Rewrites {@code manifest.json} for the files now in the folder. */
  public void writeManifest(RunInfo run) {
    try {
      Manifest.write(run, folder, ops);
    } catch (IOException e) {
      throw WriteFailure.of(folder.resolve(Manifest.FILE_NAME), e);
    }
  }

  private void deleteQuietly(Path tmp) {
    try {
      if (Files.exists(tmp, LinkOption.NOFOLLOW_LINKS)) {
        ops.delete(tmp);
      }
    } catch (IOException ignored) {
      // The next run removes stray temporaries.
    }
  }

  @Override
  public String stop() {
    int n = replaced;
    return n == 0
        ? "stopped; published reports unchanged."
        : "stopped; "
            + n
            + " patient reports in "
            + folder
            + " were already replaced and manifest.json not yet updated; run the same command"
            + " again to finish.";
  }
}
