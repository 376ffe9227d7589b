package org.recoveryreview.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Runs the command line in-process and checks exit codes and messages. */
class MainTest {
  @TempDir Path dir;
  Path input;
  Path output;
  StringWriter out;
  StringWriter err;

  static final String PATIENTS =
      "patient_id,name,birth_date,sex,affected_side,diagnosis,onset_date,clinic,therapist,program_start,discharge_date\n"
          + "P1,Anna Kowalska,1950-03-02,F,left,ischaemic stroke,2026-06-01,North,T. Lee,2026-06-15,\n"
          + "P2,王小明,1962-11-20,M,right,haemorrhagic stroke,2025-01-10,South,R. Diaz,2025-02-01,\n";
  static final String SESSIONS =
      "session_id,patient_id,date,setting,therapy,status,planned_minutes,actual_minutes,therapist\n"
          + "S1,P1,2026-10-01,clinic,occupational_therapy,completed,45,,T. Lee\n"
          + "S2,P1,2026-10-03,home,range_of_motion,missed,20,,\n"
          + "S3,P2,2026-10-02,clinic,physical_therapy,completed,60,55,R. Diaz\n"
          + "S4,P2,2026-10-04,home,task_practice,completed,30,,\n";
  static final String ASSESSMENTS =
      "patient_id,date,assessor,brunnstrom_arm,brunnstrom_hand,fma_a,fma_b,fma_c,fma_d,arat\n"
          + "P1,2026-09-01,T. Lee,3,2,18,4,3,2,12\n"
          + "P1,2026-10-10,T. Lee,4,2,22,5,4,2,15\n";

  @BeforeEach
  void setUp() throws IOException {
    input = dir.resolve("in");
    output = dir.resolve("out");
    Files.createDirectories(input);
    Files.writeString(input.resolve("patients.csv"), PATIENTS);
    Files.writeString(input.resolve("sessions.csv"), SESSIONS);
    Files.writeString(input.resolve("assessments.csv"), ASSESSMENTS);
    out = new StringWriter();
    err = new StringWriter();
  }

  private int run(String... args) {
    return Main.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
  }

  private void assertOneSentenceNoTrace() {
    String e = err.toString();
    assertTrue(e.startsWith("recovery-review: "), e);
    assertFalse(e.contains("\tat "), "stack trace without --verbose: " + e);
  }

  @Test
  void execute_help_listsEveryExitCodeWithItsMeaning() {
    assertEquals(0, run("--help"));
    String help = out.toString().replaceAll("\\s+", " ");
    for (org.recoveryreview.model.ExitCode c : org.recoveryreview.model.ExitCode.values()) {
      assertTrue(help.contains(" " + c.code() + " " + c.meaning()), c + " missing from: " + help);
    }
    assertTrue(help.contains(" 143 stopped by SIGTERM"), help);
  }

  @Test
  void execute_version_printsVersionAndExits0() {
    assertEquals(0, run("--version"));
    assertTrue(out.toString().startsWith("recovery-review "), out.toString());
  }

  @Test
  void execute_helpOnEverySubcommand_exits0() {
    for (String sub : new String[] {"run", "merge", "validate", "generate"}) {
      out.getBuffer().setLength(0);
      assertEquals(0, run(sub, "--help"), sub);
      assertTrue(out.toString().contains("Usage:"), sub + ": " + out);
    }
  }

  @Test
  void execute_unknownOption_exits2() {
    assertEquals(2, run("run", "--colour", "blue"));
    assertTrue(err.toString().contains("--colour"), err.toString());
  }

