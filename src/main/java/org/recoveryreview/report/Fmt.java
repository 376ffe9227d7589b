package org.recoveryreview.report;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.recoveryreview.model.AdherenceBand;
import org.recoveryreview.model.BrunnstromScale;
import org.recoveryreview.model.Evidence;

/** How figures read on the page; formatting only, every value comes from the analysis records. */
final class Fmt {
  private Fmt() {}

  static final String NONE = "—";

  private static final DateTimeFormatter MONTH =
      DateTimeFormatter.ofPattern("MMM yyyy", Locale.ENGLISH);
  private static final DateTimeFormatter MONTH_SHORT =
      DateTimeFormatter.ofPattern("MMM yy", Locale.ENGLISH);
  private static final DateTimeFormatter MONTH_LONG =
      DateTimeFormatter.ofPattern("MMMM yyyy", Locale.ENGLISH);

  private static final DateTimeFormatter DAY_MONTH =
      DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);

  /** "7 Oct", for dense histories within a year. */
  static String dayMonth(LocalDate d) {
    return DAY_MONTH.format(d);
  }

  static String date(LocalDate d) {
    return Evidence.date(d);
  }

  static String date(Optional<LocalDate> d) {
    return d.map(Fmt::date).orElse(NONE);
  }

  static String month(YearMonth m) {
    return MONTH.format(m);
  }

  static String monthShort(YearMonth m) {
    return MONTH_SHORT.format(m);
  }

  static String monthLong(YearMonth m) {
    return MONTH_LONG.format(m);
  }

  /**
   * The change between two rates in percentage points, from the whole percentages printed beside it
   * so that the reader's own subtraction agrees: "+3 pts", "-2 pts", "0 pts", or a dash when either
   * rate is missing.
   */
  static String points(OptionalDouble now, OptionalDouble before) {
    if (now.isEmpty() || before.isEmpty()) {
      return NONE;
    }
    long d = Evidence.wholePercent(now.getAsDouble()) - Evidence.wholePercent(before.getAsDouble());
    return (d > 0 ? "+" + d : Long.toString(d)) + " pts";
  }

  /** The change of a count: "+2", "-1" or "0". */
  static String change(long now, long before) {
    long d = now - before;
    return d > 0 ? "+" + d : Long.toString(d);
  }

  /** "80% (8 of 10)", or "no sessions" when nothing was expected. */
  static String pctOf(OptionalDouble rate, long done, long expected) {
    if (rate.isEmpty()) {
      return "no sessions";
    }
    return Evidence.pct(rate) + " (" + done + " of " + expected + ")";
  }

  static String signed(int v) {
    return Evidence.signed(v);
  }

  static String signed(OptionalInt v) {
    return v.isPresent() ? signed(v.getAsInt()) : NONE;
  }

  static String stage(OptionalInt v) {
    return v.isPresent() ? BrunnstromScale.roman(v.getAsInt()) : NONE;
  }

  static String num(OptionalInt v) {
    return v.isPresent() ? Integer.toString(v.getAsInt()) : NONE;
  }

  static String minutes(long m) {
    // Hand-grouped: String.format("%,d") showed up at 2.6% of render samples in a JFR profile.
    String digits = Long.toString(Math.abs(m));
    StringBuilder sb = new StringBuilder(digits.length() + 8);
    if (m < 0) {
      sb.append('-');
    }
    int lead = digits.length() % 3 == 0 ? 3 : digits.length() % 3;
    sb.append(digits, 0, lead);
    for (int i = lead; i < digits.length(); i += 3) {
      sb.append(',').append(digits, i, i + 3);
    }
    return sb.toString();
  }

  static String band(AdherenceBand b) {
    return switch (b) {
      case ADHERENT -> "Adherent";
      case PARTIAL -> "Partial";
      case LOW -> "Low";
      case NO_DATA -> "No data";
    };
  }

  static String sentence(String code) {
    String s = code.replace('_', ' ');
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
