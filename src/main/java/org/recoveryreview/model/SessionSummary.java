package org.recoveryreview.model;

/**
 * Sessions of one therapy, setting and status inside the period: how many and their minutes.
 *
 * @param actualMinutes actual minutes as adherence counts them (see {@link
 *     Session#effectiveActualMinutes()})
 * @param assumedSessions completed sessions among them without a recorded duration
 * @param assumedMinutes the planned minutes of those, counted in {@code actualMinutes} as if done
 */
public record SessionSummary(
    String therapy,
    Setting setting,
    Status status,
    long sessions,
    long plannedMinutes,
    long actualMinutes,
    long assumedSessions,
    long assumedMinutes) {

  /** Sessions whose actual minutes were all recorded. */
  public SessionSummary(
      String therapy,
      Setting setting,
      Status status,
      long sessions,
      long plannedMinutes,
      long actualMinutes) {
    this(therapy, setting, status, sessions, plannedMinutes, actualMinutes, 0, 0);
  }
}
