package org.recoveryreview.model;

import java.time.YearMonth;
import java.util.Optional;

/**
 * A {@code --period} value parsed once, before any input is read: a month, or (when {@code month}
 * is empty) {@code latest}, the month of the input's latest session with an outcome.
 */
public record RequestedPeriod(Optional<ReviewPeriod> month) {

  /** {@code latest}. */
  public static RequestedPeriod latest() {
    return new RequestedPeriod(Optional.empty());
  }

  /** A given month. */
  public static RequestedPeriod of(ReviewPeriod month) {
    return new RequestedPeriod(Optional.of(month));
  }

  public boolean isLatest() {
    return month.isEmpty();
  }

  /**
   * The month under review, given what the input covers.
   *
   * @throws JobFailure DATA_ERROR when {@code latest} finds no session with an outcome
   */
  public ReviewPeriod resolve(Coverage coverage) {
    if (month.isPresent()) {
      return month.get();
    }
    return coverage
        .lastSession()
        .map(d -> new ReviewPeriod(YearMonth.from(d)))
        .orElseThrow(
            () ->
                new JobFailure(
                    ExitCode.DATA_ERROR,
                    "--period latest needs at least one session with an outcome (a status other"
                        + " than scheduled or void), but the sessions input has none; check the"
                        + " sessions export or give the month explicitly, e.g. --period 2026-10"));
  }
}
