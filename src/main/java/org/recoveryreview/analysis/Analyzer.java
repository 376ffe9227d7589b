package org.recoveryreview.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.recoveryreview.model.Adherence;
import org.recoveryreview.model.AdherenceBand;
import org.recoveryreview.model.AnalysisSettings;
import org.recoveryreview.model.Assessment;
import org.recoveryreview.model.BrunnstromScale;
import org.recoveryreview.model.ChangeLabel;
import org.recoveryreview.model.Dataset;
import org.recoveryreview.model.FollowUp;
import org.recoveryreview.model.Patient;
import org.recoveryreview.model.PatientHistory;
import org.recoveryreview.model.PatientMetrics;
import org.recoveryreview.model.PatientReview;
import org.recoveryreview.model.ProgramReview;
import org.recoveryreview.model.ReviewPeriod;
import org.recoveryreview.model.ReviewResults;
import org.recoveryreview.model.Session;
import org.recoveryreview.model.StageTransition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Computes every adherence and recovery figure of a review period from an ingested dataset. */
public final class Analyzer {
  private static final Logger LOG = LoggerFactory.getLogger(Analyzer.class);

  private final AnalysisSettings settings;
  private final int threads;

  public Analyzer(AnalysisSettings settings) {
    this(settings, Runtime.getRuntime().availableProcessors());
  }

  /**
   * Uses {@code threads} worker threads (the run's {@code --jobs}); results do not depend on it.
   */
  public Analyzer(AnalysisSettings settings, int threads) {
    this.settings = settings;
    this.threads = Math.max(1, threads);
  }

  /**
   * Figures for the patients in review during {@code period}; when {@code patientFilter} is not
   * empty, only those patients (the programme view is then computed over them too).
   */
  public ReviewResults analyze(Dataset dataset, ReviewPeriod period, Set<String> patientFilter) {
    long t0 = System.nanoTime();
    PatientIndex index = PatientIndex.build(dataset.patients(), patientFilter);
    SessionGroups sessions = SessionGroups.build(dataset.sessions(), index);
    List<List<Assessment>> assessments = groupAssessments(dataset.assessments(), index);
    if (sessions.unknownPatientRows > 0 && patientFilter.isEmpty()) {
      LOG.warn(
          "{} session rows name a patient missing from the patients file; they are left out",
          sessions.unknownPatientRows);
    }
    long t1 = System.nanoTime();

    List<Chunk> chunks = split(index, sessions, period);
    runAll(chunks, dataset, index, sessions, assessments, period);
    long t2 = System.nanoTime();

    Rollups rollups = chunks.get(0).rollups;
    List<PatientReview> reviews = new ArrayList<>();
    List<StageTransition> periodTransitions = new ArrayList<>();
    ProgramFigures.OnsetRows onsets = new ProgramFigures.OnsetRows();
    for (int c = 0; c < chunks.size(); c++) {
      Chunk chunk = chunks.get(c);
      if (c > 0) {
        rollups.merge(chunk.rollups);
      }
      reviews.addAll(chunk.reviews);
      periodTransitions.addAll(chunk.periodTransitions);
      for (long[] o : chunk.onsets) {
        onsets.add(BrunnstromScale.values()[(int) o[0]], (int) o[1], o[2]);
      }
    }
    ProgramReview program = program(dataset, period, reviews, rollups, periodTransitions, onsets);
    long t3 = System.nanoTime();
    LOG.debug(
        "analysis of {} sessions, {} patients in review: grouping {} ms, patients {} ms,"
            + " programme {} ms",
        sessions.order.length,
        reviews.size(),
        (t1 - t0) / 1_000_000,
        (t2 - t1) / 1_000_000,
        (t3 - t2) / 1_000_000);
    return GoalAttainment.attach(new ReviewResults(period, reviews, program), dataset.goals());
  }

