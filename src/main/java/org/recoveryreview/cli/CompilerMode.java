package org.recoveryreview.cli;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import javax.management.JMException;
import javax.management.ObjectName;
import org.recoveryreview.JobOptions;

/**
 * Keeps the JVM's just-in-time compilation to its quick compiler (C1) on machines of two cores or
 * fewer, where the optimising compiler (C2) costs this job more than it gains.
 *
 * <p>Why: on two cores C2 compiles for about as long as a run lasts (JFR: 55 s of compilation in a
 * 54 s run of 2,000 patients, 12.7 s in the 8 s first run on the sample), so it takes a core the
 * workers need, and the short-lived documents never repay it. A JVM flag ({@code
 * -XX:TieredStopAtLevel=1}) would do this, but the README's command carries none and a jar's
 * manifest cannot; a compiler directive added at run time through the JVM's diagnostic command bean
 * (the {@code jcmd Compiler.directives_add} of JEP 165) can. Methods C2 would have compiled are
 * compiled again by C1 without profiling, as with the flag. Measured and explained in
 * docs/operations.md; {@code -Drecoveryreview.compiler=full} keeps C2 and {@code =quick} forces C1
 * on any machine.
 */
final class CompilerMode {
  /** The system property an operator sets to {@code auto}, {@code quick} or {@code full}. */
  static final String PROPERTY = "recoveryreview.compiler";

  // JEP 165 directives, the first that matches a method applies: C2 excluded from every method
  // (C1 still compiles it, see above) except SHA-256's block function, which C2 replaces with the
  // processor's SHA instructions; with C1 alone hashing the input and output ran 8 times slower.
  private static final String QUICK_ONLY =
      "[{ match: \"sun/security/provider/*.implCompress*\", c2: { Exclude: false } },"
          + " { match: \"*.*\", c2: { Exclude: true } }]";

  private static final String DIAGNOSTIC_BEAN = "com.sun.management:type=DiagnosticCommand";

  private CompilerMode() {}

  /**
   * Whether to keep to C1, for the property's value and the machine's core count (the default
   * {@code --jobs} is that count).
   */
  static boolean quickOnly(String setting, int cores) {
    return switch (setting.strip().toLowerCase(Locale.ROOT)) {
      case "quick" -> true;
      case "full" -> false;
      default -> cores <= 2;
    };
  }

  /**
   * Adds the directive on a daemon thread when {@link #quickOnly} says so, so the main thread
   * starts at once: building the platform bean server takes 0.2–0.3 s of one core.
   */
  static void applyInBackground() {
    boolean wanted = quickOnly(System.getProperty(PROPERTY, "auto"), JobOptions.defaultJobs());
    if (!wanted) {
      return;
    }
    Thread t = new Thread(CompilerMode::addQuickOnlyDirective, "compiler-mode");
    t.setDaemon(true);
    t.start();
  }

  /**
   * Adds the directive and returns the JVM's answer, or why it could not: a JVM without HotSpot's
   * diagnostic commands (another vendor's, a runtime without {@code jdk.management}) runs with its
   * default compilers, which is only slower. Nothing is logged: the log level is not set yet.
   */
  static String addQuickOnlyDirective() {
    try {
      Path file = Files.createTempFile("recovery-review-compiler", ".json");
      try {
        Files.writeString(file, QUICK_ONLY, StandardCharsets.US_ASCII);
        return String.valueOf(diagnosticCommand("compilerDirectivesAdd", file.toString()));
      } finally {
        Files.deleteIfExists(file);
      }
    } catch (IOException | JMException | RuntimeException | LinkageError e) {
      return "not applied: " + e;
    }
  }

  /** Runs one of the JVM's diagnostic commands (as jcmd does) and returns its output. */
  static Object diagnosticCommand(String operation, String... arguments) throws JMException {
    return ManagementFactory.getPlatformMBeanServer()
        .invoke(
            new ObjectName(DIAGNOSTIC_BEAN),
            operation,
            new Object[] {arguments},
            new String[] {String[].class.getName()});
  }
}
