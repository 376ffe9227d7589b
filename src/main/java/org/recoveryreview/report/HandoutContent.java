package org.recoveryreview.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.recoveryreview.model.Adherence;
import org.recoveryreview.model.AdherenceBand;
import org.recoveryreview.model.AnalysisSettings;
import org.recoveryreview.model.ChangeLabel;
import org.recoveryreview.model.Flag;
import org.recoveryreview.model.GoalProgress;
import org.recoveryreview.model.PatientMetrics;
import org.recoveryreview.model.PatientReview;
import org.recoveryreview.model.WeekAdherence;

/**
 * What the family handout says, chosen from the analysis's own findings (flags, the adherence bands
 * of {@link AnalysisSettings#band}, the Fugl-Meyer change label, stage changes, goal attainment),
 * never from thresholds of its own. docs/handout.md lists every sentence with the rule here that
 * chooses it.
 *
 * @param contact "we missed you; please contact the clinic", first on the page, when the patient
 *     stopped attending or came to few clinic sessions
 * @param wentWell real successes only, or one honest, encouraging sentence
 * @param showChart whether a home programme was planned in the chart's weeks
 * @param noHomeProgramme the sentence shown instead of an empty chart
 * @param goals each goal in the patient's own words with reached / still working on it
 * @param next what to focus on next month, never "keep doing" after missed sessions
 */
