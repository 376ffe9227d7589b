package org.recoveryreview.publish;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import org.recoveryreview.model.Coverage;
import org.recoveryreview.model.Dataset;
import org.recoveryreview.model.ExitCode;
import org.recoveryreview.model.JobFailure;
import org.recoveryreview.model.ReviewPeriod;

/**
 * Refuses to publish what is obviously incomplete (exit 65): a month with no data at all, or a
 * folder that would replace one holding more than twice as many patients, the signs of an export
 * that did not land or a share that was not mounted.
 */
final class PublishGuard {
  private PublishGuard() {}

  /**
   * Exit 65 when no session and no assessment falls in {@code period}, naming the dates the input
   * does cover.
   */
  public static void requireData(ReviewPeriod period, Dataset data, Path input) {
    Coverage coverage = data.coverage();
    if (coverage.covers(period)) {
      return;
    }
    String covers;
    if (coverage.exactFrom().isPresent()) {
      // A shard knows the other shards' dates from the month's start only.
      covers = "a shard sees the other shards' dates from " + coverage.exactFrom().get() + " on";
    } else if (coverage.first().isEmpty()) {
      covers = "the input holds no session or assessment rows at all";
    } else {
      covers = "the input covers " + coverage.first().get() + " to " + coverage.last().get();
    }
    throw new JobFailure(
        ExitCode.DATA_ERROR,
        "No session or assessment in "
            + input
            + " falls in "
            + period.label()
            + " ("
            + covers
            + "), so nothing was published; check that the month's exports landed (and the share"
            + " is mounted), or choose a --period inside that range.");
  }

  /**
   * Exit 65 when the run would replace {@code <output>/<period>} with reports for fewer than half
   * the patient reviews it holds now (counted in its {@code patients/}), unless allowed.
   */
  public static void requireEnoughPatients(
      Path outputDir, ReviewPeriod period, int patients, boolean allowFewer) {
    Path folder = outputDir.resolve(period.label());
    if (allowFewer || !Files.isDirectory(folder)) {
      return;
    }
    int before = patientReports(folder);
    if ((long) patients * 2 < before) {
      throw new JobFailure(
          ExitCode.DATA_ERROR,
          "Refusing to replace "
              + folder
              + ": it holds reports for "
              + before
              + " patients and this run has "
              + patients
              + " (fewer than half), which looks like a missing export; check the input, or pass"
              + " --allow-fewer-patients (config publish.allow_fewer_patients: true) if the"
              + " programme really shrank.");
    }
  }

  /**
   * The patient reviews {@code folder} really holds: its {@code patients/*.pdf} files. Never the
   * manifest's count, which a {@code --patient} run once rewrote to the size of its list.
   */
  public static int patientReports(Path folder) {
    int n = 0;
    Path patients = folder.resolve(OutputPaths.PATIENTS_DIR);
    if (!Files.isDirectory(patients, LinkOption.NOFOLLOW_LINKS)) {
      return 0;
    }
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(patients, "*.pdf")) {
      for (Path p : ds) {
        if (!p.getFileName().toString().startsWith(".")
            && Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
          n++;
        }
      }
    } catch (IOException e) {
      // Failing closed: a folder that cannot be counted is never taken for an empty one.
      throw new JobFailure(
          ExitCode.CANNOT_WRITE,
          "Cannot count the patient reports in "
              + patients
              + " ("
              + WriteFailure.reason(e)
              + "), so nothing was published; give the user running the job read access to the"
              + " output folder.",
          e);
    }
    return n;
  }
}
