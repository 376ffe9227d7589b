package org.recoveryreview;

import org.recoveryreview.model.RequestedPeriod;
import org.recoveryreview.model.RunStats;
import org.recoveryreview.publish.SelectiveUpdate;
import org.recoveryreview.publish.StopGuard;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Mode: a {@code --patient} run. Inside a published month the month is staged, the selected
 * patients' reviews and handouts and their therapists' bundles are replaced in the staging copy,
 * and the month is swapped in whole, so a failure leaves it exactly as it was; a month not yet
 * published is published like a full run of the selected patients.
 */
final class SelectiveRun {
  private static final Logger LOG = LoggerFactory.getLogger(SelectiveRun.class);

  private final JobExecution execution;

  SelectiveRun(JobExecution execution) {
    this.execution = execution;
  }

  JobResult execute(RequestedPeriod requested) {
    return execution.reviewUnderLock(
        requested,
        (reviewed, render, guard) ->
            execution.publisher().published(reviewed.period().label())
                ? replace(reviewed, render, guard)
                : FullRun.publish(execution, reviewed, render, guard));
  }

  /** Replaces the selected patients' documents inside the published month; returns the pages. */
  private int replace(Reviewed reviewed, RenderStep render, StopGuard guard) {
    SelectiveUpdate update = execution.publisher().openPublished(reviewed.period().label());
    guard.watch(update);
    try {
      RunStats.Counter stats = execution.stats();
      long t = RunStats.Counter.start();
      int pages = render.replaceReviews(reviewed.patients(), update);
      pages +=
          render.documents().replaceSelected(reviewed.patients(), reviewed.caseloads(), update);
      stats.time(RunStats.Stage.RENDER, t);
      t = RunStats.Counter.start();
      // Recorded before the manifest so that it lists a publish stage, as a full run's does.
      stats.time(RunStats.Stage.PUBLISH, t);
      // The manifest counts the reviews the month holds, not the length of the --patient list.
      update.writeManifest(execution.runInfo(reviewed, update.patientReports(), pages));
      update.commit();
      stats.time(RunStats.Stage.PUBLISH, t);
      LOG.info(
          "Selective run: re-rendered {} patient reports in {}; other files left as they were.",
          reviewed.patients().size(),
          update.folder());
      return pages;
    } finally {
      update.abandon();
    }
  }
}
