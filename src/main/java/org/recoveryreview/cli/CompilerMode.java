package org.recoveryreview.cli;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import javax.management.JMException;
import javax.management.ObjectName;
import org.recoveryreview.JobOptions;

/**
 * Keeps the JVM's just-in-time compilation to its quick compiler (C1) for a run of a small input on
 * a machine of two cores or fewer, where the optimising compiler (C2) costs more than it gains.
 *
 * <p>Why: on two cores C2 compiles for about as long as a short run lasts (JFR: 55 s of compilation
 * in a 54 s run of 2,000 patients, 12.7 s in the 8 s first run on the sample), so it takes a core
 * the workers need. A long run repays it: measured, C1 alone made 2,000 patients 23% faster and
 * 10,000 patients 8% slower, so the cut is an input of {@value #QUICK_INPUT_MAX_MB} MB, about 4,000
 * patients' 12 months, on the side of the measured gain. A JVM flag ({@code
 * -XX:TieredStopAtLevel=1}) would do more, but the README's command carries none and a jar's
 * manifest cannot; a compiler directive added at run time through the JVM's diagnostic command bean
 * (the {@code jcmd Compiler.directives_add} of JEP 165) can refuse C2. It cannot change the tiers:
 * methods still start in C1's profiling tier, and those C2 would have compiled are compiled again
 * by C1 without profiling, which the flag skips (measured in docs/operations.md). From {@value
 * #CSV_ON_C2_MIN_MB} MB of input the CSV parser alone keeps C2, which its long loops repay. {@code
 * -Drecoveryreview.compiler=full} keeps C2 and {@code =quick} forces C1 for any input on any
 * machine.
 */
final class CompilerMode {
  /** The system property an operator sets to {@code auto}, {@code quick} or {@code full}. */
  static final String PROPERTY = "recoveryreview.compiler";

  // JEP 165 directives, the first that matches a method applies: C2 excluded from every method
  // (C1 still compiles it, see above) except SHA-256's block function, which C2 replaces with the
  // processor's SHA instructions; with C1 alone hashing the input and output ran 8 times slower.
  private static final String SHA_ON_C2 =
      "{ match: \"sun/security/provider/*.implCompress*\", c2: { Exclude: false } }";
  private static final String NONE_ON_C2 = "{ match: \"*.*\", c2: { Exclude: true } }";
  private static final String QUICK_ONLY = "[" + SHA_ON_C2 + ", " + NONE_ON_C2 + "]";

  // With a larger input the CSV parser's loops run long enough to repay C2: Commons CSV's lexer and
  // the reader under it (65% of the parsing threads' samples) run about 4 times faster compiled by
  // C2. Only these classes: letting String and the decoders through too slowed the first run.
  private static final String QUICK_BUT_CSV =
      "["
          + SHA_ON_C2
          + ", { match: \"org/apache/commons/csv/*.*\", c2: { Exclude: false } },"
          + " { match: \"org/apache/commons/io/input/UnsynchronizedBufferedReader.*\","
          + " c2: { Exclude: false } }, "
          + NONE_ON_C2
          + "]";

  /**
   * Input from which, in the quick mode, the CSV parser keeps C2 (see {@link #QUICK_BUT_CSV}), in
   * megabytes. Measured with {@code validate}, median of 5 interleaved runs: 8 MB 0.14 s slower, 26
   * MB 0.12 s faster, 53 MB 0.37 s faster (docs/operations.md).
   */
  static final long CSV_ON_C2_MIN_MB = 20;

  private static final String DIAGNOSTIC_BEAN = "com.sun.management:type=DiagnosticCommand";

  /** Input above which C2 pays for itself (see the class comment), in megabytes. */
  static final long QUICK_INPUT_MAX_MB = 100;

  // A gzipped export holds about five times its size in CSV.
  private static final int GZIP_RATIO = 5;

  // Set by the process's entry point only, so in-process callers (the tests) keep their JVM as is.
  private static volatile boolean processEntry;

  private CompilerMode() {}

  /** Lets {@link #applyFor} act in this process: called by {@code main}. */
  static void enableForThisProcess() {
    processEntry = true;
  }

  /** A setting as written by an operator ({@code " Quick "}), as the code compares it. */
  static String value(String setting) {
    return setting.strip().toLowerCase(Locale.ROOT);
  }

  /** Whether a system-property setting is {@code auto}, its default: the job decides. */
  static boolean isAuto(String setting) {
    return value(setting).equals("auto");
  }

  /**
   * Whether to keep to C1, for the property's value, the machine's core count (the default {@code
   * --jobs} is that count) and the input's size in bytes.
   */
  static boolean quickOnly(String setting, int cores, long inputBytes) {
    return switch (value(setting)) {
      case "quick" -> true;
      case "full" -> false;
      default -> cores <= 2 && inputBytes <= QUICK_INPUT_MAX_MB * 1_000_000;
    };
  }

  /**
   * Whether, keeping to C1, the CSV parser may still use C2: only when the mode was chosen
   * automatically and the input is at least {@value #CSV_ON_C2_MIN_MB} MB.
   */
  static boolean csvOnC2(String setting, int cores, long inputBytes) {
    return isAuto(setting)
        && quickOnly(setting, cores, inputBytes)
        && inputBytes >= CSV_ON_C2_MIN_MB * 1_000_000;
  }

  /**
   * Decides for the run of {@code input} and adds the directive when {@link #quickOnly} says so, on
   * a daemon thread so the main thread goes on at once: building the platform bean server takes
   * 0.2–0.3 s of one core.
   */
  static void applyFor(Path input) {
    // A second JVM of a short run already runs C1 alone, by its flag (JvmLauncher).
    if (!processEntry || JvmLauncher.launched()) {
      return;
    }
    Thread t =
        new Thread(
            () -> {
              String setting = System.getProperty(PROPERTY, "auto");
              int cores = JobOptions.defaultJobs();
              long bytes = csvBytes(input);
              if (quickOnly(setting, cores, bytes)) {
                addQuickOnlyDirective(csvOnC2(setting, cores, bytes));
              }
            },
            "compiler-mode");
    t.setDaemon(true);
    t.start();
  }

  /**
   * The CSV bytes in the folder's {@code .csv} and {@code .csv.gz} files ({@value #GZIP_RATIO}
   * times a gzipped file's size); 0 when it cannot be listed, which the run itself then reports.
   */
  static long csvBytes(Path folder) {
    long total = 0;
    try (DirectoryStream<Path> files = Files.newDirectoryStream(folder)) {
      for (Path f : files) {
        String name = f.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".csv") && Files.isRegularFile(f)) {
          total += Files.size(f);
        } else if (name.endsWith(".csv.gz") && Files.isRegularFile(f)) {
          total += GZIP_RATIO * Files.size(f);
        }
      }
    } catch (IOException | RuntimeException e) {
      return 0;
    }
    return total;
  }

  /**
   * Adds the directives (letting the CSV parser through to C2 when {@code csvOnC2}) and returns the
   * JVM's answer, or why it could not: a JVM without HotSpot's diagnostic commands (another
   * vendor's, a runtime without {@code jdk.management}) runs with its default compilers, which is
   * only slower. Nothing is logged: the log level is not set yet.
   */
  static String addQuickOnlyDirective(boolean csvOnC2) {
    try {
      Path file = Files.createTempFile("recovery-review-compiler", ".json");
      try {
        Files.writeString(file, csvOnC2 ? QUICK_BUT_CSV : QUICK_ONLY, StandardCharsets.US_ASCII);
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
