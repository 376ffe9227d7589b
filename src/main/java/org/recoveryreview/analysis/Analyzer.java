package org.recoveryreview.analysis;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.recoveryreview.concurrent.Parallel;
import org.recoveryreview.model.Adherence;
import org.recoveryreview.model.AdherenceBand;
import org.recoveryreview.model.AdherenceFigures;
import org.recoveryreview.model.AnalysisSettings;
import org.recoveryreview.model.Assessment;
import org.recoveryreview.model.ChangeLabel;
import org.recoveryreview.model.DataIssue;
import org.recoveryreview.model.Dataset;
import org.recoveryreview.model.GoalRating;
import org.recoveryreview.model.InputFile;
import org.recoveryreview.model.LastMeasured;
import org.recoveryreview.model.Patient;
import org.recoveryreview.model.PatientGoals;
import org.recoveryreview.model.PatientHistory;
import org.recoveryreview.model.PatientMetrics;
import org.recoveryreview.model.PatientReview;
import org.recoveryreview.model.PatientSignals;
import org.recoveryreview.model.ProgramParts;
import org.recoveryreview.model.ProgramReview;
import org.recoveryreview.model.RecoveryFigures;
import org.recoveryreview.model.ReviewPeriod;
import org.recoveryreview.model.ReviewResults;
import org.recoveryreview.model.Session;
import org.recoveryreview.model.StageTransition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tech.tablesaw.api.Table;

/** Computes every adherence and recovery figure of a review period from an ingested dataset. */
public final class Analyzer {
  private static final Logger LOG = LoggerFactory.getLogger(Analyzer.class);

  private final AnalysisSettings settings;
  private final int threads;

  public Analyzer(AnalysisSettings settings) {
    this(settings, Parallel.defaultThreads());
  }

  /**
   * Uses {@code threads} worker threads (the run's {@code --jobs}); results do not depend on it.
   */
  public Analyzer(AnalysisSettings settings, int threads) {
    this.settings = settings;
    this.threads = Math.max(1, threads);
  }

  /**
   * Starts loading Tablesaw on a background thread, so that its one-time start-up (its {@code
   * Table} class scans the classpath when first touched) overlaps with ingestion instead of adding
   * to the analysis stage. Safe to call more than once; the analysis does not depend on it.
   */
  public static void warmUp() {
    TablesawWarmUp.start();
  }

  /**
   * Figures for the patients in review during {@code period}; when {@code patientFilter} is not
   * empty, only those patients (the programme view is then computed over them too).
   */
  public ReviewResults analyze(Dataset dataset, ReviewPeriod period, Set<String> patientFilter) {
    TablesawWarmUp.awaitLoaded();
    return analyzeLoaded(dataset, period, patientFilter);
  }

  /**
   * A run's review results and the exact partial results its programme view was computed from
   * ({@link #program}), which a shard writes for the merge.
   */
  public record Parted(ReviewResults results, ProgramParts parts) {}

  /** {@link #analyze}, with the programme view's partial results. */
  public Parted analyzeParted(Dataset dataset, ReviewPeriod period, Set<String> patientFilter) {
    TablesawWarmUp.awaitLoaded();
    return analyzeParts(dataset, period, patientFilter);
  }

  /** {@link #analyze} without waiting for the warm-up: the warm-up itself analyses through it. */
  ReviewResults analyzeLoaded(Dataset dataset, ReviewPeriod period, Set<String> patientFilter) {
    return analyzeParts(dataset, period, patientFilter).results();
  }

