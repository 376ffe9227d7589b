package org.recoveryreview.model;

import java.time.LocalDate;
import java.time.YearMonth;

/** The calendar month under review; its label is {@code YYYY-MM}. */
public record ReviewPeriod(YearMonth month) {

  /** First day of the month. */
  public LocalDate start() {
    return month.atDay(1);
  }

  /** Last day of the month, included in the period. */
  public LocalDate end() {
    return month.atEndOfMonth();
  }

  /** The {@code YYYY-MM} label used in folder names and reports. */
  public String label() {
    return month.toString();
  }

  /** True when {@code date} falls inside the month. */
  public boolean contains(LocalDate date) {
    return !date.isBefore(start()) && !date.isAfter(end());
  }

  /** The month before this one. */
  public ReviewPeriod previous() {
    return new ReviewPeriod(month.minusMonths(1));
  }
}
