package org.recoveryreview.model;

import java.time.LocalDate;

/**
 * ISO weeks (Monday first), the one place they are worked out: a week's Monday, its ISO week-based
 * year and number, and a week index for arrays.
 */
public final class IsoWeek {
  /** 1970-01-05 was a Monday: week indexes are floor((epochDay - 4) / 7). */
  private static final int MONDAY_OFFSET = 4;

  private IsoWeek() {}

  /** Weeks since the week of 1970-01-05 for the day {@code epochDay}: consecutive per week. */
  public static int index(long epochDay) {
    return (int) Math.floorDiv(epochDay - MONDAY_OFFSET, 7);
  }

  /** The Monday of the week with index {@code index}. */
  public static LocalDate monday(int index) {
    return LocalDate.ofEpochDay((long) index * 7 + MONDAY_OFFSET);
  }

  /** The Monday of the week holding {@code day}. */
  public static LocalDate mondayOf(LocalDate day) {
    return monday(index(day.toEpochDay()));
  }

  /**
   * The ISO week-based year of the week starting on Monday {@code monday}: the year of its
   * Thursday. The same as IsoFields.WEEK_BASED_YEAR (pinned by a test) without its per-call field
   * resolution, which the analysis would pay once per patient-week.
   */
  public static int year(LocalDate monday) {
    return monday.plusDays(3).getYear();
  }

  /**
   * The ISO week number of the week starting on {@code monday}: it counts Thursdays of its year.
   */
  public static int number(LocalDate monday) {
    return (monday.plusDays(3).getDayOfYear() - 1) / 7 + 1;
  }
}
