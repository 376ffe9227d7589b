package org.recoveryreview.analysis;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Function;
import org.recoveryreview.model.Assessment;
import org.recoveryreview.model.BrunnstromScale;
import org.recoveryreview.model.Evidence;
import org.recoveryreview.model.FlagSettings.DataQuerySettings;
import org.recoveryreview.model.ReviewPeriod;

/**
 * The data_query checks: assessments whose Brunnstrom stages jump or contradict the Fugl-Meyer part
 * of the same limb segment, each with the sentence the flag's evidence quotes.
 */
final class DataQueries {
  private DataQueries() {}

  /** One failed consistency check: the assessment's date and what does not fit. */
  record DataQuery(LocalDate date, String text) {}

  /**
   * The consistency checks on every assessment dated in the period, in date order: a stage that
   * differs by {@code stageJump} or more from the previous non-blank value of the same scale on an
   * earlier date, and a stage that contradicts the Fugl-Meyer part of the same limb segment on the
   * same assessment (arm with part A, hand with part C).
   */
  static List<DataQuery> of(List<Assessment> sorted, ReviewPeriod period, DataQuerySettings s) {
    List<DataQuery> out = new ArrayList<>();
    for (int i = 0; i < sorted.size(); i++) {
      Assessment a = sorted.get(i);
      if (!period.contains(a.date())) {
        continue;
      }
      jump(sorted, i, BrunnstromScale.ARM, Assessment::brunnstromArm, s).ifPresent(out::add);
      jump(sorted, i, BrunnstromScale.HAND, Assessment::brunnstromHand, s).ifPresent(out::add);
      mismatch(a, "arm", a.brunnstromArm(), "A", a.fmaA(), Assessment.FMA_A_MAX, s, true)
          .ifPresent(out::add);
      mismatch(a, "hand", a.brunnstromHand(), "C", a.fmaC(), Assessment.FMA_C_MAX, s, false)
          .ifPresent(out::add);
    }
    return out;
  }

  private static Optional<DataQuery> jump(
      List<Assessment> sorted,
      int i,
      BrunnstromScale scale,
      Function<Assessment, OptionalInt> stage,
      DataQuerySettings s) {
    Assessment a = sorted.get(i);
    OptionalInt now = stage.apply(a);
    if (now.isEmpty()) {
      return Optional.empty();
    }
    for (int k = i - 1; k >= 0; k--) {
      Assessment p = sorted.get(k);
      OptionalInt before = stage.apply(p);
      if (before.isPresent() && p.date().isBefore(a.date())) {
        int diff = now.getAsInt() - before.getAsInt();
        if (Math.abs(diff) < s.stageJump()) {
          return Optional.empty();
        }
        return Optional.of(
            new DataQuery(
                a.date(),
                scale.code()
                    + " stage "
                    + BrunnstromScale.roman(now.getAsInt())
                    + " on "
                    + Evidence.date(a.date())
                    + " after "
                    + BrunnstromScale.roman(before.getAsInt())
                    + " on "
                    + Evidence.date(p.date())
                    + " ("
                    + Math.abs(diff)
                    + " stages at once)"));
      }
    }
    return Optional.empty();
  }

  private static Optional<DataQuery> mismatch(
      Assessment a,
      String scale,
      OptionalInt stage,
      String part,
      OptionalInt score,
      int max,
      DataQuerySettings s,
      boolean arm) {
    if (stage.isEmpty() || score.isEmpty()) {
      return Optional.empty();
    }
    int st = stage.getAsInt();
    int v = score.getAsInt();
    int lowLimit = arm ? s.fmaAAtLowStage() : s.fmaCAtLowStage();
    int highLimit = arm ? s.fmaAAtHighStage() : s.fmaCAtHighStage();
    boolean bad = (st <= s.lowStage() && v >= lowLimit) || (st >= s.highStage() && v <= highLimit);
    if (!bad) {
      return Optional.empty();
    }
    return Optional.of(
        new DataQuery(
            a.date(),
            scale
                + " stage "
                + BrunnstromScale.roman(st)
                + " with Fugl-Meyer "
                + part
                + " "
                + v
                + "/"
                + max
                + " on "
                + Evidence.date(a.date())));
  }
}
