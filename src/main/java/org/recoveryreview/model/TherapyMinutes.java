package org.recoveryreview.model;

import java.time.YearMonth;
import java.util.Objects;

/**
 * Planned and actual minutes of one therapy in one month, over the sessions counted for adherence.
 */
public record TherapyMinutes(
    YearMonth month, String therapy, long plannedMinutes, long actualMinutes) {

  public TherapyMinutes {
    Objects.requireNonNull(month, "month");
    Objects.requireNonNull(therapy, "therapy");
  }
}
