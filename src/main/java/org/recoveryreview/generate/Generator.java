package org.recoveryreview.generate;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.recoveryreview.model.ExitCode;
import org.recoveryreview.model.FileKind;
import org.recoveryreview.model.JobFailure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a realistic synthetic data set in the input contract, the same bytes for the same seed.
 */
public final class Generator {
  private static final Logger LOG = LoggerFactory.getLogger(Generator.class);

  /** RFC 4180 quoting with LF line ends, which read better in a repository than CRLF. */
  static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setRecordSeparator('\n').get();

  static final String[] PATIENT_HEADER = FileKind.PATIENTS.columns().toArray(String[]::new);

  private static final int MAX_PATIENTS = 1_000_000;
  private static final int MAX_MONTHS = 120;
  private static final int BUFFER = 1 << 16;

  private Generator() {}

  /** Writes patients.csv, sessions-*.csv, assessments.csv and goals.csv into {@code outputDir}. */
  public static void generate(Path outputDir, int patients, int months, YearMonth end, long seed) {
    generate(outputDir, patients, months, end, seed, false);
  }

  /**
   * Writes the data set; with {@code messy} the sessions exports overlap and carry the duplicates,
   * superseded versions, status aliases, ignored and invalid rows, and the byte-order mark that
   * real exports have (see docs/generator.md).
   */
  public static void generate(
      Path outputDir, int patients, int months, YearMonth end, long seed, boolean messy) {
    checkArguments(outputDir, patients, months, end);
    YearMonth first = end.minusMonths(months - 1L);
    List<YearMonth> range = new ArrayList<>();
    for (int i = 0; i < months; i++) {
      range.add(first.plusMonths(i));
    }
    createDirectory(outputDir);
    refuseStaleInputs(outputDir, fileNames(range));

    LocalDate rangeStart = first.atDay(1);
    LocalDate rangeEnd = end.atEndOfMonth();
    Cohort cohort = Cohort.build(seed, patients, rangeStart, rangeEnd);

    writeFile(outputDir.resolve("patients.csv"), w -> writePatients(cohort, w));
    SessionFiles sessions = new SessionFiles(seed, cohort, messy);
    long sessionRows = 0;
    for (int i = 0; i < months; i++) {
      int index = i;
      long[] count = new long[1];
      writeFile(
          outputDir.resolve(sessionsFileName(range.get(i))),
          w -> count[0] = sessions.write(w, range.get(index), index, months));
      sessionRows += count[0];
    }
    long[] assessmentRows = new long[1];
    writeFile(
        outputDir.resolve("assessments.csv"),
        w -> assessmentRows[0] = writeAssessments(cohort, seed, messy, w));
    long[] goalRows = new long[1];
    GoalSimulator goals = new GoalSimulator(seed, messy);
    writeFile(
        outputDir.resolve("goals.csv"),
        w -> goalRows[0] = writeGoals(cohort, goals, rangeEnd.toEpochDay(), w));
    LOG.info(
        "Generated {} patients, {} session rows in {} monthly files ({} to {}), {} assessments"
            + " and {} goal reviews in {}{}",
        patients,
        sessionRows,
        months,
        first,
        end,
        assessmentRows[0],
        goalRows[0],
        outputDir,
        messy ? " (messy exports)" : "");
  }

  private static void checkArguments(Path outputDir, int patients, int months, YearMonth end) {
    if (outputDir == null || end == null) {
      throw new JobFailure(ExitCode.USAGE, "generate needs an output directory and an end month.");
    }
    if (patients < 1 || patients > MAX_PATIENTS) {
      throw new JobFailure(
          ExitCode.USAGE,
          "--patients "
              + patients
              + " is out of range; give a number from 1 to "
              + MAX_PATIENTS
              + ".");
    }
    if (months < 1 || months > MAX_MONTHS) {
      throw new JobFailure(
          ExitCode.USAGE,
          "--months " + months + " is out of range; give a number from 1 to " + MAX_MONTHS + ".");
    }
  }

