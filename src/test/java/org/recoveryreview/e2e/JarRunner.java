package org.recoveryreview.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.recoveryreview.publish.FolderHash;

/** Starts the shaded jar as a separate process, the way cron or systemd would. */
final class JarRunner {
  private JarRunner() {}

  static Path jar() {
    String p = System.getProperty("recoveryreview.jar", "target/recovery-review.jar");
    Path jar = Path.of(p);
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException("build the jar first (mvn package): " + jar);
    }
    return jar;
  }

  /**
   * A shell's background job starts with SIGINT ignored, the JVM then leaves it ignored, and the
   * tests that stop the jar with SIGINT would see it run on; where coreutils' env can reset the
   * signal (8.31 and later), the jar is started through it, as from a terminal.
   */
  private static final List<String> RESET_SIGINT = resetSigint();

  private static List<String> resetSigint() {
    List<String> env = List.of("env", "--default-signal=INT");
    try {
      List<String> probe = new ArrayList<>(env);
      probe.add("true");
      Process p = new ProcessBuilder(probe).redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor() == 0 ? env : List.of();
    } catch (IOException e) {
      return List.of();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return List.of();
    }
  }

  /** A started process whose stdout and stderr go to files in {@code logDir}. */
  static Process start(Path logDir, String name, String... args) throws IOException {
    return start(logDir, name, List.of("-Xmx1g"), Map.of(), args);
  }

  /** As {@link #start(Path, String, String...)} with these JVM options and environment. */
  static Process start(
      Path logDir, String name, List<String> jvmArgs, Map<String, String> env, String... args)
      throws IOException {
    List<String> cmd = new ArrayList<>(RESET_SIGINT);
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.addAll(jvmArgs);
    cmd.add("-jar");
    cmd.add(jar().toString());
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd);
    pb.environment().remove("SOURCE_DATE_EPOCH");
    pb.environment().putAll(env);
    Files.createDirectories(logDir);
    pb.redirectOutput(logDir.resolve(name + ".out").toFile());
    pb.redirectError(logDir.resolve(name + ".err").toFile());
    return pb.start();
  }

  /**
   * Starts a run of {@code sample-data} for October 2026 into {@code out}, with these JVM options
   * and any further arguments, as the tests that stop or kill a run over a published month do.
   */
  static Process startSampleMonth(
      Path logDir, String name, List<String> jvmArgs, Path out, String... more) throws IOException {
    List<String> args =
        new ArrayList<>(
            List.of(
                "run",
                "--input",
                "sample-data",
                "--output",
                out.toString(),
                "--period",
                "2026-10"));
    args.addAll(List.of(more));
    return start(logDir, name, jvmArgs, Map.of(), args.toArray(String[]::new));
  }

  /** Runs to completion and returns the exit code. */
  static int run(Path logDir, String name, String... args)
      throws IOException, InterruptedException {
    Process p = start(logDir, name, args);
    if (!p.waitFor(5, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      throw new IllegalStateException(name + " did not finish in 5 minutes");
    }
    return p.exitValue();
  }

  /** Runs to completion with these JVM options and environment and returns the exit code. */
  static int run(
      Path logDir, String name, List<String> jvmArgs, Map<String, String> env, String... args)
      throws IOException, InterruptedException {
    Process p = start(logDir, name, jvmArgs, env, args);
    if (!p.waitFor(5, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      throw new IllegalStateException(name + " did not finish in 5 minutes");
    }
    return p.exitValue();
  }

  /**
   * A stand-in for a month already published in {@code out} (one review and a manifest), as a run
   * under test would replace it; returns its hashes, to compare after a run that must not.
   */
  static Map<String, String> publishedMonth(Path out) throws IOException {
    Path month = Files.createDirectories(out.resolve("2026-10/patients"));
    Files.writeString(month.resolve("P00001.pdf"), "a published review");
    Files.writeString(out.resolve("2026-10/manifest.json"), "{}");
    return FolderHash.of(out.resolve("2026-10"));
  }

  static String stderr(Path logDir, String name) throws IOException {
    return Files.readString(logDir.resolve(name + ".err"), StandardCharsets.UTF_8);
  }

  /** SHA-256 of every file below {@code root}, by relative path. */
  static Map<String, String> hashes(Path root) throws IOException {
    Map<String, String> out = new TreeMap<>();
    if (!Files.isDirectory(root)) {
      return out;
    }
    try (Stream<Path> s = Files.walk(root)) {
      for (Path p : s.filter(Files::isRegularFile).toList()) {
        out.put(root.relativize(p).toString(), sha256(Files.readAllBytes(p)));
      }
    }
    return out;
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
