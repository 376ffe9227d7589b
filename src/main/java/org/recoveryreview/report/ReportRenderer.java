package org.recoveryreview.report;

import java.io.OutputStream;
import java.util.List;
import org.recoveryreview.model.PatientReview;
import org.recoveryreview.model.ProgramReview;
import org.recoveryreview.model.ReportSettings;

/**
 * Lays out the patient reviews and the programme summary as PDF/A-1b documents. Fonts and chart
 * themes are loaded once per instance and shared; one instance may render from several threads.
 */
public final class ReportRenderer {
  private final ReportSettings settings;

  public ReportRenderer(ReportSettings settings) {
    this.settings = settings;
  }

  /** Writes one patient's review to {@code out} (not closed). */
  public RenderOutcome renderPatient(PatientReview review, ReportContext context, OutputStream out) {
    throw new UnsupportedOperationException("not yet built" + settings + review + context + out);
  }

  /**
   * Writes the programme summary; {@code glyphWarnings} are the patient reports' warnings, listed in
   * its data-quality section.
   */
  public RenderOutcome renderProgram(
      ProgramReview program, List<String> glyphWarnings, ReportContext context, OutputStream out) {
    throw new UnsupportedOperationException("not yet built" + program + glyphWarnings + context + out);
  }

  /**
   * The PDF file name for a patient id: the id itself when it holds only letters, digits, '.', '_'
   * and '-' (and is not "." or ".."), otherwise a safe form plus a short hash.
   */
  public static String fileName(String patientId) {
    throw new UnsupportedOperationException("not yet built" + patientId);
  }
}
