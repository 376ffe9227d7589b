package org.recoveryreview.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.recoveryreview.model.Assessment;
import org.recoveryreview.model.DataIssue;
import org.recoveryreview.model.Dataset;
import org.recoveryreview.model.ExitCode;
import org.recoveryreview.model.FileKind;
import org.recoveryreview.model.InputFile;
import org.recoveryreview.model.InputOptions;
import org.recoveryreview.model.JobFailure;
import org.recoveryreview.model.Patient;
import org.recoveryreview.model.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads an input directory of patients, sessions and assessments exports into a {@link Dataset}.
 */
public final class Ingestor {
  private static final Logger LOG = LoggerFactory.getLogger(Ingestor.class);

  // Configuration keys named in messages, so a user knows what to change.
  static final String CONFIG_CHARSET = "input.charset";
  static final String CONFIG_HEADER_ALIASES = "input.header_aliases";
  static final String CONFIG_STATUS_ALIASES = "input.status_aliases";
  static final String CONFIG_DELIMITER = "input.delimiter";
  static final String CONFIG_DATE_PATTERN = "input.date_pattern";

  private final InputOptions options;

  public Ingestor(InputOptions options) {
    this.options = options;
  }

  /**
   * Reads every {@code patients*}, {@code sessions*} and {@code assessments*} file (.csv or
   * .csv.gz) in {@code inputDir}, accounting for every data row.
   *
   * @throws org.recoveryreview.model.JobFailure with NO_INPUT when the directory, the patients
   *     files or the sessions files are missing, DATA_ERROR for whole-file problems
   */
  public Dataset ingest(Path inputDir) {
    Map<FileKind, List<Path>> files = discover(inputDir);
    DateParser dates = new DateParser(options.datePattern());
    Vocabulary vocabulary = new Vocabulary(options.statusAliases());
    CsvFile csv = new CsvFile(options.charset(), options.delimiter());
    Ledger ledger = new Ledger();
    PatientRows patients = new PatientRows(ledger, dates, vocabulary);
    SessionRows sessions = new SessionRows(ledger, dates, vocabulary, patients);
    AssessmentRows assessments = new AssessmentRows(ledger, dates, vocabulary, patients);

    List<CsvFile.Result> results = new ArrayList<>();
    for (FileKind kind : FileKind.values()) {
      Schema schema = Schema.of(kind);
      Map<String, Integer> aliases =
          schema.aliases(options.headerAliases().getOrDefault(kind, Map.of()));
      for (Path path : files.get(kind)) {
        int file = ledger.addFile(path.getFileName().toString(), kind);
        CsvFile.RowConsumer consumer =
            switch (kind) {
              case PATIENTS -> row -> patients.accept(row, file);
              case SESSIONS -> row -> sessions.accept(row, file);
              case ASSESSMENTS -> row -> assessments.accept(row, file);
            };
        LOG.debug("reading {}", path);
        CsvFile.Result r = csv.read(path, schema, aliases, consumer);
        ledger.setRowsRead(file, r.rowsRead());
        results.add(r);
      }
    }
    List<Patient> usedPatients = patients.patients();
    List<Session> usedSessions = sessions.finish();
    List<Assessment> usedAssessments = assessments.finish();

    List<InputFile> inputFiles = new ArrayList<>(results.size());
    for (int i = 0; i < results.size(); i++) {
      CsvFile.Result r = results.get(i);
      InputFile f = ledger.inputFile(i, r.sha256(), r.sizeBytes());
      inputFiles.add(f);
      LOG.info(
          "{}: {} rows read, {} used, {} rejected, {} duplicate, {} superseded, {} ignored",
          f.file(),
          f.rowsRead(),
          f.used(),
          f.rejected(),
          f.duplicate(),
          f.superseded(),
          f.ignored());
    }
    List<DataIssue> issues = ledger.issues();
    return new Dataset(usedPatients, usedSessions, usedAssessments, inputFiles, issues);
  }

  /** The input files of each kind, in reading order. */
  private static Map<FileKind, List<Path>> discover(Path dir) {
    if (!Files.isDirectory(dir)) {
      throw new JobFailure(
          ExitCode.NO_INPUT,
          "The input directory "
              + dir.toAbsolutePath()
              + (Files.exists(dir) ? " is not a directory" : " does not exist")
              + "; pass --input DIR naming the folder that holds the patients*.csv and"
              + " sessions*.csv exports.");
    }
    Map<FileKind, List<Path>> byKind = new EnumMap<>(FileKind.class);
    for (FileKind k : FileKind.values()) {
      byKind.put(k, new ArrayList<>());
    }
    try (Stream<Path> listing = Files.list(dir)) {
      listing.forEach(
          p -> {
            String name = p.getFileName().toString();
            String lower = name.toLowerCase(Locale.ROOT);
            boolean csv = lower.endsWith(".csv") || lower.endsWith(".csv.gz");
            FileKind kind = kindOf(lower);
            if (csv && kind != null && Files.isRegularFile(p)) {
              byKind.get(kind).add(p);
            } else if (csv) {
              LOG.warn(
                  "Ignoring {}: only files whose names start with patients, sessions or"
                      + " assessments are read",
                  name);
            }
          });
    } catch (IOException e) {
      throw new JobFailure(
          ExitCode.NO_INPUT,
          "Cannot list the input directory "
              + dir.toAbsolutePath()
              + " ("
              + e.getMessage()
              + "); check that this job may read it.",
          e);
    }
    // Case-insensitive order first, so "Sessions-2026-02" does not sort before "sessions-2026-01".
    Comparator<Path> order =
        Comparator.comparing((Path p) -> p.getFileName().toString().toLowerCase(Locale.ROOT))
            .thenComparing(p -> p.getFileName().toString());
    byKind.values().forEach(list -> list.sort(order));
    for (FileKind required : List.of(FileKind.PATIENTS, FileKind.SESSIONS)) {
      if (byKind.get(required).isEmpty()) {
        throw new JobFailure(
            ExitCode.NO_INPUT,
            "No "
                + required.code()
                + " file in "
                + dir.toAbsolutePath()
                + "; put the "
                + required.code()
                + " export there as "
                + required.code()
                + ".csv (or "
                + required.code()
                + "-<anything>.csv, optionally .csv.gz), or pass --input DIR naming the right"
                + " folder.");
      }
    }
    if (byKind.get(FileKind.ASSESSMENTS).isEmpty()) {
      LOG.info("No assessments file in {}; reviews will have no assessment data", dir);
    }
    return byKind;
  }

  private static FileKind kindOf(String lowerName) {
    for (FileKind k : FileKind.values()) {
      if (lowerName.startsWith(k.code())) {
        return k;
      }
    }
    return null;
  }
}
