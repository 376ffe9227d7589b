package org.recoveryreview.model;

/**
 * Makes text from an export safe to print on a terminal or write to a report CSV: control
 * characters (NUL, escape, line breaks …) are shown as Java escapes such as {@code \u0000} instead
 * of being passed on raw.
 */
public final class Printable {
  private Printable() {}

  /** {@code text} with every control character escaped; the same instance when there is none. */
  public static String escape(String text) {
    return escape(text, false);
  }

  /**
   * {@code text} with every control character but tab, line feed and carriage return escaped: for
   * values, where a quoted line break is part of the text.
   */
  public static String escapeKeepingLineBreaks(String text) {
    return escape(text, true);
  }

  private static String escape(String text, boolean keepBreaks) {
    int first = firstControl(text, keepBreaks);
    if (first < 0) {
      return text;
    }
    StringBuilder b = new StringBuilder(text.length() + 16);
    b.append(text, 0, first);
    for (int i = first; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!isEscaped(c, keepBreaks)) {
        b.append(c);
        continue;
      }
      switch (c) {
        case '\t' -> b.append("\\t");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        default -> b.append(String.format("\\u%04X", (int) c));
      }
    }
    return b.toString();
  }

  private static boolean isEscaped(char c, boolean keepBreaks) {
    return Character.isISOControl(c) && !(keepBreaks && (c == '\t' || c == '\n' || c == '\r'));
  }

  private static int firstControl(String text, boolean keepBreaks) {
    for (int i = 0; i < text.length(); i++) {
      if (isEscaped(text.charAt(i), keepBreaks)) {
        return i;
      }
    }
    return -1;
  }
}
