package org.recoveryreview.model;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * A finding the review meeting should look at; written in CSVs by {@link #code()}, sorted by code.
 * See docs/metrics.md for each definition.
 */
public enum Flag {
  ASSESSMENT_OVERDUE,
  DATA_QUERY,
  DROP_OFF,
  FMA_DECLINE,
  FMA_GAIN,
  GOAL_BELOW_BASELINE,
  HOME_PROGRAMME_LOW,
  LOW_ADHERENCE,
  PLATEAU,
  STAGE_REGRESSION;

  /**
   * Within a tier, the order in which findings are listed: the event the team must act on first
   * (attendance, then measured decline), then what explains or follows it; good news last.
   */
  private static final List<Flag> CLINICAL_ORDER =
      List.of(
          DROP_OFF,
          FMA_DECLINE,
          STAGE_REGRESSION,
          GOAL_BELOW_BASELINE,
          LOW_ADHERENCE,
          HOME_PROGRAMME_LOW,
          PLATEAU,
          ASSESSMENT_OVERDUE,
          DATA_QUERY,
          FMA_GAIN);

  /** The lower_snake_case value written in CSVs. */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The plain-language name every document prints for the flag (the one owner of flag names, so the
   * review, the follow-up list and the bundle cover never name one flag two ways).
   */
  public String label() {
    return switch (this) {
      case ASSESSMENT_OVERDUE -> "Assessment overdue";
      case DATA_QUERY -> "Data query";
      case DROP_OFF -> "Stopped attending";
      case FMA_DECLINE -> "Fugl-Meyer decline";
      case FMA_GAIN -> "Fugl-Meyer gain";
      case GOAL_BELOW_BASELINE -> "Goal below baseline";
      case HOME_PROGRAMME_LOW -> "Home programme low";
      case LOW_ADHERENCE -> "Low adherence";
      case PLATEAU -> "Plateau";
      case STAGE_REGRESSION -> "Stage regression";
    };
  }

  /**
   * The follow-up tier this flag puts a patient in by default; empty for {@code fma_gain}, which is
   * good news and asks nobody to act. A finding may carry a lower tier ({@link
   * FlagFinding#tier()}): a one-stage regression that no other scale confirms is tier 2.
   */
  public Optional<FollowUpTier> tier() {
    return switch (this) {
      case STAGE_REGRESSION, DROP_OFF, FMA_DECLINE -> Optional.of(FollowUpTier.ACT_NOW);
      case LOW_ADHERENCE, HOME_PROGRAMME_LOW, PLATEAU, GOAL_BELOW_BASELINE ->
          Optional.of(FollowUpTier.DISCUSS);
      case ASSESSMENT_OVERDUE, DATA_QUERY -> Optional.of(FollowUpTier.CHECK);
      case FMA_GAIN -> Optional.empty();
    };
  }

  /** Every tier a finding of this flag can carry (stage_regression: 1 or 2). */
  public Set<FollowUpTier> tiers() {
    if (this == STAGE_REGRESSION) {
      return EnumSet.of(FollowUpTier.ACT_NOW, FollowUpTier.DISCUSS);
    }
    return tier().map(EnumSet::of).orElseGet(() -> EnumSet.noneOf(FollowUpTier.class));
  }

  /**
   * "Stopped attending, Fugl-Meyer decline, Stage regression (two stages at once, or confirmed by
   * Fugl-Meyer)": the flags that can set {@code t}, in clinical order, for the notes that explain
   * the tiers.
   */
  public static String namesIn(FollowUpTier t) {
    List<String> out = new ArrayList<>();
    for (Flag f : CLINICAL_ORDER) {
      if (!f.tiers().contains(t)) {
        continue;
      }
      String name = f.label();
      if (f == STAGE_REGRESSION) {
        name +=
            t == FollowUpTier.ACT_NOW
                ? " (two stages at once, or with a Fugl-Meyer fall)"
                : " (one stage, not confirmed by Fugl-Meyer)";
      }
      out.add(name);
    }
    return String.join(", ", out);
  }

  /** The position of the flag in {@link #CLINICAL_ORDER}, the order within a tier. */
  public int clinicalRank() {
    return CLINICAL_ORDER.indexOf(this);
  }

  /** True for the flags that put a patient on the administrators' follow-up list. */
  public boolean needsFollowUp() {
    return tier().isPresent();
  }
}
