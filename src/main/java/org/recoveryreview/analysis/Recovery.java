package org.recoveryreview.analysis;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.recoveryreview.model.AnalysisSettings;
import org.recoveryreview.model.Assessment;
import org.recoveryreview.model.AssessmentPoint;
import org.recoveryreview.model.BrunnstromScale;
import org.recoveryreview.model.ChangeLabel;
import org.recoveryreview.model.Patient;
import org.recoveryreview.model.Phase;
import org.recoveryreview.model.ReviewPeriod;
import org.recoveryreview.model.StageTransition;

/**
 * The recovery figures of one patient from the patient's assessments (a dozen rows or so, sorted by
 * date) and stage transitions (from the assessments fact table): Brunnstrom stages and changes, the
 * Fugl-Meyer total and change, stage transitions, the phase and the MCID in force (the flags are
 * {@link FlagRules}). Only assessments dated on or before the period's end are used, so a rerun for
 * a past month gives the same figures after newer data arrives.
 */
final class Recovery {
  private Recovery() {}

  /** The figures; {@code upToEnd} are the assessments dated on or before the period's end. */
  record Figures(
      OptionalInt arm,
      OptionalInt armChange,
      OptionalInt hand,
      OptionalInt handChange,
      OptionalInt fmaTotal,
      OptionalInt fmaChange,
      int mcid,
      Phase phase,
      long daysSinceOnset,
      int transitionsInPeriod,
      Optional<LocalDate> lastAssessment,
      boolean assessedInPeriod,
      List<StageTransition> transitions,
      List<StageTransition> periodTransitions,
      List<AssessmentPoint> points,
      List<Assessment> periodAssessments,
      List<Assessment> upToEnd,
      Optional<LocalDate> fmaDate,
      Optional<LocalDate> armDate,
      Optional<LocalDate> handDate) {}

  /**
   * The figures of one patient; {@code transitions} are the patient's stage transitions found by
   * {@link AssessmentFacts#transitions} (dated on or before the period's end).
   */
  static Figures compute(
      Patient patient,
      List<Assessment> sorted,
      List<StageTransition> transitions,
      ReviewPeriod period,
      AnalysisSettings settings) {
    LocalDate end = period.end();
    long daysSinceOnset = ChronoUnit.DAYS.between(patient.onsetDate(), end);
    // "Within 180 days of onset" includes day 180 itself.
    Phase phase = settings.phase(daysSinceOnset);
    int mcid = settings.fmaMcid(phase);
    List<Assessment> upToEnd = upTo(sorted, end);
    Stage arm = Stage.of(upToEnd, BrunnstromScale.ARM, period);
    Stage hand = Stage.of(upToEnd, BrunnstromScale.HAND, period);
    Scores.Latest fma = Scores.latest(upToEnd, period, Assessment::fmaTotal);
    List<Assessment> inPeriod =
        upToEnd.stream().filter(a -> !a.date().isBefore(period.start())).toList();
    List<StageTransition> periodTransitions =
        transitions.stream().filter(t -> period.contains(t.date())).toList();
    List<AssessmentPoint> points = points(patient, upToEnd, settings);
    return new Figures(
        arm.now(),
        arm.change(),
        hand.now(),
        hand.change(),
        fma.value(),
        fma.change(),
        mcid,
        phase,
        daysSinceOnset,
        periodTransitions.size(),
        upToEnd.isEmpty() ? Optional.empty() : Optional.of(upToEnd.get(upToEnd.size() - 1).date()),
        !inPeriod.isEmpty(),
        transitions,
        periodTransitions,
        points,
        inPeriod,
        upToEnd,
        fma.date(),
        arm.date(),
        hand.date());
  }

  /** Only assessments on or before the period's end count, so a rerun for a past month agrees. */
  private static List<Assessment> upTo(List<Assessment> sorted, LocalDate end) {
    int n = 0;
    while (n < sorted.size() && !sorted.get(n).date().isAfter(end)) {
      n++;
    }
    return sorted.subList(0, n);
  }

  /**
   * A scale's latest stage, the date it was recorded, and its change since the last stage recorded
   * before the period: empty unless the latest stage is dated in the period, since a change needs a
   * new measurement.
   */
  private record Stage(OptionalInt now, OptionalInt change, Optional<LocalDate> date) {
    static Stage of(List<Assessment> upToEnd, BrunnstromScale scale, ReviewPeriod period) {
      int now = 0;
      int before = 0;
      LocalDate date = null;
      for (Assessment a : upToEnd) {
        OptionalInt v = AssessmentFacts.stage(a, scale);
        if (v.isPresent()) {
          now = v.getAsInt();
          date = a.date();
          if (a.date().isBefore(period.start())) {
            before = now;
          }
        }
      }
      boolean measured = date != null && period.contains(date);
      return new Stage(
          stage(now),
          measured && before != 0 ? OptionalInt.of(now - before) : OptionalInt.empty(),
          Optional.ofNullable(date));
    }
  }

  private static OptionalInt stage(int v) {
    return v == 0 ? OptionalInt.empty() : OptionalInt.of(v);
  }

  /**
   * The chart and table rows of the assessments, each complete Fugl-Meyer labelled against the
   * previous complete one with the MDC and the MCID of the phase on the assessment's date.
   */
  static List<AssessmentPoint> points(
      Patient patient, List<Assessment> upToEnd, AnalysisSettings settings) {
    List<AssessmentPoint> points = new ArrayList<>(upToEnd.size());
    OptionalInt previous = OptionalInt.empty();
    for (Assessment a : upToEnd) {
      long days = ChronoUnit.DAYS.between(patient.onsetDate(), a.date());
      OptionalInt total = a.fmaTotal();
      OptionalInt change = OptionalInt.empty();
      Optional<ChangeLabel> label = Optional.empty();
      if (total.isPresent() && previous.isPresent()) {
        int c = total.getAsInt() - previous.getAsInt();
        change = OptionalInt.of(c);
        int mcid = settings.fmaMcid(settings.phase(days));
        label = Optional.of(ChangeLabel.of(c, settings.flags().fmaMdc(), mcid));
      }
      if (total.isPresent()) {
        previous = total;
      }
      points.add(point(a, total, days, change, label));
    }
    return points;
  }

  static AssessmentPoint point(
      Assessment a,
      OptionalInt total,
      long daysSinceOnset,
      OptionalInt change,
      Optional<ChangeLabel> label) {
    return new AssessmentPoint(
        a,
        percent(a.fmaA(), Assessment.FMA_A_MAX),
        percent(a.fmaB(), Assessment.FMA_B_MAX),
        percent(a.fmaC(), Assessment.FMA_C_MAX),
        percent(a.fmaD(), Assessment.FMA_D_MAX),
        total,
        daysSinceOnset,
        change,
        label);
  }

  private static OptionalDouble percent(OptionalInt v, int max) {
    return v.isPresent() ? OptionalDouble.of(100.0 * v.getAsInt() / max) : OptionalDouble.empty();
  }
}