record HandoutContent(
    Optional<String> contact,
    List<String> wentWell,
    boolean showChart,
    Optional<String> noHomeProgramme,
    List<String> goals,
    List<String> next) {
  static final int MAX_WELL = 4;
  static final int MAX_GOALS = 4;
  static final int MAX_NEXT = 3;

  HandoutContent {
    wentWell = List.copyOf(wentWell);
    goals = List.copyOf(goals);
    next = List.copyOf(next);
  }

  /** The sentences for one patient's handout in {@code text}'s language. */
  static HandoutContent of(PatientReview review, AnalysisSettings analysis, HandoutText text) {
    PatientMetrics m = review.metrics();
    Optional<String> contact = contact(m, analysis, text);
    List<WeekAdherence> weeks = review.history().windows().handoutWeeks();
    boolean planned = weeks.stream().anyMatch(w -> w.adherence().homePrescribed() > 0);
    Optional<String> noHome =
        planned ? Optional.empty() : Optional.of(text.get("home.none", weeks.size()));
    List<String> goals = new ArrayList<>();
    for (GoalProgress g : m.goals().goals()) {
      if (goals.size() < MAX_GOALS) {
        String status = text.get(g.achieved() ? "goals.reached" : "goals.working");
        goals.add(text.get("goals.line", g.description(), status));
      }
    }
    return new HandoutContent(
        contact,
        wentWell(m, analysis, text),
        planned,
        noHome,
        goals,
        next(m, contact.isPresent(), text));
  }

  /**
   * Stopped attending ({@code drop_off}) or clinic attendance in the low band: the clinic misses
   * the patient and asks them to book. Not for a discharged patient, who has no next session.
   */
  private static Optional<String> contact(
      PatientMetrics m, AnalysisSettings analysis, HandoutText text) {
    if (m.discharged()) {
      return Optional.empty();
    }
    String clinic = m.patient().clinic();
    if (m.flags().contains(Flag.DROP_OFF)) {
      return Optional.of(text.get("contact.dropoff", clinic, analysis.flags().dropOffDays()));
    }
    Adherence a = m.adherence().period();
    if (analysis.band(a.attendanceRate()) == AdherenceBand.LOW) {
      return Optional.of(text.get("contact.low", clinic, a.clinicAttended(), a.clinicScheduled()));
    }
    return Optional.empty();
  }

  /**
   * Only real successes: clinic attendance or home completion at or above the adherence target, a
   * stage gained on either scale, a Fugl-Meyer gain at or above the minimal detectable change, a
   * goal reached. A poor count is never listed; with nothing to list, one encouraging sentence.
   */
  private static List<String> wentWell(
      PatientMetrics m, AnalysisSettings analysis, HandoutText text) {
    List<String> out = new ArrayList<>();
    Adherence a = m.adherence().period();
    if (analysis.band(a.attendanceRate()) == AdherenceBand.ADHERENT) {
      out.add(
          a.clinicAttended() == a.clinicScheduled()
              ? text.get("well.clinic.all", a.clinicAttended())
              : text.get("well.clinic", a.clinicAttended(), a.clinicScheduled()));
    }
    if (analysis.band(a.homeCompletionRate()) == AdherenceBand.ADHERENT) {
      out.add(
          a.homeCompleted() == a.homePrescribed()
              ? text.get("well.home.all", a.homeCompleted())
              : text.get("well.home", a.homeCompleted(), a.homePrescribed()));
    }
    if (m.recovery().stages().armChange().orElse(0) > 0) {
      out.add(text.get("well.arm"));
    }
    if (m.recovery().stages().handChange().orElse(0) > 0) {
      out.add(text.get("well.hand"));
    }
    if (m.flags().contains(Flag.FMA_GAIN) || realGain(m)) {
      out.add(text.get("well.gain"));
    }
    for (GoalProgress g : m.goals().goals()) {
      if (g.achieved()) {
        out.add(text.get("well.goal", g.description()));
      }
    }
    if (out.isEmpty()) {
      out.add(text.get("well.none"));
    }
    return out.subList(0, Math.min(MAX_WELL, out.size()));
  }

  /** A Fugl-Meyer rise the analysis labelled detectable or important (at or above the MDC). */
  private static boolean realGain(PatientMetrics m) {
    return m.recovery().fma().change().orElse(0) > 0
        && m.recovery().fma().changeLabel().filter(l -> l != ChangeLabel.WITHIN_ERROR).isPresent();
  }

  /**
   * The flags in plain, calm words: low adherence points at the part (home or clinic) with the
   * lower rate (the clinic part not again after the contact sentence), a low home programme at the
   * home exercises; regression and decline become "tell your therapist about changes"; then a goal
   * not yet reached. Never more than three. With nothing to change: "keep doing" only at or above
   * the target, "every session helps" otherwise, and after missed sessions "we will plan the next
   * steps with you".
   */
  private static List<String> next(PatientMetrics m, boolean contacted, HandoutText text) {
    List<String> out = new ArrayList<>();
    if (m.flags().contains(Flag.LOW_ADHERENCE)) {
      Adherence a = m.adherence().period();
      double home = a.homeCompletionRate().orElse(1);
      double clinic = a.attendanceRate().orElse(1);
      if (home <= clinic) {
        out.add(text.get("next.home"));
      } else if (!contacted) {
        out.add(text.get("next.clinic"));
      }
    } else if (m.flags().contains(Flag.HOME_PROGRAMME_LOW)) {
      // Clinic attendance can hide an abandoned home programme: say the home part.
      out.add(text.get("next.home"));
    }
    if (m.flags().contains(Flag.STAGE_REGRESSION) || m.flags().contains(Flag.FMA_DECLINE)) {
      out.add(text.get("next.change"));
    }
    if (m.flags().contains(Flag.PLATEAU)) {
      out.add(text.get("next.plateau"));
    }
    if (m.flags().contains(Flag.ASSESSMENT_OVERDUE)) {
      out.add(text.get("next.check"));
    }
    for (GoalProgress g : m.goals().goals()) {
      if (!g.achieved()) {
        out.add(text.get("next.goal", g.description()));
        break;
      }
    }
    if (out.isEmpty()) {
      if (contacted) {
        out.add(text.get("next.return"));
      } else {
        out.add(
            text.get(m.adherence().band() == AdherenceBand.ADHERENT ? "next.keep" : "next.every"));
      }
    }
    return out.subList(0, Math.min(MAX_NEXT, out.size()));
  }
}
