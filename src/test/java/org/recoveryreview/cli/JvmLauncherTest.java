package org.recoveryreview.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.recoveryreview.RunProcess;

class JvmLauncherTest {

  private static final String JAVA = "/opt/jdk/bin/java";
  private static final String JAR = "target/recovery-review.jar";
  private static final String HOTSPOT = "OpenJDK 64-Bit Server VM";
  private static final long SAMPLE = 667_253; // sample-data's CSV bytes
  private static final long CUT = JvmLauncher.SHORT_RUN_MAX_MB * 1_000_000;

  private static JvmLauncher.Self self(List<String> arguments, String launch, int cores) {
    return new JvmLauncher.Self(
        JAVA, arguments, Optional.empty(), List.of(), launch, "auto", cores, HOTSPOT);
  }

  private static List<String> cmdline(List<String> jvmOptions, String... args) {
    List<String> all = new ArrayList<>(jvmOptions);
    all.add("-jar");
    all.add(JAR);
    all.addAll(List.of(args));
    return all;
  }

  private static Optional<List<String>> command(JvmLauncher.Self self, long bytes, String... args) {
    return JvmLauncher.childCommand(self, args, folder -> bytes);
  }

  @Test
  void childCommand_readmeCommandOnTwoCores_flagsFirstThenTheSameCommandLine() {
    List<String> parent = cmdline(List.of());
    List<String> child = command(self(parent, "auto", 2), SAMPLE).orElseThrow();

    assertEquals(JAVA, child.get(0));
    assertEquals("-XX:TieredStopAtLevel=1", child.get(1));
    assertEquals("-XX:+UseSerialGC", child.get(2));
    assertTrue(child.get(3).startsWith("-D" + RunProcess.LAUNCHED_BY + "="), child.toString());
    assertEquals(parent, child.subList(4, child.size()));
  }

  @Test
  void childCommand_archiveBesideTheJar_mappedByTheSecondJvm() {
    Path jsa = Path.of("target/recovery-review.jsa");
    JvmLauncher.Self self =
        new JvmLauncher.Self(
            JAVA, cmdline(List.of()), Optional.of(jsa), List.of(), "auto", "auto", 2, HOTSPOT);
    List<String> child = command(self, SAMPLE).orElseThrow();
    assertTrue(child.contains("-XX:SharedArchiveFile=" + jsa), child.toString());
  }

  @Test
  void childCommand_operatorsOptions_keptAfterTheFlagsSoTheyWin() {
    List<String> parent = cmdline(List.of("-Xmx1200m", "-XX:TieredStopAtLevel=4"), "run", "-q");
    List<String> child = command(self(parent, "auto", 1), SAMPLE, "run", "-q").orElseThrow();

    int ours = child.indexOf("-XX:TieredStopAtLevel=1");
    int theirs = child.indexOf("-XX:TieredStopAtLevel=4");
    assertTrue(ours >= 0 && theirs > ours, child.toString());
    assertEquals(List.of("run", "-q"), child.subList(child.size() - 2, child.size()));
    assertTrue(child.contains("-Xmx1200m"));
  }

  @Test
  void childCommand_inputAtTheCut_launchedAndAboveIt_not() {
    List<String> parent = cmdline(List.of(), "run", "--input", "big");
    JvmLauncher.Self self = self(parent, "auto", 2);

    assertTrue(command(self, CUT, "run", "--input", "big").isPresent());
    assertTrue(command(self, CUT + 1, "run", "--input", "big").isEmpty());
  }

  @Test
  void childCommand_notHotSpot_notLaunched() {
    JvmLauncher.Self openJ9 =
        new JvmLauncher.Self(
            JAVA,
            cmdline(List.of()),
            Optional.empty(),
            List.of(),
            "auto",
            "auto",
            2,
            "Eclipse OpenJ9 VM");
    assertTrue(command(openJ9, SAMPLE).isEmpty());
    assertTrue(JvmLauncher.isHotSpot("Java HotSpot(TM) 64-Bit Server VM"));
    assertTrue(JvmLauncher.isHotSpot(System.getProperty("java.vm.name")));
  }

  @Test
  void childCommand_moreThanTwoCores_notLaunched() {
    assertTrue(command(self(cmdline(List.of()), "auto", 4), SAMPLE).isEmpty());
  }

  @Test
  void childCommand_singleOrAnOperatorsCompilerChoice_notLaunched() {
    List<String> parent = cmdline(List.of());
    assertTrue(command(self(parent, "single", 2), SAMPLE).isEmpty());
    for (String compiler : List.of("quick", "full")) {
      JvmLauncher.Self chosen =
          new JvmLauncher.Self(
              JAVA, parent, Optional.empty(), List.of(), "auto", compiler, 2, HOTSPOT);
      assertTrue(command(chosen, SAMPLE).isEmpty(), compiler);
    }
  }

  @Test
  void childCommand_otherCommandsAndHelp_notLaunched() {
    for (String[] args :
        List.of(
            new String[] {"validate"},
            new String[] {"merge", "--shards", "x"},
            new String[] {"generate"},
            new String[] {"--version"},
            new String[] {"run", "--help"},
            new String[] {"run", "-h"})) {
      List<String> parent = cmdline(List.of(), args);
      assertTrue(command(self(parent, "auto", 2), SAMPLE, args).isEmpty(), List.of(args)::toString);
    }
  }

