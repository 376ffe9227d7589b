package org.recoveryreview;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Properties;
import org.recoveryreview.analysis.Periods;
import org.recoveryreview.concurrent.Parallel;
import org.recoveryreview.ingest.Ingestor;
import org.recoveryreview.model.Dataset;
import org.recoveryreview.model.InputOptions;
import org.recoveryreview.model.JobFailure;
import org.recoveryreview.model.ReportSettings;
import org.recoveryreview.model.RequestedPeriod;
import org.recoveryreview.publish.FileOps;
import org.recoveryreview.publish.Publisher;
import org.recoveryreview.report.ReportRenderer;

/**
 * The job: runs one period through the stages (ingest, analysis, report, publish) in one of four
 * modes, each a small class over the shared steps: {@link FullRun}, {@link SelectiveRun} ({@code
 * --patient}), {@link ShardRun} ({@code --shard}) and {@link MergeRun} ({@code merge}).
 */
public final class ReviewJob {
  private final JobOptions options;
  private final Clock clock;
  private final ProgressListener progress;
  private final FileOps files;

  public ReviewJob(JobOptions options, Clock clock, ProgressListener progress) {
    this(options, clock, progress, Publisher.systemFiles(options.settings().publish()));
  }

  /** For tests: every file system change of publishing goes through {@code files}. */
  ReviewJob(JobOptions options, Clock clock, ProgressListener progress, FileOps files) {
    this.options = options;
    this.clock = clock;
    this.progress = progress;
    this.files = files;
  }

  /**
   * Runs the mode the options ask for and returns what was published; failures are {@link
   * JobFailure}s.
   */
  public JobResult run() {
    JobExecution execution = new JobExecution(options, clock, progress, files);
    // Parsed once, before minutes of reading: a malformed --period is a usage error.
    RequestedPeriod requested = Periods.parse(options.period(), LocalDate.now(clock));
    if (options.shard().isPresent()) {
      return new ShardRun(execution, options.shard().get()).execute(requested);
    }
    if (!options.patients().isEmpty()) {
      return new SelectiveRun(execution).execute(requested);
    }
    return new FullRun(execution).execute(requested);
  }

  /**
   * Merges the shard folders of a partitioned run in {@code shardsDir} into the period folder,
   * without reading the input ({@link MergeRun}); {@code input} is not read.
   */
  public JobResult merge(Path shardsDir, Optional<Path> input) {
    return new MergeRun(new JobExecution(options, clock, progress, files), shardsDir)
        .execute(input);
  }

  /** The version written into manifests and printed by {@code --version}. */
  public static String version() {
    try (InputStream in = ReviewJob.class.getResourceAsStream("version.properties")) {
      if (in == null) {
        return "dev";
      }
      Properties p = new Properties();
      p.load(in);
      return p.getProperty("version", "dev");
    } catch (IOException e) {
      return "dev";
    }
  }

  /** True once a run installed its stop guard, which then logs what a signal stopped. */
  public static boolean guarded() {
    return Publisher.stopGuardInstalled();
  }

  /** True while a signal is stopping the JVM mid-run: errors after that point are not news. */
  public static boolean stopping() {
    return Publisher.stopping();
  }

  /** Checks the report settings as a run would use them (fonts loaded), for {@code validate}. */
  public static void checkReportSettings(ReportSettings settings) {
    ReportRenderer.checkFonts(settings);
  }

  /**
   * Reads the input only, for {@code validate}; rows dated after {@code today} are rejected as
   * {@code run} rejects them.
   */
  public static Dataset ingestOnly(Path input, InputOptions options, LocalDate today) {
    return new Ingestor(options, Parallel.defaultThreads(), today).ingest(input);
  }
}
