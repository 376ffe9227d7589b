package org.recoveryreview.model;

import java.util.Locale;

/** The canonical outcome of a session after status aliases are mapped. */
public enum Status {
  COMPLETED,
  PARTIAL,
  MISSED,
  LATE_CANCEL,
  CANCELLED,
  CLINIC_CANCELLED,
  SCHEDULED,
  VOID;

  /** The contract's lower_snake_case value. */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** True for void and scheduled: the session has no outcome and never counts in any figure. */
  public boolean isIgnored() {
    return this == VOID || this == SCHEDULED;
  }

  /**
   * True when the session is part of what the patient was expected to do (the rate denominators).
   */
  public boolean countsAsScheduled() {
    return this == COMPLETED
        || this == PARTIAL
        || this == MISSED
        || this == LATE_CANCEL
        || this == CANCELLED;
  }

  /** True when the patient attended or did the session, fully or partly (the rate numerators). */
  public boolean countsAsDone() {
    return this == COMPLETED || this == PARTIAL;
  }
}
