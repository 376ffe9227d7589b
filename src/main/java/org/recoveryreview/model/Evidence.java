package org.recoveryreview.model;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * How dates, rates and signed numbers read in plain-language text; the one definition shared by the
 * analysis (flag evidence) and the report, so a date reads the same in both.
 */
public final class Evidence {
  private static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

  private Evidence() {}

  /** "5 Oct 2026". */
  public static String date(LocalDate d) {
    return DATE.format(d);
  }

  /** A rate as a whole percentage ("9%"), or "—" when it has no denominator. */
  public static String pct(OptionalDouble rate) {
    return rate.isPresent() ? Math.round(rate.getAsDouble() * 100) + "%" : "—";
  }

  /** "+8", "0", "-3". */
  public static String signed(int v) {
    return v > 0 ? "+" + v : Integer.toString(v);
  }

  /** A decimal threshold as people write it: 3.2, 9, 0.5. */
  public static String number(double v) {
    return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
  }
}