  private Parted analyzeParts(Dataset dataset, ReviewPeriod period, Set<String> patientFilter) {
    long t0 = System.nanoTime();
    PatientIndex index = PatientIndex.build(dataset.patients(), patientFilter);
    SessionGroups sessions = SessionGroups.build(dataset.sessions(), index);
    List<List<Assessment>> assessments = groupAssessments(dataset.assessments(), index);
    if (sessions.unknownPatientRows > 0 && patientFilter.isEmpty()) {
      LOG.warn(
          "{} session rows name a patient missing from the patients file; they are left out",
          sessions.unknownPatientRows);
    }
    Table stages = AssessmentFacts.stages(index, assessments, period.end());
    Table transitions = AssessmentFacts.transitions(stages);
    List<List<StageTransition>> transitionsOf =
        AssessmentFacts.perPatient(transitions, index.size());
    long t1 = System.nanoTime();

    List<Chunk> chunks = split(index, sessions);
    runAll(chunks, index, sessions, assessments, transitionsOf, period);
    long t2 = System.nanoTime();

    Table patientMonth =
        PatientMonth.patientMonth(chunks.stream().map(c -> c.months).toList(), index);
    Table patientMonthTherapy =
        PatientMonth.patientMonthTherapy(
            chunks.stream().map(c -> c.details).toList(), index, sessions.therapies);
    Adherence[] inPeriod = Aggregates.perPatient(patientMonth, period.month(), index);
    Adherence[] previous =
        Aggregates.perPatient(patientMonth, period.month().minusMonths(1), index);
    Adherence[] beforePrevious =
        Aggregates.perPatient(patientMonth, period.month().minusMonths(2), index);
    // Goals before the flags: goal_below_baseline is a flag, and the follow-up list needs it.
    Map<String, List<GoalRating>> goals = GoalAttainment.byPatient(dataset.goals());
    List<PatientReview> reviews = new ArrayList<>();
    for (Chunk c : chunks) {
      for (Partial r : c.partials) {
        reviews.add(review(r, period, inPeriod[r.index()], previous[r.index()], goals));
      }
    }
    List<PatientMetrics> previousMonth =
        previousMonth(chunks, period, previous, beforePrevious, goals);
    ProgramParts parts =
        ProgramView.parts(
            reviews, previousMonth, patientMonth, patientMonthTherapy, stages, transitions, period);
    parts = parts.withGoalsRated(!dataset.goals().isEmpty());
    ProgramReview program = ProgramView.of(period, parts, dataset.inputFiles(), dataset.issues());
    long t3 = System.nanoTime();
    LOG.debug(
        "analysis of {} sessions, {} patients in review ({} patient_month rows): assessments {}"
            + " ms, session pass {} ms, aggregates {} ms",
        sessions.order.length,
        reviews.size(),
        patientMonthTherapy.rowCount(),
        (t1 - t0) / 1_000_000,
        (t2 - t1) / 1_000_000,
        (t3 - t2) / 1_000_000);
    return new Parted(new ReviewResults(period, reviews, program), parts);
  }

  /** What the parallel pass keeps of a patient in review until the fact tables are aggregated. */
  private record Partial(
      int index,
      Patient patient,
      Recovery.Figures recovery,
      SessionPass.Result sessions,
      SessionSignals signals) {}

  /**
   * What the parallel pass keeps of a patient in review in the month before the period, for the
   * previous month's headline figures.
   */
  private record Prior(
      int index, Patient patient, Recovery.Figures recovery, SessionSignals signals) {}

  /** A contiguous range of patient indices worked by one thread, with its own fact rows. */
  private static final class Chunk {
    final int from;
    final int to;
    final PatientMonth.Rows months = new PatientMonth.Rows();
    final PatientMonth.Rows details = new PatientMonth.Rows();
    final List<Partial> partials = new ArrayList<>();
    final List<Prior> priors = new ArrayList<>();

    Chunk(int from, int to) {
      this.from = from;
      this.to = to;
    }
  }

  private List<Chunk> split(PatientIndex index, SessionGroups sessions) {
    int n = index.size();
    int parts = n < 2_000 ? 1 : threads;
    List<Chunk> chunks = new ArrayList<>(parts);
    int total = sessions.order.length;
    int from = 0;
    for (int c = 1; c <= parts; c++) {
      // Balance by session rows, not patients: the pass costs per row.
      int to = from;
      long target = (long) total * c / parts;
      while (to < n && (c == parts || sessions.start[to] < target)) {
        to++;
      }
      chunks.add(new Chunk(from, to));
      from = to;
    }
    return chunks;
  }

  private void runAll(
      List<Chunk> chunks,
      PatientIndex index,
      SessionGroups sessions,
      List<List<Assessment>> assessments,
      List<List<StageTransition>> transitions,
      ReviewPeriod period) {
    if (chunks.size() == 1) {
      work(chunks.get(0), index, sessions, assessments, transitions, period);
      return;
    }
    Parallel.map(
        chunks,
        chunks.size(),
        "analysis",
        false,
        c -> {
          work(c, index, sessions, assessments, transitions, period);
          return c;
        });
  }

