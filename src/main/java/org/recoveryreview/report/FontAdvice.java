package org.recoveryreview.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Words the run's single warning about unprintable text: which documents and scripts, and the
 * install command or setting that fixes it on each operating system.
 */
final class FontAdvice {
  /** Documents named in full; the rest are counted, so the warning stays one readable line. */
  private static final int LISTED = 20;

  /** Scripts and blocks a CJK font supplies (see {@link DocFonts#scriptName}). */
  private static final Set<String> CJK_SCRIPTS =
      Set.of("Han", "Hiragana", "Katakana", "Hangul", "Bopomofo", "Halfwidth and fullwidth forms");

  private static boolean isCjk(String script) {
    return CJK_SCRIPTS.contains(script) || script.startsWith("CJK");
  }

  static final String CJK_FIX =
      "install a CJK font and run again (Debian/Ubuntu: apt-get install fonts-noto-cjk;"
          + " RHEL/Fedora: dnf install google-noto-sans-cjk-fonts; Windows and macOS ship one,"
          + " found in C:\\Windows\\Fonts or /System/Library/Fonts), or set "
          + ReportFonts.CJK_KEY
          + " to a .ttf/.otf/.ttc file";

  private FontAdvice() {}

  /** The warning for documents (by owner) and the scripts they could not draw; empty if none. */
  static Optional<String> warning(Map<String, Set<String>> unprintable) {
    if (unprintable.isEmpty()) {
      return Optional.empty();
    }
    Set<String> scripts = new TreeSet<>();
    List<String> docs = new ArrayList<>();
    for (Map.Entry<String, Set<String>> e : unprintable.entrySet()) {
      scripts.addAll(e.getValue());
      if (docs.size() < LISTED) {
        docs.add(e.getKey() + " (" + String.join(", ", e.getValue()) + ")");
      }
    }
    if (unprintable.size() > LISTED) {
      docs.add("and " + (unprintable.size() - LISTED) + " more");
    }
    List<String> fixes = new ArrayList<>();
    if (scripts.stream().anyMatch(FontAdvice::isCjk)) {
      fixes.add(CJK_FIX);
    }
    if (scripts.stream().anyMatch(s -> !isCjk(s))) {
      fixes.add(
          "set "
              + ReportFonts.LATIN_KEY
              + " to a font that covers "
              + String.join(", ", scripts.stream().filter(s -> !isCjk(s)).toList())
              + " (e.g. the Noto Sans font for that script)");
    }
    int n = unprintable.size();
    return Optional.of(
        "No font on this machine can draw some "
            + String.join(", ", scripts)
            + " text, so "
            + n
            + (n == 1 ? " report shows \"" : " reports show \"")
            + DocFonts.UNPRINTABLE_NAME
            + "\" in its place: "
            + String.join(", ", docs)
            + ". To fix: "
            + String.join("; or ", fixes)
            + ".");
  }
}
