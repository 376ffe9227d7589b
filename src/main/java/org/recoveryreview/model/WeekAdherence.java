package org.recoveryreview.model;

import java.time.LocalDate;
import java.util.Locale;

/**
 * Adherence counts of one ISO week (Monday first), labelled by its Monday and ISO week-based year
 * and number (worked out by {@link IsoWeek}).
 */
public record WeekAdherence(LocalDate weekStart, int isoYear, int isoWeek, Adherence adherence) {

  /** The week starting on Monday {@code weekStart}. */
  public static WeekAdherence of(LocalDate weekStart, Adherence adherence) {
    return new WeekAdherence(
        weekStart, IsoWeek.year(weekStart), IsoWeek.number(weekStart), adherence);
  }

  /** The same week with other counts. */
  public WeekAdherence with(Adherence counts) {
    return new WeekAdherence(weekStart, isoYear, isoWeek, counts);
  }

  /** Label such as {@code 2026-W01}. */
  public String label() {
    return String.format(Locale.ROOT, "%d-W%02d", isoYear, isoWeek);
  }

  /** Short label such as {@code W1} or {@code W40}, as the weekly charts' axis shows it. */
  public String shortLabel() {
    return "W" + isoWeek;
  }
}
