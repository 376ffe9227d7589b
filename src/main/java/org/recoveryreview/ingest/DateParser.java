package org.recoveryreview.ingest;

import java.text.ParsePosition;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.recoveryreview.model.ExitCode;
import org.recoveryreview.model.JobFailure;

/**
 * Parses the contract's dates: {@code yyyy-MM-dd}, {@code yyyy/MM/dd}, ISO date-times whose date
 * part is taken as written, and the configured pattern when one is set (tried first, so a
 * configured pattern always means what the configuration says).
 */
final class DateParser {
  // The rest of a date-time after "yyyy-MM-ddT": a time, optionally an offset such as Z, +01:00 or
  // +0100. The time is checked but not used: the date is taken as written, never shifted to UTC.
  private static final DateTimeFormatter TIME_PART =
      new DateTimeFormatterBuilder()
          .append(DateTimeFormatter.ISO_LOCAL_TIME)
          .optionalStart()
          .appendOffset("+HH:MM:ss", "Z")
          .optionalEnd()
          .optionalStart()
          .appendOffset("+HHMM", "Z")
          .optionalEnd()
          .toFormatter(Locale.ROOT)
          .withResolverStyle(ResolverStyle.STRICT);

  // Years 1900-2199 cover every plausible clinical date; caching them lets four million rows
  // share a few hundred LocalDate objects.
  private static final int CACHE_FIRST_YEAR = 1900;
  private static final int CACHE_YEARS = 300;
  private final LocalDate[] cache = new LocalDate[CACHE_YEARS * 12 * 31];

  private final Optional<DateTimeFormatter> configured;
  private final String expected;
  private final LocalDate today;

  /** A parser that accepts any date, however far in the future. */
  DateParser(Optional<String> pattern) {
    this(pattern, LocalDate.MAX);
  }

  /**
   * A parser for a run on {@code today}: rows dated after it are rejected by the row checkers
   * ({@link RowRules#notInFuture}).
   */
  DateParser(Optional<String> pattern, LocalDate today) {
    this.today = today;
    try {
      this.configured = pattern.map(DateParser::strictFormatter);
    } catch (IllegalArgumentException e) {
      throw new JobFailure(
          ExitCode.USAGE,
          "The date pattern '"
              + pattern.orElse("")
              + "' set in "
              + Ingestor.CONFIG_DATE_PATTERN
              + " is not a valid pattern ("
              + e.getMessage()
              + "); use letters such as dd/MM/yyyy.",
          e);
    }
    this.expected =
        "yyyy-MM-dd, yyyy/MM/dd or an ISO date-time" + pattern.map(p -> " or " + p).orElse("");
  }

  /** What a date should look like, for rejection reasons. */
  /** The day of the run: the latest date a row of something that has happened may carry. */
  LocalDate today() {
    return today;
  }

  String expected() {
    return expected;
  }

  /** The date, or null when the text is not a valid date in any accepted form. */
  @Nullable LocalDate parse(String text) {
    if (configured.isPresent()) {
      LocalDate d = parseConfigured(configured.get(), text);
      if (d != null) {
        return d;
      }
    }
    int n = text.length();
    if (n < 10) {
      return null;
    }
    char sep = text.charAt(4);
    if ((sep != '-' && sep != '/') || text.charAt(7) != sep) {
      return null;
    }
    int year = digits(text, 0, 4);
    int month = digits(text, 5, 7);
    int day = digits(text, 8, 10);
    if (year < 0 || month < 0 || day < 0) {
      return null;
    }
    if (n > 10) {
      char t = text.charAt(10);
      if (sep != '-' || (t != 'T' && t != ' ') || !isTime(text.substring(11))) {
        return null;
      }
    }
    return date(year, month, day);
  }

  private @Nullable LocalDate date(int year, int month, int day) {
    if (month < 1 || month > 12 || day < 1 || day > 31) {
      return null;
    }
    int y = year - CACHE_FIRST_YEAR;
    int slot = (y * 12 + month - 1) * 31 + day - 1;
    boolean cacheable = y >= 0 && y < CACHE_YEARS;
    if (cacheable && cache[slot] != null) {
      return cache[slot];
    }
    LocalDate d;
    try {
      d = LocalDate.of(year, month, day);
    } catch (DateTimeException e) {
      return null;
    }
    if (cacheable) {
      cache[slot] = d;
    }
    return d;
  }

  private static int digits(String s, int from, int to) {
    int v = 0;
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      v = v * 10 + (c - '0');
    }
    return v;
  }

  private static boolean isTime(String rest) {
    try {
      TIME_PART.parse(rest);
      return true;
    } catch (DateTimeException e) {
      return false;
    }
  }

  private static @Nullable LocalDate parseConfigured(DateTimeFormatter f, String text) {
    ParsePosition pos = new ParsePosition(0);
    // parseUnresolved does not throw for text of the wrong shape, which keeps ISO rows cheap when a
    // pattern is configured; only text of the right shape pays for resolving.
    if (f.parseUnresolved(text, pos) == null
        || pos.getErrorIndex() >= 0
        || pos.getIndex() != text.length()) {
      return null;
    }
    try {
      return LocalDate.parse(text, f);
    } catch (DateTimeException e) {
      return null;
    }
  }

  /**
   * A strict formatter for a configured pattern; 'y' becomes 'u' because strict resolving of
   * year-of-era needs an era, which date exports never carry.
   */
  static DateTimeFormatter strictFormatter(String pattern) {
    StringBuilder b = new StringBuilder(pattern.length());
    boolean quoted = false;
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      if (c == '\'') {
        quoted = !quoted;
      }
      b.append(!quoted && c == 'y' ? 'u' : c);
    }
    return DateTimeFormatter.ofPattern(b.toString(), Locale.ROOT)
        .withResolverStyle(ResolverStyle.STRICT);
  }
}
