package org.recoveryreview.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class LanguagesTest {
  @Test
  void code_tagsAndNamesOfTheSixHandoutLanguages_primaryCode() {
    assertEquals(Optional.of("es"), Languages.code("es-MX"));
    assertEquals(Optional.of("zh"), Languages.code("zh-Hant"));
    assertEquals(Optional.of("ar"), Languages.code("Arabic"));
    assertEquals(Optional.of("ar"), Languages.code("العربية"));
    assertEquals(Optional.of("es"), Languages.code("Español"));
    assertEquals(Optional.of("ja"), Languages.code("日本語"));
    assertEquals(Optional.of("ko"), Languages.code("Korean"));
    assertEquals(Optional.of("fr"), Languages.code("fr-CA"));
    assertEquals(Optional.empty(), Languages.code("  "));
  }
}
