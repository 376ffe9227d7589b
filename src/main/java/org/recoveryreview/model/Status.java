package org.recoveryreview.model;

import java.util.Locale;
import java.util.Optional;

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

  /**
   * The status whose code {@code value} spells, compared with {@link Codes#key} ("Late Cancel",
   * "LateCancel" and "late_cancel" are all {@link #LATE_CANCEL}); empty for anything else,
   * including aliases.
   */
  public static Optional<Status> parse(String value) {
    String key = Codes.key(value);
    for (Status s : values()) {
      if (Codes.key(s.name()).equals(key)) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
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
