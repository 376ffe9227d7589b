package org.recoveryreview.model;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The one normaliser for the codes exports and the configuration write (statuses, settings,
 * therapies, header names): two spellings are the same code when they have the same letters and
 * digits in the same order, ignoring letter case, so "Late Cancel", "late-cancel" and "LateCancel"
 * all mean {@code late_cancel}.
 */
public final class Codes {
  /** Therapies the contract names; other values are categories of their own. */
  public static final List<String> KNOWN_THERAPIES =
      List.of(
          "occupational_therapy",
          "physical_therapy",
          "neuromuscular_reeducation",
          "acupuncture",
          "massage",
          "range_of_motion",
          "strength_training",
          "task_practice");

  private static final Map<String, String> KNOWN_THERAPY_BY_KEY = new HashMap<>();

  static {
    for (String t : KNOWN_THERAPIES) {
      KNOWN_THERAPY_BY_KEY.put(key(t), t);
    }
  }

  private Codes() {}

  /**
   * The form codes are compared in: the letters and digits of {@code value} in lower case, every
   * other character (spaces of any kind, hyphens, underscores, punctuation, byte-order marks)
   * dropped, except control characters, which are kept so that a garbled value matches nothing.
   */
  public static String key(String value) {
    StringBuilder b = new StringBuilder(value.length());
    for (int i = 0; i < value.length(); ) {
      int cp = value.codePointAt(i);
      i += Character.charCount(cp);
      // Control characters such as NUL are kept, so a garbled value matches no code.
      if (Character.isLetterOrDigit(cp)
          || (Character.isISOControl(cp) && !Character.isWhitespace(cp))) {
        b.appendCodePoint(cp);
      }
    }
    return b.toString().toLowerCase(Locale.ROOT);
  }

  /**
   * Lower_snake_case as the contract writes codes: letter case lowered, every run of characters
   * that are not letters or digits becomes one underscore, none at either end.
   */
  public static String snakeCase(String value) {
    String lower = value.toLowerCase(Locale.ROOT);
    StringBuilder b = new StringBuilder(lower.length());
    boolean pendingSeparator = false;
    for (int i = 0; i < lower.length(); ) {
      int cp = lower.codePointAt(i);
      i += Character.charCount(cp);
      if (Character.isLetterOrDigit(cp)) {
        if (pendingSeparator && b.length() > 0) {
          b.append('_');
        }
        pendingSeparator = false;
        b.appendCodePoint(cp);
      } else {
        pendingSeparator = true;
      }
    }
    return b.toString();
  }

  /**
   * The therapy code of a free-text therapy: a known therapy's code when the value has the same
   * {@link #key} ("Neuromuscular Re-education" is {@code neuromuscular_reeducation}), else the
   * value in {@link #snakeCase}; empty when it has no letters or digits.
   */
  public static String therapy(String value) {
    String snake = snakeCase(value);
    String known = KNOWN_THERAPY_BY_KEY.get(snake.replace("_", ""));
    return known != null ? known : snake;
  }
}
