package org.recoveryreview.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.recoveryreview.model.Status;

class VocabularyTest {
  @ParameterizedTest
  @CsvSource({
    "45,45",
    "0,0",
    "+7,7",
    "-5,-5",
    "45.0,45",
    "45.000,45",
    "99999999999999,2147483647",
    "45.5,-2147483648",
    "4 5,-2147483648",
    "1e3,-2147483648",
    "-,-2147483648",
    ".0,-2147483648",
    "abc,-2147483648",
  })
  void integer_text_givesValueOrSentinel(String text, int expected) {
    assertEquals(expected, Vocabulary.integer(text));
  }

  @ParameterizedTest
  @CsvSource({
    "Occupational Therapy,occupational_therapy",
    "neuro-muscular re_education,neuromuscular_reeducation",
    "STRENGTH  TRAINING,strength_training",
    "'Mirror therapy (bilateral)',mirror_therapy_bilateral",
    "针灸,针灸",
    "'--',''",
  })
  void therapy_freeText_isLowerSnakeCase(String text, String expected) {
    assertEquals(expected, new Vocabulary(Map.of()).therapy(text));
  }

  @Test
  void therapy_sameText_returnsSharedInstance() {
    Vocabulary v = new Vocabulary(Map.of());
    assertSame(v.therapy(new String("Massage")), v.therapy(new String("Massage")));
  }

  @Test
  void status_configuredAliasOverridesBuiltIn() {
    Vocabulary v = new Vocabulary(Map.of("done", Status.PARTIAL));
    assertEquals(Optional.of(Status.PARTIAL), v.status("Done"));
    assertEquals(Optional.of(Status.COMPLETED), v.status("fulfilled"));
    assertEquals(Optional.empty(), v.status("maybe"));
  }

  @Test
  void side_acceptedSpellings_mapToLeftOrRight() {
    assertEquals("left", Vocabulary.side("LEFT"));
    assertEquals("right", Vocabulary.side("r"));
    assertEquals(null, Vocabulary.side("both"));
  }
}
