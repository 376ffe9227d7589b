package org.recoveryreview.publish;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.recoveryreview.model.DataIssue;
import org.recoveryreview.model.Dataset;
import org.recoveryreview.model.PatientMetrics;
import org.recoveryreview.model.ProgramReview;
import org.recoveryreview.model.PublishSettings;
import org.recoveryreview.model.ReviewPeriod;
import org.recoveryreview.model.Settings;

/**
 * The publish stage's one entry point, for one output folder: its locks, the recovery of what an
 * interrupted run left, staging folders swapped in atomically ({@link PeriodFolder}, {@link
 * SelectiveUpdate}), the guards against publishing a month that looks incomplete, the CSVs, the
 * manifest and the names of the files in a period folder. Everything else in the package is
 * package-private.
 */
public final class Publisher {
  /** The programme summary's name in a period folder. */
  public static final String PROGRAM_SUMMARY = OutputPaths.PROGRAM_SUMMARY;

  /** The folder of the patients' reviews in a period folder. */
  public static final String PATIENTS_DIR = OutputPaths.PATIENTS_DIR;

  private final Path outputDir;
  private final FileOps files;

  /** Publishes below {@code outputDir}, every file system change going through {@code files}. */
  public Publisher(Path outputDir, FileOps files) {
    this.outputDir = outputDir;
    this.files = files;
  }

  /** The operating system's file operations, with or without the flush before each swap. */
  public static FileOps systemFiles(PublishSettings settings) {
    return FileOps.system(settings);
  }

  /** The output folder's lock, held for a whole run; exit 75 naming the holder when taken. */
  public OutputLock lock(String holder) {
    return OutputLock.acquire(outputDir, holder);
  }

  /** The lock of one shard folder in the output folder, so shards of one run run side by side. */
  public OutputLock lockShard(String shardFolder, String holder) {
    return OutputLock.acquireShard(outputDir, shardFolder, holder);
  }

  /** Takes an existing shard folder's lock for a merge; exit 75 while the shard is written. */
  public static OutputLock lockShardForMerge(Path shardsDir, String shardFolder, String holder) {
    return OutputLock.acquireForMerge(shardsDir, shardFolder, holder);
  }

  /** Installs the guard that undoes a staged write when a signal stops the JVM. */
  public static StopGuard installStopGuard() {
    return StopGuard.install();
  }

  /** True once a run installed its stop guard, which then logs what a signal stopped. */
  public static boolean stopGuardInstalled() {
    return StopGuard.installedOnce();
  }

  /** True while a signal is stopping the JVM mid-run. */
  public static boolean stopping() {
    return StopGuard.stopping();
  }

  /** Finishes or undoes the swaps an earlier run left of every folder {@code mine} accepts. */
  public void recoverAll(Predicate<String> mine) {
    PeriodFolder.recoverAll(outputDir, mine, files);
  }

  /** Finishes or undoes a swap an earlier run left of the folder {@code label}. */
  public void recover(String label) {
    PeriodFolder.recover(outputDir, label, files);
  }

  /** Opens a fresh staging folder for the folder {@code label} (call {@link #recover} first). */
  public PeriodFolder begin(String label) {
    return PeriodFolder.begin(outputDir, label, files);
  }

  /** True when the month {@code period} is published, so a {@code --patient} run updates it. */
  public boolean published(String period) {
    return SelectiveUpdate.published(outputDir, period);
  }

  /** Stages a copy of the published month {@code period} for a {@code --patient} run. */
  public SelectiveUpdate openPublished(String period) {
    return SelectiveUpdate.open(outputDir, period, files);
  }

  /**
   * Refuses (exit 65) to replace a published month with fewer than half its patients unless {@code
   * allowFewer}.
   */
  public void requireEnoughPatients(ReviewPeriod period, int patients, boolean allowFewer) {
    PublishGuard.requireEnoughPatients(outputDir, period, patients, allowFewer);
  }

  /** Refuses (exit 65) a period with no session and no assessment in the input. */
  public static void requireData(ReviewPeriod period, Dataset data, Path input) {
    PublishGuard.requireData(period, data, input);
  }

  /** Refuses (exit 65) a month whose sessions export looks missing, unless {@code allowed}. */
  public static void requireSessions(
      ReviewPeriod period, Dataset data, Path input, boolean allowed) {
    SessionGuard.requireSessions(period, data, input, allowed);
  }

  /**
   * For {@code --period latest}: refuses (exit 65) a latest month followed by a month that has
   * assessments but whose sessions export looks missing, unless {@code allowed}.
   */
  public static void requireLatestIsLast(
      ReviewPeriod period, Dataset data, Path input, boolean allowed) {
    SessionGuard.requireLatestIsLast(period, data, input, allowed);
  }

  /** Writes {@code patient-metrics.csv} into {@code folder}. */
  public static void writePatientMetrics(PeriodFolder folder, List<PatientMetrics> metrics) {
    folder.write(OutputPaths.PATIENT_METRICS, out -> CsvOutputs.writePatientMetrics(metrics, out));
  }

  /** Writes {@code program-metrics.csv} into {@code folder}. */
  public static void writeProgramMetrics(PeriodFolder folder, ProgramReview program) {
    folder.write(OutputPaths.PROGRAM_METRICS, out -> CsvOutputs.writeProgramMetrics(program, out));
  }

  /** Writes {@code data-issues.csv} into {@code folder}. */
  public static void writeDataIssues(PeriodFolder folder, List<DataIssue> issues) {
    folder.write(OutputPaths.DATA_ISSUES, out -> CsvOutputs.writeDataIssues(issues, out));
  }

  /** The SHA-256 of the settings as the manifest records them. */
  public static String settingsSha256(Settings settings) {
    return Manifest.settingsSha256(settings);
  }

  /** The SHA-256 of each output file by relative path, as the manifest in {@code folder} lists. */
  public static Map<String, String> outputHashes(Path folder) throws IOException {
    return Manifest.outputHashes(folder);
  }

  /** The patient's review relative to the period folder, e.g. {@code patients/P0042.pdf}. */
  public static String patientPdf(String patientId) {
    return OutputPaths.patientPdf(patientId);
  }

  /** The patient's family handout relative to the period folder. */
  public static String handoutPdf(String patientId) {
    return OutputPaths.handoutPdf(patientId);
  }

  /** The therapist's bundle relative to the period folder. */
  public static String bundlePdf(String therapist) {
    return OutputPaths.bundlePdf(therapist);
  }
}
