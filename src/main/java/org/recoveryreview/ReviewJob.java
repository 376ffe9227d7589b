package org.recoveryreview;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.recoveryreview.analysis.Analyzer;
import org.recoveryreview.analysis.Periods;
import org.recoveryreview.ingest.Ingestor;
import org.recoveryreview.model.Coverage;
import org.recoveryreview.model.DataIssue;
import org.recoveryreview.model.Dataset;
import org.recoveryreview.model.ExitCode;
import org.recoveryreview.model.InputFile;
import org.recoveryreview.model.IssueAction;
import org.recoveryreview.model.JobFailure;
import org.recoveryreview.model.Parallel;
import org.recoveryreview.model.Patient;
import org.recoveryreview.model.PatientMetrics;
import org.recoveryreview.model.PatientReview;
import org.recoveryreview.model.ProgramParts;
import org.recoveryreview.model.ProgramReview;
import org.recoveryreview.model.RequestedPeriod;
import org.recoveryreview.model.ReviewPeriod;
import org.recoveryreview.model.ReviewResults;
import org.recoveryreview.model.RunStats;
import org.recoveryreview.model.Shard;
import org.recoveryreview.publish.CsvOutputs;
import org.recoveryreview.publish.FileOps;
import org.recoveryreview.publish.Manifest;
import org.recoveryreview.publish.OutputLock;
import org.recoveryreview.publish.OutputPaths;
import org.recoveryreview.publish.PeriodFolder;
import org.recoveryreview.publish.PublishGuard;
import org.recoveryreview.publish.RunInfo;
import org.recoveryreview.publish.SelectiveUpdate;
import org.recoveryreview.publish.SessionGuard;
import org.recoveryreview.publish.ShardFolders;
import org.recoveryreview.publish.ShardParts;
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
    this(options, clock, progress, FileOps.system(options.settings().publish()));
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

  /** True once a run installed its stop guard, which then logs what a signal stopped. */
  public static boolean guarded() {
    return StopGuard.installedOnce();
  }

  /** True while a signal is stopping the JVM mid-run: errors after that point are not news. */
  public static boolean stopping() {
    return StopGuard.stopping();
  }

  /** Checks the report settings as a run would use them (fonts loaded), for {@code validate}. */
  public static void checkReportSettings(org.recoveryreview.model.ReportSettings settings) {
    ReportRenderer.checkFonts(settings);
  }

  /**
   * Reads the input only, for {@code validate}; rows dated after {@code today} are rejected as
   * {@code run} rejects them.
   */
  public static Dataset ingestOnly(
      Path input, org.recoveryreview.model.InputOptions options, LocalDate today) {
    return new Ingestor(options, Runtime.getRuntime().availableProcessors(), today).ingest(input);
  }

  /**
   * What one run carries from stage to stage once the period is analysed: the row accounting (the
   * ingested rows themselves are dropped), the patients it renders (all, the {@code --patient}
   * ones, or a shard's), the programme view (absent for a shard that owns no patient) and, for a
   * selective run, every patient of their therapists' caseloads; {@code parts} are the programme
   * view's partial results, which a shard writes for the merge.
   */
  private record Rendering(
      Path input,
      Dataset data,
      ReviewPeriod period,
      List<PatientReview> patients,
      Optional<ProgramReview> program,
      List<PatientReview> caseloads,
      ReportRenderer renderer,
      ReportContext context,
      RunStats.Counter stages,
      Instant started,
      StopGuard guard,
      ProgramParts parts) {}

  /** Runs everything and returns what was published; failures are {@link JobFailure}s. */
  public JobResult run() {
    Instant started = clock.instant();
    long t0 = System.nanoTime();
    RunStats.Counter stages = new RunStats.Counter();
    // Parsed once, before minutes of reading: a malformed --period is a usage error.
    RequestedPeriod requested = Periods.parse(options.period(), LocalDate.now(clock));
    if (options.shard().isPresent()) {
      return runShard(options.shard().get(), requested, stages, started, t0);
    }
    try (OutputLock lock = OutputLock.acquire(options.output(), holder());
        StopGuard guard = StopGuard.install()) {
      recoverEarlierRuns();
      // The ingested rows are reachable only inside analysed(), so they can be collected before
      // rendering starts (peak memory is measured by bench/run).
      Rendering r = analysed(requested, stages, started, guard);
      PeriodFolder.recover(options.output(), r.period().label(), files);
      int pages =
          !options.patients().isEmpty()
                  && SelectiveUpdate.published(options.output(), r.period().label())
              ? renderSelective(r)
              : renderAll(r, r.program().orElseThrow());
      return finished(r, pages, t0);
    }
  }

  /**
   * Finishes or undoes what an earlier run killed mid-swap left, before any input is read, so even
   * a run that then fails (bad input, a missing export) puts a month taken away back in place. Only
   * the folders this run's lock covers: the period folders, or this shard's folders.
   */
  private void recoverEarlierRuns() {
    java.util.function.Predicate<String> mine =
        options
            .shard()
            .<java.util.function.Predicate<String>>map(
                s -> label -> label.endsWith("." + s.label()))
            .orElse(label -> label.indexOf('.') < 0);
    PeriodFolder.recoverAll(options.output(), mine, files);
  }

  /**
   * A shard run, under its own shard folder's lock (shards of one run share the output folder and
   * run side by side): taken before reading when the month is known, else once it is resolved.
   */
  private JobResult runShard(
      Shard shard, RequestedPeriod requested, RunStats.Counter stages, Instant started, long t0) {
    Optional<ReviewPeriod> month = requested.month();
    if (month.isPresent()) {
      try (OutputLock lock = shardLock(month.get(), shard);
          StopGuard guard = StopGuard.install()) {
        recoverEarlierRuns();
        Rendering r = analysed(requested, stages, started, guard);
        return finished(r, renderShard(r, shard), t0);
      }
    }
    try (StopGuard guard = StopGuard.install()) {
      Rendering r = analysed(requested, stages, started, guard);
      try (OutputLock lock = shardLock(r.period(), shard)) {
        recoverEarlierRuns();
        return finished(r, renderShard(r, shard), t0);
      }
    }
  }

  private OutputLock shardLock(ReviewPeriod period, Shard shard) {
    return OutputLock.acquireShard(
        options.output(), OutputPaths.shardFolder(period.label(), shard), holder());
  }

  /** Ingests and analyses the run's patients. */
  private Rendering analysed(
      RequestedPeriod requested, RunStats.Counter stages, Instant started, StopGuard guard) {
    // Tablesaw's one-time start-up (a classpath scan) runs while the input is read.
    Analyzer.warmUp();
    // A shard of a given month needs the other shards' dates from that month on only.
    Optional<LocalDate> otherDatesFrom =
        options.shard().isPresent() ? requested.month().map(ReviewPeriod::start) : Optional.empty();
    Dataset data = ingest(options.input(), otherDatesFrom, stages);
    ReviewPeriod period = requested.resolve(data.coverage());
    if (requested.isLatest()) {
      SessionGuard.requireLatestIsLast(
          period, data, options.input(), options.settings().publish().allowFewerSessions());
    }
    Set<String> selected = selectedPatients(data);
    Optional<Analyzer.Parted> parted;
    if (options.shard().isPresent() && selected.isEmpty()) {
      // A shard that owns no patient publishes an empty shard folder (the analysis of an empty
      // filter would mean "everyone").
      PublishGuard.requireData(period, data, options.input());
      parted = Optional.empty();
    } else {
      parted = Optional.of(analyse(options.input(), data, period, selected, stages));
    }
    Optional<ReviewResults> results = parted.map(Analyzer.Parted::results);
    ProgramParts parts =
        parted
            .map(Analyzer.Parted::parts)
            .orElse(ProgramParts.none().withGoalsRated(!data.goals().isEmpty()));
    List<PatientReview> patients = results.map(ReviewResults::patients).orElse(List.of());
    // A selective run rebuilds the bundles of the selected patients' therapists.
    List<PatientReview> caseloads =
        options.patients().isEmpty()
            ? patients
            : FamilyAndTeamDocuments.caseloads(
                    new Analyzer(options.settings().analysis(), options.jobs()),
                    data,
                    period,
                    options.patients())
                .patients();
    return rendering(
        options.input(),
        data,
        period,
        patients,
        results.map(ReviewResults::program),
        caseloads,
        stages,
        started,
        guard,
        parts);
  }

  /**
   * Merges the shard folders of a partitioned run in {@code shardsDir} into the period folder,
   * without reading the input: checks they are complete and of one run, sums their partial results
   * ({@link ShardParts}) into the programme view exactly as a single run computes it, copies each
   * patient's review and handout from its shard after checking its hash, and renders only the
   * programme summary and the therapist bundles. {@code input} is not read (the shards' input
   * hashes stand for it).
   */
  public JobResult merge(Path shardsDir, Optional<Path> input) {
    Instant started = clock.instant();
    long t0 = System.nanoTime();
    RunStats.Counter stages = new RunStats.Counter();
    RequestedPeriod requested = Periods.parse(options.period(), LocalDate.now(clock));
    // "latest" is the month the shards reviewed (they resolved it from the same input).
    ReviewPeriod period =
        requested
            .month()
            .orElseGet(() -> new ReviewPeriod(YearMonth.parse(ShardFolders.onlyPeriod(shardsDir))));
    input.ifPresent(
        in ->
            LOG.info("The merge does not read {}: the shards' partial results stand for it.", in));
    try (OutputLock lock = OutputLock.acquire(options.output(), holder());
        ShardFolders.MergeLocks shardLocks =
            ShardFolders.lockForMerge(shardsDir, period.label(), holder());
        StopGuard guard = StopGuard.install()) {
      recoverEarlierRuns();
      List<ShardFolders.Info> shards = ShardFolders.complete(shardsDir, period.label());
      ShardFolders.requireOneDataAsOf(shards);
      Rendering r = mergedParts(shards, period, stages, started, guard);
      PeriodFolder.recover(options.output(), r.period().label(), files);
      int pages = mergeInto(r, r.program().orElseThrow(), shards);
      return finished(r, pages, t0);
    }
  }

  /** Reads and sums the shards' partial results and computes the programme view from them. */
  private Rendering mergedParts(
      List<ShardFolders.Info> shards,
      ReviewPeriod period,
      RunStats.Counter stages,
      Instant started,
      StopGuard guard) {
    // Tablesaw's one-time start-up runs while the partial results are read.
    Analyzer.warmUp();
    long t = System.nanoTime();
    ShardParts.Merged merged = ShardParts.read(shards);
    ShardFolders.requireSameRun(
        shards, merged.inputFiles(), Manifest.settingsSha256(options.settings()), version());
    stages.time(RunStats.Stage.PARTIALS, t);
    t = System.nanoTime();
    ProgramReview program =
        Analyzer.program(period, merged.parts(), merged.inputFiles(), merged.issues());
    stages.time(RunStats.Stage.ANALYSIS, t);
    LOG.info(
        "Period {}: {} patients in review, from {} shards.",
        period.label(),
        program.patientsInReview(),
        shards.size());
    List<PatientReview> patients =
        merged.parts().inReview().stream().map(m -> ShardMerge.review(m, period)).toList();
    LocalDate dataAsOf = shards.get(0).dataAsOf();
    Dataset accounting =
        new Dataset(
            List.of(),
            List.of(),
            List.of(),
            merged.inputFiles(),
            merged.issues(),
            List.of(),
            Coverage.none());
    return new Rendering(
        Path.of(shards.get(0).inputDir()),
        accounting,
        period,
        patients,
        Optional.of(program),
        patients,
        new ReportRenderer(options.settings().report()),
        new ReportContext(period, dataAsOf, documentTime(dataAsOf), options.settings().analysis()),
        stages,
        started,
        guard,
        merged.parts());
  }

  /**
   * The patients a run analyses: the {@code --patient} ones (checked here, the one place, against
   * the patients file), a shard's, or none (meaning all).
   */
  private Set<String> selectedPatients(Dataset data) {
    if (options.shard().isEmpty()) {
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
      return new LinkedHashSet<>(options.patients());
    }
    Shard shard = options.shard().get();
    Set<String> mine = new LinkedHashSet<>();
    data.patients().stream().map(Patient::patientId).filter(shard::owns).forEach(mine::add);
    LOG.info("Shard {}: {} of {} patients.", shard, mine.size(), data.patients().size());
    return mine;
  }

  private Rendering rendering(
      Path input,
      Dataset data,
      ReviewPeriod period,
      List<PatientReview> patients,
      Optional<ProgramReview> program,
      List<PatientReview> caseloads,
      RunStats.Counter stages,
      Instant started,
      StopGuard guard,
      ProgramParts parts) {
    LocalDate dataAsOf = data.dataAsOf(period);
    ReportContext context =
        new ReportContext(period, dataAsOf, documentTime(dataAsOf), options.settings().analysis());
    // The sessions are most of the heap and rendering needs only the row accounting, so drop
    // them before rendering starts (peak memory is measured by bench/run).
    Dataset accounting = data.accountingOnly();
    return new Rendering(
        input,
        accounting,
        period,
        patients,
        program,
        caseloads,
        new ReportRenderer(options.settings().report()),
        context,
        stages,
        started,
        guard,
        parts);
  }

  private JobResult finished(Rendering r, int pages, long t0) {
    r.renderer().unprintableWarning().ifPresent(LOG::warn);
    Path folder = OutputPaths.published(options.output(), r.period().label(), options.shard());
    r.stages().rows(r.data().rowsRead() - setAside(r.data()), setAside(r.data()));
    r.stages().output(r.patients().size(), pages);
    RunStats stats = r.stages().snapshot();
    JobResult result = JobResult.of(folder, stats, seconds(t0));
    LOG.info(
        "Published {}: {} patients, {} pages, {} rows used, {} set aside, in {} s ({}).",
        result.folder(),
        result.patients(),
        result.pages(),
        result.rowsUsed(),
        result.rowsSetAside(),
        String.format(Locale.ROOT, "%.1f", result.totalSeconds()),
        stats.stageText());
    return result;
  }

  private Dataset ingest(Path input, Optional<LocalDate> otherDatesFrom, RunStats.Counter stages) {
    long t = System.nanoTime();
    // A shard keeps only its patients' rows, so its memory falls with the number of shards; the
    // hash is worked out once per patient, not once per row.
    Map<String, Boolean> ours = new ConcurrentHashMap<>();
    Dataset data =
        new Ingestor(options.settings().input(), options.jobs(), LocalDate.now(clock))
            .ingest(
                input,
                id ->
                    options.shard().isEmpty()
                        || ours.computeIfAbsent(id, options.shard().get()::owns),
                otherDatesFrom);
    stages.time(RunStats.Stage.INGEST, t);
    LOG.info(
        "Read {} rows from {} files: {} used, {} set aside ({} rejected).",
        data.rowsRead(),
        data.inputFiles().size(),
        data.rowsRead() - setAside(data),
        setAside(data),
        data.rowsRejected());
    checkRejected(data, input);
    return data;
  }

  private Analyzer.Parted analyse(
      Path input,
      Dataset data,
      ReviewPeriod period,
      Set<String> selected,
      RunStats.Counter stages) {
    long t = System.nanoTime();
    PublishGuard.requireData(period, data, input);
    SessionGuard.requireSessions(
        period, data, input, options.settings().publish().allowFewerSessions());
    Analyzer.Parted parted =
        new Analyzer(options.settings().analysis(), options.jobs())
            .analyzeParted(data, period, selected);
    ReviewResults results = parted.results();
    stages.time(RunStats.Stage.ANALYSIS, t);
    warnPatientsWithoutData(results);
    LOG.info("Period {}: {} patients in review.", period.label(), results.patients().size());
    return parted;
  }

  /** Opens the staging folder of the period after the guard against publishing too few. */
  private PeriodFolder begin(Rendering r) {
    PublishGuard.requireEnoughPatients(
        options.output(),
        r.period(),
        r.patients().size(),
        options.settings().publish().allowFewerPatients());
    PeriodFolder folder = PeriodFolder.begin(options.output(), r.period().label(), files);
    r.guard().watch(folder);
    return folder;
  }

  private int renderAll(Rendering r, ProgramReview program) {
    PeriodFolder folder = begin(r);
    try {
      long t = System.nanoTime();
      List<RenderOutcome> outcomes = renderPatients(r, folder);
      // The reviews alone, a part of "render" (which adds handouts, bundles and the summary), so
      // that review throughput stays comparable across releases (bench/run).
      r.stages().time(RunStats.Stage.REVIEWS, t);
      List<String> warnings = new ArrayList<>();
      outcomes.forEach(o -> warnings.addAll(o.glyphWarnings()));
      int pages = outcomes.stream().mapToInt(RenderOutcome::pages).sum();
      return finishPeriod(
          r,
          program,
          folder,
          warnings,
          pages,
          t,
          () -> documents(r).writeHandouts(r.patients(), folder));
    } finally {
      folder.abandon();
    }
  }

  /**
   * The merge's period folder: each patient's review and handout from their shard (checked against
   * the shard's manifest), then everything a single run renders from all patients.
   */
  private int mergeInto(Rendering r, ProgramReview program, List<ShardFolders.Info> shards) {
    PeriodFolder folder = begin(r);
    try {
      long t = System.nanoTime();
      ShardMerge merge = new ShardMerge(shards);
      merge.requireSamePatients(r.patients());
      for (PatientReview review : r.patients()) {
        merge.copyPatient(review.metrics().patientId(), folder);
      }
      r.stages().time(RunStats.Stage.COPY, t);
      t = System.nanoTime();
      return finishPeriod(
          r, program, folder, merge.warnings(r.patients()), merge.pages(), t, () -> 0);
    } finally {
      folder.abandon();
    }
  }

  /**
   * Writes what a period folder holds besides the reviews and handouts (programme summary, bundles,
   * CSVs, manifest) and publishes it; {@code pages} counts the documents already staged, {@code
   * handouts} writes the handouts (after the summary, the order of a single run) and counts pages.
   */
  private int finishPeriod(
      Rendering r,
      ProgramReview program,
      PeriodFolder folder,
      List<String> warnings,
      int pages,
      long renderStart,
      java.util.function.IntSupplier handouts) {
    int[] total = {pages};
    folder.write(
        OutputPaths.PROGRAM_SUMMARY,
        out -> total[0] += r.renderer().renderProgram(program, warnings, r.context(), out).pages());
    total[0] += handouts.getAsInt();
    total[0] += documents(r).writeBundles(r.patients(), folder);
    r.stages().time(RunStats.Stage.RENDER, renderStart);

    long t = System.nanoTime();
    List<PatientMetrics> metrics = r.patients().stream().map(PatientReview::metrics).toList();
    folder.write(OutputPaths.PATIENT_METRICS, out -> CsvOutputs.writePatientMetrics(metrics, out));
    folder.write(OutputPaths.PROGRAM_METRICS, out -> CsvOutputs.writeProgramMetrics(program, out));
    folder.write(
        OutputPaths.DATA_ISSUES, out -> CsvOutputs.writeDataIssues(r.data().issues(), out));
    // The manifest records the publish time up to here; the swap itself takes milliseconds.
    r.stages().time(RunStats.Stage.PUBLISH, t);
    folder.writeManifest(runInfo(r, total[0]));
    folder.commit();
    r.stages().time(RunStats.Stage.PUBLISH, t);
    return total[0];
  }

  /**
   * A shard's folder {@code <period>.shard-i-of-N}: its patients' reviews and handouts, their rows
   * of patient-metrics.csv, the rows set aside that it lists ({@link Shard#lists}; the merge lists
   * every one from the input again), {@code shard.json} and the manifest, published atomically like
   * a period folder.
   */
  private int renderShard(Rendering r, Shard shard) {
    String label = OutputPaths.shardFolder(r.period().label(), shard);
    PeriodFolder.recover(options.output(), label, files);
    PeriodFolder folder = PeriodFolder.begin(options.output(), label, files);
    r.guard().watch(folder);
    try {
      long t = System.nanoTime();
      List<RenderOutcome> outcomes = renderPatients(r, folder);
      int pages = outcomes.stream().mapToInt(RenderOutcome::pages).sum();
      pages += documents(r).writeHandouts(r.patients(), folder);
      r.stages().time(RunStats.Stage.RENDER, t);

      t = System.nanoTime();
      List<ShardFolders.PatientPart> parts = new ArrayList<>();
      for (int i = 0; i < outcomes.size(); i++) {
        parts.add(
            new ShardFolders.PatientPart(
                r.patients().get(i).metrics().patientId(), outcomes.get(i).glyphWarnings()));
      }
      ShardFolders.Info info =
          new ShardFolders.Info(
              version(),
              r.period().label(),
              r.context().dataAsOf(),
              shard,
              Manifest.settingsSha256(options.settings()),
              r.input().toString(),
              ShardFolders.inputsOf(r.data().inputFiles()),
              parts,
              pages,
              folder.target());
      List<PatientMetrics> metrics = r.patients().stream().map(PatientReview::metrics).toList();
      folder.write(
          OutputPaths.PATIENT_METRICS, out -> CsvOutputs.writePatientMetrics(metrics, out));
      List<DataIssue> owned = r.data().issues().stream().filter(shard::lists).toList();
      folder.write(OutputPaths.DATA_ISSUES, out -> CsvOutputs.writeDataIssues(owned, out));
      Map<String, String> partials =
          ShardParts.write(r.parts(), r.data().inputFiles(), owned, folder);
      folder.write(OutputPaths.SHARD_INFO, out -> ShardFolders.write(info, partials, out));
      r.stages().time(RunStats.Stage.PUBLISH, t);
      folder.writeManifest(runInfo(r, pages));
      folder.commit();
      r.stages().time(RunStats.Stage.PUBLISH, t);
      return pages;
    } finally {
      folder.abandon();
    }
  }

  private FamilyAndTeamDocuments documents(Rendering r) {
    return new FamilyAndTeamDocuments(r.renderer(), r.context(), options.jobs());
  }

  /** Renders every review of {@code r} into {@code folder}; the outcomes in patient order. */
  private List<RenderOutcome> renderPatients(Rendering r, PeriodFolder folder) {
    progress.start(r.patients().size());
    try {
      // The first review renders on this thread, so the chart and PDF libraries' classes are
      // initialised by one thread before several use them.
      return Parallel.map(
          r.patients(), options.jobs(), "render", true, review -> renderPatient(r, folder, review));
    } finally {
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

  /**
   * A {@code --patient} run: the published month is staged, the selected patients' reviews and
   * handouts and their therapists' bundles are replaced in the staging copy, and the month is
   * swapped in whole, so a failure leaves it exactly as it was.
   */
  private int renderSelective(Rendering r) {
    SelectiveUpdate update = SelectiveUpdate.open(options.output(), r.period().label(), files);
    r.guard().watch(update);
    try {
      long t = System.nanoTime();
      int pages = 0;
      progress.start(r.patients().size());
      try {
        for (PatientReview review : r.patients()) {
          ByteArrayOutputStream buf = new ByteArrayOutputStream(1 << 17);
          pages += r.renderer().renderPatient(review, r.context(), buf).pages();
          update.replace(OutputPaths.patientPdf(review.metrics().patientId()), buf.toByteArray());
          progress.step();
        }
      } finally {
        progress.finish();
      }
      pages += documents(r).replaceSelected(r.patients(), r.caseloads(), update);
      r.stages().time(RunStats.Stage.RENDER, t);
      t = System.nanoTime();
      r.stages().time(RunStats.Stage.PUBLISH, t);
      // The manifest counts the reviews the month holds, not the length of the --patient list.
      update.writeManifest(runInfo(r, update.patientReports(), pages));
      update.commit();
      r.stages().time(RunStats.Stage.PUBLISH, t);
      LOG.info(
          "Selective run: re-rendered {} patient reports in {}; other files left as they were.",
          r.patients().size(),
          update.folder());
      return pages;
    } finally {
      update.abandon();
    }
  }

  private RunInfo runInfo(Rendering r, int pages) {
    return runInfo(r, r.patients().size(), pages);
  }

  private RunInfo runInfo(Rendering r, int patientsReported, int pages) {
    return new RunInfo(
        version(),
        r.period(),
        r.started(),
        clock.instant(),
        r.input().toString(),
        options.settings(),
        r.data().inputFiles(),
        options.patients(),
        patientsReported,
        pages,
        r.stages().snapshot(),
        options.jobs(),
        ExitCode.OK.code());
  }

  private void checkRejected(Dataset data, Path input) {
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
              input));
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

  private static double seconds(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e9;
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
