package org.recoveryreview.report;

import com.ibm.icu.text.MessageFormat;
import com.ibm.icu.util.ULocale;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The family handout's words in one language, from the {@code handout} resource bundles (no text in
 * code), with a site's own wording over them when configured ({@link HandoutBundles}). Counts agree
 * in number by the language's plural rules (ICU {@link MessageFormat}: "1 time", "2 times"; the six
 * Arabic forms). Languages without a bundle get English; the job warns about them once.
 */
public final class HandoutText {
  /** Languages with their own handout text, in the order the documentation lists them. */
  public static final List<String> LANGUAGES = List.of("en", "zh", "es", "ar", "ja", "ko");

  /** The same languages as a set. */
  public static final Set<String> SUPPORTED = Set.copyOf(LANGUAGES);

  private static final Set<String> RIGHT_TO_LEFT = Set.of("ar");

  private final String language;
  private final ULocale locale;
  private final Locale javaLocale;
  private final Map<String, String> words;

  HandoutText(String language, Map<String, String> words) {
    this.language = language;
    // Latin digits in every language, Arabic included: the same digits as the chart's axis and as
    // the clinic's own papers, so a count reads the same everywhere on the page.
    this.locale = ULocale.forLanguageTag(language + "-u-nu-latn");
    this.javaLocale = Locale.forLanguageTag(language);
    this.words = Map.copyOf(words);
  }

  /**
   * The handout language for a patient's BCP 47 language code: its primary language ("zh-Hant" and
   * "zh-CN" are Chinese, "es-MX" Spanish) when it has a bundle, else English.
   */
  static String languageOf(Optional<String> tag) {
    return tag.map(HandoutText::primary).filter(SUPPORTED::contains).orElse("en");
  }

  private static String primary(String tag) {
    return Locale.forLanguageTag(tag.strip().replace('_', '-')).getLanguage();
  }

  /** True when a handout can be written in {@code language} (blank counts as English). */
  public static boolean supported(Optional<String> language) {
    return language.isEmpty() || SUPPORTED.contains(primary(language.get()));
  }

  String language() {
    return language;
  }

  /** True for languages written right to left (Arabic): the whole page is laid out that way. */
  boolean rightToLeft() {
    return RIGHT_TO_LEFT.contains(language);
  }

  /** True for Chinese, Japanese and Korean, written in the CJK face. */
  boolean cjk() {
    return language.equals("zh") || language.equals("ja") || language.equals("ko");
  }

  /** The text under {@code key} with its {0}, {1} ... filled in, plural forms chosen per count. */
  String get(String key, Object... args) {
    String pattern = words.get(key);
    if (pattern == null) {
      // Every bundle is checked for every key by a test and site files when loaded: a bug.
      throw new IllegalStateException("handout text '" + key + "' missing for " + language);
    }
    return new MessageFormat(pattern, locale).format(args);
  }

  /** A month as the language writes it ("October 2026", "2026年10月"). */
  String month(YearMonth m) {
    return DateTimeFormatter.ofPattern(words.get("month.pattern"), javaLocale).format(m);
  }

  /** A week's Monday as the chart labels it ("5 Oct", "10月5日"). */
  String week(LocalDate d) {
    return DateTimeFormatter.ofPattern(words.get("week.pattern"), javaLocale).format(d);
  }
}
