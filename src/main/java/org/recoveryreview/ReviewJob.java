package org.recoveryreview;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.recoveryreview.analysis.Analyzer;
import org.recoveryreview.analysis.Periods;
import org.recoveryreview.ingest.Ingestor;
import org.recoveryreview.model.DataIssue;
import org.recoveryreview.model.Dataset;
import org.recoveryreview.model.ExitCode;
import org.recoveryreview.model.InputFile;
import org.recoveryreview.model.IssueAction;
import org.recoveryreview.model.JobFailure;
import org.recoveryreview.model.PatientReview;
import org.recoveryreview.model.ReviewPeriod;
import org.recoveryreview.model.ReviewResults;
import org.recoveryreview.publish.CsvOutputs;
import org.recoveryreview.publish.Manifest;
import org.recoveryreview.publish.OutputLock;
import org.recoveryreview.publish.PeriodFolder;
import org.recoveryreview.publish.RunInfo;
import org.recoveryreview.report.RenderOutcome;
import org.recoveryreview.report.ReportContext;
import org.recoveryreview.report.ReportRenderer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the stages in order (ingest, analysis, report, publish) for one period under the output
 * lock, publishing atomically; the only class that knows the whole pipeline.
 */
public final class ReviewJob {
  private static final Logger LOG = LoggerFactory.getLogger(ReviewJob.class);

  /** Output file names inside the period folder. */
  public static final String PATIENT_METRICS = "patient-metrics.csv";

  public static final String PROGRAM_METRICS = "program-metrics.csv";
  public static final String DATA_ISSUES = "data-issues.csv";
  public static final String PROGRAM_SUMMARY = "program-summary.pdf";
  public static final String PATIENTS_DIR = "patients";

  private final JobOptions options;
  private final Clock clock;
  private final ProgressListener progress;

  public ReviewJob(JobOptions options, Clock clock, ProgressListener progress) {
    this.options = options;
    this.clock = clock;
    this.progress = progress;
  }

  /** The version written into manifests and printed by {@code --version}. */
  public static String version() {
    try (InputStream in = ReviewJob.class.getResourceAsStream("version.properties")) {
      if (in == null) {
        return "dev";
      }
      Properties p = new Properties();
      p.load(in);
      return p.getProperty("version", "dev");
    } catch (IOException e) {
      return "dev";
    }
  }

  /** Reads the input only, for {@code validate}. */
  public static Dataset ingestOnly(Path input, org.recoveryreview.model.InputOptions options) {
    return new Ingestor(options).ingest(input);
  }

  /** Runs everything and returns what was published; failures are {@link JobFailure}s. */
  public JobResult run() {
    Instant started = clock.instant();
    long t0 = System.nanoTime();
    Map<String, Double> stages = new LinkedHashMap<>();
    String holder =
        "pid "
            + ProcessHandle.current().pid()
            + " on "
            + hostName()
            + ", output "
            + options.output();
    if (!options.period().strip().equals("latest")) {
      // A malformed --period is a usage error; say so before minutes of reading.
      Periods.resolve(options.period(), Dataset.empty(), LocalDate.now(clock));
    }
    try (OutputLock lock = OutputLock.acquire(options.output(), holder)) {
      // Tablesaw's one-time start-up (a classpath scan) runs while the input is read.
      Analyzer.warmUp();
      long t = System.nanoTime();
      Dataset data = new Ingestor(options.settings().input()).ingest(options.input());
      stages.put("ingest", seconds(t));
      LOG.info(
          "Read {} rows from {} files: {} used, {} set aside ({} rejected).",
          data.rowsRead(),
          data.inputFiles().size(),
          data.rowsRead() - setAside(data),
          setAside(data),
          data.rowsRejected());
      checkRejected(data);

      t = System.nanoTime();
      ReviewPeriod period = Periods.resolve(options.period(), data, LocalDate.now(clock));
      List<String> unknown = unknownPatients(data);
      if (!unknown.isEmpty()) {
        throw new JobFailure(
            ExitCode.USAGE,
            "--patient "
                + String.join(", ", unknown)
                + " is not in the patients file; check the id (ids are case-sensitive).");
      }
      ReviewResults results =
          new Analyzer(options.settings().analysis(), options.jobs())
              .analyze(data, period, new LinkedHashSet<>(options.patients()));
      stages.put("analysis", seconds(t));
      if (!options.patients().isEmpty()) {
        java.util.Set<String> inReview = new java.util.HashSet<>();
        results.patients().forEach(r -> inReview.add(r.metrics().patientId()));
        for (String id : options.patients()) {
          if (!inReview.contains(id)) {
            LOG.warn(
                "--patient {} has no session or assessment in {}, so no report is written for"
                    + " them.",
                id,
                period.label());
          }
        }
      }
      LOG.info("Period {}: {} patients in review.", period.label(), results.patients().size());

      LocalDate dataAsOf = data.dataAsOf().orElse(period.end());
      ReportContext context =
          new ReportContext(
              period, dataAsOf, documentTime(dataAsOf), options.settings().analysis());
      // The sessions are most of the heap and rendering needs only the row accounting, so drop
      // them before rendering starts (peak memory is measured by bench/run).
      data = new Dataset(List.of(), List.of(), List.of(), data.inputFiles(), data.issues());
      ReportRenderer renderer = new ReportRenderer(options.settings().report());
      boolean selective =
          !options.patients().isEmpty()
              && Files.isDirectory(options.output().resolve(period.label()));
      int pages;
      if (selective) {
        pages = renderSelective(data, results, renderer, context, stages, started);
      } else {
        pages = renderAll(data, results, renderer, context, stages, started);
      }
      JobResult result =
          new JobResult(
              options.output().resolve(period.label()),
              results.patients().size(),
              pages,
              data.rowsRead() - setAside(data),
              setAside(data),
              stages,
              seconds(t0));
      LOG.info(
          "Published {}: {} patients, {} pages, {} rows used, {} set aside, in {} s ({}).",
          result.folder(),
          result.patients(),
          result.pages(),
          result.rowsUsed(),
          result.rowsSetAside(),
          String.format(Locale.ROOT, "%.1f", result.totalSeconds()),
          stageText(stages));
      return result;
    }
  }

