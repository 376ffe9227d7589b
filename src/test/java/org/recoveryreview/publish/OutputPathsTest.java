package org.recoveryreview.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The patient PDF name: inside the folder, no collisions, never hidden. */
class OutputPathsTest {
  @TempDir Path dir;

  @Test
  void fileName_plainId_isTheId() {
    assertEquals("P001", OutputPaths.fileName("P001"));
    assertEquals("a_b", OutputPaths.fileName("a_b"));
    assertEquals("x.y-z_1", OutputPaths.fileName("x.y-z_1"));
  }

  @Test
  void fileName_pathTraversal_staysInsideFolderWithHash() {
    assertEquals("______x~9cdf6a50", OutputPaths.fileName("../../x"));
    assertEquals("a_b~c14cddc0", OutputPaths.fileName("a/b"));
  }

  @Test
  void fileName_dotAndDotDot_areHashed() {
    assertEquals("_~cdb4ee2a", OutputPaths.fileName("."));
    assertEquals("__~5ec1f7e7", OutputPaths.fileName(".."));
  }

  @Test
  void fileName_idStartingWithDot_neverGivesAHiddenFile() {
    for (String id : List.of(".hidden", ".P1.pdf.tmp-1", "._x", ".recovery-review-temp")) {
      String name = OutputPaths.fileName(id);
      assertFalse(name.startsWith("."), name);
      assertTrue(name.matches("_[A-Za-z0-9_-]*~[0-9a-f]{8}"), name);
    }
    assertEquals("patients/P1.x.pdf", OutputPaths.patientPdf("P1.x"));
  }

  @Test
  void fileName_slashAndUnderscore_doNotCollide() {
    assertNotEquals(OutputPaths.fileName("a/b"), OutputPaths.fileName("a_b"));
    assertNotEquals(OutputPaths.fileName("a/b"), OutputPaths.fileName("a\\b"));
  }

  @Test
  void fileName_windowsReservedAndControlCharacters_replaced() {
    assertEquals("CON_1~27f76a12", OutputPaths.fileName("CON:1"));
    String n = OutputPaths.fileName("a<b>c\"d|e?f*g\u0000h\u001fi\tj");
    assertTrue(n.matches("[A-Za-z0-9_-]+~[0-9a-f]{8}"), n);
  }

  @Test
  void fileName_nonAsciiId_hashedSoFileSystemsAgree() {
    assertEquals("___~0c257730", OutputPaths.fileName("王秀英"));
  }

  @Test
  void fileName_anyId_resolvesInsidePatientsFolder() {
    Path patients = dir.resolve("patients");
    for (String id :
        List.of("../../x", "a/b", ".", "..", "/etc/passwd", "C:\\x", "", " ", "..\\..")) {
      String name = OutputPaths.fileName(id);
      Path file = patients.resolve(name + ".pdf").normalize();
      assertEquals(patients, file.getParent(), id);
      assertTrue(name.matches("[A-Za-z0-9._~-]+"), name);
      assertTrue(!name.startsWith("."), name);
    }
  }
}
