package org.recoveryreview.model;

import java.util.Locale;

/** The two Brunnstrom scales a clinic records: arm (proximal) and hand (distal). */
public enum BrunnstromScale {
  ARM,
  HAND;

  /** The lower-case value used in CSVs. */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The stage written as a Roman numeral I–VI, as clinicians read it. */
  public static String roman(int stage) {
    return switch (stage) {
      case 1 -> "I";
      case 2 -> "II";
      case 3 -> "III";
      case 4 -> "IV";
      case 5 -> "V";
      case 6 -> "VI";
      default -> Integer.toString(stage);
    };
  }
}
