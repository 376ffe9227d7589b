package org.recoveryreview.model;

import java.util.Objects;

/** Sessions of one therapy, setting and status inside the period: how many and their minutes. */
public record SessionSummary(
    String therapy,
    Setting setting,
    Status status,
    long sessions,
    long plannedMinutes,
    long actualMinutes) {

  public SessionSummary {
    Objects.requireNonNull(therapy, "therapy");
    Objects.requireNonNull(setting, "setting");
    Objects.requireNonNull(status, "status");
  }
}