  @Test
  void execute_usageErrorOfEverySubcommand_printsOneSentenceAndExits2() {
    String[][] cases = {
      {"run", "--bogus"},
      {"merge", "--bogus"},
      {"validate", "--bogus"},
      {"generate", "--bogus"},
      {"--bogus"},
      {"run", "--jobs", "many"},
      {"run", "--input"},
      {"merge", "--output", "x"},
      {"generate", "--patients", "-"},
      {"validate", "extra-argument"},
      {"frobnicate"},
    };
    for (String[] args : cases) {
      out.getBuffer().setLength(0);
      err.getBuffer().setLength(0);
      String what = String.join(" ", args);
      assertEquals(2, run(args), what + ": " + err);
      String e = err.toString();
      assertTrue(e.startsWith("recovery-review: "), what + ": " + e);
      assertTrue(e.endsWith("; see --help" + System.lineSeparator()), what + ": " + e);
      assertEquals(1, e.lines().count(), what + ": " + e);
      assertEquals("", out.toString(), what + ": usage printed: " + out);
    }
  }

  @Test
  void execute_unknownRunOption_namesOptionAndSubcommand() {
    assertEquals(2, run("run", "--bogus"));
    assertEquals(
        "recovery-review: unknown option '--bogus' for 'run'; see --help" + System.lineSeparator(),
        err.toString());
  }

  @Test
  void execute_mergeWithoutRequiredOptions_namesThem() {
    assertEquals(2, run("merge", "--output", "x"));
    assertTrue(err.toString().contains("missing required options"), err.toString());
    assertTrue(err.toString().contains("--shards"), err.toString());
  }

  @Test
  void execute_jobsZero_exits2() {
    assertEquals(
        2, run("run", "--input", input.toString(), "--output", output.toString(), "--jobs", "0"));
    assertOneSentenceNoTrace();
  }

  @Test
  void execute_malformedPeriod_exits2() {
    assertEquals(
        2,
        run(
            "run",
            "--input",
            input.toString(),
            "--output",
            output.toString(),
            "--period",
            "2026-13"));
    assertOneSentenceNoTrace();
  }

  @Test
  void execute_malformedPeriod_isReportedBeforeReadingInput() {
    assertEquals(
        2,
        run(
            "run",
            "--input",
            dir.resolve("missing").toString(),
            "--output",
            output.toString(),
            "--period",
            "Oct-2026"));
    assertTrue(err.toString().contains("--period must be YYYY-MM"), err.toString());
  }

  @Test
  void execute_unknownPatientFilter_exits2() {
    assertEquals(
        2,
        run(
            "run",
            "--input",
            input.toString(),
            "--output",
            output.toString(),
            "--patient",
            "NOPE"));
    assertTrue(err.toString().contains("NOPE"), err.toString());
  }

  @Test
  void execute_missingInputDirectory_exits66() {
    assertEquals(
        66,
        run("run", "--input", dir.resolve("missing").toString(), "--output", output.toString()));
    assertOneSentenceNoTrace();
  }

  @Test
  void execute_noPatientsFile_exits66() throws IOException {
    Files.delete(input.resolve("patients.csv"));
    assertEquals(66, run("validate", "--input", input.toString()));
    assertOneSentenceNoTrace();
  }

  @Test
  void execute_noSessionsFile_exits66() throws IOException {
    Files.delete(input.resolve("sessions.csv"));
    assertEquals(66, run("run", "--input", input.toString(), "--output", output.toString()));
  }

  @Test
  void execute_missingRequiredColumn_exits65NamingColumn() throws IOException {
    Files.writeString(
        input.resolve("sessions.csv"),
        "session_id,patient_id,date,setting,therapy,planned_minutes\nS1,P1,2026-10-01,clinic,massage,30\n");
    assertEquals(65, run("run", "--input", input.toString(), "--output", output.toString()));
    assertTrue(err.toString().contains("status"), err.toString());
    assertTrue(err.toString().contains("sessions.csv"), err.toString());
    assertOneSentenceNoTrace();
  }

  @Test
  void execute_undecodableBytes_exits65() throws IOException {
    byte[] latin1 =
        "patient_id,name,onset_date,clinic,therapist\nP1,Jos\u00e9,2026-01-01,A,B\n"
            .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    Files.write(input.resolve("patients.csv"), latin1);
    assertEquals(65, run("validate", "--input", input.toString()));
    assertTrue(err.toString().contains("patients.csv"), err.toString());
  }