  /** A contiguous range of patient indices worked by one thread, with its own accumulators. */
  private static final class Chunk {
    final int from;
    final int to;
    final Rollups rollups;
    final List<PatientReview> reviews = new ArrayList<>();
    final List<StageTransition> periodTransitions = new ArrayList<>();

    /** (scale ordinal, stage, days from onset) of each patient's first record at a stage. */
    final List<long[]> onsets = new ArrayList<>();

    Chunk(int from, int to, Rollups rollups) {
      this.from = from;
      this.to = to;
      this.rollups = rollups;
    }
  }

  private List<Chunk> split(PatientIndex index, SessionGroups sessions, ReviewPeriod period) {
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
      chunks.add(
          new Chunk(
              from,
              to,
              new Rollups(period.month(), index.clinics, index.therapists, sessions.therapies)));
      from = to;
    }
    return chunks;
  }

  private void runAll(
      List<Chunk> chunks,
      Dataset dataset,
      PatientIndex index,
      SessionGroups sessions,
      List<List<Assessment>> assessments,
      ReviewPeriod period) {
    if (chunks.size() == 1) {
      work(chunks.get(0), index, sessions, assessments, period);
      return;
    }
    ExecutorService pool =
        Executors.newFixedThreadPool(
            chunks.size(),
            r -> {
              Thread t = new Thread(r, "analysis");
              t.setDaemon(true);
              return t;
            });
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (Chunk c : chunks) {
        futures.add(pool.submit(() -> work(c, index, sessions, assessments, period)));
      }
      for (Future<?> f : futures) {
        f.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("analysis interrupted", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException re) {
        throw re;
      }
      throw new IllegalStateException(e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  private void work(
      Chunk chunk,
      PatientIndex index,
      SessionGroups sessions,
      List<List<Assessment>> assessments,
      ReviewPeriod period) {
    SessionPass pass = new SessionPass(sessions, index, period, chunk.rollups);
    for (int p = chunk.from; p < chunk.to; p++) {
      Patient patient = index.patients.get(p);
      List<Assessment> own = assessments.get(p);
      Recovery.Figures rec = Recovery.compute(patient, own, period, settings);
      collectOnsets(patient, own, period, chunk.onsets);
      SessionPass.Result ses = pass.run(p, rec.assessedInPeriod());
      if (!ses.sessionInPeriod() && !rec.assessedInPeriod()) {
        continue;
      }
      AdherenceBand band = settings.band(ses.period().overallRate());
      SessionSignals signals =
          SessionSignals.of(patientSessions(sessions, p), period, settings.flags().dropOffDays());
      FlagRules.Evaluation flags =
          FlagRules.evaluate(
              new FlagRules.Inputs(
                  period,
                  rec.phase(),
                  ses.period(),
                  band,
                  signals.recent(),
                  own,
                  rec.transitions(),
                  rec.fmaTotal(),
                  rec.fmaChange(),
                  rec.lastAssessment()),
              settings);
      PatientMetrics metrics = metrics(patient, period, ses, band, rec, own, flags, signals);
      PatientHistory history =
          new PatientHistory(
              ses.weeks(),
              ses.therapyMinutes(),
              rec.points(),
              rec.transitions(),
              ses.periodSessions(),
              rec.periodAssessments());
      chunk.reviews.add(new PatientReview(metrics, history));
      for (StageTransition t : rec.transitions()) {
        if (period.contains(t.date())) {
          chunk.periodTransitions.add(t);
        }
      }
    }
  }

  private PatientMetrics metrics(
      Patient patient,
      ReviewPeriod period,
      SessionPass.Result ses,
      AdherenceBand band,
      Recovery.Figures rec,
      List<Assessment> own,
      FlagRules.Evaluation flags,
      SessionSignals signals) {
    Scores.Arat arat = Scores.arat(own, period);
    boolean discharged = patient.dischargedBy(period.end());
    Optional<ChangeLabel> label =
        rec.fmaChange().isPresent()
            ? Optional.of(
                ChangeLabel.of(rec.fmaChange().getAsInt(), settings.flags().fmaMdc(), rec.mcid()))
            : Optional.empty();
    return new PatientMetrics(
        patient,
        period,
        ses.period(),
        ses.previous(),
        band,
        settings.band(ses.previous().overallRate()),
        rec.arm(),
        rec.armChange(),
        rec.hand(),
        rec.handChange(),
        rec.fmaTotal(),
        rec.fmaChange(),
        rec.mcid(),
        rec.phase(),
        rec.daysSinceOnset(),
        rec.transitionsInPeriod(),
        flags.findings(),
        rec.lastAssessment(),
        flags.plateauWindow(),
        arat.latest(),
        arat.change(),
        settings.aratMcid(rec.phase()),
        label,
        FollowUps.tier(flags.findings(), discharged),
        Scores.fmaCourse(own, period.end()),
        signals.clinicCancelled(),
        signals.imputedMinutes());
  }

  private static List<Session> patientSessions(SessionGroups groups, int p) {
    List<Session> out = new ArrayList<>(groups.start[p + 1] - groups.start[p]);
    for (int k = groups.start[p]; k < groups.start[p + 1]; k++) {
      out.add(groups.sessions.get(groups.order[k]));
    }
    return out;
  }

  /**
   * The first date each patient was recorded at exactly each Brunnstrom stage 2-6 (assessments up
   * to the period's end), as days from onset. "Exactly": a patient who skips a stage is not imputed
   * to have reached it on the later date, since nobody observed it.
   */
  private static void collectOnsets(
      Patient patient, List<Assessment> sorted, ReviewPeriod period, List<long[]> out) {
    int seenArm = 0;
    int seenHand = 0;
    for (Assessment a : sorted) {
      if (a.date().isAfter(period.end())) {
        break;
      }
      long days = java.time.temporal.ChronoUnit.DAYS.between(patient.onsetDate(), a.date());
      if (a.brunnstromArm().isPresent()) {
        int s = a.brunnstromArm().getAsInt();
        if (s >= 2 && s <= 6 && (seenArm & (1 << s)) == 0) {
          seenArm |= 1 << s;
          out.add(new long[] {BrunnstromScale.ARM.ordinal(), s, days});
        }
      }
      if (a.brunnstromHand().isPresent()) {
        int s = a.brunnstromHand().getAsInt();
        if (s >= 2 && s <= 6 && (seenHand & (1 << s)) == 0) {
          seenHand |= 1 << s;
          out.add(new long[] {BrunnstromScale.HAND.ordinal(), s, days});
        }
      }
    }
  }

  private ProgramReview program(
      Dataset dataset,
      ReviewPeriod period,
      List<PatientReview> reviews,
      Rollups rollups,
      List<StageTransition> periodTransitions,
      ProgramFigures.OnsetRows onsets) {
    List<PatientMetrics> metrics = new ArrayList<>(reviews.size());
    Adherence overall = Adherence.NONE;
    List<Double> overallRates = new ArrayList<>();
    for (PatientReview r : reviews) {
      PatientMetrics m = r.metrics();
      metrics.add(m);
      overall = overall.plus(m.period());
      m.period().overallRate().ifPresent(overallRates::add);
    }
    List<FollowUp> followUps = FollowUps.ranked(metrics);
    return new ProgramReview(
        period,
        reviews.size(),
        overall,
        ProgramFigures.perBand(metrics),
        ProgramFigures.perFlag(metrics),
        ProgramFigures.perTier(metrics),
        ProgramFigures.withPeriodCounts(rollups.rows(), period, metrics),
        ProgramFigures.matrix(BrunnstromScale.ARM, periodTransitions),
        ProgramFigures.matrix(BrunnstromScale.HAND, periodTransitions),
        onsets.medians(),
        followUps,
        overallRates,
        DataQuality.perFile(dataset.inputFiles(), dataset.issues()));
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
