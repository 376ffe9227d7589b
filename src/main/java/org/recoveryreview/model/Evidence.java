package org.recoveryreview.model;

import java.math.BigDecimal;
import java.math.RoundingMode;
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
    return rate.isPresent() ? pct(rate.getAsDouble()) : "—";
  }

  /** Half up from the CSV's four decimals ({@link #wholePercent}): 0.5750 is "58%". */
  public static String pct(double rate) {
    return wholePercent(rate) + "%";
  }

  /**
   * A rate as the CSVs write it: four decimals, half up ("0.5750"). With {@link #wholePercent} the
   * one rounding rule of every rate in every output.
   */
  public static String decimalRate(double rate) {
    return fourDecimals(rate).toPlainString();
  }

  /**
   * A rate as a whole percentage, read from its CSV form and rounded half up: 0.5750 is 58, never
   * 57 (0.575 × 100 is 57.4999… in binary floating point, which {@code Math.round} rounds down).
   */
  public static long wholePercent(double rate) {
    return fourDecimals(rate).movePointRight(2).setScale(0, RoundingMode.HALF_UP).longValue();
  }

  // BigDecimal.valueOf reads the double's shortest decimal form (0.575, not 0.57499…), as a person
  // reading the figure would.
  private static BigDecimal fourDecimals(double rate) {
    return BigDecimal.valueOf(rate).setScale(4, RoundingMode.HALF_UP);
  }

  /** A GAS T-score as every output writes it, with one decimal: "50.0", "43.7". */
  public static String tScore(double t) {
    return String.format(Locale.ROOT, "%.1f", t);
  }

  /** "+8", "0", "-3". */
  public static String signed(int v) {
    return v > 0 ? "+" + v : Integer.toString(v);
  }

  /**
   * A decimal setting or threshold as people write it: 3.2, 9, 0.5; the one form of every
   * configured number quoted back in text (flag evidence, the report, error messages).
   */
  public static String number(double v) {
    return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
  }
}