  @Test
  void validate_cleanInput_exits0AndWritesNothing() throws IOException {
    assertEquals(0, run("validate", "--input", input.toString()));
    assertTrue(out.toString().contains("Every row was used."), out.toString());
    assertTrue(out.toString().contains("sessions.csv"), out.toString());
    assertFalse(Files.exists(output));
  }

  @Test
  void validate_rejectedRow_exits65AndListsFileLineColumn() throws IOException {
    Files.writeString(
        input.resolve("sessions.csv"),
        SESSIONS + "S5,P1,2026-02-30,clinic,massage,completed,30,,\n");
    assertEquals(65, run("validate", "--input", input.toString()));
    assertTrue(out.toString().contains("sessions.csv:6 date [rejected]"), out.toString());
  }

  @Test
  void run_rejectedAboveLimit_exits65AndPublishesNothing() throws IOException {
    Files.writeString(
        input.resolve("sessions.csv"), SESSIONS + "S5,P1,2026-10-05,moon,massage,completed,30,,\n");
    // 1 of 11 rows rejected = 9.1%, above the default 5%.
    assertEquals(65, run("run", "--input", input.toString(), "--output", output.toString()));
    assertTrue(err.toString().contains("--max-rejected-percent"), err.toString());
    assertFalse(Files.exists(output.resolve("2026-10")));
  }

  @Test
  void run_rejectedBelowLimit_publishesAndListsIssue() throws IOException {
    Files.writeString(
        input.resolve("sessions.csv"), SESSIONS + "S5,P1,2026-10-05,moon,massage,completed,30,,\n");
    assertEquals(
        0,
        run(
            "run",
            "--input",
            input.toString(),
            "--output",
            output.toString(),
            "--max-rejected-percent",
            "20",
            "--quiet"),
        err.toString());
    String issues = Files.readString(output.resolve("2026-10/data-issues.csv"));
    assertTrue(issues.contains("sessions.csv,6,sessions,S5,setting,moon,rejected,"), issues);
    assertTrue(Files.exists(output.resolve("2026-10/patients/P1.pdf")));
    assertTrue(Files.exists(output.resolve("2026-10/program-summary.pdf")));
    assertTrue(Files.exists(output.resolve("2026-10/manifest.json")));
  }

  @Test
  void run_sessionWithMistypedFutureYear_rejectedAndLatestIsNotAFutureMonth() throws IOException {
    Files.writeString(
        input.resolve("sessions.csv"),
        SESSIONS + "S5,P1,2031-06-01,clinic,occupational_therapy,completed,30,,\n");
    assertEquals(
        0,
        run(
            "run",
            "--input",
            input.toString(),
            "--output",
            output.toString(),
            "--max-rejected-percent",
            "20",
            "--quiet"),
        err.toString());
    assertFalse(Files.exists(output.resolve("2031-06")));
    String issues = Files.readString(output.resolve("2026-10/data-issues.csv"));
    assertTrue(
        issues.contains(
            "sessions.csv,6,sessions,S5,date,2031-06-01,rejected,\"date '2031-06-01' is a date in"
                + " the future (after "),
        issues);
  }

  @Test
  void validate_sessionDatedInTheFuture_exits65ListingIt() throws IOException {
    Files.writeString(
        input.resolve("sessions.csv"),
        SESSIONS + "S5,P1,2031-06-01,clinic,occupational_therapy,completed,30,,\n");
    assertEquals(65, run("validate", "--input", input.toString(), "--quiet"));
    assertTrue(
        out.toString().contains("sessions.csv:6 date [rejected] date '2031-06-01'"),
        out.toString());
  }

  @ParameterizedTest
  @ValueSource(strings = {"font", "cjk_font"})
  void validate_fontFileThatIsNoFont_refusedAsRunRefusesIt(String key) throws IOException {
    Files.writeString(dir.resolve("not-a-font.ttf"), "just text, no glyphs\n");
    Path config = dir.resolve("c.yaml");
    Files.writeString(config, "report:\n  " + key + ": not-a-font.ttf\n");
    assertEquals(2, run("validate", "--input", input.toString(), "--config", config.toString()));
    assertOneSentenceNoTrace();
    String validateErr = err.toString();
    assertTrue(validateErr.contains("report." + key), validateErr);
    assertTrue(validateErr.contains("cannot be loaded"), validateErr);
    err.getBuffer().setLength(0);
    assertEquals(
        2,
        run(
            "run",
            "--input",
            input.toString(),
            "--output",
            output.toString(),
            "--config",
            config.toString(),
            "--quiet"));
    assertEquals(validateErr, err.toString());
  }

