package org.recoveryreview.cli;

import java.io.PrintWriter;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import org.jspecify.annotations.Nullable;
import org.recoveryreview.ReviewJob;
import org.recoveryreview.model.ExitCode;
import org.recoveryreview.model.JobFailure;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Entry point of {@code recovery-review}: parses the command line and maps failures to exit codes.
 */
@Command(
    name = "recovery-review",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = {
      "Turns rehabilitation clinic CSV exports into a monthly PDF review per patient and a"
          + " programme summary.",
      "Without a subcommand it runs 'run' with all defaults."
    },
    subcommands = {
      RunCommand.class,
      MergeCommand.class,
      ValidateCommand.class,
      GenerateCommand.class
    },
    exitCodeListHeading = "%nExit codes:%n")
public final class Main implements Runnable {

  /** The line a stop prints before a run's own stop guard exists, or in a command without one. */
  static final String STOPPED = "recovery-review: stopped; published reports unchanged.";

  // Set just before System.exit, which runs the shutdown hooks too: only a signal is a stop.
  private static volatile boolean exiting;

  /** Runs the command line and exits the JVM with its exit code. */
  public static void main(String[] args) {
    // First of all: a SIGTERM or Ctrl-C during start-up, option parsing or config loading (before
    // the run's own guard exists) would otherwise end the JVM with 143 or 130 and no word.
    Runtime.getRuntime().addShutdownHook(new Thread(Main::stoppedEarly, "early-stop"));
    // A short run goes on in a second JVM started with the flags it needs; this one only waits.
    OptionalInt second = JvmLauncher.runInChild(args);
    if (second.isPresent()) {
      exiting = true;
      System.exit(second.getAsInt());
    }
    JvmLauncher.stopWithFirstJvm();
    CompilerMode.enableForThisProcess();
    // Background threads (JDK ones such as the Java2D disposer included) must not print raw stack
    // traces either: one line on stderr, the trace only with --verbose. An OutOfMemoryError there
    // also reaches the job, which names -Xmx once.
    Thread.setDefaultUncaughtExceptionHandler(
        (t, e) -> {
          if (e instanceof OutOfMemoryError) {
            return;
          }
          System.err.println("recovery-review: thread " + t.getName() + " failed: " + e);
          if (LogSetup.verbose()) {
            e.printStackTrace();
          }
        });
    int code = execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true));
    exiting = true;
    System.exit(code);
  }

  private static void stoppedEarly() {
    if (exiting || JvmLauncher.stopChild() || ReviewJob.guarded()) {
      return;
    }
    System.err.println(STOPPED);
    System.err.flush();
  }

  /** Runs the command line in-process and returns the exit code (used by tests). */
  public static int execute(String[] args, PrintWriter out, PrintWriter err) {
    String[] effective = args.length == 0 ? new String[] {"run"} : args;
    CommandLine cl = new CommandLine(new Main());
    cl.setOut(out);
    cl.setErr(err);
    cl.registerConverter(Path.class, Main::path);
    cl.getCommandSpec().usageMessage().exitCodeList(exitCodes());
    cl.setExecutionExceptionHandler((e, commandLine, parseResult) -> failed(e, err));
    cl.setParameterExceptionHandler((e, badArgs) -> usageError(e, err));
    try {
      return cl.execute(effective);
    } catch (OutOfMemoryError e) {
      return failed(e, err);
    }
  }

  /** The help's exit-code list, from {@link ExitCode} and the two signals a stop ends with. */
  static Map<String, String> exitCodes() {
    Map<String, String> codes = new LinkedHashMap<>();
    for (ExitCode c : ExitCode.values()) {
      codes.put(String.format(Locale.ROOT, "%3d", c.code()), c.meaning());
    }
    codes.put(
        "130", "stopped by SIGINT (Ctrl-C), 143 stopped by SIGTERM; published reports unchanged");
    return codes;
  }

  /** Prints one sentence for {@code e} (a stack trace only with --verbose) and picks the code. */
  static int failed(Throwable e, PrintWriter err) {
    if (ReviewJob.stopping()) {
      // A signal is ending the run; the stop line says what state the reports are in.
      return ExitCode.SOFTWARE.code();
    }
    ExitCode code;
    if (e instanceof JobFailure jf) {
      code = jf.exitCode();
      err.println("recovery-review: " + jf.getMessage());
    } else if (cause(e, OutOfMemoryError.class) instanceof OutOfMemoryError outOfMemory) {
      code = ExitCode.OUT_OF_MEMORY;
      err.println(
          "recovery-review: the Java heap is too small for this input ("
              + outOfMemory.getMessage()
              + "); give the JVM more with -Xmx, e.g. java -Xmx2g -jar recovery-review.jar ...,"
              + " as sized in docs/operations.md#sizing-and-jvm-memory.");
    } else if (cause(e, InvalidPathException.class) instanceof InvalidPathException badPath) {
      code = ExitCode.USAGE;
      err.println("recovery-review: " + pathHint(badPath));
    } else {
      code = ExitCode.SOFTWARE;
      err.println(
          "recovery-review: unexpected internal error ("
              + e
              + "); rerun with --verbose for the stack trace and report it with the input that"
              + " caused it.");
    }
    if (LogSetup.verbose()) {
      e.printStackTrace(err);
    }
    err.flush();
    return code.code();
  }

  /**
   * A bad option or argument of any subcommand: one line naming it and where help is, exit 2 (the
   * 31 lines of usage would bury the one that matters in a cron mail or a pod log).
   */
  static int usageError(CommandLine.ParameterException e, PrintWriter err) {
    err.println("recovery-review: " + usageText(e) + "; see --help");
    err.flush();
    return ExitCode.USAGE.code();
  }

  /** picocli's message as a clause: lower-case start, no final stop, one line, subcommand named. */
  static String usageText(CommandLine.ParameterException e) {
    String m = String.valueOf(e.getMessage()).strip().replaceAll("\\s+", " ");
    // "Unknown option: '--bogus'" reads better without the colon inside a sentence.
    m = m.replaceFirst("^([A-Za-z ]+): '", "$1 '");
    if (m.endsWith(".")) {
      m = m.substring(0, m.length() - 1);
    }
    if (!m.isEmpty() && Character.isUpperCase(m.charAt(0)) && !m.startsWith("YYYY")) {
      m = Character.toLowerCase(m.charAt(0)) + m.substring(1);
    }
    CommandLine where = e.getCommandLine();
    boolean sub = where != null && where.getParent() != null;
    return sub ? m + " for '" + where.getCommandName() + "'" : m;
  }

  /** The first of {@code e} and its causes that is a {@code type}, or null when none is. */
  private static @Nullable Throwable cause(Throwable e, Class<? extends Throwable> type) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return t;
      }
    }
    return null;
  }

  private static Path path(String value) {
    try {
      return Path.of(value);
    } catch (InvalidPathException e) {
      throw new CommandLine.TypeConversionException(pathHint(e));
    }
  }

  /**
   * cron and systemd start jobs without a locale, so Java encodes file names as ASCII and any other
   * letter in a path fails; say which setting fixes it.
   */
  static String pathHint(InvalidPathException e) {
    String encoding = System.getProperty("sun.jnu.encoding", "unknown");
    String input = e.getInput();
    return "the path '"
        + input
        + "' cannot be used: "
        + e.getReason()
        + (encoding.toUpperCase(Locale.ROOT).contains("UTF")
            ? ""
            : " in this process's file name encoding " + encoding)
        + "; run the job with a UTF-8 locale, e.g. LANG=C.UTF-8 (cron and systemd start jobs"
        + " without one), or use a path of ASCII letters only.";
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(
        new CommandLine(this), "Choose a subcommand: run, merge, validate or generate.");
  }

  /** Prints the version from the jar's resources. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"recovery-review " + ReviewJob.version()};
    }
  }
}
