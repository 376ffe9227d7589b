package org.recoveryreview;

import java.io.ByteArrayOutputStream;
import java.util.List;
import org.recoveryreview.concurrent.Parallel;
import org.recoveryreview.model.PatientReview;
import org.recoveryreview.model.ProgramReview;
import org.recoveryreview.publish.PeriodFolder;
import org.recoveryreview.publish.Publisher;
import org.recoveryreview.publish.SelectiveUpdate;
import org.recoveryreview.report.RenderOutcome;
import org.recoveryreview.report.ReportContext;
import org.recoveryreview.report.ReportRenderer;

/**
 * Step: renders a run's documents (reviews, handouts, therapist bundles, the programme summary)
 * with one renderer, whose fonts are loaded when the step is made.
 */
final class RenderStep {
  private final JobExecution execution;
  private final ReportRenderer renderer;
  private final ReportContext context;
  private final FamilyAndTeamDocuments documents;

  RenderStep(JobExecution execution, ReportContext context) {
    this.execution = execution;
    this.renderer = new ReportRenderer(execution.options().settings().report());
    this.context = context;
    this.documents = new FamilyAndTeamDocuments(renderer, context, execution.options().jobs());
  }

  ReportRenderer renderer() {
    return renderer;
  }

  FamilyAndTeamDocuments documents() {
    return documents;
  }

  /** Renders every review into {@code folder}; the outcomes in patient order. */
  List<RenderOutcome> reviews(List<PatientReview> patients, PeriodFolder folder) {
    ProgressListener progress = execution.progress();
    progress.start(patients.size());
    try {
      // The first review renders on this thread, so the chart and PDF libraries' classes are
      // initialised by one thread before several use them.
      return Parallel.map(
          patients, execution.options().jobs(), "render", true, review -> review(folder, review));
    } finally {
      progress.finish();
    }
  }

  /** Renders the programme summary into {@code folder}; returns its pages. */
  int program(ProgramReview program, List<String> warnings, PeriodFolder folder) {
    int[] pages = {0};
    folder.write(
        Publisher.PROGRAM_SUMMARY,
        out -> pages[0] = renderer.renderProgram(program, warnings, context, out).pages());
    return pages[0];
  }

  /**
   * Re-renders the reviews of {@code patients} one after another into the staging copy of a
   * selective run; returns their pages.
   */
  int replaceReviews(List<PatientReview> patients, SelectiveUpdate update) {
    ProgressListener progress = execution.progress();
    int pages = 0;
    progress.start(patients.size());
    try {
      for (PatientReview review : patients) {
        ByteArrayOutputStream buf = new ByteArrayOutputStream(1 << 17);
        pages += renderer.renderPatient(review, context, buf).pages();
        update.replace(Publisher.patientPdf(review.metrics().patientId()), buf.toByteArray());
        progress.step();
      }
    } finally {
      progress.finish();
    }
    return pages;
  }

  private RenderOutcome review(PeriodFolder folder, PatientReview review) {
    RenderOutcome[] outcome = new RenderOutcome[1];
    folder.write(
        Publisher.patientPdf(review.metrics().patientId()),
        out -> outcome[0] = renderer.renderPatient(review, context, out));
    execution.progress().step();
    return outcome[0];
  }
}
