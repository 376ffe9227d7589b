package org.recoveryreview;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.recoveryreview.analysis.Analyzer;
import org.recoveryreview.model.Dataset;
import org.recoveryreview.model.ExitCode;
import org.recoveryreview.model.JobFailure;
import org.recoveryreview.model.Patient;
import org.recoveryreview.model.PatientReview;
import org.recoveryreview.model.ProgramParts;
import org.recoveryreview.model.RequestedPeriod;
import org.recoveryreview.model.ReviewPeriod;
import org.recoveryreview.model.ReviewResults;
import org.recoveryreview.model.RunStats;
import org.recoveryreview.model.Settings;
import org.recoveryreview.publish.Publisher;
import org.recoveryreview.report.ReportContext;
import org.recoveryreview.report.ReportRenderer;
import org.recoveryreview.shard.Shard;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Step: ingests the input (through {@link IngestStep}), resolves the period, checks that the month
 * looks complete and analyses the run's patients: all, the {@code --patient} ones or a shard's.
 */
final class AnalyseStep {
  private static final Logger LOG = LoggerFactory.getLogger(AnalyseStep.class);

  private final JobExecution execution;
  private final JobOptions options;

  AnalyseStep(JobExecution execution) {
    this.execution = execution;
    this.options = execution.options();
  }

  /** Ingests and analyses the run's patients for the requested period. */
  Reviewed analyse(RequestedPeriod requested) {
    // Tablesaw's one-time start-up (a classpath scan) and the report libraries' run while the input
    // is read and analysed.
    Analyzer.warmUp();
    ReportRenderer.startUp(options.settings().report());
    // A shard of a given month needs the other shards' dates from that month on only.
    Optional<LocalDate> otherDatesFrom =
        options.shard().isPresent() ? requested.month().map(ReviewPeriod::start) : Optional.empty();
    Dataset data = new IngestStep(execution).read(otherDatesFrom);
    ReviewPeriod period = requested.resolve(data.coverage());
    if (requested.isLatest()) {
      Publisher.requireLatestIsLast(
          period, data, options.input(), options.settings().publish().allowFewerSessions());
    }
    Set<String> selected = selectedPatients(data);
    Optional<Analyzer.Parted> parted;
    if (options.shard().isPresent() && selected.isEmpty()) {
      // A shard that owns no patient publishes an empty shard folder (the analysis of an empty
      // filter would mean "everyone").
      Publisher.requireData(period, data, options.input());
      parted = Optional.empty();
    } else {
      parted = Optional.of(analyse(data, period, selected));
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
    LocalDate dataAsOf = data.dataAsOf(period);
    // The sessions are most of the heap and rendering needs only the row accounting, so drop
    // them before rendering starts (peak memory is measured by bench/run).
    return new Reviewed(
        options.input(),
        data.accountingOnly(),
        period,
        patients,
        results.map(ReviewResults::program),
        caseloads,
        parts,
        context(period, dataAsOf, options.settings()));
  }

  /** The report context of a period whose data is as of {@code dataAsOf}. */
  static ReportContext context(ReviewPeriod period, LocalDate dataAsOf, Settings settings) {
    return new ReportContext(period, dataAsOf, documentTime(dataAsOf), settings.analysis());
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

  private Analyzer.Parted analyse(Dataset data, ReviewPeriod period, Set<String> selected) {
    long t = RunStats.Counter.start();
    Publisher.requireData(period, data, options.input());
    Publisher.requireSessions(
        period, data, options.input(), options.settings().publish().allowFewerSessions());
    Analyzer.Parted parted =
        new Analyzer(options.settings().analysis(), options.jobs())
            .analyzeParted(data, period, selected);
    ReviewResults results = parted.results();
    execution.stats().time(RunStats.Stage.ANALYSIS, t);
    warnPatientsWithoutData(results);
    LOG.info("Period {}: {} patients in review.", period.label(), results.patients().size());
    return parted;
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
}
