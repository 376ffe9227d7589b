package org.recoveryreview.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.recoveryreview.concurrent.Parallel;
import org.recoveryreview.model.Assessment;
import org.recoveryreview.model.Coverage;
import org.recoveryreview.model.DataIssue;
import org.recoveryreview.model.Dataset;
import org.recoveryreview.model.ExitCode;
import org.recoveryreview.model.FileKind;
import org.recoveryreview.model.GoalRating;
import org.recoveryreview.model.InputFile;
import org.recoveryreview.model.InputOptions;
import org.recoveryreview.model.JobFailure;
import org.recoveryreview.model.Patient;
import org.recoveryreview.model.Printable;
import org.recoveryreview.model.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads an input directory of patients, sessions, assessments and (optional) goals exports into a
 * {@link Dataset}.
 */
public final class Ingestor {
  private static final Logger LOG = LoggerFactory.getLogger(Ingestor.class);

  // Configuration keys named in messages, so a user knows what to change.
  static final String CONFIG_CHARSET = "input.charset";
  static final String CONFIG_HEADER_ALIASES = "input.header_aliases";
  static final String CONFIG_STATUS_ALIASES = "input.status_aliases";
  static final String CONFIG_DELIMITER = "input.delimiter";
  static final String CONFIG_DATE_PATTERN = "input.date_pattern";
  static final String CONFIG_MAX_VALUE = "input.max_value_chars";
  static final String CONFIG_MAX_ID = "input.max_id_chars";
  static final String CONFIG_MAX_RECORD = "input.max_record_chars";

  // Parsed blocks a file may hold before the resolver takes them: with ParsedFile.BLOCK_ROWS, a few
  // megabytes per parsing thread, however large the file.
  private static final int BUFFERED_BLOCKS = 4;

  private final InputOptions options;
  private final int threads;
  private final Predicate<Path> readable;
  private final LocalDate today;

  public Ingestor(InputOptions options) {
    this(options, Parallel.defaultThreads());
  }

  /**
   * With a fixed number of parsing threads (the run's {@code --jobs}); the result does not depend
   * on it.
   */
  public Ingestor(InputOptions options, int threads) {
    this(options, threads, LocalDate.now());
  }

  /**
   * As {@link #Ingestor(InputOptions, int)} for a run on {@code today} (the job's clock): a session
   * with an outcome, an assessment, a goal review, a patient's onset or birth dated after it is
   * rejected as a date in the future.
   */
  public Ingestor(InputOptions options, int threads, LocalDate today) {
    this(options, threads, Files::isReadable, today);
  }

  /**
   * With a test for read permission: tests run as root, who may read everything, so they simulate
   * an unreadable file through it.
   */
  Ingestor(InputOptions options, int threads, Predicate<Path> readable) {
    this(options, threads, readable, LocalDate.now());
  }

