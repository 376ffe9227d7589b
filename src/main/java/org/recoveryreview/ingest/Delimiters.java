package org.recoveryreview.ingest;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** How a file's delimiter is found: an Excel {@code sep=X} first line, else the commonest one. */
final class Delimiters {
  private static final int DETECT_LIMIT = 1 << 16;
  // Excel writes "sep=;" as the first line to name the delimiter, sometimes quoted.
  private static final Pattern SEP_LINE =
      Pattern.compile("\"?sep=([^\r\n\"])\"?(\r\n|\n|\r)", Pattern.CASE_INSENSITIVE);

  private Delimiters() {}

  /**
   * The delimiter named by an Excel {@code sep=X} first line, consumed; else empty and nothing
   * consumed.
   */
  static Optional<Character> excelSeparator(BufferedReader reader) throws IOException {
    reader.mark(16);
    char[] head = new char[8];
    int n = reader.read(head, 0, head.length);
    String start = n <= 0 ? "" : new String(head, 0, n);
    Matcher m = SEP_LINE.matcher(start);
    reader.reset();
    if (!m.lookingAt()) {
      return Optional.empty();
    }
    long consumed = reader.skip(m.end());
    if (consumed != m.end()) {
      throw new IOException("could not skip the sep= line");
    }
    return Optional.of(m.group(1).charAt(0));
  }

  /**
   * The delimiter among comma, semicolon and tab that occurs most often outside quotes in the first
   * non-blank line; comma on a tie or when none occurs.
   */
  static char detect(BufferedReader reader) throws IOException {
    reader.mark(DETECT_LIMIT + 1);
    int comma = 0;
    int semicolon = 0;
    int tab = 0;
    boolean quoted = false;
    boolean content = false;
    for (int n = 0; n < DETECT_LIMIT; n++) {
      int c = reader.read();
      if (c < 0) {
        break;
      }
      if (c == '"') {
        quoted = !quoted;
      } else if (!quoted) {
        if (c == '\n' || c == '\r') {
          if (content) {
            break;
          }
        } else if (c == ',') {
          comma++;
        } else if (c == ';') {
          semicolon++;
        } else if (c == '\t') {
          tab++;
        }
      }
      if (!Character.isWhitespace(c)) {
        content = true;
      }
    }
    reader.reset();
    char best = ',';
    int bestCount = comma;
    if (semicolon > bestCount) {
      best = ';';
      bestCount = semicolon;
    }
    return tab > bestCount ? '\t' : best;
  }

  /** A delimiter as an error message names it: "tab", or the character. */
  static String printable(char c) {
    return c == '\t' ? "tab" : String.valueOf(c);
  }
}
