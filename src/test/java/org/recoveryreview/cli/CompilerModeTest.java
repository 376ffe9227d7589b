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
  void addQuickOnlyDirective_onHotSpot_excludesC2AndLeavesC1On() throws Exception {
    String answer = CompilerMode.addQuickOnlyDirective();
    try {
      assertTrue(answer.contains("1 compiler directives added"), answer);
      String printed = String.valueOf(CompilerMode.diagnosticCommand("compilerDirectivesPrint"));
      // The newest directive prints first: its c1 block keeps Exclude:false, its c2 block is on.
      String newest = printed.substring(0, printed.indexOf("Directive: (default)"));
      assertTrue(newest.contains("matching: *.*"), newest);
      String c1 =
          newest.substring(newest.indexOf("c1 directives"), newest.indexOf("c2 directives"));
      String c2 = newest.substring(newest.indexOf("c2 directives"));
      assertTrue(c1.contains("Exclude:false"), c1);
      assertTrue(c2.contains("Exclude:true"), c2);
    } finally {
      // The test JVM goes back to both compilers.
      CompilerMode.diagnosticCommand("compilerDirectivesRemove");
    }
  }
}