  private int renderAll(
      Dataset data,
      ReviewResults results,
      ReportRenderer renderer,
      ReportContext context,
      Map<String, Double> stages,
      Instant started) {
    PeriodFolder folder = PeriodFolder.begin(options.output(), results.period().label());
    boolean committed = false;
    try {
      long t = System.nanoTime();
      List<String> warnings = new ArrayList<>();
      int pages = renderPatients(results.patients(), renderer, context, folder.staging(), warnings);
      try (OutputStream out = folder.create(PROGRAM_SUMMARY)) {
        pages += renderer.renderProgram(results.program(), warnings, context, out).pages();
      }
      stages.put("render", seconds(t));

      t = System.nanoTime();
      try (OutputStream out = folder.create(PATIENT_METRICS)) {
        CsvOutputs.writePatientMetrics(
            results.patients().stream().map(PatientReview::metrics).toList(), out);
      }
      try (OutputStream out = folder.create(PROGRAM_METRICS)) {
        CsvOutputs.writeProgramMetrics(results.program(), out);
      }
      try (OutputStream out = folder.create(DATA_ISSUES)) {
        CsvOutputs.writeDataIssues(data.issues(), out);
      }
      // The manifest records the publish time up to here; the swap itself takes milliseconds.
      stages.put("publish", seconds(t));
      Manifest.write(runInfo(results, data.inputFiles(), started, pages, stages), folder.staging());
      folder.commit();
      committed = true;
      stages.put("publish", seconds(t));
      return pages;
    } catch (IOException e) {
      throw new JobFailure(
          ExitCode.CANNOT_WRITE,
          "Cannot write the reports under "
              + folder.staging()
              + " ("
              + e.getMessage()
              + "); check free space and permissions of the output folder.",
          e);
    } finally {
      if (!committed) {
        folder.abandon();
      }
    }
  }

  private int renderPatients(
      List<PatientReview> patients,
      ReportRenderer renderer,
      ReportContext context,
      Path dir,
      List<String> warnings) {
    progress.start(patients.size());
    ExecutorService pool =
        Executors.newFixedThreadPool(
            options.jobs(),
            r -> {
              Thread th = new Thread(r, "render");
              th.setDaemon(true);
              return th;
            });
    try {
      List<Future<RenderOutcome>> futures = new ArrayList<>(patients.size());
      for (PatientReview review : patients) {
        futures.add(
            pool.submit(
                () -> {
                  Path file =
                      dir.resolve(PATIENTS_DIR)
                          .resolve(ReportRenderer.fileName(review.metrics().patientId()) + ".pdf");
                  Files.createDirectories(file.getParent());
                  RenderOutcome outcome;
                  try (OutputStream out =
                      new java.io.BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
                    outcome = renderer.renderPatient(review, context, out);
                  }
                  progress.step();
                  return outcome;
                }));
      }
      int pages = 0;
      // Collected in patient order so warnings and page counts never depend on thread timing.
      for (Future<RenderOutcome> f : futures) {
        RenderOutcome o = get(f);
        pages += o.pages();
        warnings.addAll(o.glyphWarnings());
      }
      return pages;
    } finally {
      pool.shutdownNow();
      progress.finish();
    }
  }

