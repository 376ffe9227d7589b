package org.recoveryreview.model;

import java.time.YearMonth;
import java.util.Locale;
import java.util.Objects;

/**
 * Adherence of one group (a clinic, therapist, therapy, setting, or the whole programme) in one
 * month.
 */
public record RollupRow(
    Dimension dimension, String group, YearMonth month, Adherence adherence, long patients) {

  /** What a roll-up groups by; therapist is the patient's primary therapist. */
  public enum Dimension {
    PROGRAM,
    CLINIC,
    THERAPIST,
    THERAPY,
    SETTING;

    /** Lower-case name written in program-metrics.csv. */
    public String code() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public RollupRow {
    Objects.requireNonNull(dimension, "dimension");
    Objects.requireNonNull(group, "group");
    Objects.requireNonNull(month, "month");
    Objects.requireNonNull(adherence, "adherence");
  }
}
