package org.recoveryreview.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.BitSet;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TaggingTest {
  @Test
  void spanLanguage_nameInOneScript_isThatLanguage() {
    assertEquals(Optional.of("ar"), Tagging.spanLanguage("سارة أحمد"));
    assertEquals(Optional.of("he"), Tagging.spanLanguage("דוד כהן"));
    assertEquals(Optional.of("zh"), Tagging.spanLanguage("王秀英"));
    assertEquals(Optional.of("ja"), Tagging.spanLanguage("さくら 山田"));
  }

  @Test
  void spanLanguage_latinOrMixed_isEmpty() {
    assertEquals(Optional.empty(), Tagging.spanLanguage("Anna Nowak"));
    assertEquals(Optional.empty(), Tagging.spanLanguage("Patient سارة"));
    assertEquals(Optional.empty(), Tagging.spanLanguage("12 %"));
  }

  @Test
  void toUnicodeMap_presentationForms_becomeLetters() {
    String cmap = "begincmap\n2 beginbfrange\n<0003><0003><0020>\n<1483><1483><FEB3>\n";
    String fixed = ToUnicode.map(cmap + "1 beginbfchar\n<1490> <FEFB>\nendbfchar\n");
    // Seen (U+FEB3) becomes U+0633; the lam-alef ligature becomes lam and alef.
    assertEquals(
        cmap.replace("<FEB3>", "<0633>") + "1 beginbfchar\n<1490> <06440627>\nendbfchar\n", fixed);
  }

  @Test
  void mayMapPresentationForms_eachFormRangeEitherCase_trueLatinOnly_false() {
    assertTrue(ToUnicode.mayMapPresentationForms("<1483><1483><FEB3>"));
    assertTrue(ToUnicode.mayMapPresentationForms("<0010> <fb1d>"));
    assertTrue(ToUnicode.mayMapPresentationForms("<0010> <FDF2>"));
    assertTrue(ToUnicode.mayMapPresentationForms("<0010> <FC5E>"));
    assertFalse(ToUnicode.mayMapPresentationForms("<0003><0003><0020>\n<0010> <00E9>"));
    assertFalse(ToUnicode.mayMapPresentationForms("<0010> <FF21> <FA00>"));
    assertFalse(ToUnicode.mayMapPresentationForms("ends with <F"));
  }

  @Test
  void cidSetBits_highBitFirst() {
    BitSet cids = new BitSet();
    cids.set(0, 3);
    cids.set(9);
    assertArrayEquals(new byte[] {(byte) 0xE0, 0x40}, CidSets.bits(cids));
  }
}
