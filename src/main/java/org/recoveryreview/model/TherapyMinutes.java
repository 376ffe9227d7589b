package org.recoveryreview.model;

import java.time.YearMonth;

/**
 * Planned and actual minutes of one therapy in one month, over the sessions counted for adherence.
 *
 * @param assumedMinutes the part of {@code actualMinutes} assumed from the plan: planned minutes of
 *     completed sessions without a recorded duration
 */
public record TherapyMinutes(
    YearMonth month, String therapy, long plannedMinutes, long actualMinutes, long assumedMinutes) {

  /** Minutes that were all recorded. */
  public TherapyMinutes(YearMonth month, String therapy, long plannedMinutes, long actualMinutes) {
    this(month, therapy, plannedMinutes, actualMinutes, 0);
  }
}
