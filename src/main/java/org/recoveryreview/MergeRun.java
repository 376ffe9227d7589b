package org.recoveryreview;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import org.recoveryreview.analysis.Analyzer;
import org.recoveryreview.analysis.Periods;
import org.recoveryreview.model.Coverage;
import org.recoveryreview.model.Dataset;
import org.recoveryreview.model.PatientReview;
import org.recoveryreview.model.ProgramReview;
import org.recoveryreview.model.RequestedPeriod;
import org.recoveryreview.model.ReviewPeriod;
import org.recoveryreview.model.RunStats;
import org.recoveryreview.publish.OutputLock;
import org.recoveryreview.publish.PeriodFolder;
import org.recoveryreview.publish.Publisher;
import org.recoveryreview.publish.StopGuard;
import org.recoveryreview.report.ReportRenderer;
import org.recoveryreview.shard.PartialResults;
import org.recoveryreview.shard.ShardConsistency;
import org.recoveryreview.shard.ShardFolders;
import org.recoveryreview.shard.ShardMerge;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Mode: {@code merge}. Merges the shard folders of a partitioned run into the period folder without
 * reading the input: checks they are complete and of one run, sums their partial results into the
 * programme view exactly as a single run computes it, copies each patient's review and handout from
 * its shard after checking its hash, and renders only the programme summary and the therapist
 * bundles.
 */
final class MergeRun {
  private static final Logger LOG = LoggerFactory.getLogger(MergeRun.class);

  private final JobExecution execution;
  private final Path shardsDir;

  MergeRun(JobExecution execution, Path shardsDir) {
    this.execution = execution;
    this.shardsDir = shardsDir;
  }

  /** {@code input} is not read (the shards' input hashes stand for it). */
  JobResult execute(Optional<Path> input) {
    JobOptions options = execution.options();
    RequestedPeriod requested = Periods.parse(options.period(), LocalDate.now(execution.clock()));
    // "latest" is the month the shards reviewed (they resolved it from the same input).
    ReviewPeriod period =
        requested
            .month()
            .orElseGet(() -> new ReviewPeriod(YearMonth.parse(ShardFolders.onlyPeriod(shardsDir))));
    input.ifPresent(
        in ->
            LOG.info("The merge does not read {}: the shards' partial results stand for it.", in));
    try (OutputLock lock = execution.publisher().lock(execution.holder());
        ShardFolders.MergeLocks shardLocks =
            ShardFolders.lockForMerge(shardsDir, period.label(), execution.holder());
        StopGuard guard = Publisher.installStopGuard()) {
      execution.recoverEarlierRuns();
      List<ShardFolders.Info> shards = ShardFolders.complete(shardsDir, period.label());
      ShardConsistency.requireOneDataAsOf(shards);
      Reviewed reviewed = summed(shards, period);
      RenderStep render = new RenderStep(execution, reviewed.context());
      execution.publisher().recover(period.label());
      int pages = publish(reviewed, render, shards, guard);
      return execution.finished(reviewed, render.renderer(), pages);
    }
  }

  /** Reads and sums the shards' partial results and computes the programme view from them. */
  private Reviewed summed(List<ShardFolders.Info> shards, ReviewPeriod period) {
    // Tablesaw's and the report libraries' one-time start-ups run while the partial results are
    // read.
    Analyzer.warmUp();
    ReportRenderer.startUp(execution.options().settings().report());
    RunStats.Counter stats = execution.stats();
    long t = RunStats.Counter.start();
    PartialResults.Merged merged = PartialResults.read(shards);
    ShardConsistency.requireSameRun(
        shards,
        merged.inputFiles(),
        Publisher.settingsSha256(execution.options().settings()),
        ReviewJob.version());
    stats.time(RunStats.Stage.PARTIALS, t);
    t = RunStats.Counter.start();
    ProgramReview program =
        Analyzer.program(period, merged.parts(), merged.inputFiles(), merged.issues());
    stats.time(RunStats.Stage.ANALYSIS, t);
    LOG.info(
        "Period {}: {} patients in review, from {} shards.",
        period.label(),
        program.headline().patientsInReview(),
        shards.size());
    List<PatientReview> patients =
        merged.parts().inReview().stream().map(m -> ShardMerge.review(m, period)).toList();
    Dataset accounting =
        new Dataset(
            List.of(),
            List.of(),
            List.of(),
            merged.inputFiles(),
            merged.issues(),
            List.of(),
            Coverage.none());
    LocalDate dataAsOf = shards.get(0).dataAsOf();
    return new Reviewed(
        Path.of(shards.get(0).inputDir()),
        accounting,
        period,
        patients,
        Optional.of(program),
        patients,
        merged.parts(),
        AnalyseStep.context(period, dataAsOf, execution.options().settings()));
  }

  /**
   * The merge's period folder: each patient's review and handout from their shard (checked against
   * the shard's manifest), then everything a single run renders from all patients.
   */
  private int publish(
      Reviewed reviewed, RenderStep render, List<ShardFolders.Info> shards, StopGuard guard) {
    ProgramReview program = reviewed.program().orElseThrow();
    PeriodPublishStep step = new PeriodPublishStep(execution, reviewed, render);
    PeriodFolder folder = step.begin(guard);
    try {
      long t = RunStats.Counter.start();
      ShardMerge merge = new ShardMerge(shards);
      merge.requireSamePatients(reviewed.patients());
      for (PatientReview review : reviewed.patients()) {
        merge.copyPatient(review.metrics().patientId(), folder);
      }
      execution.stats().time(RunStats.Stage.COPY, t);
      t = RunStats.Counter.start();
      return step.finish(
          program,
          folder,
          merge.warnings(reviewed.patients()),
          merge.pages(),
          t,
          // The handouts came with the shards' reviews (COPY).
          Optional.empty());
    } finally {
      folder.abandon();
    }
  }
}
