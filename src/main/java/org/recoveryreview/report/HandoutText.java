package org.recoveryreview.report;

import java.text.MessageFormat;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.Set;

/**
 * The family handout's words in one language, from the {@code handout} resource bundles (no text in
 * code). Languages without a bundle get English; the job warns about them.
 */
public final class HandoutText {
  /** Languages with their own handout text. */
  public static final Set<String> SUPPORTED = Set.of("en", "zh");

  private static final String BUNDLE = "org.recoveryreview.report.handout";

  private final String language;
  private final Locale locale;
  private final ResourceBundle bundle;

  private HandoutText(String language) {
    this.language = language;
    this.locale = Locale.forLanguageTag(language);
    // No fallback to the JVM's default locale: the same data must give the same handout anywhere.
    this.bundle =
        ResourceBundle.getBundle(
            BUNDLE,
            locale,
            HandoutText.class.getClassLoader(),
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
  }

  /** The text for a patient's language; English when it is blank or has no bundle. */
  static HandoutText of(Optional<String> language) {
    return new HandoutText(language.filter(SUPPORTED::contains).orElse("en"));
  }

  /** True when a handout can be written in {@code language} (blank counts as English). */
  public static boolean supported(Optional<String> language) {
    return language.isEmpty() || SUPPORTED.contains(language.get());
  }

  String language() {
    return language;
  }

  boolean isChinese() {
    return language.equals("zh");
  }

  /** The text under {@code key} with its {0}, {1} ... filled in. */
  String get(String key, Object... args) {
    String pattern = bundle.getString(key);
    if (args.length == 0) {
      return pattern;
    }
    // Numbers as plain digits: MessageFormat would group thousands by locale.
    Object[] plain = new Object[args.length];
    for (int i = 0; i < args.length; i++) {
      plain[i] = args[i] instanceof Number n ? n.toString() : args[i];
    }
    return new MessageFormat(pattern, locale).format(plain);
  }

  String month(YearMonth m) {
    return DateTimeFormatter.ofPattern(get("month.pattern"), locale).format(m);
  }

  String week(LocalDate d) {
    return DateTimeFormatter.ofPattern(get("week.pattern"), locale).format(d);
  }
}
