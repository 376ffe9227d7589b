package org.recoveryreview.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import javax.management.ObjectName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompilerModeTest {

  private static final long SMALL = 53_000_000; // 2,000 patients x 12 months: C1 measured faster
  private static final long LARGE = 259_000_000; // 10,000 patients: C2 measured faster

  @Test
  void quickOnly_autoSmallInputOnTwoCoresOrFewer_true() {
    assertTrue(CompilerMode.quickOnly("auto", 1, SMALL));
    assertTrue(CompilerMode.quickOnly("auto", 2, SMALL));
    assertTrue(CompilerMode.quickOnly("auto", 2, CompilerMode.QUICK_INPUT_MAX_MB * 1_000_000));
  }

  @Test
  void quickOnly_autoLargeInput_false() {
    assertFalse(CompilerMode.quickOnly("auto", 2, LARGE));
    assertFalse(CompilerMode.quickOnly("auto", 2, CompilerMode.QUICK_INPUT_MAX_MB * 1_000_000 + 1));
  }

  @Test
  void quickOnly_autoOnMoreCores_false() {
    assertFalse(CompilerMode.quickOnly("auto", 3, SMALL));
    assertFalse(CompilerMode.quickOnly("auto", 64, 0));
  }

  @Test
  void quickOnly_operatorsChoice_winsOverCoresAndInput() {
    assertFalse(CompilerMode.quickOnly("full", 2, 0));
    assertTrue(CompilerMode.quickOnly(" Quick ", 16, LARGE));
  }

  @Test
  void csvOnC2_autoQuickFromTheCut_true() {
    long cut = CompilerMode.CSV_ON_C2_MIN_MB * 1_000_000;
    assertTrue(CompilerMode.csvOnC2("auto", 2, SMALL));
    assertTrue(CompilerMode.csvOnC2("auto", 2, cut));
    assertFalse(CompilerMode.csvOnC2("auto", 2, cut - 1));
    assertFalse(CompilerMode.csvOnC2("auto", 2, 667_253)); // the sample: its first run is faster
  }

  @Test
  void csvOnC2_notQuickOrOperatorForcedQuick_false() {
    assertFalse(CompilerMode.csvOnC2("auto", 2, LARGE)); // C2 for everything anyway
    assertFalse(CompilerMode.csvOnC2("auto", 4, SMALL));
    assertFalse(CompilerMode.csvOnC2("quick", 2, SMALL));
  }

  @Test
  void csvBytes_csvAndGzippedCsv_gzipCountedFiveTimesOtherFilesNot(@TempDir Path dir)
      throws Exception {
    Files.write(dir.resolve("sessions-2026-10.csv"), new byte[1000]);
    Files.write(dir.resolve("patients.CSV"), new byte[10]);
    Files.write(dir.resolve("sessions-2026-09.csv.gz"), new byte[100]);
    Files.write(dir.resolve("notes.txt"), new byte[7]);
    Files.createDirectory(dir.resolve("old.csv"));
    assertEquals(1000 + 10 + 5 * 100, CompilerMode.csvBytes(dir));
  }

  @Test
  void csvBytes_missingFolder_zero(@TempDir Path dir) {
    assertEquals(0, CompilerMode.csvBytes(dir.resolve("absent")));
  }

  @Test
  void addQuickOnlyDirective_onHotSpot_excludesC2ButForSha256() throws Exception {
    // Only HotSpot has compiler directives; on another JVM the job runs with its defaults.
    assumeTrue(
        Arrays.stream(
                ManagementFactory.getPlatformMBeanServer()
                    .getMBeanInfo(new ObjectName("com.sun.management:type=DiagnosticCommand"))
                    .getOperations())
            .anyMatch(o -> o.getName().equals("compilerDirectivesAdd")),
        "this JVM has no compiler directives");
    String answer = CompilerMode.addQuickOnlyDirective(false);
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

  @Test
  void addQuickOnlyDirective_csvOnC2_csvParserKeepsC2BeforeEveryMethodLosesIt() throws Exception {
    assumeTrue(hasDirectives(), "this JVM has no compiler directives");
    String answer = CompilerMode.addQuickOnlyDirective(true);
    try {
      assertTrue(answer.contains("4 compiler directives added"), answer);
      String[] directives =
          String.valueOf(CompilerMode.diagnosticCommand("compilerDirectivesPrint"))
              .split("Directive:");
      assertTrue(directives[1].contains("matching: sun/security/provider/*.implCompress*"));
      assertTrue(directives[2].contains("matching: org/apache/commons/csv/*.*"), directives[2]);
      assertTrue(c2(directives[2]).contains("Exclude:false"), directives[2]);
      assertTrue(
          directives[3].contains(
              "matching: org/apache/commons/io/input/UnsynchronizedBufferedReader.*"),
          directives[3]);
      assertTrue(c2(directives[3]).contains("Exclude:false"), directives[3]);
      assertTrue(directives[4].contains("matching: *.*"), directives[4]);
      assertTrue(c2(directives[4]).contains("Exclude:true"), directives[4]);
    } finally {
      for (int i = 0; i < 4; i++) {
        CompilerMode.diagnosticCommand("compilerDirectivesRemove");
      }
    }
  }

  private static boolean hasDirectives() throws Exception {
    return Arrays.stream(
            ManagementFactory.getPlatformMBeanServer()
                .getMBeanInfo(new ObjectName("com.sun.management:type=DiagnosticCommand"))
                .getOperations())
        .anyMatch(o -> o.getName().equals("compilerDirectivesAdd"));
  }

  private static String c1(String directive) {
    return directive.substring(
        directive.indexOf("c1 directives"), directive.indexOf("c2 directives"));
  }

  private static String c2(String directive) {
    return directive.substring(directive.indexOf("c2 directives"));
  }
}
