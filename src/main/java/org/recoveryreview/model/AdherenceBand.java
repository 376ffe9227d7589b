package org.recoveryreview.model;

import java.util.Locale;

/**
 * The adherence band of an overall rate: at or above the target, at or above the partial limit,
 * below, or no data.
 */
public enum AdherenceBand {
  ADHERENT,
  PARTIAL,
  LOW,
  NO_DATA;

  /** The lower_snake_case value written in CSVs. */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }
}
