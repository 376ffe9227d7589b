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
import org.recoveryreview.model.Patient;
import org.recoveryreview.model.Phase;
import org.recoveryreview.model.ReviewPeriod;
import org.recoveryreview.model.StageTransition;

/**
 * The recovery figures of one patient from the patient's assessments (a dozen rows or so, sorted by
 * date): Brunnstrom stages and changes, the Fugl-Meyer total and change, stage transitions, the
 * phase and the MCID in force (the flags are {@link FlagRules}). Only assessments dated on or
 * before the period's end are used, so a rerun for a past month gives the same figures after newer
 * data arrives.
 */
final class Recovery {
  private Recovery() {}

  /** The figures. */
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
      List<AssessmentPoint> points,
      List<Assessment> periodAssessments) {}

  static Figures compute(
      Patient patient, List<Assessment> sorted, ReviewPeriod period, AnalysisSettings settings) {
    LocalDate start = period.start();
    LocalDate end = period.end();
    LocalDate onset = patient.onsetDate();
    long daysSinceOnset = ChronoUnit.DAYS.between(onset, end);
    // "Within 180 days of onset" includes day 180 itself.
    Phase phase = settings.phase(daysSinceOnset);
    int mcid = settings.fmaMcid(phase);

    int armNow = 0;
    int armBefore = 0;
    int handNow = 0;
    int handBefore = 0;
    int fmaNow = -1;
    int fmaBefore = -1;
    int prevArm = 0;
    int prevHand = 0;
    int inPeriodTransitions = 0;
    boolean assessedInPeriod = false;
    LocalDate last = null;
    List<StageTransition> transitions = new ArrayList<>();
    List<AssessmentPoint> points = new ArrayList<>(sorted.size());
    List<Assessment> periodAssessments = new ArrayList<>();

    for (Assessment a : sorted) {
      LocalDate d = a.date();
      if (d.isAfter(end)) {
        break;
      }
      boolean before = d.isBefore(start);
      last = d;
      if (!before) {
        assessedInPeriod = true;
        periodAssessments.add(a);
      }
      long days = ChronoUnit.DAYS.between(onset, d);
      if (a.brunnstromArm().isPresent()) {
        int v = a.brunnstromArm().getAsInt();
        if (prevArm != 0 && v != prevArm) {
          transitions.add(
              new StageTransition(patient.patientId(), d, BrunnstromScale.ARM, prevArm, v, days));
          if (!before) {
            inPeriodTransitions++;
          }
        }
        prevArm = v;
        armNow = v;
        if (before) {
          armBefore = v;
        }
      }
      if (a.brunnstromHand().isPresent()) {
        int v = a.brunnstromHand().getAsInt();
        if (prevHand != 0 && v != prevHand) {
          transitions.add(
              new StageTransition(patient.patientId(), d, BrunnstromScale.HAND, prevHand, v, days));
          if (!before) {
            inPeriodTransitions++;
          }
        }
        prevHand = v;
        handNow = v;
        if (before) {
          handBefore = v;
        }
      }
      OptionalInt total = a.fmaTotal();
      if (total.isPresent()) {
        int tv = total.getAsInt();
        fmaNow = tv;
        if (before) {
          fmaBefore = tv;
        }
      }
      points.add(point(a, total));
    }

    OptionalInt fmaChange =
        fmaNow >= 0 && fmaBefore >= 0 ? OptionalInt.of(fmaNow - fmaBefore) : OptionalInt.empty();
    return new Figures(
        stage(armNow),
        armNow != 0 && armBefore != 0 ? OptionalInt.of(armNow - armBefore) : OptionalInt.empty(),
        stage(handNow),
        handNow != 0 && handBefore != 0
            ? OptionalInt.of(handNow - handBefore)
            : OptionalInt.empty(),
        fmaNow >= 0 ? OptionalInt.of(fmaNow) : OptionalInt.empty(),
        fmaChange,
        mcid,
        phase,
        daysSinceOnset,
        inPeriodTransitions,
        Optional.ofNullable(last),
        assessedInPeriod,
        transitions,
        points,
        periodAssessments);
  }

  private static OptionalInt stage(int v) {
    return v == 0 ? OptionalInt.empty() : OptionalInt.of(v);
  }

  static AssessmentPoint point(Assessment a, OptionalInt total) {
    return new AssessmentPoint(
        a,
        percent(a.fmaA(), Assessment.FMA_A_MAX),
        percent(a.fmaB(), Assessment.FMA_B_MAX),
        percent(a.fmaC(), Assessment.FMA_C_MAX),
        percent(a.fmaD(), Assessment.FMA_D_MAX),
        total);
  }

  private static OptionalDouble percent(OptionalInt v, int max) {
    return v.isPresent() ? OptionalDouble.of(100.0 * v.getAsInt() / max) : OptionalDouble.empty();
  }
}
