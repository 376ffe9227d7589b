package org.recoveryreview.model;

import java.util.Locale;

/**
 * A finding the review meeting should look at; written in CSVs by {@link #code()}, sorted by code.
 */
public enum Flag {
  ASSESSMENT_OVERDUE,
  FMA_DECLINE,
  FMA_GAIN,
  LOW_ADHERENCE,
  PLATEAU,
  STAGE_REGRESSION;

  /** The lower_snake_case value written in CSVs. */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** True for the flags that put a patient on the administrators' follow-up list. */
  public boolean needsFollowUp() {
    return this == LOW_ADHERENCE
        || this == STAGE_REGRESSION
        || this == PLATEAU
        || this == ASSESSMENT_OVERDUE;
  }
}
