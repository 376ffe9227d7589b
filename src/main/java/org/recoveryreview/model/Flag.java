package org.recoveryreview.model;

import java.util.Locale;
import java.util.Optional;

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
  HOME_PROGRAMME_LOW,
  LOW_ADHERENCE,
  PLATEAU,
  STAGE_REGRESSION;

  /** The lower_snake_case value written in CSVs. */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The follow-up tier this flag puts a patient in; empty for {@code fma_gain}, which is good news
   * and asks nobody to act.
   */
  public Optional<FollowUpTier> tier() {
    return switch (this) {
      case STAGE_REGRESSION, DROP_OFF, FMA_DECLINE -> Optional.of(FollowUpTier.ACT_NOW);
      case LOW_ADHERENCE, HOME_PROGRAMME_LOW, PLATEAU -> Optional.of(FollowUpTier.DISCUSS);
      case ASSESSMENT_OVERDUE, DATA_QUERY -> Optional.of(FollowUpTier.CHECK);
      case FMA_GAIN -> Optional.empty();
    };
  }

  /** True for the flags that put a patient on the administrators' follow-up list. */
  public boolean needsFollowUp() {
    return tier().isPresent();
  }
}
