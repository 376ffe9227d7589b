package org.recoveryreview;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;
import org.recoveryreview.model.Dataset;
import org.recoveryreview.model.ExitCode;
import org.recoveryreview.model.InputFile;
import org.recoveryreview.model.RequestedPeriod;
import org.recoveryreview.model.RunStats;
import org.recoveryreview.publish.FileOps;
import org.recoveryreview.publish.OutputLock;
import org.recoveryreview.publish.Publisher;
import org.recoveryreview.publish.RunInfo;
import org.recoveryreview.publish.StopGuard;
import org.recoveryreview.report.ReportRenderer;
import org.recoveryreview.shard.ShardFolders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One execution of the job, shared by the steps of its mode: what it was asked, its clock, progress
 * listener and file operations, when it started, and the timings and counts its steps record.
 */
final class JobExecution {
  private static final Logger LOG = LoggerFactory.getLogger(JobExecution.class);

  private final JobOptions options;
  private final Clock clock;
  private final ProgressListener progress;
  private final FileOps files;
  private final Instant started;
  private final long startNanos;
  private final RunStats.Counter stats = new RunStats.Counter();

  JobExecution(JobOptions options, Clock clock, ProgressListener progress, FileOps files) {
    this.options = options;
    this.clock = clock;
    this.progress = progress;
    this.files = files;
    this.started = clock.instant();
    this.startNanos = System.nanoTime();
  }

  JobOptions options() {
    return options;
  }

  Clock clock() {
    return clock;
  }

  ProgressListener progress() {
    return progress;
  }

  /** The publish stage for the output folder. */
  Publisher publisher() {
    return new Publisher(options.output(), files);
  }

  RunStats.Counter stats() {
    return stats;
  }

  /**
   * Finishes or undoes what an earlier run killed mid-swap left, before any input is read, so even
   * a run that then fails (bad input, a missing export) puts a month taken away back in place. Only
   * the folders this run's lock covers: the period folders, or this shard's folders.
   */
  void recoverEarlierRuns() {
    Predicate<String> mine =
        options
            .shard()
            .<Predicate<String>>map(s -> label -> label.endsWith("." + s.label()))
            .orElse(label -> label.indexOf('.') < 0);
    publisher().recoverAll(mine);
  }

  /** What the manifest records about this run. */
  RunInfo runInfo(Reviewed r, int patientsReported, int pages) {
    return new RunInfo(
        ReviewJob.version(),
        r.period(),
        started,
        clock.instant(),
        r.input().toString(),
        options.settings(),
        r.data().inputFiles(),
        options.patients(),
        patientsReported,
        pages,
        stats.snapshot(),
        options.jobs(),
        ExitCode.OK.code());
  }

  /** Counts what was published, logs the closing line and returns the result. */
  JobResult finished(Reviewed r, ReportRenderer renderer, int pages) {
    renderer.unprintableWarning().ifPresent(LOG::warn);
    String label = r.period().label();
    Path folder =
        options
            .output()
            .resolve(options.shard().map(s -> ShardFolders.name(label, s)).orElse(label));
    stats.rows(r.data().rowsRead() - setAside(r.data()), setAside(r.data()));
    stats.output(r.patients().size(), pages);
    RunStats done = stats.snapshot();
    JobResult result = JobResult.of(folder, done, seconds(startNanos));
    LOG.info(
        "Published {}: {} patients, {} pages, {} rows used, {} set aside, in {} s ({}).",
        result.folder(),
        result.patients(),
        result.pages(),
        result.rowsUsed(),
        result.rowsSetAside(),
        String.format(Locale.ROOT, "%.1f", result.totalSeconds()),
        done.stageText());
    return result;
  }

  /** How a mode puts a reviewed month into the output folder; returns the pages written. */
  interface Publishing {
    int publish(Reviewed reviewed, RenderStep render, StopGuard guard);
  }

  /**
   * The steps a whole-month or {@code --patient} run shares: under the output lock, finishes what
   * an earlier run left, analyses, then lets {@code publishing} render and publish the month.
   */
  JobResult reviewUnderLock(RequestedPeriod requested, Publishing publishing) {
    try (OutputLock lock = publisher().lock(holder());
        StopGuard guard = Publisher.installStopGuard()) {
      recoverEarlierRuns();
      // The ingested rows are reachable only inside the analysis step, so they can be collected
      // before rendering starts (peak memory is measured by bench/run).
      Reviewed reviewed = new AnalyseStep(this).analyse(requested);
      RenderStep render = new RenderStep(this, reviewed.context());
      publisher().recover(reviewed.period().label());
      int pages = publishing.publish(reviewed, render, guard);
      return finished(reviewed, render.renderer(), pages);
    }
  }

  /** Who holds the lock, for the message of a run refused it. */
  String holder() {
    return "pid " + RunProcess.pid() + " on " + hostName() + ", output " + options.output();
  }

  static long setAside(Dataset data) {
    return data.inputFiles().stream().mapToLong(InputFile::setAside).sum();
  }

  static double seconds(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e9;
  }

  private static String hostName() {
    String name = ManagementFactory.getRuntimeMXBean().getName();
    int at = name.indexOf('@');
    return at >= 0
        ? name.substring(at + 1)
        : Optional.ofNullable(System.getenv("HOSTNAME")).orElse("this host");
  }
}
