package org.recoveryreview.ingest;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.recoveryreview.model.Codes;

/**
 * The goal domains the contract names and the aliases that map onto them (built in and configured);
 * any other text is a domain of its own in lower_snake_case, because a clinic's goals do not all
 * fit a fixed list.
 */
final class GoalDomains {
  /** Domains the contract names, in the order docs/input-format.md lists them. */
  static final List<String> KNOWN =
      List.of(
          "dressing",
          "eating",
          "cooking",
          "grooming",
          "bathing",
          "writing",
          "assistive_device",
          "household",
          "work",
          "leisure");

  /** Built-in aliases (matched without case, spaces, hyphens or underscores). */
  static final Map<String, String> BUILT_IN_ALIASES =
      Map.ofEntries(
          Map.entry("dress", "dressing"),
          Map.entry("upper_body_dressing", "dressing"),
          Map.entry("feeding", "eating"),
          Map.entry("self_feeding", "eating"),
          Map.entry("meal_preparation", "cooking"),
          Map.entry("meal_prep", "cooking"),
          Map.entry("kitchen", "cooking"),
          Map.entry("personal_care", "grooming"),
          Map.entry("hygiene", "grooming"),
          Map.entry("washing", "bathing"),
          Map.entry("showering", "bathing"),
          Map.entry("handwriting", "writing"),
          Map.entry("assistive_devices", "assistive_device"),
          Map.entry("aids", "assistive_device"),
          Map.entry("equipment", "assistive_device"),
          Map.entry("housework", "household"),
          Map.entry("domestic", "household"),
          Map.entry("employment", "work"),
          Map.entry("job", "work"),
          Map.entry("hobby", "leisure"),
          Map.entry("hobbies", "leisure"),
          Map.entry("recreation", "leisure"),
          Map.entry("穿衣", "dressing"),
          Map.entry("进食", "eating"),
          Map.entry("吃饭", "eating"),
          Map.entry("做饭", "cooking"),
          Map.entry("烹饪", "cooking"),
          Map.entry("梳洗", "grooming"),
          Map.entry("洗澡", "bathing"),
          Map.entry("书写", "writing"),
          Map.entry("写字", "writing"),
          Map.entry("辅助器具", "assistive_device"),
          Map.entry("家务", "household"),
          Map.entry("工作", "work"),
          Map.entry("休闲", "leisure"));

  private final Map<String, String> byKey = new HashMap<>();
  private final Map<String, Optional<String>> cache = new HashMap<>();

  /** Built-in aliases plus {@code configured} (alias to domain), which win over built-in ones. */
  GoalDomains(Map<String, String> configured) {
    for (String d : KNOWN) {
      byKey.put(Codes.key(d), d);
    }
    BUILT_IN_ALIASES.forEach((alias, d) -> byKey.put(Codes.key(alias), d));
    configured.forEach((alias, d) -> byKey.put(Codes.key(alias), Codes.snakeCase(d)));
  }

  /**
   * The domain a value stands for: a known domain or alias, else the value in lower_snake_case;
   * empty when blank or when nothing but punctuation is left.
   */
  Optional<String> domain(String value) {
    if (value.isEmpty()) {
      return Optional.empty();
    }
    Optional<String> d = cache.get(value);
    if (d == null) {
      String known = byKey.get(Codes.key(value));
      String code = known != null ? known : Codes.snakeCase(value);
      d = code.isEmpty() ? Optional.empty() : Optional.of(code.intern());
      if (cache.size() < 10_000) {
        cache.put(value, d);
      }
    }
    return d;
  }
}
