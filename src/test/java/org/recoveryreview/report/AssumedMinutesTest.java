package org.recoveryreview.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.recoveryreview.model.Adherence;
import org.recoveryreview.model.AdherenceFigures;
import org.recoveryreview.model.PatientMetrics;
import org.recoveryreview.model.PatientReview;
import org.recoveryreview.model.ReportSettings;
import org.recoveryreview.model.SessionSummary;
import org.recoveryreview.model.Setting;
import org.recoveryreview.model.Status;

/** Recorded and assumed minutes, kept apart wherever the review shows minutes. */
class AssumedMinutesTest {
  private static final ReportRenderer RENDERER = new ReportRenderer(ReportSettings.defaults());

  /** {@code m} with {@code sessions} completed sessions of {@code minutes} assumed minutes. */
  static PatientMetrics withAssumed(PatientMetrics m, long sessions, long minutes, long before) {
    return m.withAdherence(
        new AdherenceFigures(
            new Adherence(17, 7, 21, 6, 1440, 464, 464),
            new Adherence(17, 10, 22, 9, 1455, 646, 635),
            m.adherence().band(),
            m.adherence().previousBand(),
            m.adherence().clinicCancelledSessions(),
            sessions,
            minutes,
            before));
  }

  @Test
  void minutesLine_someAssumed_splitsRecordedAndAssumed() {
    PatientMetrics m = withAssumed(ReportFixtures.lowAdherencePlateau().metrics(), 7, 195, 0);
    assertEquals(
        "Actual minutes: 464 min: 269 recorded, 195 assumed from the plan for 7 completed"
            + " sessions without a recorded duration.",
        SessionsTable.minutesLine(m));
  }

  @Test
  void minutesLine_oneAssumedSession_singular() {
    PatientMetrics m = withAssumed(ReportFixtures.lowAdherencePlateau().metrics(), 1, 30, 0);
    assertTrue(
        SessionsTable.minutesLine(m)
            .endsWith("for 1 completed session without a recorded duration."));
  }

  @Test
  void minutesLine_noneAssumed_allRecorded() {
    PatientMetrics m = withAssumed(ReportFixtures.lowAdherencePlateau().metrics(), 0, 0, 0);
    assertEquals("Actual minutes: 464 min, all recorded.", SessionsTable.minutesLine(m));
    assertEquals("464 (0)", PatientLayout.actualMinutes(464, 0));
    assertEquals("1,132 (855)", PatientLayout.actualMinutes(1132, 855));
  }

  @Test
  void renderPatient_assumedMinutes_keyFiguresSessionsTableAndLine() throws Exception {
    PatientReview base = ReportFixtures.lowAdherencePlateau();
    PatientReview r =
        new PatientReview(
            withAssumed(base.metrics(), 7, 195, 330),
            new org.recoveryreview.model.PatientHistory(
                base.history().weeks(),
                base.history().therapyMinutes(),
                base.history().assessments(),
                base.history().transitions(),
                List.of(
                    new SessionSummary(
                        "physiotherapy", Setting.CLINIC, Status.COMPLETED, 6, 270, 270, 4, 180),
                    new SessionSummary("home_exercise", Setting.HOME, Status.MISSED, 6, 180, 0)),
                base.history().periodAssessments(),
                base.history().periodTransitions(),
                base.history().windows()));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    RENDERER.renderPatient(r, ReportFixtures.CONTEXT, out);
    String t = PdfChecks.text(out.toByteArray());
    assertTrue(t.contains("Actual min (assumed) 464 (195) 646 (330)"), t);
    assertTrue(t.contains("Actual\nmin\nAssumed\nmin"), t);
    assertTrue(t.contains("Physiotherapy Clinic 6 6 completed 270 270 180"), t);
    assertTrue(t.contains("Home exercise Home 6 6 missed 180 0 0"), t);
    assertTrue(t.contains("269 recorded, 195 assumed from the plan for 7 completed sessions"), t);
  }
}