  private void work(
      Chunk chunk,
      PatientIndex index,
      SessionGroups sessions,
      List<List<Assessment>> assessments,
      List<List<StageTransition>> transitions,
      ReviewPeriod period) {
    SessionPass pass = new SessionPass(sessions, index, period, chunk.months, chunk.details);
    for (int p = chunk.from; p < chunk.to; p++) {
      Patient patient = index.patients.get(p);
      Recovery.Figures rec =
          Recovery.compute(patient, assessments.get(p), transitions.get(p), period, settings);
      SessionPass.Result ses = pass.run(p, rec.assessedInPeriod());
      List<Session> own = patientSessions(sessions, p);
      if (ses.sessionInPeriod() || rec.assessedInPeriod()) {
        SessionSignals signals = SessionSignals.of(own, period, settings.flags().dropOffDays());
        chunk.partials.add(new Partial(p, patient, rec, ses, signals));
      }
      // The month before, judged exactly as a review run for that month would judge it.
      ReviewPeriod before = period.previous();
      Recovery.Figures prior =
          Recovery.compute(patient, assessments.get(p), transitions.get(p), before, settings);
      SessionSignals priorSignals = SessionSignals.of(own, before, settings.flags().dropOffDays());
      if (priorSignals.anyInPeriod() || prior.assessedInPeriod()) {
        chunk.priors.add(new Prior(p, patient, prior, priorSignals));
      }
    }
  }

  /** A patient's review from its recovery figures, series and aggregated adherence. */
  private PatientReview review(
      Partial r,
      ReviewPeriod period,
      Adherence inPeriod,
      Adherence previous,
      Map<String, List<GoalRating>> goals) {
    Recovery.Figures rec = r.recovery();
    SessionPass.Result ses = r.sessions();
    PatientMetrics metrics =
        evaluate(
            r.patient(),
            period,
            rec,
            r.signals(),
            new Adherence[] {inPeriod, previous},
            GoalAttainment.of(goals, r.patient().patientId(), period.end()));
    PatientHistory history =
        new PatientHistory(
            ses.weeks(),
            ses.therapyMinutes(),
            rec.points(),
            rec.transitions(),
            ses.periodSessions(),
            rec.periodAssessments(),
            rec.periodTransitions(),
            Windows.of(r.patient(), period, ses.weeks(), rec.points()));
    return new PatientReview(metrics, history);
  }

  /** The metrics of the patients in review in the month before {@code period}, for that month. */
  private List<PatientMetrics> previousMonth(
      List<Chunk> chunks,
      ReviewPeriod period,
      Adherence[] previous,
      Adherence[] beforePrevious,
      Map<String, List<GoalRating>> goals) {
    List<PatientMetrics> out = new ArrayList<>();
    ReviewPeriod before = period.previous();
    for (Chunk c : chunks) {
      for (Prior r : c.priors) {
        out.add(
            evaluate(
                r.patient(),
                before,
                r.recovery(),
                r.signals(),
                new Adherence[] {previous[r.index()], beforePrevious[r.index()]},
                GoalAttainment.of(goals, r.patient().patientId(), before.end())));
      }
    }
    return out;
  }

  /**
   * A patient's metrics and flags for {@code period}; {@code adherence} holds the period's and the
   * previous month's.
   */
  private PatientMetrics evaluate(
      Patient patient,
      ReviewPeriod period,
      Recovery.Figures rec,
      SessionSignals signals,
      Adherence[] adherence,
      PatientGoals goals) {
    Adherence inPeriod = adherence[0];
    AdherenceBand band = settings.band(inPeriod.overallRate());
    Scores.Latest arat = Scores.latest(rec.upToEnd(), period, Assessment::arat);
    FlagRules.Evaluation flags =
        FlagRules.evaluate(
            new FlagRules.Inputs(
                period,
                rec.phase(),
                inPeriod,
                band,
                signals.recent(),
                rec.upToEnd(),
                rec.transitions(),
                rec.fmaTotal(),
                rec.fmaChange(),
                rec.lastAssessment(),
                arat.change(),
                goals),
            settings);
    return metrics(patient, period, adherence, band, rec, flags, signals, arat, goals);
  }