  /** The files a data set of the months {@code range} consists of. */
  private static List<String> fileNames(List<YearMonth> range) {
    List<String> names = new ArrayList<>();
    names.add("patients.csv");
    for (YearMonth m : range) {
      names.add(sessionsFileName(m));
    }
    names.add("assessments.csv");
    names.add("goals.csv");
    return names;
  }

  static String sessionsFileName(YearMonth month) {
    return String.format(
        Locale.ROOT, "sessions-%04d-%02d.csv", month.getYear(), month.getMonthValue());
  }

  private static void writePatients(Cohort cohort, Writer w) throws IOException {
    CSVPrinter out = FORMAT.builder().setHeader(PATIENT_HEADER).get().print(w);
    for (SimPatient p : cohort.patients) {
      out.printRecord(
          p.id,
          p.name,
          p.birthDate.toString(),
          p.sex,
          p.affectedSide,
          p.diagnosis,
          p.onset.toString(),
          cohort.clinics.get(p.clinic).name(),
          p.therapist,
          p.programStart.toString(),
          p.discharge.map(LocalDate::toString).orElse(""),
          GoalSimulator.language(p.name));
    }
    out.flush();
  }

  private static long writeGoals(Cohort cohort, GoalSimulator goals, long lastDay, Writer w)
      throws IOException {
    CSVPrinter out = FORMAT.builder().setHeader(GoalSimulator.HEADER).get().print(w);
    long rows = 0;
    for (SimPatient p : cohort.patients) {
      rows += goals.write(p, lastDay, out);
    }
    out.flush();
    return rows;
  }

  private static long writeAssessments(Cohort cohort, long seed, boolean messy, Writer w)
      throws IOException {
    CSVPrinter out = FORMAT.builder().setHeader(AssessmentSimulator.HEADER).get().print(w);
    AssessmentSimulator simulator = new AssessmentSimulator(seed, messy, cohort.rangeEnd);
    long rows = 0;
    for (SimPatient p : cohort.patients) {
      rows += simulator.write(p, out);
    }
    out.flush();
    return rows;
  }

  /** Body of one output file. */
  private interface FileBody {
    void write(Writer writer) throws IOException;
  }

  private static void writeFile(Path file, FileBody body) {
    try (Writer w =
        new BufferedWriter(
            new OutputStreamWriter(Files.newOutputStream(file), StandardCharsets.UTF_8), BUFFER)) {
      body.write(w);
    } catch (IOException e) {
      throw cannot(
          "write " + file, e, " Check that the directory is writable and the disk has space.");
    }
  }

  private static void createDirectory(Path dir) {
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw cannot(
          "create the output directory " + dir, e, " Choose a writable location with --output.");
    }
  }

  /** Exit 73: "Cannot {@code what}: the reason." and then {@code advice} (may be empty). */
  private static JobFailure cannot(String what, IOException e, String advice) {
    return new JobFailure(
        ExitCode.CANNOT_WRITE, "Cannot " + what + ": " + e.getMessage() + "." + advice, e);
  }

  /**
   * The job reads every patients*, sessions* and assessments* file in a directory, so an older data
   * set's files that this run would not overwrite would silently mix into the new one.
   */
  private static void refuseStaleInputs(Path dir, List<String> willWrite) {
    Set<String> stale = new TreeSet<>();
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
      for (Path f : files) {
        String name = f.getFileName().toString();
        String lower = name.toLowerCase(Locale.ROOT);
        boolean input =
            (lower.startsWith("patients")
                    || lower.startsWith("sessions")
                    || lower.startsWith("assessments")
                    || lower.startsWith("goals"))
                && (lower.endsWith(".csv") || lower.endsWith(".csv.gz"));
        if (input && !willWrite.contains(name)) {
          stale.add(name);
        }
      }
    } catch (IOException e) {
      throw cannot("list the output directory " + dir, e, "");
    }
    if (!stale.isEmpty()) {
      throw new JobFailure(
          ExitCode.USAGE,
          "The output directory "
              + dir
              + " already holds "
              + String.join(", ", stale)
              + ", which this run would not replace and the job would read together with the new"
              + " files; remove them or choose an empty directory with --output.");
    }
  }
}
