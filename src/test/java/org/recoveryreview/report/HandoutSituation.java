package org.recoveryreview.report;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.recoveryreview.model.Adherence;
import org.recoveryreview.model.ChangeLabel;
import org.recoveryreview.model.ChartWindows;
import org.recoveryreview.model.Flag;
import org.recoveryreview.model.FlagFinding;
import org.recoveryreview.model.GoalProgress;
import org.recoveryreview.model.MetricsFixture;
import org.recoveryreview.model.Patient;
import org.recoveryreview.model.PatientGoals;
import org.recoveryreview.model.PatientHistory;
import org.recoveryreview.model.PatientMetrics;
import org.recoveryreview.model.PatientReview;
import org.recoveryreview.model.WeekAdherence;

/**
 * A patient in one situation for the handout's rules, built on the low-adherence fixture: every
 * figure the rules read can be set, the rest stays as the fixture has it. Starts with no flag, no
 * stage change, no Fugl-Meyer change and no goal, attending 10 of 10 and doing 8 of 8 at home.
 */
final class HandoutSituation {
  private String name = "Anna Kowalska-Łęcka";
  private String clinic = "Łódź Rehabilitacja";
  private String therapist = "Paweł Wiśniewski";
  private Optional<String> language = Optional.of("en");
  private Adherence period = new Adherence(10, 10, 8, 8, 900, 900, 900);
  private final List<Flag> flags = new ArrayList<>();
  private OptionalInt armChange = OptionalInt.of(0);
  private OptionalInt handChange = OptionalInt.of(0);
  private OptionalInt fmaChange = OptionalInt.of(0);
  private Optional<ChangeLabel> fmaLabel = Optional.of(ChangeLabel.WITHIN_ERROR);
  private final List<GoalProgress> goals = new ArrayList<>();
  private boolean homeProgramme = true;
  private Optional<LocalDate> discharge = Optional.empty();

  HandoutSituation clinic(long attended, long scheduled) {
    period =
        new Adherence(
            scheduled, attended, period.homePrescribed(), period.homeCompleted(), 900, 900, 900);
    return this;
  }

  HandoutSituation home(long completed, long prescribed) {
    period =
        new Adherence(
            period.clinicScheduled(),
            period.clinicAttended(),
            prescribed,
            completed,
            900,
            900,
            900);
    return this;
  }

  HandoutSituation flag(Flag f) {
    flags.add(f);
    return this;
  }

  HandoutSituation armStageGained() {
    armChange = OptionalInt.of(1);
    return this;
  }

  HandoutSituation fma(int change, ChangeLabel label) {
    fmaChange = OptionalInt.of(change);
    fmaLabel = Optional.of(label);
    return this;
  }

  HandoutSituation goal(String words, boolean reached) {
    LocalDate d = LocalDate.of(2026, 10, 5);
    int level = reached ? 0 : -1;
    goals.add(
        new GoalProgress(
            "G" + (goals.size() + 1),
            Optional.empty(),
            words,
            LocalDate.of(2026, 8, 3),
            Optional.empty(),
            -1,
            List.of(new GoalProgress.Review(d, OptionalInt.of(level))),
            OptionalInt.of(level),
            1,
            OptionalInt.empty(),
            OptionalInt.empty()));
    return this;
  }

  /** No home session planned in any week of the chart (nor in the period). */
  HandoutSituation noHomeProgramme() {
    homeProgramme = false;
    return home(0, 0);
  }

  HandoutSituation discharged() {
    discharge = Optional.of(LocalDate.of(2026, 10, 20));
    return this;
  }

  HandoutSituation language(String tag) {
    language = Optional.of(tag);
    return this;
  }

  HandoutSituation names(String patient, String clinicName, String therapistName) {
    this.name = patient;
    this.clinic = clinicName;
    this.therapist = therapistName;
    return this;
  }

  PatientReview build() {
    PatientReview base = ReportFixtures.lowAdherencePlateau();
    PatientMetrics m = base.metrics();
    Patient b = m.patient();
    Patient p =
        new Patient(
            b.patientId(),
            name,
            b.birthDate(),
            b.sex(),
            b.affectedSide(),
            b.diagnosis(),
            b.onsetDate(),
            clinic,
            therapist,
            b.programStart(),
            discharge,
            language);
    List<FlagFinding> findings = flags.stream().map(f -> new FlagFinding(f, "evidence")).toList();
    long achieved = goals.stream().filter(GoalProgress::achieved).count();
    PatientGoals g =
        goals.isEmpty()
            ? PatientGoals.none()
            : new PatientGoals(goals, goals.size(), (int) achieved, OptionalDouble.of(50));
    PatientMetrics metrics =
        MetricsFixture.metrics(
            p,
            m.reviewPeriod(),
            period,
            m.adherence().previousMonth(),
            ReportFixtures.ANALYSIS.band(period.overallRate()),
            m.adherence().previousBand(),
            m.recovery().stages().arm(),
            armChange,
            m.recovery().stages().hand(),
            handChange,
            m.recovery().fma().total(),
            fmaChange,
            m.recovery().fma().mcid(),
            m.recovery().phase(),
            m.recovery().daysSinceOnset(),
            m.recovery().stages().transitions(),
            findings,
            m.recovery().lastAssessment(),
            m.recovery().fma().plateauWindow(),
            m.recovery().arat().score(),
            m.recovery().arat().change(),
            m.recovery().arat().mcid(),
            fmaLabel,
            m.signals().followUpTier(),
            m.recovery().fma().course(),
            m.adherence().clinicCancelledSessions(),
            m.adherence().imputedMinutesSessions(),
            g);
    PatientHistory h = base.history();
    if (!homeProgramme) {
      ChartWindows w = h.windows();
      List<WeekAdherence> weeks =
          w.handoutWeeks().stream()
              .map(x -> x.with(new Adherence(x.adherence().clinicScheduled(), 0, 0, 0, 0, 0, 0)))
              .toList();
      h =
          new PatientHistory(
              h.weeks(),
              h.therapyMinutes(),
              h.assessments(),
              h.transitions(),
              h.periodSessions(),
              h.periodAssessments(),
              h.periodTransitions(),
              new ChartWindows(
                  w.weeks(),
                  w.months(),
                  w.programmeStart(),
                  w.recoveryFrom(),
                  w.recoveryTo(),
                  weeks));
    }
    return new PatientReview(metrics, h);
  }
}
