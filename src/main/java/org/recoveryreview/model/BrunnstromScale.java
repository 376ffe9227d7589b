package org.recoveryreview.model;

import java.util.Locale;

/** The two Brunnstrom scales a clinic records: arm (proximal) and hand (distal). */
public enum BrunnstromScale {
  ARM,
  HAND;

  /** The lowest stage: flaccidity, no voluntary movement. */
  public static final int FIRST_STAGE = 1;

  /** The highest stage: isolated joint movements, near-normal coordination. */
  public static final int LAST_STAGE = 6;

  /** Whether {@code stage} is on the scale (1 to 6). */
  public static boolean isStage(int stage) {
    return stage >= FIRST_STAGE && stage <= LAST_STAGE;
  }

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
