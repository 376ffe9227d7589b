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
    int first = firstControl(text);
    if (first < 0) {
      return text;
    }
    StringBuilder b = new StringBuilder(text.length() + 16);
    b.append(text, 0, first);
    for (int i = first; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!Character.isISOControl(c)) {
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

  private static int firstControl(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (Character.isISOControl(text.charAt(i))) {
        return i;
      }
    }
    return -1;
  }
}
