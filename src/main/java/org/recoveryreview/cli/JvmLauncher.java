package org.recoveryreview.cli;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.recoveryreview.JobOptions;
import org.recoveryreview.RunProcess;

/**
 * Runs a short {@code run} (a small input on two cores or fewer) in a second JVM started with the
 * flags a short run needs, which the README's command cannot pass and a jar's manifest cannot
 * carry.
 *
 * <p>Why: for a run of a few seconds the JVM's own start is a third of the time. Three flags take
 * it off (2 cores, the sample's first run, interleaved, 2026-12-08: 4.7–5.4 s without, 3.3–3.4 s
 * with all three, docs/operations.md): {@code -XX:TieredStopAtLevel=1} (C1 without its profiling
 * tier, which the compiler directive of {@link CompilerMode} cannot skip), {@code -XX:+UseSerialGC}
 * (no concurrent collector threads competing for two cores over a small heap) and the class-data
 * archive {@code recovery-review.jsa} that {@code mvn package} writes beside the jar (classes
 * mapped, not parsed and verified again). Larger runs, other machines, {@code merge}, {@code
 * validate} and {@code generate} stay in the JVM the operator started; so does any run with {@code
 * -Drecoveryreview.launch=single}.
 *
 * <p>The first JVM only waits: the second inherits its standard streams, JVM options and
 * environment, its exit code becomes the first's, a SIGTERM or SIGINT to the first is passed on as
 * SIGTERM (the second then says the stop sentence), and the second stops by itself when the first
 * is killed.
 */
final class JvmLauncher {
  /** The system property an operator sets to {@code single} to keep every run in one JVM. */
  static final String PROPERTY = "recoveryreview.launch";

  /** Largest input, in megabytes, that counts as a short run: below the CSV parser's C2 cut. */
  static final long SHORT_RUN_MAX_MB = CompilerMode.CSV_ON_C2_MIN_MB;

  private static final Set<String> NOT_A_RUN = Set.of("-h", "--help", "-V", "--version");

  // Guards the hand-over between starting the second JVM and a signal's shutdown hook.
  private static final Object LOCK = new Object();
  private static @Nullable Process child;
  private static boolean stopping;

  private JvmLauncher() {}

  /** What the first JVM knows about itself, gathered apart so that the decision can be tested. */
  record Self(
      String javaCommand,
      List<String> arguments,
      Optional<Path> archive,
      List<String> environmentOptions,
      String launchSetting,
      String compilerSetting,
      int cores,
      String vmName) {

    /** This process, or empty when its command line cannot be read. */
    static Optional<Self> current() {
      ProcessHandle.Info info = ProcessHandle.current().info();
      Optional<String> command = info.command();
      Optional<String[]> arguments = info.arguments();
      if (command.isEmpty() || arguments.isEmpty()) {
        return Optional.empty();
      }
      return Optional.of(
          new Self(
              command.get(),
              List.of(arguments.get()),
              JvmLauncher.archive(System.getProperty("java.class.path", "")),
              JvmLauncher.environmentOptions(),
              System.getProperty(PROPERTY, "auto"),
              System.getProperty(CompilerMode.PROPERTY, "auto"),
              JobOptions.defaultJobs(),
              System.getProperty("java.vm.name", "")));
    }
  }

  // The variables the java launcher and the JVM read options from; the second JVM inherits them.
  private static final List<String> OPTION_VARIABLES =
      List.of("JDK_JAVA_OPTIONS", "JAVA_TOOL_OPTIONS", "_JAVA_OPTIONS");

  /** The JVM options in this process's environment, which the second JVM also gets. */
  static List<String> environmentOptions() {
    List<String> options = new ArrayList<>();
    for (String variable : OPTION_VARIABLES) {
      String value = System.getenv(variable);
      if (value != null && !value.isBlank()) {
        options.addAll(Arrays.asList(value.strip().split("\\s+")));
      }
    }
    return options;
  }

  /**
   * Runs {@code args} in a second JVM when they are a short run and returns its exit code, or empty
   * when this JVM should run them itself (not a short run, already the second JVM, or the second
   * could not be started).
   */
  static OptionalInt runInChild(String[] args) {
    if (launched() || !passUnchanged(args, jnuCharset())) {
      return OptionalInt.empty();
    }
    Optional<List<String>> command =
        Self.current().flatMap(self -> childCommand(self, args, CompilerMode::csvBytes));
    if (command.isEmpty()) {
      return OptionalInt.empty();
    }
    Process started;
    synchronized (LOCK) {
      if (stopping) {
        return OptionalInt.empty();
      }
      try {
        started = new ProcessBuilder(command.get()).inheritIO().start();
      } catch (IOException | RuntimeException e) {
        return OptionalInt.empty();
      }
      child = started;
    }
    return OptionalInt.of(exitOf(started));
  }

