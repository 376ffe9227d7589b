package org.recoveryreview.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BundlePathTest {
  private static String hash(String name) {
    String f = OutputPaths.fileName(name);
    return f.substring(f.lastIndexOf('~'));
  }

  @Test
  void bundlePdf_plainName_isTheName() {
    assertEquals("therapists/Kim.pdf", OutputPaths.bundlePdf("Kim"));
  }

  @Test
  void bundlePdf_nameWithSpacesAndDots_collapsesUnderscores() {
    assertEquals("therapists/T_Lee" + hash("T. Lee") + ".pdf", OutputPaths.bundlePdf("T. Lee"));
  }

  @Test
  void bundlePdf_nonLatinNames_therapistPlusDistinctHash() {
    String a = OutputPaths.bundlePdf("李娜");
    String b = OutputPaths.bundlePdf("王芳");
    assertTrue(a.startsWith("therapists/therapist~"), a);
    assertNotEquals(a, b);
  }

  @Test
  void handoutPdf_idStartingWithDot_isNeverHidden() {
    assertTrue(OutputPaths.handoutPdf(".P1").startsWith("handouts/_P1~"));
  }
}
