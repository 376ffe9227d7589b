package org.recoveryreview;

import java.util.List;
import java.util.Optional;
import java.util.function.IntSupplier;
import org.recoveryreview.model.PatientMetrics;
import org.recoveryreview.model.PatientReview;
import org.recoveryreview.model.ProgramReview;
import org.recoveryreview.model.RunStats;
import org.recoveryreview.publish.PeriodFolder;
import org.recoveryreview.publish.Publisher;
import org.recoveryreview.publish.StopGuard;

/**
 * Step: stages a period folder and publishes it once it holds the reviews: the programme summary,
 * handouts, therapist bundles, CSVs and manifest, then the atomic swap. Shared by a full run and a
 * merge, which differ only in how the reviews get into the folder.
 */
final class PeriodPublishStep {
  private final JobExecution execution;
  private final Reviewed reviewed;
  private final RenderStep render;

  PeriodPublishStep(JobExecution execution, Reviewed reviewed, RenderStep render) {
    this.execution = execution;
    this.reviewed = reviewed;
    this.render = render;
  }

  /** Opens the staging folder of the period after the guard against publishing too few. */
  PeriodFolder begin(StopGuard guard) {
    Publisher publisher = execution.publisher();
    publisher.requireEnoughPatients(
        reviewed.period(),
        reviewed.patients().size(),
        execution.options().settings().publish().allowFewerPatients());
    PeriodFolder folder = publisher.begin(reviewed.period().label());
    guard.watch(folder);
    return folder;
  }

  /**
   * Writes what a period folder holds besides the reviews and handouts (programme summary, bundles,
   * CSVs, manifest) and publishes it; {@code pages} counts the documents already staged, {@code
   * handouts} writes the handouts (after the summary, the order of a single run) and counts pages,
   * and is empty when they are already in the folder (a merge copies them from the shards).
   */
  int finish(
      ProgramReview program,
      PeriodFolder folder,
      List<String> warnings,
      int pages,
      long renderStart,
      Optional<IntSupplier> handouts) {
    RunStats.Counter stats = execution.stats();
    int total = pages + render.program(program, warnings, folder);
    long t;
    if (handouts.isPresent()) {
      t = RunStats.Counter.start();
      total += handouts.get().getAsInt();
      stats.time(RunStats.Stage.HANDOUTS, t);
    }
    t = RunStats.Counter.start();
    total += render.documents().writeBundles(reviewed.patients(), folder);
    stats.time(RunStats.Stage.BUNDLES, t);
    stats.time(RunStats.Stage.RENDER, renderStart);

    t = RunStats.Counter.start();
    List<PatientMetrics> metrics =
        reviewed.patients().stream().map(PatientReview::metrics).toList();
    Publisher.writePatientMetrics(folder, metrics);
    Publisher.writeProgramMetrics(folder, program);
    Publisher.writeDataIssues(folder, reviewed.data().issues());
    // The manifest records the publish time up to here; the swap itself takes milliseconds.
    stats.time(RunStats.Stage.PUBLISH, t);
    folder.writeManifest(execution.runInfo(reviewed, reviewed.patients().size(), total));
    folder.commit();
    stats.time(RunStats.Stage.PUBLISH, t);
    return total;
  }
}
