package org.recoveryreview.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileNameTest {
  @TempDir Path dir;

  @Test
  void fileName_plainId_isTheId() {
    assertEquals("P001", ReportRenderer.fileName("P001"));
    assertEquals("a_b", ReportRenderer.fileName("a_b"));
    assertEquals("x.y-z_1", ReportRenderer.fileName("x.y-z_1"));
  }

  @Test
  void fileName_pathTraversal_staysInsideFolderWithHash() {
    assertEquals("______x~9cdf6a50", ReportRenderer.fileName("../../x"));
    assertEquals("a_b~c14cddc0", ReportRenderer.fileName("a/b"));
  }

  @Test
  void fileName_dotAndDotDot_areHashed() {
    assertEquals("_~cdb4ee2a", ReportRenderer.fileName("."));
    assertEquals("__~5ec1f7e7", ReportRenderer.fileName(".."));
  }

  @Test
  void fileName_slashAndUnderscore_doNotCollide() {
    assertNotEquals(ReportRenderer.fileName("a/b"), ReportRenderer.fileName("a_b"));
    assertNotEquals(ReportRenderer.fileName("a/b"), ReportRenderer.fileName("a\\b"));
  }

  @Test
  void fileName_windowsReservedAndControlCharacters_replaced() {
    assertEquals("CON_1~27f76a12", ReportRenderer.fileName("CON:1"));
    String n = ReportRenderer.fileName("a<b>c\"d|e?f*g\u0000h\u001fi\tj");
    assertTrue(n.matches("[A-Za-z0-9_-]+~[0-9a-f]{8}"), n);
  }

  @Test
  void fileName_nonAsciiId_hashedSoFileSystemsAgree() {
    assertEquals("___~0c257730", ReportRenderer.fileName("王秀英"));
  }

  @Test
  void fileName_anyId_resolvesInsidePatientsFolder() {
    Path patients = dir.resolve("patients");
    for (String id :
        List.of("../../x", "a/b", ".", "..", "/etc/passwd", "C:\\x", "", " ", "..\\..")) {
      String name = ReportRenderer.fileName(id);
      Path file = patients.resolve(name + ".pdf").normalize();
      assertEquals(patients, file.getParent(), id);
      assertTrue(name.matches("[A-Za-z0-9._~-]+"), name);
      assertTrue(!name.startsWith("."), name);
    }
  }
}
