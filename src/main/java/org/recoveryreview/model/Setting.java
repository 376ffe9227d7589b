package org.recoveryreview.model;

import java.util.Locale;
import java.util.Optional;

/**
 * Where a session takes place; clinic and tele count as clinic attendance, home as the home
 * programme.
 */
public enum Setting {
  CLINIC,
  TELE,
  HOME;

  /** True for the settings whose sessions count towards clinic attendance. */
  public boolean isClinicGroup() {
    return this != HOME;
  }

  /** The contract's lower-case value. */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses the contract value, compared with {@link Codes#key} (case and spaces ignored). */
  public static Optional<Setting> parse(String value) {
    String v = Codes.key(value);
    for (Setting s : values()) {
      if (Codes.key(s.name()).equals(v)) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }
}
