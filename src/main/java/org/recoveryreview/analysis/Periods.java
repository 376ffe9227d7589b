package org.recoveryreview.analysis;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import org.recoveryreview.model.Dataset;
import org.recoveryreview.model.ExitCode;
import org.recoveryreview.model.JobFailure;
import org.recoveryreview.model.RequestedPeriod;
import org.recoveryreview.model.ReviewPeriod;

/**
 * Turns a {@code --period} value ({@code YYYY-MM}, {@code latest}, {@code previous}) into a month.
 */
public final class Periods {
  // The years a clinical date can plausibly have (the same span DateParser is tuned for); beyond
  // them date arithmetic of the reports fails, and no such month was ever meant.
  private static final YearMonth FIRST = YearMonth.of(1900, 1);
  private static final YearMonth LAST = YearMonth.of(2199, 12);

  private Periods() {}

  /**
   * Resolves {@code spec} against {@code dataset}: {@link #parse} then {@link
   * RequestedPeriod#resolve}.
   */
  public static ReviewPeriod resolve(String spec, Dataset dataset, LocalDate today) {
    return parse(spec, today).resolve(dataset.coverage());
  }

  /**
   * Parses {@code spec} before any input is read: {@code latest} (resolved later from the input),
   * {@code previous} (the month before {@code today}) or {@code YYYY-MM}.
   *
   * @throws org.recoveryreview.model.JobFailure USAGE for a malformed value
   */
  public static RequestedPeriod parse(String spec, LocalDate today) {
    String value = spec == null ? "" : spec.strip();
    if (value.equals("latest")) {
      return RequestedPeriod.latest();
    }
    if (value.equals("previous")) {
      return RequestedPeriod.of(new ReviewPeriod(YearMonth.from(today).minusMonths(1)));
    }
    if (isYearMonthShape(value)) {
      YearMonth month;
      try {
        month = YearMonth.parse(value);
      } catch (DateTimeException e) {
        throw usage(value, "the month must be 01 to 12");
      }
      if (month.isBefore(FIRST) || month.isAfter(LAST)) {
        throw usage(value, "the month must be from " + FIRST + " to " + LAST);
      }
      return RequestedPeriod.of(new ReviewPeriod(month));
    }
    throw usage(value, "");
  }

  // Strict shape check (4 digits, '-', 2 digits): YearMonth.parse alone accepts signed and
  // five-digit years, which are never what an operator meant.
  private static boolean isYearMonthShape(String v) {
    if (v.length() != 7 || v.charAt(4) != '-') {
      return false;
    }
    for (int i = 0; i < 7; i++) {
      if (i != 4 && (v.charAt(i) < '0' || v.charAt(i) > '9')) {
        return false;
      }
    }
    return true;
  }

  private static JobFailure usage(String value, String detail) {
    return new JobFailure(
        ExitCode.USAGE,
        "--period must be YYYY-MM, latest or previous, but got '"
            + value
            + "'"
            + (detail.isEmpty() ? "" : " (" + detail + ")")
            + "; for example --period 2026-10");
  }
}
