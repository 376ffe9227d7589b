package org.recoveryreview.model;

import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The calendar months a trend covers, oldest first and ending with the review period, each with the
 * label charts and tables print under it (decided once, in the analysis).
 */
public record MonthWindow(List<YearMonth> months, List<String> labels) {

  public MonthWindow {
    months = List.copyOf(months);
    labels = List.copyOf(labels);
    if (months.size() != labels.size() || months.isEmpty()) {
      throw new IllegalArgumentException("a month window needs one label per month, at least one");
    }
  }

  /** Month labels: the month and the full year, so that "May 2026" cannot be read as a date. */
  public static final DateTimeFormatter LABEL =
      DateTimeFormatter.ofPattern("MMM yyyy", Locale.ENGLISH);

  /** The {@code n} calendar months ending with {@code last}, oldest first, labelled. */
  public static MonthWindow ending(YearMonth last, int n) {
    List<YearMonth> months = new ArrayList<>(n);
    List<String> labels = new ArrayList<>(n);
    for (int m = n - 1; m >= 0; m--) {
      YearMonth month = last.minusMonths(m);
      months.add(month);
      labels.add(LABEL.format(month));
    }
    return new MonthWindow(months, labels);
  }

  /** The last month, the review period's. */
  public YearMonth last() {
    return months.get(months.size() - 1);
  }

  /** The label of {@code month}, which must be in the window. */
  public String label(YearMonth month) {
    int i = months.indexOf(month);
    if (i < 0) {
      throw new IllegalArgumentException(month + " is outside the window");
    }
    return labels.get(i);
  }

  /** True when {@code month} is one of the window's months. */
  public boolean contains(YearMonth month) {
    return months.contains(month);
  }
}
