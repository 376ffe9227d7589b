package org.recoveryreview;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.recoveryreview.report.ReportRenderer;

class FamilyAndTeamDocumentsTest {
  private static String hash(String name) {
    String f = ReportRenderer.fileName(name);
    return f.substring(f.lastIndexOf('~'));
  }

  @Test
  void bundlePath_plainName_isTheName() {
    assertEquals("therapists/Kim.pdf", FamilyAndTeamDocuments.bundlePath("Kim"));
  }

  @Test
  void bundlePath_nameWithSpacesAndDots_collapsesUnderscores() {
    assertEquals(
        "therapists/T_Lee" + hash("T. Lee") + ".pdf", FamilyAndTeamDocuments.bundlePath("T. Lee"));
  }

  @Test
  void bundlePath_nonLatinNames_therapistPlusDistinctHash() {
    String a = FamilyAndTeamDocuments.bundlePath("李娜");
    String b = FamilyAndTeamDocuments.bundlePath("王芳");
    assertTrue(a.startsWith("therapists/therapist~"), a);
    assertNotEquals(a, b);
  }
}
