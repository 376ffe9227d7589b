package org.recoveryreview;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.recoveryreview.model.ProgramReview;
import org.recoveryreview.model.RequestedPeriod;
import org.recoveryreview.model.RunStats;
import org.recoveryreview.publish.PeriodFolder;
import org.recoveryreview.publish.StopGuard;
import org.recoveryreview.report.RenderOutcome;

/**
 * Mode: a whole month (neither {@code --patient} nor {@code --shard}): under the output lock,
 * reviews every patient in review and publishes the period folder atomically.
 */
final class FullRun {
  private final JobExecution execution;

  FullRun(JobExecution execution) {
    this.execution = execution;
  }

  JobResult execute(RequestedPeriod requested) {
    return execution.reviewUnderLock(
        requested, (reviewed, render, guard) -> publish(execution, reviewed, render, guard));
  }

  /**
   * Renders every document of the month into a staging period folder and swaps it in; also how a
   * {@code --patient} run publishes a month that has no folder yet. Returns the pages written.
   */
  static int publish(
      JobExecution execution, Reviewed reviewed, RenderStep render, StopGuard guard) {
    ProgramReview program = reviewed.program().orElseThrow();
    PeriodPublishStep step = new PeriodPublishStep(execution, reviewed, render);
    PeriodFolder folder = step.begin(guard);
    try {
      long t = RunStats.Counter.start();
      List<RenderOutcome> outcomes = render.reviews(reviewed.patients(), folder);
      // The reviews alone, a part of "render" (which adds handouts, bundles and the summary), so
      // that review throughput stays comparable across releases (bench/run).
      execution.stats().time(RunStats.Stage.REVIEWS, t);
      List<String> warnings = new ArrayList<>();
      outcomes.forEach(o -> warnings.addAll(o.glyphWarnings()));
      int pages = outcomes.stream().mapToInt(RenderOutcome::pages).sum();
      return step.finish(
          program,
          folder,
          warnings,
          pages,
          t,
          Optional.of(() -> render.documents().writeHandouts(reviewed.patients(), folder)));
    } finally {
      folder.abandon();
    }
  }
}
