package org.recoveryreview;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
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
import org.recoveryreview.model.PatientMetrics;
import org.recoveryreview.model.PatientReview;
import org.recoveryreview.model.ReviewPeriod;
import org.recoveryreview.model.ReviewResults;
import org.recoveryreview.publish.CsvOutputs;
import org.recoveryreview.publish.FileOps;
import org.recoveryreview.publish.OutputLock;
import org.recoveryreview.publish.OutputPaths;
import org.recoveryreview.publish.PeriodFolder;
import org.recoveryreview.publish.PublishGuard;
import org.recoveryreview.publish.RunInfo;
import org.recoveryreview.publish.SelectiveUpdate;
import org.recoveryreview.publish.StopGuard;
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

  private final JobOptions options;
  private final Clock clock;
  private final ProgressListener progress;
  private final FileOps files;

  public ReviewJob(JobOptions options, Clock clock, ProgressListener progress) {
    this(options, clock, progress, FileOps.SYSTEM);
  }

  /** For tests: every file system change of publishing goes through {@code files}. */
  ReviewJob(JobOptions options, Clock clock, ProgressListener progress, FileOps files) {
    this.options = options;
    this.clock = clock;
    this.progress = progress;
    this.files = files;
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

  /** True while a signal is stopping the JVM mid-run: errors after that point are not news. */
  public static boolean stopping() {
    return StopGuard.stopping();
  }

  /** Reads the input only, for {@code validate}. */
  public static Dataset ingestOnly(Path input, org.recoveryreview.model.InputOptions options) {
    return new Ingestor(options).ingest(input);
  }

  /** What one run carries from stage to stage once the period is analysed. */
  private record Rendering(
      Dataset data,
      ReviewResults results,
      ReviewResults caseloads,
      ReportRenderer renderer,
      ReportContext context,
      Map<String, Double> stages,
      Instant started,
      StopGuard guard) {}

  /** Runs everything and returns what was published; failures are {@link JobFailure}s. */
  public JobResult run() {
    Instant started = clock.instant();
    long t0 = System.nanoTime();
    Map<String, Double> stages = new LinkedHashMap<>();
    if (!options.period().strip().equals("latest")) {
      // A malformed --period is a usage error; say so before minutes of reading.
      Periods.resolve(options.period(), Dataset.empty(), LocalDate.now(clock));
    }
    try (OutputLock lock = OutputLock.acquire(options.output(), holder());
        StopGuard guard = StopGuard.install()) {
      // Tablesaw's one-time start-up (a classpath scan) runs while the input is read.
      Analyzer.warmUp();
      Dataset data = ingest(stages);
      ReviewPeriod period = Periods.resolve(options.period(), data, LocalDate.now(clock));
      ReviewResults results = analyse(data, period, stages);
      // A selective run rebuilds the bundles of the selected patients' therapists.
      ReviewResults caseloads = caseloads(data, period, results);

      LocalDate dataAsOf = data.dataAsOf(period);
      ReportContext context =
          new ReportContext(
              period, dataAsOf, documentTime(dataAsOf), options.settings().analysis());
      // The sessions are most of the heap and rendering needs only the row accounting, so drop
      // them before rendering starts (peak memory is measured by bench/run).
      data = new Dataset(List.of(), List.of(), List.of(), data.inputFiles(), data.issues());
      Rendering r =
          new Rendering(
              data,
              results,
              caseloads,
              new ReportRenderer(options.settings().report()),
              context,
              stages,
              started,
              guard);
      PeriodFolder.recover(options.output(), period.label(), files);
      int pages =
          !options.patients().isEmpty()
                  && SelectiveUpdate.published(options.output(), period.label())
              ? renderSelective(r)
              : renderAll(r);
      r.renderer().unprintableWarning().ifPresent(LOG::warn);
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

  private Dataset ingest(Map<String, Double> stages) {
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
    return data;
  }

  private ReviewResults analyse(Dataset data, ReviewPeriod period, Map<String, Double> stages) {
    long t = System.nanoTime();
    checkPatientsKnown(data);
    PublishGuard.requireData(period, data, options.input());
    ReviewResults results =
        new Analyzer(options.settings().analysis(), options.jobs())
            .analyze(data, period, new LinkedHashSet<>(options.patients()));
    stages.put("analysis", seconds(t));
    warnPatientsWithoutData(results);
    LOG.info("Period {}: {} patients in review.", period.label(), results.patients().size());
    return results;
  }

  /**
   * Every patient in review who shares a primary therapist with a {@code --patient}, so that a
   * selective run can rebuild those therapists' bundles; the results themselves for a full run.
   */
  private ReviewResults caseloads(Dataset data, ReviewPeriod period, ReviewResults results) {
    if (options.patients().isEmpty()) {
      return results;
    }
    return FamilyAndTeamDocuments.caseloads(
        new Analyzer(options.settings().analysis(), options.jobs()),
        data,
        period,
        options.patients());
  }

  private int renderAll(Rendering r) {
    PublishGuard.requireEnoughPatients(
        options.output(),
        r.results().period(),
        r.results().patients().size(),
        options.settings().publish().allowFewerPatients());
    PeriodFolder folder = PeriodFolder.begin(options.output(), r.results().period().label(), files);
    r.guard().watch(folder);
    try {
      long t = System.nanoTime();
      List<String> warnings = new ArrayList<>();
      int[] pages = {renderPatients(r, folder, warnings)};
      folder.write(
          OutputPaths.PROGRAM_SUMMARY,
          out ->
              pages[0] +=
                  r.renderer()
                      .renderProgram(r.results().program(), warnings, r.context(), out)
                      .pages());
      pages[0] +=
          new FamilyAndTeamDocuments(r.renderer(), r.context(), options.jobs())
              .writeAll(r.results().patients(), folder);
      r.stages().put("render", seconds(t));

      t = System.nanoTime();
      List<PatientMetrics> metrics =
          r.results().patients().stream().map(PatientReview::metrics).toList();
      folder.write(
          OutputPaths.PATIENT_METRICS, out -> CsvOutputs.writePatientMetrics(metrics, out));
      folder.write(
          OutputPaths.PROGRAM_METRICS,
          out -> CsvOutputs.writeProgramMetrics(r.results().program(), out));
      folder.write(
          OutputPaths.DATA_ISSUES, out -> CsvOutputs.writeDataIssues(r.data().issues(), out));
      // The manifest records the publish time up to here; the swap itself takes milliseconds.
      r.stages().put("publish", seconds(t));
      folder.writeManifest(runInfo(r, pages[0]));
      folder.commit();
      r.stages().put("publish", seconds(t));
      return pages[0];
    } finally {
      folder.abandon();
    }
  }

  private int renderPatients(Rendering r, PeriodFolder folder, List<String> warnings) {
    List<PatientReview> patients = r.results().patients();
    progress.start(patients.size());
    ExecutorService pool =
        Executors.newFixedThreadPool(
            options.jobs(),
            task -> {
              Thread th = new Thread(task, "render");
              th.setDaemon(true);
              return th;
            });
    try {
      List<Future<RenderOutcome>> futures = new ArrayList<>(patients.size());
      for (PatientReview review : patients) {
        // The first review is rendered on this thread, so that the chart and PDF libraries'
        // classes are initialised by one thread before several use them (class initialisers that
        // refer to each other can deadlock when two threads start them at once).
        futures.add(
            futures.isEmpty()
                ? CompletableFuture.completedFuture(renderPatient(r, folder, review))
                : pool.submit(() -> renderPatient(r, folder, review)));
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

  private RenderOutcome renderPatient(Rendering r, PeriodFolder folder, PatientReview review) {
    RenderOutcome[] outcome = new RenderOutcome[1];
    folder.write(
        OutputPaths.patientPdf(review.metrics().patientId()),
        out -> outcome[0] = r.renderer().renderPatient(review, r.context(), out));
    progress.step();
    return outcome[0];
  }

  private int renderSelective(Rendering r) {
    SelectiveUpdate update =
        SelectiveUpdate.open(options.output(), r.results().period().label(), files);
    r.guard().watch(update);
    long t = System.nanoTime();
    int pages = 0;
    progress.start(r.results().patients().size());
    try {
      for (PatientReview review : r.results().patients()) {
        ByteArrayOutputStream buf = new ByteArrayOutputStream(1 << 17);
        pages += r.renderer().renderPatient(review, r.context(), buf).pages();
        update.replace(OutputPaths.patientPdf(review.metrics().patientId()), buf.toByteArray());
        progress.step();
      }
    } finally {
      progress.finish();
    }
    pages +=
        new FamilyAndTeamDocuments(r.renderer(), r.context(), options.jobs())
            .replaceSelected(r.results().patients(), r.caseloads(), update);
    r.stages().put("render", seconds(t));
    t = System.nanoTime();
    r.stages().put("publish", seconds(t));
    update.writeManifest(runInfo(r, pages));
    r.stages().put("publish", seconds(t));
    LOG.info(
        "Selective run: re-rendered {} patient reports in {}; other files left as they were.",
        r.results().patients().size(),
        update.folder());
    return pages;
  }

  private RunInfo runInfo(Rendering r, int pages) {
    return new RunInfo(
        version(),
        r.results().period(),
        r.started(),
        clock.instant(),
        options.input().toString(),
        options.settings(),
        r.data().inputFiles(),
        options.patients(),
        r.results().patients().size(),
        pages,
        r.stages(),
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

  private void checkPatientsKnown(Dataset data) {
    Set<String> known = new HashSet<>();
    data.patients().forEach(p -> known.add(p.patientId()));
    List<String> unknown = options.patients().stream().filter(id -> !known.contains(id)).toList();
    if (!unknown.isEmpty()) {
      throw new JobFailure(
          ExitCode.USAGE,
          "--patient "
              + String.join(", ", unknown)
              + " is not in the patients file; check the id (ids are case-sensitive).");
    }
  }

  private void warnPatientsWithoutData(ReviewResults results) {
    Set<String> inReview = new HashSet<>();
    results.patients().forEach(r -> inReview.add(r.metrics().patientId()));
    for (String id : options.patients()) {
      if (!inReview.contains(id)) {
        LOG.warn(
            "--patient {} has no session or assessment in {}, so no report is written for them.",
            id,
            results.period().label());
      }
    }
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
      // Failures keep their own type (JobFailure, OutOfMemoryError, a bug) for the exit code.
      Throwable c = e.getCause();
      if (c instanceof RuntimeException re) {
        throw re;
      }
      if (c instanceof Error err) {
        throw err;
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

  private String holder() {
    return "pid "
        + ProcessHandle.current().pid()
        + " on "
        + hostName()
        + ", output "
        + options.output();
  }

  private static String hostName() {
    String name = ManagementFactory.getRuntimeMXBean().getName();
    int at = name.indexOf('@');
    return at >= 0
        ? name.substring(at + 1)
        : Optional.ofNullable(System.getenv("HOSTNAME")).orElse("this host");
  }
}