  @Test
  void childCommand_commandLineNotEndingWithTheArguments_notLaunched() {
    // A process whose command line cannot be matched to main's arguments (an argument file, an
    // embedding launcher) is not replayed: the second JVM could run something else.
    List<String> parent = cmdline(List.of(), "run", "--output", "a");
    assertTrue(command(self(parent, "auto", 2), SAMPLE, "run", "--output", "b").isEmpty());
    assertTrue(command(self(List.of("run"), "auto", 2), SAMPLE, "run").isEmpty());
  }

  @Test
  void childCommand_inputSizeOfTheNamedFolder_asTheRunWouldReadIt() {
    List<Path> asked = new ArrayList<>();
    String[] args = {"run", "--input=/data/clinic", "--output", "out"};
    JvmLauncher.childCommand(
        self(cmdline(List.of(), args), "auto", 2),
        args,
        folder -> {
          asked.add(folder);
          return SAMPLE;
        });
    assertEquals(List.of(Path.of("/data/clinic")), asked);
  }

  @Test
  void passUnchanged_nonAsciiPathWithoutUtf8Locale_falseSoTheRunReportsTheLocale() {
    String[] args = {"run", "--output", "r\u00e9visions"};
    assertTrue(JvmLauncher.passUnchanged(args, StandardCharsets.UTF_8));
    assertFalse(JvmLauncher.passUnchanged(args, StandardCharsets.US_ASCII));
    // How a JVM without a UTF-8 locale received those bytes from the shell.
    assertFalse(
        JvmLauncher.passUnchanged(
            new String[] {"--output", "r\uFFFD\uFFFDvisions"}, StandardCharsets.UTF_8));
    assertTrue(JvmLauncher.passUnchanged(new String[] {}, StandardCharsets.US_ASCII));
  }

  @Test
  void childCommand_inputNotAPath_notLaunchedSoTheRunNamesIt() {
    String[] args = {"run", "--input", "bad\u0000path"};
    assertTrue(
        JvmLauncher.childCommand(
                self(cmdline(List.of(), args), "auto", 2), args, CompilerMode::csvBytes)
            .isEmpty());
  }

  @Test
  void input_bothSpellingsAndTheDefault() {
    assertEquals(Path.of("d"), JvmLauncher.input(new String[] {"run", "--input", "d"}));
    assertEquals(Path.of("e"), JvmLauncher.input(new String[] {"run", "-q", "--input=e"}));
    assertEquals(Path.of("sample-data"), JvmLauncher.input(new String[] {}));
    assertEquals(Path.of("sample-data"), JvmLauncher.input(new String[] {"run", "--input"}));
  }

  @Test
  void shortRunFlags_operatorChoseACollector_noSecondCollector() {
    // Two collectors make the JVM refuse to start, so the operator's, also from the environment,
    // stays the only one.
    for (String gc : List.of("-XX:+UseG1GC", "-XX:+UseParallelGC", "-XX:+UseZGC")) {
      List<String> flags = JvmLauncher.shortRunFlags(List.of("-Xmx1g", gc), Optional.empty());
      assertFalse(flags.contains("-XX:+UseSerialGC"), gc);
      assertTrue(flags.contains("-XX:TieredStopAtLevel=1"));
    }
    JvmLauncher.Self fromEnvironment =
        new JvmLauncher.Self(
            JAVA,
            cmdline(List.of()),
            Optional.empty(),
            List.of("-XX:+UseParallelGC"),
            "auto",
            "auto",
            2,
            HOTSPOT);
    List<String> child = command(fromEnvironment, SAMPLE).orElseThrow();
    assertFalse(child.contains("-XX:+UseSerialGC"), child.toString());
  }

  @Test
  void shortRunFlags_withArchive_sharedArchiveAndItsWarningsOff() {
    List<String> flags = JvmLauncher.shortRunFlags(List.of(), Optional.of(Path.of("a/x.jsa")));
    assertTrue(flags.contains("-XX:SharedArchiveFile=" + Path.of("a/x.jsa")), flags.toString());
    assertTrue(flags.contains("-Xlog:cds=off"));
    assertTrue(flags.contains("-Xlog:cds+dynamic=off"));
    assertFalse(JvmLauncher.shortRunFlags(List.of(), Optional.empty()).toString().contains("cds"));
  }

  @Test
  void archive_besideTheJar_foundOnlyWhenWritten(@TempDir Path dir) throws Exception {
    Path jar = Files.writeString(dir.resolve("recovery-review.jar"), "jar");
    assertTrue(JvmLauncher.archive(jar.toString()).isEmpty());

    Path jsa = Files.writeString(dir.resolve("recovery-review.jsa"), "archive");
    assertEquals(Optional.of(jsa), JvmLauncher.archive(jar.toString()));
    assertTrue(JvmLauncher.archive(dir.resolve("classes").toString()).isEmpty());
    assertTrue(
        JvmLauncher.archive(jar + java.io.File.pathSeparator + dir.resolve("b.jar")).isEmpty());
  }

  @Test
  void isRun_noSubcommandOrRun_true() {
    assertTrue(JvmLauncher.isRun(new String[] {}));
    assertTrue(JvmLauncher.isRun(new String[] {"run", "--period", "2026-10"}));
    assertFalse(JvmLauncher.isRun(new String[] {"--help"}));
    assertFalse(JvmLauncher.isRun(new String[] {"validate"}));
  }

  @Test
  void stopChild_noSecondJvm_falseSoTheFirstSaysTheStopItself() {
    assertFalse(JvmLauncher.stopChild());
  }
}