  private Ingestor(InputOptions options, int threads, Predicate<Path> readable, LocalDate today) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1: " + threads);
    }
    this.options = options;
    this.threads = threads;
    this.readable = readable;
    this.today = today;
  }

  /**
   * Reads every {@code patients*}, {@code sessions*}, {@code assessments*} and {@code goals*} file
   * (.csv or .csv.gz) in {@code inputDir}, accounting for every data row.
   *
   * @throws org.recoveryreview.model.JobFailure with NO_INPUT when the directory, the patients
   *     files or the sessions files are missing, or a file named like an export is not a readable
   *     regular file; DATA_ERROR for whole-file problems
   */
  public Dataset ingest(Path inputDir) {
    return ingest(inputDir, id -> true);
  }

  /**
   * Reads the input as {@link #ingest(Path)} does but keeps the sessions, assessments and goal
   * reviews of the patients {@code ours} accepts only (a shard's): every row is still read, checked
   * and resolved against re-exports, the patients file is kept whole, and the dataset's {@link
   * Coverage} is that of every patient's rows. Rows set aside are listed once across the shards:
   * the patients file's and every rejected row in each shard's ledger (a shard that is not the
   * first publishes them from none), duplicates, superseded and ignored rows by the shard of the
   * row's patient. A file's "used" count includes the other shards' rows.
   */
  public Dataset ingest(Path inputDir, Predicate<String> ours) {
    return ingest(inputDir, ours, Optional.empty());
  }

  /**
   * As {@link #ingest(Path, Predicate)}, but keeps the other shards' rows' dates from {@code
   * otherDatesFrom} on only (the first day of the month a shard reviews: earlier dates cannot
   * change that month's reports), so the dataset's {@link Coverage} is exact from that day on.
   */
  public Dataset ingest(Path inputDir, Predicate<String> ours, Optional<LocalDate> otherDatesFrom) {
    ByKind<Path> files = discover(inputDir);
    long floor = otherDatesFrom.map(LocalDate::toEpochDay).orElse(Long.MIN_VALUE);
    CsvFile csv = new CsvFile(options.charset(), options.delimiter(), options.limits());
    Ledger ledger = new Ledger();
    List<CsvFile.Result> results = new ArrayList<>();
    ByKind<Integer> ids = registerFiles(files, ledger, results);
    PatientRows patients = readPatients(csv, files, ids, ledger, results);
    Latest<Session> sessions = latestSessions(ledger, ours, floor);
    Latest<Assessment> assessments = latestAssessments(ledger, ours, floor);
    Latest<GoalRating> goals = latestGoals(ledger, ours);
    // Sessions, assessments and goals files are parsed in parallel, one task per file, each with
    // its own (unshared) date parser and vocabulary caches; keys are then resolved here, in
    // file-then-line order, while later files are still being parsed.
    Parallel.<FileTask, ParsedFile<?>>streamInOrder(
        otherFileTasks(files, ids),
        threads,
        "ingest",
        BUFFERED_BLOCKS,
        (task, emit) -> parse(csv, task, patients, emit),
        p -> {
          if (p.result != null) {
            ledger.setRowsRead(p.file, p.result.rowsRead());
            results.set(p.file, p.result);
          }
          switch (ledger.kind(p.file)) {
            case SESSIONS -> sessions.resolve(cast(p));
            case ASSESSMENTS -> assessments.resolve(cast(p));
            default -> goals.resolve(cast(p));
          }
        });
    List<Patient> usedPatients = patients.patients();
    List<Session> usedSessions = SessionRows.finish(sessions, ledger);
    List<Assessment> usedAssessments = assessments.keptValues();
    List<GoalRating> usedGoals = goals.keptValues();
    List<InputFile> inputFiles = inputFiles(ledger, results);
    List<DataIssue> issues = ledger.issues();
    return new Dataset(
        usedPatients,
        usedSessions,
        usedAssessments,
        inputFiles,
        issues,
        usedGoals,
        coverage(usedSessions, usedAssessments, sessions, assessments, otherDatesFrom));
  }

  /** Gives every file its ledger number, kind by kind, with an empty slot for its read result. */
  private static ByKind<Integer> registerFiles(
      ByKind<Path> files, Ledger ledger, List<CsvFile.Result> results) {
    ByKind<Integer> ids = new ByKind<>();
    for (FileKind kind : FileKind.values()) {
      for (Path path : files.get(kind)) {
        ids.get(kind).add(ledger.addFile(path.getFileName().toString(), kind));
        results.add(null);
      }
    }
    return ids;
  }

  /**
   * Patients first and on this thread: every sessions and assessments row is checked against them,
   * and they are few.
   */
  private PatientRows readPatients(
      CsvFile csv,
      ByKind<Path> files,
      ByKind<Integer> ids,
      Ledger ledger,
      List<CsvFile.Result> results) {
    PatientRows patients =
        new PatientRows(
            ledger, newDateParser(), new Vocabulary(options.statusAliases()), options.limits());
    Schema patientSchema = Schema.PATIENTS;
    Map<String, Integer> patientAliases = aliases(patientSchema);
    for (int i = 0; i < files.get(FileKind.PATIENTS).size(); i++) {
      Path path = files.get(FileKind.PATIENTS).get(i);
      int file = ids.get(FileKind.PATIENTS).get(i);
      LOG.debug("reading {}", path);
      CsvFile.Result r =
          csv.read(path, patientSchema, patientAliases, row -> patients.accept(row, file));
      ledger.setRowsRead(file, r.rowsRead());
      results.set(file, r);
    }
    return patients;
  }

  private static Latest<Session> latestSessions(Ledger ledger, Predicate<String> ours, long floor) {
    return new Latest<>(
        ledger,
        SessionRows::changed,
        Session::sessionId,
        s -> ours.test(s.patientId()),
        s -> s.status().isIgnored() ? OtherShardRows.NO_DAY : dayFrom(s.date(), floor));
  }

  private static Latest<Assessment> latestAssessments(
      Ledger ledger, Predicate<String> ours, long floor) {
    return new Latest<>(
        ledger,
        AssessmentRows::changed,
        AssessmentRows::keyOf,
        a -> ours.test(a.patientId()),
        a -> dayFrom(a.date(), floor));
  }

  private static Latest<GoalRating> latestGoals(Ledger ledger, Predicate<String> ours) {
    return new Latest<>(
        ledger,
        GoalRows::changed,
        GoalRows::keyOf,
        g -> ours.test(g.patientId()),
        g -> OtherShardRows.NO_DAY);
  }

  /** One parsing task per sessions, assessments and goals file, in that order. */
  private static List<FileTask> otherFileTasks(ByKind<Path> files, ByKind<Integer> ids) {
    List<FileTask> tasks = new ArrayList<>();
    for (FileKind kind : List.of(FileKind.SESSIONS, FileKind.ASSESSMENTS, FileKind.GOALS)) {
      for (int i = 0; i < files.get(kind).size(); i++) {
        tasks.add(new FileTask(files.get(kind).get(i), ids.get(kind).get(i), kind));
      }
    }
    return tasks;
  }

  /** Every file's accounting, in ledger order, each logged as it is built. */
  private static List<InputFile> inputFiles(Ledger ledger, List<CsvFile.Result> results) {
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
    return inputFiles;
  }

  private static int dayFrom(LocalDate date, long floor) {
    long day = date.toEpochDay();
    return day < floor ? OtherShardRows.NO_DAY : (int) day;
  }

  /** The coverage of our rows and of the other shards' latest versions. */
  private static Coverage coverage(
      List<Session> usedSessions,
      List<Assessment> usedAssessments,
      Latest<Session> sessions,
      Latest<Assessment> assessments,
      Optional<LocalDate> otherDatesFrom) {
    Coverage.Builder b = new Coverage.Builder();
    usedSessions.forEach(s -> b.session(s.date().toEpochDay()));
    usedAssessments.forEach(a -> b.assessment(a.date().toEpochDay()));
    sessions.forEachOtherDay(b::session);
    assessments.forEachOtherDay(b::assessment);
    return b.build(otherDatesFrom);
  }

  private DateParser newDateParser() {
    return new DateParser(options.datePattern(), today);
  }

  private Map<String, Integer> aliases(Schema schema) {
    return schema.aliases(options.headerAliases().getOrDefault(schema.kind, Map.of()));
  }

  @SuppressWarnings("unchecked")
  private static <T> ParsedFile<T> cast(ParsedFile<?> p) {
    return (ParsedFile<T>) p;
  }

  /** One sessions, assessments or goals file to parse, with its ledger id. */
  private record FileTask(Path path, int file, FileKind kind) {}

  /** Parses one file on a worker thread, block by block. */
  private void parse(
      CsvFile csv, FileTask task, PatientRows patients, Consumer<ParsedFile<?>> emit) {
    LOG.debug("reading {}", task.path());
    DateParser dates = newDateParser();
    Vocabulary vocabulary = new Vocabulary(options.statusAliases());
    switch (task.kind()) {
      case SESSIONS ->
          ParsedFile.parse(
              csv,
              task.path(),
              Schema.SESSIONS,
              aliases(Schema.SESSIONS),
              task.file(),
              new SessionRows(dates, vocabulary, options.limits(), patients),
              emit::accept);
      case ASSESSMENTS ->
          ParsedFile.parse(
              csv,
              task.path(),
              Schema.ASSESSMENTS,
              aliases(Schema.ASSESSMENTS),
              task.file(),
              new AssessmentRows(dates, vocabulary, options.limits(), patients),
              emit::accept);
      default ->
          ParsedFile.parse(
              csv,
              task.path(),
              Schema.GOALS,
              aliases(Schema.GOALS),
              task.file(),
              new GoalRows(
                  dates,
                  vocabulary,
                  new GoalDomains(options.goalDomainAliases()),
                  options.limits(),
                  patients),
              emit::accept);
    }
  }

  /** The input files of each kind, in reading order. */
  private ByKind<Path> discover(Path dir) {
    requireDirectory(dir);
    ByKind<Path> byKind = readableExports(dir);
    // Case-insensitive order first, so "Sessions-2026-02" does not sort before "sessions-2026-01".
    Comparator<Path> order =
        Comparator.comparing((Path p) -> p.getFileName().toString().toLowerCase(Locale.ROOT))
            .thenComparing(p -> p.getFileName().toString());
    for (FileKind k : FileKind.values()) {
      byKind.get(k).sort(order);
    }
    requirePatientsAndSessions(dir, byKind);
    if (byKind.get(FileKind.ASSESSMENTS).isEmpty()) {
      LOG.info("No assessments file in {}; reviews will have no assessment data", dir);
    }
    return byKind;
  }

  private static void requireDirectory(Path dir) {
    if (!Files.isDirectory(dir)) {
      throw new JobFailure(
          ExitCode.NO_INPUT,
          "The input directory "
              + dir.toAbsolutePath()
              + (Files.exists(dir) ? " is not a directory" : " does not exist")
              + "; pass --input DIR naming the folder that holds the patients*.csv and"
              + " sessions*.csv exports.");
    }
  }

  /**
   * The files of {@code dir} named like an export, by kind, unsorted; stops the run when any of
   * them is not a readable regular file, and warns of other CSV files, which are not read.
   */
  private ByKind<Path> readableExports(Path dir) {
    ByKind<Path> byKind = new ByKind<>();
    List<String> unusable = new ArrayList<>();
    try (Stream<Path> listing = Files.list(dir)) {
      listing.forEach(
          p -> {
            String name = p.getFileName().toString();
            String lower = name.toLowerCase(Locale.ROOT);
            boolean csv = lower.endsWith(".csv") || lower.endsWith(".csv.gz");
            FileKind kind = kindOf(lower);
            if (csv && kind != null) {
              String why = whyUnusable(p);
              if (why.isEmpty()) {
                byKind.get(kind).add(p);
              } else {
                unusable.add(Printable.escape(name) + " " + why);
              }
            } else if (csv) {
              LOG.warn(
                  "Ignoring {}: only files whose names start with patients, sessions,"
                      + " assessments or goals are read",
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
    if (!unusable.isEmpty()) {
      unusable.sort(null);
      throw new JobFailure(
          ExitCode.NO_INPUT,
          "Cannot read every export in "
              + dir.toAbsolutePath()
              + ": "
              + String.join("; ", unusable)
              + ". The run stops here, because reviews without that file would silently lack its"
              + " data: mount the share or restore the file, or move it out of the input folder if"
              + " it is not an export.");
    }
    return byKind;
  }

  private static void requirePatientsAndSessions(Path dir, ByKind<Path> byKind) {
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
  }

  /**
   * Why a file named like an export cannot be read as one, as a phrase after its name; empty when
   * it is a readable regular file. Checked before opening: opening a pipe would wait forever.
   */
  private String whyUnusable(Path p) {
    if (Files.isSymbolicLink(p) && !Files.exists(p)) {
      String target;
      try {
        target = Printable.escape(Files.readSymbolicLink(p).toString());
      } catch (IOException | UnsupportedOperationException e) {
        target = "a path";
      }
      return "is a symbolic link to "
          + target
          + ", which does not exist (an unmounted share or a moved file?)";
    }
    if (Files.isDirectory(p)) {
      return "is a folder, not a file";
    }
    if (!Files.isRegularFile(p)) {
      return "is not a regular file (a named pipe, socket or device)";
    }
    if (!readable.test(p)) {
      return "cannot be read: permission denied for the user running the job ("
          + System.getProperty("user.name")
          + ")";
    }
    return "";
  }

  private static @Nullable FileKind kindOf(String lowerName) {
    for (FileKind k : FileKind.values()) {
      if (lowerName.startsWith(k.code())) {
        return k;
      }
    }
    return null;
  }
}
