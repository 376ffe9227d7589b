package org.recoveryreview.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CodesTest {
  @ParameterizedTest
  @CsvSource({
    "Neuromuscular Re-education,neuromuscular_reeducation",
    "neuromuscular_re_education,neuromuscular_reeducation",
    "RangeOfMotion,range_of_motion",
    "'  Mirror therapy (bilateral) ',mirror_therapy_bilateral",
    "针灸,针灸",
    "'--',''",
  })
  void therapy_spellings_giveOneCode(String text, String code) {
    assertEquals(code, Codes.therapy(text));
  }

  @Test
  void key_separatorsCaseAndUnicodeSpaces_areIgnored() {
    assertEquals("latecancel", Codes.key("Late\u00A0Cancel"));
    assertEquals("latecancel", Codes.key("\uFEFFlate-cancel\u3000"));
    assertEquals(Codes.key("LateCancel"), Codes.key("late_cancel"));
  }

  @Test
  void statusParse_anySpellingOfACode_findsIt() {
    assertEquals(Optional.of(Status.LATE_CANCEL), Status.parse("LateCancel"));
    assertEquals(Optional.of(Status.CLINIC_CANCELLED), Status.parse("Clinic cancelled"));
    assertEquals(Optional.empty(), Status.parse("no_show"));
    assertEquals(Optional.empty(), Status.parse("compl\u0000eted"));
  }

  @Test
  void settingParse_anySpelling_findsIt() {
    assertEquals(Optional.of(Setting.TELE), Setting.parse(" Tele\u00A0"));
    assertEquals(Optional.empty(), Setting.parse("office"));
  }

  @Test
  void escape_controlCharacters_areShownAsEscapes() {
    assertEquals("a\\u0000b\\u001B[0m\\tc\\n", Printable.escape("a\u0000b\u001b[0m\tc\n"));
    String clean = "王伟 é";
    assertEquals(clean, Printable.escape(clean));
  }
}
