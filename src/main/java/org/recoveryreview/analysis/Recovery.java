package org.recoveryreview.analysis;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.recoveryreview.model.AnalysisSettings;
import org.recoveryreview.model.Assessment;
import org.recoveryreview.model.AssessmentPoint;
import org.recoveryreview.model.BrunnstromScale;
import org.recoveryreview.model.Flag;
import org.recoveryreview.model.FmaWindow;
import org.recoveryreview.model.Patient;
import org.recoveryreview.model.Phase;
import org.recoveryreview.model.ReviewPeriod;
import org.recoveryreview.model.StageTransition;

/**
 * The recovery figures of one patient from the patient's assessments (a dozen rows or so, sorted by
 * date): Brunnstrom stages and changes, the Fugl-Meyer total and change, stage transitions, the
 * MCID in force and the assessment-based flags. Only assessments dated on or before the period's
 * end are used, so a rerun for a past month gives the same figures after newer data arrives.
 */
final class Recovery {
  private Recovery() {}

  /** The figures; {@code flags} holds every flag except low_adherence (a session figure). */
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
      EnumSet<Flag> flags,
      Optional<LocalDate> lastAssessment,
      Optional<FmaWindow> plateauWindow,
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
    Phase phase = daysSinceOnset <= settings.subacuteDays() ? Phase.SUBACUTE : Phase.CHRONIC;
    int mcid = phase == Phase.SUBACUTE ? settings.mcidSubacute() : settings.mcidChronic();
    LocalDate plateauFrom = end.minusDays(settings.plateauDays() - 1L);
    LocalDate overdueFrom = end.minusDays(settings.overdueDays() - 1L);

    int armNow = 0;
    int armBefore = 0;
    int handNow = 0;
    int handBefore = 0;
    int fmaNow = -1;
    int fmaBefore = -1;
    int prevArm = 0;
    int prevHand = 0;
    int inPeriodTransitions = 0;
    boolean regression = false;
    boolean improvementInPlateauWindow = false;
    boolean recentAssessment = false;
    boolean assessedInPeriod = false;
    LocalDate last = null;
    LocalDate windowFirst = null;
    LocalDate windowLast = null;
    int windowFirstTotal = 0;
    int windowLastTotal = 0;
    int windowCount = 0;
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
      if (!d.isBefore(overdueFrom)) {
        recentAssessment = true;
      }
      long days = ChronoUnit.DAYS.between(onset, d);
      boolean inPlateauWindow = !d.isBefore(plateauFrom);
      if (a.brunnstromArm().isPresent()) {
        int v = a.brunnstromArm().getAsInt();
        if (prevArm != 0 && v != prevArm) {
          transitions.add(
              new StageTransition(patient.patientId(), d, BrunnstromScale.ARM, prevArm, v, days));
          if (!before) {
            inPeriodTransitions++;
            regression |= v < prevArm;
          }
          improvementInPlateauWindow |= inPlateauWindow && v > prevArm;
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
            regression |= v < prevHand;
          }
          improvementInPlateauWindow |= inPlateauWindow && v > prevHand;
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
        if (inPlateauWindow) {
          if (windowCount == 0) {
            windowFirst = d;
            windowFirstTotal = tv;
          }
          windowLast = d;
          windowLastTotal = tv;
          windowCount++;
        }
      }
      points.add(point(a, total));
    }

    OptionalInt fmaChange =
        fmaNow >= 0 && fmaBefore >= 0 ? OptionalInt.of(fmaNow - fmaBefore) : OptionalInt.empty();
    Optional<FmaWindow> window =
        windowCount >= 2
            ? Optional.of(
                new FmaWindow(
                    windowFirst, windowFirstTotal, windowLast, windowLastTotal, windowCount))
            : Optional.empty();
    EnumSet<Flag> flags = EnumSet.noneOf(Flag.class);
    if (regression) {
      flags.add(Flag.STAGE_REGRESSION);
    }
    if (window.isPresent() && !improvementInPlateauWindow && window.get().change() < mcid) {
      flags.add(Flag.PLATEAU);
    }
    if (!recentAssessment) {
      flags.add(Flag.ASSESSMENT_OVERDUE);
    }
    if (fmaChange.isPresent() && fmaChange.getAsInt() >= mcid) {
      flags.add(Flag.FMA_GAIN);
    }
    if (fmaChange.isPresent() && fmaChange.getAsInt() <= -mcid) {
      flags.add(Flag.FMA_DECLINE);
    }
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
        flags,
        Optional.ofNullable(last),
        window,
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
