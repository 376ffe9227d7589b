package org.recoveryreview.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CompilerModeTest {

  @Test
  void quickOnly_autoOnTwoCoresOrFewer_true() {
    assertTrue(CompilerMode.quickOnly("auto", 1));
    assertTrue(CompilerMode.quickOnly("auto", 2));
  }

  @Test
  void quickOnly_autoOnMoreCores_false() {
    assertFalse(CompilerMode.quickOnly("auto", 3));
    assertFalse(CompilerMode.quickOnly("auto", 64));
  }

  @Test
  void quickOnly_operatorsChoice_winsOverTheCoreCount() {
    assertFalse(CompilerMode.quickOnly("full", 2));
    assertTrue(CompilerMode.quickOnly(" Quick ", 16));
  }

  @Test
  void addQuickOnlyDirective_onHotSpot_excludesC2ButForSha256() throws Exception {
    String answer = CompilerMode.addQuickOnlyDirective();
    try {
      assertTrue(answer.contains("2 compiler directives added"), answer);
      String printed = String.valueOf(CompilerMode.diagnosticCommand("compilerDirectivesPrint"));
      // Directives print in the order they match: SHA-256 keeps C2, then every method loses it.
      String[] directives = printed.split("Directive:");
      String sha = directives[1];
      String all = directives[2];
      assertTrue(sha.contains("matching: sun/security/provider/*.implCompress*"), sha);
      assertTrue(c2(sha).contains("Exclude:false"), sha);
      assertTrue(all.contains("matching: *.*"), all);
      assertTrue(c1(all).contains("Exclude:false"), all);
      assertTrue(c2(all).contains("Exclude:true"), all);
    } finally {
      // The test JVM goes back to both compilers.
      CompilerMode.diagnosticCommand("compilerDirectivesRemove");
      CompilerMode.diagnosticCommand("compilerDirectivesRemove");
    }
  }

  private static String c1(String directive) {
    return directive.substring(
        directive.indexOf("c1 directives"), directive.indexOf("c2 directives"));
  }

  private static String c2(String directive) {
    return directive.substring(directive.indexOf("c2 directives"));
  }
}
