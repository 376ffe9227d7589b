package org.recoveryreview;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.recoveryreview.model.DataIssue;
import org.recoveryreview.model.PatientMetrics;
import org.recoveryreview.model.PatientReview;
import org.recoveryreview.model.RequestedPeriod;
import org.recoveryreview.model.ReviewPeriod;
import org.recoveryreview.model.RunStats;
import org.recoveryreview.publish.OutputLock;
import org.recoveryreview.publish.PeriodFolder;
import org.recoveryreview.publish.Publisher;
import org.recoveryreview.publish.StopGuard;
import org.recoveryreview.report.RenderOutcome;
import org.recoveryreview.shard.PartialResults;
import org.recoveryreview.shard.Shard;
import org.recoveryreview.shard.ShardFolders;

/**
 * Mode: {@code run --shard i/N}. Under its own shard folder's lock (shards of one run share the
 * output folder and run side by side), reviews the patients the shard owns and publishes {@code
 * <period>.shard-i-of-N}: their reviews and handouts, their rows of patient-metrics.csv, the rows
 * set aside that it lists ({@link Shard#lists}), its partial results for the merge, {@code
 * shard.json} and the manifest, atomically like a period folder.
 */
final class ShardRun {
  private final JobExecution execution;
  private final Shard shard;

  ShardRun(JobExecution execution, Shard shard) {
    this.execution = execution;
    this.shard = shard;
  }

  /** The lock is taken before reading when the month is known, else once it is resolved. */
  JobResult execute(RequestedPeriod requested) {
    Optional<ReviewPeriod> month = requested.month();
    if (month.isPresent()) {
      try (OutputLock lock = lock(month.get());
          StopGuard guard = Publisher.installStopGuard()) {
        execution.recoverEarlierRuns();
        Reviewed reviewed = new AnalyseStep(execution).analyse(requested);
        RenderStep render = new RenderStep(execution, reviewed.context());
        return execution.finished(reviewed, render.renderer(), publish(reviewed, render, guard));
      }
    }
    try (StopGuard guard = Publisher.installStopGuard()) {
      Reviewed reviewed = new AnalyseStep(execution).analyse(requested);
      RenderStep render = new RenderStep(execution, reviewed.context());
      try (OutputLock lock = lock(reviewed.period())) {
        execution.recoverEarlierRuns();
        return execution.finished(reviewed, render.renderer(), publish(reviewed, render, guard));
      }
    }
  }

  private OutputLock lock(ReviewPeriod period) {
    return execution
        .publisher()
        .lockShard(ShardFolders.name(period.label(), shard), execution.holder());
  }

  /** Renders the shard's documents into its staging folder and swaps it in; returns the pages. */
  private int publish(Reviewed reviewed, RenderStep render, StopGuard guard) {
    String label = ShardFolders.name(reviewed.period().label(), shard);
    execution.publisher().recover(label);
    PeriodFolder folder = execution.publisher().begin(label);
    guard.watch(folder);
    try {
      long t = RunStats.Counter.start();
      List<RenderOutcome> outcomes = render.reviews(reviewed.patients(), folder);
      int pages = outcomes.stream().mapToInt(RenderOutcome::pages).sum();
      pages += render.documents().writeHandouts(reviewed.patients(), folder);
      execution.stats().time(RunStats.Stage.RENDER, t);
      t = RunStats.Counter.start();
      writeParts(reviewed, outcomes, pages, folder);
      execution.stats().time(RunStats.Stage.PUBLISH, t);
      folder.writeManifest(execution.runInfo(reviewed, reviewed.patients().size(), pages));
      folder.commit();
      execution.stats().time(RunStats.Stage.PUBLISH, t);
      return pages;
    } finally {
      folder.abandon();
    }
  }

  /** The shard's CSV rows, its partial results and {@code shard.json}, which lists them. */
  private void writeParts(
      Reviewed reviewed, List<RenderOutcome> outcomes, int pages, PeriodFolder folder) {
    List<ShardFolders.PatientPart> parts = new ArrayList<>();
    for (int i = 0; i < outcomes.size(); i++) {
      parts.add(
          new ShardFolders.PatientPart(
              reviewed.patients().get(i).metrics().patientId(), outcomes.get(i).glyphWarnings()));
    }
    ShardFolders.Info info =
        new ShardFolders.Info(
            ReviewJob.version(),
            reviewed.period().label(),
            reviewed.context().dataAsOf(),
            shard,
            Publisher.settingsSha256(execution.options().settings()),
            reviewed.input().toString(),
            ShardFolders.inputsOf(reviewed.data().inputFiles()),
            parts,
            pages,
            folder.target());
    List<PatientMetrics> metrics =
        reviewed.patients().stream().map(PatientReview::metrics).toList();
    Publisher.writePatientMetrics(folder, metrics);
    List<DataIssue> owned = reviewed.data().issues().stream().filter(shard::lists).toList();
    Publisher.writeDataIssues(folder, owned);
    Map<String, String> partials =
        PartialResults.write(reviewed.parts(), reviewed.data().inputFiles(), owned, folder);
    folder.write(ShardFolders.INFO, out -> ShardFolders.write(info, partials, out));
  }
}
