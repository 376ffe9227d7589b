package org.recoveryreview.model;

import java.time.LocalDate;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One therapy session that survived ingestion; {@code therapy} is already lower_snake_case and
 * {@code actualMinutes} is empty when the export left it blank.
 */
public record Session(
    String sessionId,
    String patientId,
    LocalDate date,
    Setting setting,
    String therapy,
    Status status,
    int plannedMinutes,
    OptionalInt actualMinutes,
    Optional<String> therapist) {

  /**
   * Minutes actually done: the written value when present, otherwise planned minutes for a
   * completed session and 0 for any other status. This is the one definition of "actual minutes".
   */
  public int effectiveActualMinutes() {
    if (actualMinutes.isPresent()) {
      return actualMinutes.getAsInt();
    }
    return status == Status.COMPLETED ? plannedMinutes : 0;
  }
}
