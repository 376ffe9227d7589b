package org.recoveryreview.model;

import java.util.Locale;

/**
 * How a change on a scale compares with its measurement error and its clinical importance: within
 * the minimal detectable change (MDC) it is noise, from the MDC to below the MCID it is a real but
 * small change, at or above the MCID it is clinically important.
 */
public enum ChangeLabel {
  WITHIN_ERROR("within measurement error", "within error"),
  DETECTABLE("detectable change", "detectable"),
  IMPORTANT("clinically important change", "important"),
  /**
   * No new measurement in the period although an earlier one exists: there is no change to label.
   * Never returned by {@link #of}.
   */
  NOT_REASSESSED("not reassessed", "not reassessed");

  private final String phrase;
  private final String word;

  ChangeLabel(String phrase, String word) {
    this.phrase = phrase;
    this.word = word;
  }

  /** The short wording of a table cell, as in "+8 detectable". */
  public String word() {
    return word;
  }

  /** The lower_snake_case value written in CSVs. */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Plain-language wording for the reports. */
  public String phrase() {
    return phrase;
  }

  /**
   * Labels a change: |change| &lt; mdc is within error, mdc &le; |change| &lt; mcid detectable,
   * |change| &ge; mcid important. The sign does not matter: a fall is labelled like a gain.
   */
  public static ChangeLabel of(int change, double mdc, int mcid) {
    int size = Math.abs(change);
    if (size >= mcid) {
      return IMPORTANT;
    }
    return size < mdc ? WITHIN_ERROR : DETECTABLE;
  }

  /** "+8 — detectable change; MCID 9": a change with its label, as the reviews show it. */
  public static String describe(int change, double mdc, int mcid) {
    return Evidence.signed(change) + " — " + of(change, mdc, mcid).phrase() + "; MCID " + mcid;
  }
}
