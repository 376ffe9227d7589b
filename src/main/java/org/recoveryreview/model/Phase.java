package org.recoveryreview.model;

import java.util.Locale;

/**
 * Recovery phase at the period's end, from days since onset: early subacute, late subacute or
 * chronic (boundaries in {@link FlagSettings}); it decides the MCIDs and how often a patient is due
 * for assessment.
 */
public enum Phase {
  EARLY_SUBACUTE,
  LATE_SUBACUTE,
  CHRONIC;

  /** The lower_snake_case value written in CSVs. */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Plain-language name for reports ("early subacute"). */
  public String label() {
    return code().replace('_', ' ');
  }

  /** True in either subacute phase, where the subacute MCIDs apply. */
  public boolean isSubacute() {
    return this != CHRONIC;
  }
}