  /**
   * Waits for {@code p}'s exit however often this thread is interrupted: the first JVM must not end
   * before the second, which would then run on with nobody waiting for it.
   */
  private static int exitOf(Process p) {
    boolean interrupted = false;
    try {
      while (true) {
        try {
          return p.waitFor();
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /**
   * Whether {@code args} reach a second JVM as they are: the command line is encoded in the
   * process's file name encoding, which without a UTF-8 locale (cron, systemd) turns every other
   * letter into "?", a different path. Such a run stays in this JVM, which reports the locale.
   */
  static boolean passUnchanged(String[] args, Charset encoding) {
    CharsetEncoder encoder = encoding.newEncoder();
    return Arrays.stream(args).allMatch(a -> a.indexOf('\uFFFD') < 0 && encoder.canEncode(a));
  }

  private static Charset jnuCharset() {
    try {
      return Charset.forName(System.getProperty("sun.jnu.encoding", "UTF-8"));
    } catch (IllegalArgumentException e) {
      return StandardCharsets.US_ASCII;
    }
  }

  /** The input's size as the run would read it, in bytes. */
  interface InputSize {
    long of(Path folder);
  }

  /**
   * The second JVM's command for {@code args}: this JVM's command line with the short run's flags
   * in front (an operator's own flags come later and so win), or empty when {@code args} are not a
   * short {@code run} or this JVM's command line does not end with them.
   */
  static Optional<List<String>> childCommand(Self self, String[] args, InputSize size) {
    if (!isHotSpot(self.vmName())
        || !CompilerMode.isAuto(self.launchSetting())
        || !CompilerMode.isAuto(self.compilerSetting())
        || !isRun(args)) {
      return Optional.empty();
    }
    List<String> all = self.arguments();
    int jvmPart = all.size() - args.length;
    if (jvmPart < 1 || !all.subList(jvmPart, all.size()).equals(Arrays.asList(args))) {
      return Optional.empty();
    }
    long bytes;
    try {
      bytes = size.of(input(args));
    } catch (InvalidPathException e) {
      return Optional.empty(); // the run itself names the path and how to fix it
    }
    if (!CompilerMode.quickOnly("auto", self.cores(), bytes)
        || bytes > SHORT_RUN_MAX_MB * 1_000_000) {
      return Optional.empty();
    }
    List<String> jvmOptions = new ArrayList<>(all.subList(0, jvmPart));
    jvmOptions.addAll(self.environmentOptions());
    List<String> command = new ArrayList<>();
    command.add(self.javaCommand());
    command.addAll(shortRunFlags(jvmOptions, self.archive()));
    command.add("-D" + RunProcess.LAUNCHED_BY + "=" + ProcessHandle.current().pid());
    command.addAll(all);
    return Optional.of(command);
  }

  /**
   * The flags for a short run: C1 without profiling, the serial collector unless the operator chose
   * a collector (two choices make the JVM refuse to start), and the class-data archive when there
   * is one.
   */
  static List<String> shortRunFlags(List<String> jvmOptions, Optional<Path> archive) {
    List<String> flags = new ArrayList<>();
    flags.add("-XX:TieredStopAtLevel=1");
    boolean collectorChosen =
        jvmOptions.stream().anyMatch(o -> o.startsWith("-XX:+Use") && o.endsWith("GC"));
    if (!collectorChosen) {
      flags.add("-XX:+UseSerialGC");
    }
    archive.ifPresent(
        a -> {
          flags.add("-XX:SharedArchiveFile=" + a);
          // An archive of another build of the jar is not used; the JVM's warning would only
          // puzzle whoever reads the log, and the run is as correct, only slower to start.
          flags.add("-Xlog:cds=off");
          flags.add("-Xlog:cds+dynamic=off");
        });
    return flags;
  }

  /** The archive {@code mvn package} writes beside a jar, when this JVM runs from a jar. */
  static Optional<Path> archive(String classPath) {
    if (!classPath.endsWith(".jar") || classPath.contains(java.io.File.pathSeparator)) {
      return Optional.empty();
    }
    Path jar = Path.of(classPath);
    String name = jar.getFileName().toString();
    Path archive = jar.resolveSibling(name.substring(0, name.length() - 4) + ".jsa");
    return Files.isRegularFile(archive) ? Optional.of(archive) : Optional.empty();
  }

  /**
   * Whether the JVM is HotSpot's ("OpenJDK 64-Bit Server VM", "Java HotSpot(TM) …"), whose flags
   * the short run uses; another (Eclipse OpenJ9) could refuse them and fail the run.
   */
  static boolean isHotSpot(String vmName) {
    return vmName.contains("HotSpot") || vmName.startsWith("OpenJDK");
  }

  /** Whether the command line runs the job: no subcommand, or {@code run} without help. */
  static boolean isRun(String[] args) {
    if (args.length > 0 && !args[0].equals("run")) {
      return false;
    }
    return Arrays.stream(args).noneMatch(NOT_A_RUN::contains);
  }

  /** The {@code --input} folder of a {@code run} command line, or the option's default. */
  static Path input(String[] args) {
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--input") && i + 1 < args.length) {
        return Path.of(args[i + 1]);
      }
      if (args[i].startsWith("--input=")) {
        return Path.of(args[i].substring("--input=".length()));
      }
    }
    return Path.of("sample-data");
  }

  /**
   * Called by a signal's shutdown hook in the first JVM: passes the stop on to the second and waits
   * for it, and returns whether there was one (it then says the stop sentence itself). After this
   * no second JVM is started.
   */
  static boolean stopChild() {
    Process running;
    synchronized (LOCK) {
      stopping = true;
      running = child;
    }
    if (running == null) {
      return false;
    }
    running.destroy();
    exitOf(running);
    return true;
  }

  /**
   * In the second JVM: stops this run as a SIGTERM would when the first JVM is gone (killed with
   * SIGKILL, which it cannot pass on), so that no run goes on that nobody waits for.
   */
  static void stopWithFirstJvm() {
    RunProcess.firstJvm()
        .ifPresent(
            pid -> {
              Optional<ProcessHandle> first = ProcessHandle.of(pid);
              if (first.isEmpty()) {
                System.exit(SIGTERM_EXIT);
              }
              first.get().onExit().thenRun(() -> System.exit(SIGTERM_EXIT));
            });
  }

  /**
   * Whether this JVM is the second one, started with C1 alone: the property set at all, whatever
   * its value, so that no command line can make a second JVM start a third.
   */
  static boolean launched() {
    return System.getProperty(RunProcess.LAUNCHED_BY) != null;
  }

  // The JVM's own exit code for SIGTERM, which the second JVM takes when the first is gone.
  private static final int SIGTERM_EXIT = 143;
}
