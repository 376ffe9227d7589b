package org.recoveryreview.report;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.recoveryreview.model.GoalProgress;
import org.recoveryreview.model.Patient;
import org.recoveryreview.model.PatientGoals;
import org.recoveryreview.model.PatientMetrics;
import org.recoveryreview.model.PatientReview;
import org.recoveryreview.model.PatientSignals;

/** Patients with goals and a family language, built on the report fixtures. */
final class GoalFixtures {
  private GoalFixtures() {}

  private static GoalProgress.Review review(String date, Integer level) {
    return new GoalProgress.Review(
        LocalDate.parse(date), level == null ? OptionalInt.empty() : OptionalInt.of(level));
  }

  /**
   * Two goals: the first reached the expected outcome in October (-1, then 0), the second is still
   * at its baseline (-1); T = 50 - 10 / sqrt(2.6) = 43.8.
   */
  static PatientGoals twoGoals(boolean chinese) {
    GoalProgress dressing =
        new GoalProgress(
            "G1",
            Optional.of("dressing"),
            chinese ? "自己穿上有扣子的衬衫" : "Put on a shirt with buttons without help",
            LocalDate.parse("2026-08-03"),
            Optional.of(LocalDate.parse("2026-11-30")),
            -1,
            List.of(review("2026-08-03", null), review("2026-09-01", -1), review("2026-10-05", 0)),
            OptionalInt.of(0),
            1,
            OptionalInt.empty(),
            OptionalInt.empty());
    GoalProgress cup =
        new GoalProgress(
            "G2",
            Optional.of("eating"),
            chinese ? "用力气小的那只手端杯子喝水" : "Drink from a cup with my weaker hand",
            LocalDate.parse("2026-08-03"),
            Optional.empty(),
            -1,
            List.of(review("2026-09-01", -1), review("2026-10-05", -1)),
            OptionalInt.of(-1),
            1,
            OptionalInt.empty(),
            OptionalInt.empty());
    return new PatientGoals(
        List.of(dressing, cup), 2, 1, OptionalDouble.of(50 - 10 / Math.sqrt(2.6)));
  }

  /** {@code r} with goals and the patient's language set. */
  static PatientReview with(PatientReview r, PatientGoals goals, Optional<String> language) {
    return with(r, goals, language, r.metrics().signals().findings());
  }

  /** {@code r} without any flag. */
  static PatientReview unflagged(PatientReview r) {
    return with(r, r.metrics().goals(), r.metrics().patient().language(), List.of());
  }

  private static PatientReview with(
      PatientReview r,
      PatientGoals goals,
      Optional<String> language,
      List<org.recoveryreview.model.FlagFinding> findings) {
    PatientMetrics m = r.metrics();
    Patient p = m.patient();
    Patient withLanguage =
        new Patient(
            p.patientId(),
            p.name(),
            p.birthDate(),
            p.sex(),
            p.affectedSide(),
            p.diagnosis(),
            p.onsetDate(),
            p.clinic(),
            p.therapist(),
            p.programStart(),
            p.dischargeDate(),
            language);
    PatientMetrics metrics =
        new PatientMetrics(
            withLanguage,
            m.reviewPeriod(),
            m.adherence(),
            m.recovery(),
            goals,
            new PatientSignals(
                findings, findings.isEmpty() ? Optional.empty() : m.signals().followUpTier()));
    return new PatientReview(metrics, r.history());
  }

  /** The low-adherence Polish patient with English goals. */
  static PatientReview englishWithGoals() {
    return with(ReportFixtures.lowAdherencePlateau(), twoGoals(false), Optional.of("en"));
  }

  /** The Chinese patient with goals in Chinese and language zh. */
  static PatientReview chineseWithGoals() {
    return with(ReportFixtures.chineseGainRegression(), twoGoals(true), Optional.of("zh"));
  }
}