  private PatientMetrics metrics(
      Patient patient,
      ReviewPeriod period,
      Adherence[] adherence,
      AdherenceBand band,
      Recovery.Figures rec,
      FlagRules.Evaluation flags,
      SessionSignals signals,
      Scores.Latest arat,
      PatientGoals goals) {
    Adherence inPeriod = adherence[0];
    Adherence previous = adherence[1];
    int aratMcid = settings.aratMcid(rec.phase());
    return new PatientMetrics(
        patient,
        period,
        new AdherenceFigures(
            inPeriod,
            previous,
            band,
            settings.band(previous.overallRate()),
            signals.clinicCancelled(),
            signals.imputedMinutes(),
            signals.assumedMinutes(),
            signals.previousAssumedMinutes()),
        new RecoveryFigures(
            rec.phase(),
            rec.daysSinceOnset(),
            new RecoveryFigures.Stages(
                rec.arm(),
                rec.armChange(),
                rec.hand(),
                rec.handChange(),
                rec.transitionsInPeriod()),
            new RecoveryFigures.Fma(
                rec.fmaTotal(),
                rec.fmaChange(),
                rec.mcid(),
                changeLabel(
                    rec.fmaChange(), rec.fmaDate(), period, settings.flags().fmaMdc(), rec.mcid()),
                Scores.fmaCourse(rec.upToEnd(), period.end()),
                flags.plateauWindow()),
            new RecoveryFigures.Arat(
                arat.value(),
                arat.change(),
                aratMcid,
                changeLabel(
                    arat.change(), arat.date(), period, settings.flags().aratMdc(), aratMcid)),
            rec.lastAssessment(),
            new LastMeasured(rec.fmaDate(), rec.armDate(), rec.handDate(), arat.date())),
        goals,
        new PatientSignals(
            flags.findings(),
            FollowUps.tier(flags.findings(), patient.dischargedBy(period.end()))));
  }

  /**
   * The label of a scale's change in the period: against the measurement error and the MCID when
   * there is a change, {@code not_reassessed} when the scale was last measured before the period,
   * empty when it was never measured or has no earlier value to compare with.
   */
  static Optional<ChangeLabel> changeLabel(
      OptionalInt change, Optional<LocalDate> last, ReviewPeriod period, double mdc, int mcid) {
    if (change.isPresent()) {
      return Optional.of(ChangeLabel.of(change.getAsInt(), mdc, mcid));
    }
    if (last.isPresent() && last.get().isBefore(period.start())) {
      return Optional.of(ChangeLabel.NOT_REASSESSED);
    }
    return Optional.empty();
  }

  /** The patient's sessions (every date; the rules pick their windows). */
  private static List<Session> patientSessions(SessionGroups groups, int p) {
    List<Session> out = new ArrayList<>(groups.start[p + 1] - groups.start[p]);
    for (int k = groups.start[p]; k < groups.start[p + 1]; k++) {
      out.add(groups.sessions.get(groups.order[k]));
    }
    return out;
  }

  /**
   * The programme view from its partial results: those of one run's patients, or the summed parts
   * of a merge's shards (patients in patient_id order), with the run's row accounting.
   */
  public static ProgramReview program(
      ReviewPeriod period, ProgramParts parts, List<InputFile> inputFiles, List<DataIssue> issues) {
    // A started warm-up and this thread must not both initialise Tablesaw's column types.
    TablesawWarmUp.awaitLoaded();
    return ProgramView.of(period, parts, inputFiles, issues);
  }

  private static List<List<Assessment>> groupAssessments(List<Assessment> all, PatientIndex index) {
    List<List<Assessment>> out = new ArrayList<>(index.size());
    for (int i = 0; i < index.size(); i++) {
      out.add(new ArrayList<>(0));
    }
    String lastId = null;
    int last = -1;
    for (Assessment a : all) {
      if (!a.patientId().equals(lastId)) {
        lastId = a.patientId();
        last = index.indexOf(lastId);
      }
      if (last >= 0) {
        out.get(last).add(a);
      }
    }
    for (List<Assessment> l : out) {
      // Stable: assessments on the same date keep their input order.
      l.sort(Comparator.comparing(Assessment::date));
    }
    return out;
  }
}
