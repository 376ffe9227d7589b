package org.recoveryreview.model;

import java.time.LocalDate;
import java.util.Objects;

/**
 * Adherence counts of one ISO week (Monday first), labelled by its Monday and ISO week-based year
 * and number; {@link #of} is the one place an ISO week is worked out.
 */
public record WeekAdherence(LocalDate weekStart, int isoYear, int isoWeek, Adherence adherence) {

  public WeekAdherence {
    Objects.requireNonNull(weekStart, "weekStart");
    Objects.requireNonNull(adherence, "adherence");
  }

  /**
   * The week starting on Monday {@code weekStart}. The ISO week-based year is the year of the
   * week's Thursday, and the week number counts Thursdays of that year: the same as
   * IsoFields.WEEK_BASED_YEAR / WEEK_OF_WEEK_BASED_YEAR (pinned by a test) without their per-call
   * field resolution, which the analysis would pay once per patient-week.
   */
  public static WeekAdherence of(LocalDate weekStart, Adherence adherence) {
    LocalDate thursday = weekStart.plusDays(3);
    return new WeekAdherence(
        weekStart, thursday.getYear(), (thursday.getDayOfYear() - 1) / 7 + 1, adherence);
  }

  /** The same week with other counts. */
  public WeekAdherence with(Adherence counts) {
    return new WeekAdherence(weekStart, isoYear, isoWeek, counts);
  }

  /** Label such as {@code 2026-W01}. */
  public String label() {
    return String.format(java.util.Locale.ROOT, "%d-W%02d", isoYear, isoWeek);
  }

  /** Short label such as {@code W1} or {@code W40}, as the weekly charts' axis shows it. */
  public String shortLabel() {
    return "W" + isoWeek;
  }
}