  private int renderSelective(
      Dataset data,
      ReviewResults results,
      ReportRenderer renderer,
      ReportContext context,
      Map<String, Double> stages,
      Instant started) {
    Path published = options.output().resolve(results.period().label());
    long t = System.nanoTime();
    int pages = 0;
    progress.start(results.patients().size());
    try {
      for (PatientReview review : results.patients()) {
        ByteArrayOutputStream buf = new ByteArrayOutputStream(1 << 17);
        pages += renderer.renderPatient(review, context, buf).pages();
        PeriodFolder.replaceFile(
            published,
            PATIENTS_DIR + "/" + ReportRenderer.fileName(review.metrics().patientId()) + ".pdf",
            buf.toByteArray());
        progress.step();
      }
    } finally {
      progress.finish();
    }
    stages.put("render", seconds(t));
    t = System.nanoTime();
    try {
      stages.put("publish", seconds(t));
      Manifest.write(runInfo(results, data.inputFiles(), started, pages, stages), published);
    } catch (IOException e) {
      throw new JobFailure(
          ExitCode.CANNOT_WRITE,
          "Cannot update " + published.resolve(Manifest.FILE_NAME) + ": " + e.getMessage() + ".",
          e);
    }
    stages.put("publish", seconds(t));
    LOG.info(
        "Selective run: re-rendered {} patient reports in {}; other files left as they were.",
        results.patients().size(),
        published);
    return pages;
  }

  private RunInfo runInfo(
      ReviewResults results,
      List<InputFile> inputs,
      Instant started,
      int pages,
      Map<String, Double> stages) {
    return new RunInfo(
        version(),
        results.period(),
        started,
        clock.instant(),
        options.input().toString(),
        options.settings(),
        inputs,
        options.patients(),
        results.patients().size(),
        pages,
        stages,
        options.jobs(),
        ExitCode.OK.code());
  }

  private void checkRejected(Dataset data) {
    long read = data.rowsRead();
    long rejected = data.rowsRejected();
    if (read == 0 || rejected == 0) {
      return;
    }
    double percent = 100.0 * rejected / read;
    if (percent > options.maxRejectedPercent()) {
      int shown = 0;
      for (DataIssue i : data.issues()) {
        if (i.action() == IssueAction.REJECTED && shown++ < 5) {
          LOG.warn("{} line {} column {}: {}", i.file(), i.line(), i.column(), i.reason());
        }
      }
      throw new JobFailure(
          ExitCode.DATA_ERROR,
          String.format(
              Locale.ROOT,
              "%d of %d rows (%.1f%%) were rejected, above --max-rejected-percent %s; run"
                  + " 'validate --input %s' to list every problem, fix the exports, or raise the"
                  + " limit.",
              rejected,
              read,
              percent,
              trim(options.maxRejectedPercent()),
              options.input()));
    }
  }

  private List<String> unknownPatients(Dataset data) {
    if (options.patients().isEmpty()) {
      return List.of();
    }
    java.util.Set<String> known = new java.util.HashSet<>();
    data.patients().forEach(p -> known.add(p.patientId()));
    return options.patients().stream().filter(id -> !known.contains(id)).toList();
  }

  /**
   * PDF timestamps come from the data, never the wall clock, so the same inputs give the same
   * bytes: SOURCE_DATE_EPOCH when set (the reproducible-builds convention), else the latest date in
   * the input.
   */
  static Instant documentTime(LocalDate dataAsOf) {
    String sde = System.getenv("SOURCE_DATE_EPOCH");
    if (sde != null && !sde.isBlank()) {
      try {
        return Instant.ofEpochSecond(Long.parseLong(sde.trim()));
      } catch (NumberFormatException e) {
        throw new JobFailure(
            ExitCode.USAGE,
            "SOURCE_DATE_EPOCH='" + sde + "' is not a number of seconds; unset it or fix it.");
      }
    }
    return dataAsOf.atStartOfDay().toInstant(ZoneOffset.UTC);
  }

  private static long setAside(Dataset data) {
    return data.inputFiles().stream().mapToLong(InputFile::setAside).sum();
  }

  private static RenderOutcome get(Future<RenderOutcome> f) {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new JobFailure(ExitCode.SOFTWARE, "Rendering was interrupted.", e);
    } catch (ExecutionException e) {
      Throwable c = e.getCause();
      if (c instanceof JobFailure jf) {
        throw jf;
      }
      if (c instanceof IOException io) {
        throw new JobFailure(
            ExitCode.CANNOT_WRITE,
            "Cannot write a patient report ("
                + io.getMessage()
                + "); check free space and permissions.",
            io);
      }
      if (c instanceof UncheckedIOException uio) {
        throw new JobFailure(
            ExitCode.CANNOT_WRITE,
            "Cannot write a patient report ("
                + uio.getCause().getMessage()
                + "); check free space and permissions.",
            uio);
      }
      if (c instanceof RuntimeException re) {
        throw re;
      }
      throw new IllegalStateException(c);
    }
  }

  private static double seconds(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e9;
  }

  private static String stageText(Map<String, Double> stages) {
    StringBuilder sb = new StringBuilder();
    stages.forEach(
        (k, v) -> {
          if (sb.length() > 0) {
            sb.append(", ");
          }
          sb.append(k).append(' ').append(String.format(Locale.ROOT, "%.2f s", v));
        });
    return sb.toString();
  }

  private static String trim(double d) {
    return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
  }

  private static String hostName() {
    String name = ManagementFactory.getRuntimeMXBean().getName();
    int at = name.indexOf('@');
    return at >= 0
        ? name.substring(at + 1)
        : Optional.ofNullable(System.getenv("HOSTNAME")).orElse("this host");
  }
}
