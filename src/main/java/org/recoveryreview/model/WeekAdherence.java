package org.recoveryreview.model;

import java.time.LocalDate;
import java.util.Objects;

/**
 * Adherence counts of one ISO week (Monday first), labelled by its Monday and ISO week-based year
 * and number.
 */
public record WeekAdherence(LocalDate weekStart, int isoYear, int isoWeek, Adherence adherence) {

  public WeekAdherence {
    Objects.requireNonNull(weekStart, "weekStart");
    Objects.requireNonNull(adherence, "adherence");
  }

  /** Label such as {@code 2026-W01}. */
  public String label() {
    return String.format(java.util.Locale.ROOT, "%d-W%02d", isoYear, isoWeek);
  }
}