  @Test
  void run_pastPeriod_dataAsOfIsThePeriodsEndNotTheInputsLastDate() throws IOException {
    assertEquals(
        0,
        run(
            "run",
            "--input",
            input.toString(),
            "--output",
            output.toString(),
            "--period",
            "2026-09",
            "--quiet"),
        err.toString());

    for (String pdf : new String[] {"2026-09/patients/P1.pdf", "2026-09/program-summary.pdf"}) {
      String text;
      try (org.apache.pdfbox.pdmodel.PDDocument doc =
          org.apache.pdfbox.Loader.loadPDF(output.resolve(pdf).toFile())) {
        text = new org.apache.pdfbox.text.PDFTextStripper().getText(doc);
      }
      // The input runs to 10 Oct 2026, but September's figures stop on 30 Sep.
      assertTrue(text.contains("Data as of 30 Sep 2026"), pdf + ":\n" + text);
      assertFalse(text.contains("Data as of 10 Oct 2026"), pdf + ":\n" + text);
    }
  }

  @Test
  void run_outputLocked_exits75() throws IOException {
    Files.createDirectories(output);
    Path lock = output.resolve(".recovery-review.lock");
    try (FileChannel ch =
            FileChannel.open(lock, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock held = ch.lock()) {
      // Same JVM: FileChannel reports the overlap, which the job treats like another process.
      assertEquals(75, run("run", "--input", input.toString(), "--output", output.toString()));
      assertTrue(err.toString().contains("Another run holds the output lock"), err.toString());
      assertTrue(held.isValid());
    }
  }

  @Test
  void run_outputIsAFile_exits73() throws IOException {
    Files.writeString(output, "not a folder");
    assertEquals(73, run("run", "--input", input.toString(), "--output", output.toString()));
    assertOneSentenceNoTrace();
    assertTrue(
        err.toString().contains("The output path " + output + " is a file, not a folder;"),
        err.toString());
    assertFalse(err.toString().contains("lock"), err.toString());
    assertEquals("not a folder", Files.readString(output));
  }

  @Test
  void run_outputBelowAFile_exits73NamingTheFile() throws IOException {
    Files.writeString(output, "not a folder");
    Path below = output.resolve("reports");
    assertEquals(73, run("run", "--input", input.toString(), "--output", below.toString()));
    assertTrue(
        err.toString().contains("lies below " + output + ", which is a file, not a folder"),
        err.toString());
  }

  @Test
  void run_verbose_printsStackTraceOnFailure() {
    assertEquals(
        66,
        run(
            "run",
            "--verbose",
            "--input",
            dir.resolve("missing").toString(),
            "--output",
            output.toString()));
    assertTrue(err.toString().contains("\tat "), err.toString());
  }

  @Test
  void execute_runHelp_printsNoPicocliWarning() {
    java.io.PrintStream saved = System.err;
    java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
    System.setErr(new java.io.PrintStream(captured, true, java.nio.charset.StandardCharsets.UTF_8));
    try {
      assertEquals(0, run("run", "--help"));
    } finally {
      System.setErr(saved);
    }
    String stderr = captured.toString(java.nio.charset.StandardCharsets.UTF_8) + err;
    assertFalse(stderr.contains("WARN"), stderr);
    assertTrue(out.toString().contains("more than X% of rows"), out.toString());
    assertTrue(out.toString().contains("--allow-fewer-patients"), out.toString());
  }

  @Test
  void execute_periodOutOfRange_exits2() {
    for (String p : new String[] {"0000-01", "1899-12", "2200-01", "9999-12"}) {
      err.getBuffer().setLength(0);
      assertEquals(
          2,
          run("run", "--input", input.toString(), "--output", output.toString(), "--period", p),
          p);
      assertTrue(err.toString().contains("from 1900-01 to 2199-12"), err.toString());
      assertOneSentenceNoTrace();
    }
    assertFalse(Files.exists(output.resolve("0000-01")));
  }

  @Test
  void failed_outOfMemory_exits71NamingXmxWithoutStackTrace() {
    int code = Main.failed(new OutOfMemoryError("Java heap space"), new PrintWriter(err, true));
    assertEquals(71, code);
    assertTrue(err.toString().contains("-Xmx"), err.toString());
    assertTrue(err.toString().contains("docs/operations.md#sizing-and-jvm-memory"), err.toString());
    assertEquals(1, err.toString().strip().lines().count(), err.toString());
    assertOneSentenceNoTrace();
  }

  @Test
  void failed_outOfMemoryWrappedByAThreadPool_exits71() {
    int code =
        Main.failed(
            new IllegalStateException(new OutOfMemoryError("Java heap space")),
            new PrintWriter(err, true));
    assertEquals(71, code);
    assertOneSentenceNoTrace();
  }

  @Test
  void failed_unmappablePath_namesTheLocaleFix() {
    int code =
        Main.failed(
            new java.nio.file.InvalidPathException(
                "/srv/r\u00e9views", "Malformed input or input contains unmappable characters"),
            new PrintWriter(err, true));
    assertEquals(2, code);
    assertTrue(err.toString().contains("LANG=C.UTF-8"), err.toString());
    assertOneSentenceNoTrace();
  }

  @Test
  void run_fewerThanHalfThePublishedPatients_exits65UnlessAllowed() throws IOException {
    Path published = Files.createDirectories(output.resolve("2026-10/patients"));
    for (int i = 0; i < 10; i++) {
      Files.writeString(published.resolve("P" + i + ".pdf"), "x"); // the guard counts these
    }
    assertEquals(65, run("run", "--input", input.toString(), "--output", output.toString()));
    assertTrue(err.toString().contains("10 patients and this run has 2"), err.toString());
    assertOneSentenceNoTrace();
    assertFalse(Files.exists(output.resolve("2026-10/program-summary.pdf")));
    assertEquals(
        0,
        run(
            "run",
            "--input",
            input.toString(),
            "--output",
            output.toString(),
            "--allow-fewer-patients",
            "--quiet"),
        err.toString());
    assertTrue(Files.exists(output.resolve("2026-10/program-summary.pdf")));
  }

  /** September sessions and October assessments only: October's sessions export is missing. */
  private void octoberSessionsMissing() throws IOException {
    Files.writeString(
        input.resolve("sessions-2026-09.csv"), SESSIONS.replace("2026-10-", "2026-09-"));
    Files.delete(input.resolve("sessions.csv"));
  }

  @Test
  void run_octoberSessionsExportMissing_exits65UnlessAllowedByOption() throws IOException {
    octoberSessionsMissing();
    String[] args = {
      "run", "--input", input.toString(), "--output", output.toString(), "--period", "2026-10"
    };
    assertEquals(65, run(args));
    assertOneSentenceNoTrace();
    assertTrue(err.toString().contains("no sessions-2026-10.csv?"), err.toString());
    assertFalse(Files.exists(output.resolve("2026-10")));
    String[] allowed = java.util.Arrays.copyOf(args, args.length + 2);
    allowed[args.length] = "--allow-fewer-sessions";
    allowed[args.length + 1] = "--quiet";
    assertEquals(0, run(allowed), err.toString());
    assertTrue(Files.exists(output.resolve("2026-10/program-summary.pdf")));
    assertTrue(
        Files.readString(output.resolve("2026-10/manifest.json"))
            .contains("\"allow_fewer_sessions\" : true"));
  }

  @Test
  void run_octoberSessionsExportMissing_publishesWhenAllowedByConfig() throws IOException {
    octoberSessionsMissing();
    Path config = dir.resolve("c.yaml");
    Files.writeString(config, "publish:\n  allow_fewer_sessions: true\n");
    assertEquals(
        0,
        run(
            "run",
            "--input",
            input.toString(),
            "--output",
            output.toString(),
            "--period",
            "2026-10",
            "--config",
            config.toString(),
            "--quiet"),
        err.toString());
    assertTrue(Files.exists(output.resolve("2026-10/program-summary.pdf")));
  }

  @Test
  void run_monthWithoutData_exits65NamingPeriodAndRange() {
    assertEquals(
        65,
        run(
            "run",
            "--input",
            input.toString(),
            "--output",
            output.toString(),
            "--period",
            "2026-12"));
    assertTrue(err.toString().contains("falls in 2026-12"), err.toString());
    assertTrue(err.toString().contains("covers 2026-09-01 to 2026-10-10"), err.toString());
    assertOneSentenceNoTrace();
    assertFalse(Files.exists(output.resolve("2026-12")));
  }

  @Test
  void run_shardOutOfRange_exits2NamingTheForm() {
    for (String bad : new String[] {"3/3", "-1/2", "a/b"}) {
      err.getBuffer().setLength(0);
      assertEquals(
          2,
          run("run", "--input", input.toString(), "--output", output.toString(), "--shard", bad),
          bad);
      assertTrue(err.toString().contains("--shard '" + bad + "'"), err.toString());
      assertTrue(err.toString().contains("i/N with 0 <= i < N"), err.toString());
      assertOneSentenceNoTrace();
    }
    assertFalse(Files.exists(output));
  }

  @Test
  void run_shardWithPatient_exits2() {
    assertEquals(
        2,
        run(
            "run",
            "--input",
            input.toString(),
            "--output",
            output.toString(),
            "--period",
            "2026-10",
            "--shard",
            "0/2",
            "--patient",
            "P1"));
    assertTrue(
        err.toString().contains("--patient cannot be combined with --shard"), err.toString());
  }

  @Test
  void merge_oneOfTwoShards_exits65NamingTheMissingShardAndPublishesNothing() {
    Path shards = dir.resolve("shards");
    assertEquals(
        0,
        run(
            "run",
            "--input",
            input.toString(),
            "--output",
            shards.toString(),
            "--period",
            "2026-10",
            "--shard",
            "0/2",
            "--quiet"),
        err.toString());
    assertTrue(Files.isRegularFile(shards.resolve("2026-10.shard-0-of-2/shard.json")));
    err.getBuffer().setLength(0);
    assertEquals(
        65,
        run(
            "merge",
            "--shards",
            shards.toString(),
            "--output",
            output.toString(),
            "--period",
            "2026-10"));
    assertTrue(err.toString().contains("shard 1/2 is missing"), err.toString());
    assertTrue(err.toString().contains("run --shard 1/2"), err.toString());
    assertFalse(Files.exists(output.resolve("2026-10")));
  }

  @Test
  void runShardsThenMerge_tinyInput_mergedCsvsEqualSingleRun() throws IOException {
    Path shards = dir.resolve("shards");
    for (String s : new String[] {"0/2", "1/2"}) {
      assertEquals(
          0,
          run(
              "run",
              "--input",
              input.toString(),
              "--output",
              shards.toString(),
              "--period",
              "2026-10",
              "--shard",
              s,
              "--quiet"),
          err.toString());
    }
    Path merged = dir.resolve("merged");
    assertEquals(
        0,
        run(
            "merge",
            "--shards",
            shards.toString(),
            "--output",
            merged.toString(),
            "--period",
            "latest",
            "--quiet"),
        err.toString());
    assertEquals(
        0,
        run(
            "run",
            "--input",
            input.toString(),
            "--output",
            output.toString(),
            "--period",
            "2026-10",
            "--quiet"),
        err.toString());
    for (String f :
        new String[] {
          "patient-metrics.csv", "program-metrics.csv", "data-issues.csv", "program-summary.pdf"
        }) {
      assertEquals(
          -1L,
          Files.mismatch(output.resolve("2026-10").resolve(f), merged.resolve("2026-10/" + f)),
          f);
    }
  }
}
