package org.recoveryreview.ingest;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.jspecify.annotations.Nullable;
import org.recoveryreview.model.Codes;
import org.recoveryreview.model.Setting;
import org.recoveryreview.model.Status;

/**
 * Maps the free text of exports onto contract values (statuses, therapies, sides) and shares the
 * resulting strings and small objects, so millions of rows hold a handful of distinct instances.
 */
final class Vocabulary {
  /** Built-in status aliases, keyed by their canonical status. */
  static final Map<Status, List<String>> BUILT_IN_ALIASES =
      Map.of(
          Status.COMPLETED, List.of("attended", "fulfilled", "arrived", "done", "checked_out"),
          Status.PARTIAL, List.of("left_early", "partially_completed"),
          Status.MISSED,
              List.of("no_show", "noshow", "did_not_arrive", "dna", "skipped", "not_done"),
          Status.LATE_CANCEL, List.of("late_cancellation", "cancelled_late"),
          Status.CANCELLED, List.of("canceled", "patient_cancelled", "cancelled_by_patient"),
          Status.CLINIC_CANCELLED, List.of("cancelled_by_clinic", "therapist_cancelled"),
          Status.SCHEDULED, List.of("booked", "pending"),
          Status.VOID, List.of("entered_in_error", "deleted"));

  // Caches are bounded so a column of unique garbage cannot grow them without limit.
  private static final int CACHE_LIMIT = 50_000;
  private static final Optional<Status> NO_STATUS = Optional.empty();
  private static final OptionalInt[] MINUTES = new OptionalInt[721];

  static {
    for (int i = 0; i < MINUTES.length; i++) {
      MINUTES[i] = OptionalInt.of(i);
    }
  }

  private final Map<String, Status> statusByKey = new HashMap<>();
  private final Map<String, Optional<Status>> statusCache = new HashMap<>();
  private final Map<String, Optional<Setting>> settingCache = new HashMap<>();
  private final Map<String, String> therapyCache = new HashMap<>();
  private final Map<String, Optional<String>> textCache = new HashMap<>();

  Vocabulary(Map<String, Status> configuredAliases) {
    for (Status s : Status.values()) {
      statusByKey.put(Codes.key(s.code()), s);
    }
    BUILT_IN_ALIASES.forEach(
        (s, aliases) -> aliases.forEach(a -> statusByKey.put(Codes.key(a), s)));
    // Configured aliases come last so a clinic can re-map a built-in alias it uses differently.
    configuredAliases.forEach((alias, s) -> statusByKey.put(Codes.key(alias), s));
  }

  /** The status a value stands for, or empty when it is neither a status nor an alias. */
  Optional<Status> status(String value) {
    Optional<Status> s = statusCache.get(value);
    if (s == null) {
      Status found = statusByKey.get(Codes.key(value));
      s = found == null ? NO_STATUS : Optional.of(found);
      if (statusCache.size() < CACHE_LIMIT) {
        statusCache.put(value, s);
      }
    }
    return s;
  }

  /** The setting a value names (any case), or empty; cached because the model's parse allocates. */
  Optional<Setting> setting(String value) {
    Optional<Setting> s = settingCache.get(value);
    if (s == null) {
      s = Setting.parse(value);
      if (settingCache.size() < CACHE_LIMIT) {
        settingCache.put(value, s);
      }
    }
    return s;
  }

  /**
   * The therapy code ({@link Codes#therapy}), shared; empty string when the value has no letters or
   * digits.
   */
  String therapy(String value) {
    String t = therapyCache.get(value);
    if (t == null) {
      t = Codes.therapy(value).intern();
      if (therapyCache.size() < CACHE_LIMIT) {
        therapyCache.put(value, t);
      }
    }
    return t;
  }

  /** A shared Optional of a free-text value such as a therapist's name; empty when blank. */
  Optional<String> text(String value) {
    if (value.isEmpty()) {
      return Optional.empty();
    }
    Optional<String> o = textCache.get(value);
    if (o == null) {
      o = Optional.of(value);
      if (textCache.size() < CACHE_LIMIT) {
        textCache.put(value, o);
      }
    }
    return o;
  }

  /** A shared OptionalInt for small counts such as minutes and scores. */
  static OptionalInt minutesOrOf(int value) {
    return value >= 0 && value < MINUTES.length ? MINUTES[value] : OptionalInt.of(value);
  }

  /** "left" or "right" for the accepted spellings (any case, or L/R), else null. */
  static @Nullable String side(String value) {
    return switch (value.toLowerCase(Locale.ROOT)) {
      case "left", "l" -> "left";
      case "right", "r" -> "right";
      default -> null;
    };
  }

  /** Sentinel of {@link #integer} for text that is not a whole number. */
  static final int NOT_AN_INTEGER = Integer.MIN_VALUE;

  /**
   * A whole number, allowing a leading sign and a fraction of zeros ("45.0", as spreadsheets and
   * data frames write integer columns with blanks); values too large for an int come back as
   * Integer.MAX_VALUE so they read as out of range.
   */
  static int integer(String s) {
    int n = s.length();
    int i = 0;
    boolean negative = false;
    if (n > 0 && (s.charAt(0) == '-' || s.charAt(0) == '+')) {
      negative = s.charAt(0) == '-';
      i = 1;
    }
    if (i == n) {
      return NOT_AN_INTEGER;
    }
    long v = 0;
    int start = i;
    for (; i < n; i++) {
      char c = s.charAt(i);
      if (c >= '0' && c <= '9') {
        v = Math.min(v * 10 + (c - '0'), Integer.MAX_VALUE);
      } else {
        break;
      }
    }
    if (i == start) {
      return NOT_AN_INTEGER;
    }
    if (i < n) {
      if (s.charAt(i) != '.') {
        return NOT_AN_INTEGER;
      }
      for (i++; i < n; i++) {
        if (s.charAt(i) != '0') {
          return NOT_AN_INTEGER;
        }
      }
    }
    return (int) (negative ? -v : v);
  }
}
