package org.recoveryreview.publish;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;
import org.recoveryreview.model.ExitCode;
import org.recoveryreview.model.JobFailure;

/**
 * Replaces some patients' PDFs and the manifest of an already published period folder, all at once:
 * the folder is staged (hard links to the published files), the changed files are replaced in the
 * staging folder, and the whole month is swapped in like a full run's, so a failure or a kill
 * leaves the published month exactly as it was. It refuses a folder that is, or holds, a symbolic
 * link, so a {@code --patient} run never reads or writes outside the output folder.
 */
public final class SelectiveUpdate implements StopGuard.Stoppable {
  private final Path folder;
  private final PeriodFolder staged;

  private SelectiveUpdate(Path folder, PeriodFolder staged) {
    this.folder = folder;
    this.staged = staged;
  }

  /** True when {@code <output>/<period>} exists in any form (folder, file or link). */
  static boolean published(Path outputDir, String period) {
    return Files.exists(outputDir.resolve(period), LinkOption.NOFOLLOW_LINKS);
  }

  /** Opens {@code <output>/<period>} for a selective run; exit 73 if it is not a plain folder. */
  static SelectiveUpdate open(Path outputDir, String period, FileOps ops) {
    Path folder = outputDir.resolve(period);
    Optional<Path> link = firstLink(folder);
    if (link.isPresent()) {
      throw new JobFailure(
          ExitCode.CANNOT_WRITE,
          "Refusing to update "
              + folder
              + " for --patient: "
              + link.get()
              + " is a symbolic link, and a --patient run writes only inside "
              + outputDir
              + "; replace the link by a real folder, or run the whole month without --patient"
              + " (which publishes a new folder in place of the link).");
    }
    if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
      throw WriteFailure.of(folder, new NotDirectoryException(folder.toString()));
    }
    PeriodFolder staged = PeriodFolder.begin(outputDir, period, ops);
    try {
      staged.stageCopyOf(folder);
    } catch (RuntimeException | Error e) {
      staged.abandon();
      throw e;
    }
    return new SelectiveUpdate(folder, staged);
  }

  private static Optional<Path> firstLink(Path folder) {
    if (Files.isSymbolicLink(folder)) {
      return Optional.of(folder);
    }
    if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
      return Optional.empty();
    }
    try (Stream<Path> walk = Files.walk(folder)) {
      return walk.filter(Files::isSymbolicLink).findFirst();
    } catch (IOException | UncheckedIOException e) {
      throw WriteFailure.of(folder, e);
    }
  }

  /** The period folder being updated. */
  public Path folder() {
    return folder;
  }

  /** The staging copy, whose patients/ holds the new reviews as soon as they are replaced. */
  public Path staging() {
    return staged.staging();
  }

  /**
   * Replaces one file (relative to the period folder) with {@code content}, in the staging copy.
   */
  public void replace(String relativePath, byte[] content) {
    staged.replace(relativePath, content);
  }

  /** Writes {@code manifest.json} for the files now staged. */
  public void writeManifest(RunInfo run) {
    staged.writeManifest(run);
  }

  /** Patient reviews the updated month holds (its {@code patients/} PDFs). */
  public int patientReports() {
    return PublishGuard.patientReports(staged.staging());
  }

  /** Swaps the updated month in; after this the change is published. */
  public void commit() {
    staged.commit();
  }

  /** Removes the staging copy after a failure; the published month is untouched. */
  public void abandon() {
    staged.abandon();
  }

  @Override
  public String stop() {
    return staged.stop();
  }

  @Override
  public boolean published() {
    return staged.published();
  }
}
