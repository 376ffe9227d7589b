package org.recoveryreview.ingest;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the patients' optional language column as a lower-case language code: the primary subtag of
 * a tag such as "zh-CN" or "en_GB", or the code for a language's name ("Chinese", "中文"). Codes the
 * reports have no text for are kept as written; the report falls back to English.
 */
final class Languages {
  private static final Map<String, String> NAMES =
      Map.ofEntries(
          Map.entry("english", "en"),
          Map.entry("chinese", "zh"),
          Map.entry("mandarin", "zh"),
          Map.entry("cantonese", "zh"),
          Map.entry("中文", "zh"),
          Map.entry("汉语", "zh"),
          Map.entry("普通话", "zh"),
          Map.entry("英语", "en"),
          Map.entry("spanish", "es"),
          Map.entry("español", "es"),
          Map.entry("arabic", "ar"),
          Map.entry("العربية", "ar"),
          Map.entry("japanese", "ja"),
          Map.entry("日本語", "ja"),
          Map.entry("korean", "ko"),
          Map.entry("한국어", "ko"));

  private Languages() {}

  /** The language code, or empty when the value is blank. */
  static Optional<String> code(String value) {
    String v = value.strip().toLowerCase(Locale.ROOT);
    if (v.isEmpty()) {
      return Optional.empty();
    }
    String named = NAMES.get(v);
    if (named != null) {
      return Optional.of(named);
    }
    int cut = 0;
    while (cut < v.length() && v.charAt(cut) != '-' && v.charAt(cut) != '_') {
      cut++;
    }
    return Optional.of(v.substring(0, cut).intern());
  }
}
