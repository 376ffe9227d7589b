package org.recoveryreview.analysis;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;
import org.recoveryreview.analysis.DataQueries.DataQuery;
import org.recoveryreview.model.Adherence;
import org.recoveryreview.model.AdherenceBand;
import org.recoveryreview.model.AnalysisSettings;
import org.recoveryreview.model.Assessment;
import org.recoveryreview.model.BrunnstromScale;
import org.recoveryreview.model.ChangeLabel;
import org.recoveryreview.model.Evidence;
import org.recoveryreview.model.Flag;
import org.recoveryreview.model.FlagFinding;
import org.recoveryreview.model.FlagSettings;
import org.recoveryreview.model.FmaWindow;
import org.recoveryreview.model.FollowUpTier;
import org.recoveryreview.model.GoalProgress;
import org.recoveryreview.model.PatientGoals;
import org.recoveryreview.model.Phase;
import org.recoveryreview.model.ReviewPeriod;
import org.recoveryreview.model.StageTransition;

/**
 * The flag rules of docs/metrics.md as small pure functions over model-level inputs (a patient's
 * assessments sorted by date, the period's adherence counts, the sessions due in the last days),
 * each returning the flag with its one-line evidence when it is raised. Whatever computes the
 * inputs (today the per-patient pass, later the fact tables) calls {@link #evaluate}.
 */
final class FlagRules {
  private FlagRules() {}

  /**
   * Sessions of the drop-off window ({@code from} … {@code to}, both included).
   *
   * @param due counted sessions (either setting) dated in the window
   * @param done of those, completed or partial
   * @param lastDone the latest done session on or before {@code to}, if any
   */
  record RecentSessions(
      LocalDate from, LocalDate to, long due, long done, Optional<LocalDate> lastDone) {
    RecentSessions {}
  }

  /**
   * Everything the rules read for one patient.
   *
   * @param assessments the patient's assessments dated up to the period's end, sorted by date
   * @param transitions the patient's stage transitions up to the period's end
   * @param fmaChange the period's FMA-UE change, empty without a complete FMA in the period
   * @param aratChange the period's ARAT change, empty without an ARAT in the period
   * @param goals the patient's goals as known at the period's end
   */
  record Inputs(
      ReviewPeriod period,
      Phase phase,
      Adherence adherence,
      AdherenceBand band,
      RecentSessions recent,
      List<Assessment> assessments,
      List<StageTransition> transitions,
      OptionalInt fmaTotal,
      OptionalInt fmaChange,
      Optional<LocalDate> lastAssessment,
      OptionalInt aratChange,
      PatientGoals goals) {}

  /** The plateau evidence window (two or more complete FMAs in it) and whether the flag fires. */
  record Plateau(Optional<FmaWindow> window, Optional<FlagFinding> finding) {}

  /** Every flag of one patient with its evidence (sorted by code) and the plateau window. */
  record Evaluation(List<FlagFinding> findings, Optional<FmaWindow> plateauWindow) {}

  /** Runs every rule on one patient's inputs. */
  static Evaluation evaluate(Inputs in, AnalysisSettings s) {
    FlagSettings f = s.flags();
    int mcid = s.fmaMcid(in.phase());
    List<FlagFinding> out = new ArrayList<>();
    List<DataQuery> queries = DataQueries.of(in.assessments(), in.period(), f.dataQuery());
    Set<LocalDate> queryDates = new TreeSet<>();
    queries.forEach(q -> queryDates.add(q.date()));
    lowAdherence(in.adherence(), in.band()).ifPresent(out::add);
    homeProgrammeLow(in.adherence(), f).ifPresent(out::add);
    dropOff(in.recent(), f).ifPresent(out::add);
    stageRegression(
            in.transitions(),
            in.period(),
            queryDates,
            new Corroboration(in.fmaChange(), in.aratChange(), f.fmaMdc()))
        .ifPresent(out::add);
    goalBelowBaseline(in.goals(), in.period()).ifPresent(out::add);
    dataQuery(queries).ifPresent(out::add);
    Plateau plateau = plateau(in.assessments(), in.period().end(), s.plateauDays(), f, mcid);
    plateau.finding().ifPresent(out::add);
    assessmentOverdue(in.lastAssessment(), in.period().end(), in.phase(), s.overdueDays(in.phase()))
        .ifPresent(out::add);
    fmaChange(in.fmaChange(), in.fmaTotal(), f.fmaMdc(), mcid).ifPresent(out::add);
    List<FlagFinding> grouped = oneBulletPerEvent(out);
    return new Evaluation(grouped, plateau.window());
  }

  /**
   * The flags that follow from a patient who stopped attending (the month's low adherence and low
   * home programme) are the same event: they stay flags (in the CSV and the counts) but are shown
   * as evidence under "Stopped attending" rather than as bullets of their own. Sorted by code.
   */
  static List<FlagFinding> oneBulletPerEvent(List<FlagFinding> findings) {
    List<FlagFinding> out = new ArrayList<>(findings);
    out.sort((a, b) -> a.flag().code().compareTo(b.flag().code()));
    int lead = -1;
    for (int i = 0; i < out.size(); i++) {
      if (out.get(i).flag() == Flag.DROP_OFF) {
        lead = i;
      }
    }
    if (lead < 0) {
      return List.copyOf(out);
    }
    List<FlagFinding> with = new ArrayList<>();
    for (int i = 0; i < out.size(); i++) {
      FlagFinding x = out.get(i);
      if (x.flag() == Flag.LOW_ADHERENCE || x.flag() == Flag.HOME_PROGRAMME_LOW) {
        with.add(x);
        out.set(i, x.shownWith(Flag.DROP_OFF));
      }
    }
    if (!with.isEmpty()) {
      with.sort(Comparator.comparingInt(x -> x.flag().clinicalRank()));
      List<String> texts = new ArrayList<>();
      for (FlagFinding x : with) {
        // Commas inside, so the "; " between consequences stays unambiguous.
        texts.add(
            x.flag().label().toLowerCase(Locale.ROOT) + " — " + x.evidence().replace("; ", ", "));
      }
      out.set(
          lead,
          out.get(lead).withMoreEvidence(". With it this month: " + String.join("; ", texts)));
    }
    return List.copyOf(out);
  }

  /** low_adherence: the period's band is low. */
  static Optional<FlagFinding> lowAdherence(Adherence a, AdherenceBand band) {
    if (band != AdherenceBand.LOW) {
      return Optional.empty();
    }
    return Optional.of(
        new FlagFinding(
            Flag.LOW_ADHERENCE,
            a.sessionsDone()
                + " of "
                + a.sessionsExpected()
                + " scheduled sessions done ("
                + Evidence.pct(a.overallRate())
                + ")"));
  }

  /**
   * home_programme_low: at least {@code homeLowMinSessions} counted home sessions and a home
   * completion rate below {@code homeLowRate}, whatever the clinic attendance.
   */
  static Optional<FlagFinding> homeProgrammeLow(Adherence a, FlagSettings s) {
    if (a.homePrescribed() < s.homeLowMinSessions()
        || a.homeCompletionRate().getAsDouble() >= s.homeLowRate()) {
      return Optional.empty();
    }
    String clinic =
        a.clinicScheduled() == 0
            ? "no clinic sessions due"
            : "clinic attendance "
                + a.clinicAttended()
                + " of "
                + a.clinicScheduled()
                + " ("
                + Evidence.pct(a.attendanceRate())
                + ")";
    return Optional.of(
        new FlagFinding(
            Flag.HOME_PROGRAMME_LOW,
            a.homeCompleted()
                + " of "
                + a.homePrescribed()
                + " home sessions done ("
                + Evidence.pct(a.homeCompletionRate())
                + "); "
                + clinic));
  }

  /** drop_off: at least {@code dropOffMinDue} counted sessions in the window and none done. */
  static Optional<FlagFinding> dropOff(RecentSessions r, FlagSettings s) {
    if (r.due() < s.dropOffMinDue() || r.done() > 0) {
      return Optional.empty();
    }
    return Optional.of(
        new FlagFinding(
            Flag.DROP_OFF,
            "none of the "
                + r.due()
                + " sessions due "
                + Evidence.date(r.from())
                + " – "
                + Evidence.date(r.to())
                + " done; "
                + r.lastDone()
                    .map(d -> "last session done " + Evidence.date(d))
                    .orElse("no session done before")));
  }

  /**
   * What the other scales measured in the period, read beside a stage regression: the FMA-UE and
   * ARAT changes (empty when not reassessed in the period) and the FMA-UE measurement error.
   */
  record Corroboration(OptionalInt fmaChange, OptionalInt aratChange, double fmaMdc) {
    /** True when the FMA-UE total fell by at least its measurement error. */
    boolean fmaFell() {
      return fmaChange.isPresent() && -fmaChange.getAsInt() >= fmaMdc;
    }

    /** "FMA-UE 0 and ARAT +6 in the same period". */
    String text() {
      return scale("FMA-UE", fmaChange)
          + " and "
          + scale("ARAT", aratChange)
          + " in the same period";
    }

    private static String scale(String name, OptionalInt change) {
      return change.isPresent()
          ? name + " " + Evidence.signed(change.getAsInt())
          : name + " not reassessed";
    }
  }

  /**
   * stage_regression: a Brunnstrom stage decrease dated in the period. Tier 1 only when a
   * transition drops two or more stages at once, or the FMA-UE total fell by at least its
   * measurement error in the period; otherwise a one-stage drop no other scale confirms is more
   * likely rater variation, tier 2, to be confirmed at the next assessment. When a data query falls
   * on the same date the evidence asks to check the record, but the flag stays.
   */
  static Optional<FlagFinding> stageRegression(
      List<StageTransition> transitions,
      ReviewPeriod period,
      Set<LocalDate> queryDates,
      Corroboration other) {
    List<String> parts = new ArrayList<>();
    boolean queried = false;
    boolean twoStages = false;
    for (StageTransition t : transitions) {
      if (!t.isUp() && period.contains(t.date())) {
        parts.add(
            "Brunnstrom "
                + t.scale().code()
                + " "
                + BrunnstromScale.roman(t.fromStage())
                + " → "
                + BrunnstromScale.roman(t.toStage())
                + " on "
                + Evidence.date(t.date()));
        queried |= queryDates.contains(t.date());
        twoStages |= t.fromStage() - t.toStage() >= 2;
      }
    }
    if (parts.isEmpty()) {
      return Optional.empty();
    }
    String text = String.join("; ", parts);
    boolean actNow = twoStages || other.fmaFell();
    if (twoStages) {
      text += " (two or more stages at once); " + other.text();
    } else if (other.fmaFell()) {
      text +=
          "; "
              + other.text()
              + " (FMA-UE fall at least the measurement error, "
              + Evidence.number(other.fmaMdc())
              + ")";
    } else {
      text += "; " + other.text() + "; confirm at the next assessment";
    }
    if (queried) {
      text += " — check the record: the same assessment fails a consistency check";
    }
    FlagFinding f = new FlagFinding(Flag.STAGE_REGRESSION, text);
    return Optional.of(actNow ? f : f.withTier(FollowUpTier.DISCUSS));
  }

  /**
   * goal_below_baseline: a goal whose latest rated review on or before the period's end is dated in
   * the period and rated below the goal's baseline level. One finding naming each such goal.
   */
  static Optional<FlagFinding> goalBelowBaseline(PatientGoals goals, ReviewPeriod period) {
    List<String> parts = new ArrayList<>();
    for (GoalProgress g : goals.goals()) {
      Optional<GoalProgress.Review> rated =
          g.reviews().stream()
              .filter(r -> r.attainment().isPresent() && !r.date().isAfter(period.end()))
              .reduce((a, b) -> b);
      if (rated.isEmpty() || !period.contains(rated.get().date())) {
        continue;
      }
      int level = rated.get().attainment().getAsInt();
      if (level < g.baseline()) {
        parts.add(
            "goal "
                + g.goalId()
                + " “"
                + g.description()
                + "” rated "
                + Evidence.signed(level)
                + " on "
                + Evidence.date(rated.get().date())
                + ", below its baseline "
                + Evidence.signed(g.baseline()));
      }
    }
    if (parts.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new FlagFinding(Flag.GOAL_BELOW_BASELINE, String.join("; ", parts)));
  }

  /** data_query: one finding listing every failed check. */
  static Optional<FlagFinding> dataQuery(List<DataQuery> queries) {
    if (queries.isEmpty()) {
      return Optional.empty();
    }
    List<String> texts = queries.stream().map(DataQuery::text).toList();
    return Optional.of(
        new FlagFinding(Flag.DATA_QUERY, "check the record: " + String.join("; ", texts)));
  }

  /**
   * plateau: the latest complete FMA total up to {@code end} is below the ceiling; the window (the
   * {@code windowDays} days ending at {@code end}) holds two or more complete FMAs, the first and
   * the last at least {@code plateauMinSpanDays} apart, differing by less than the MDC; and no
   * Brunnstrom stage of either scale went up in the window. The window evidence is returned
   * whenever it holds two complete FMAs, flagged or not.
   */
  static Plateau plateau(
      List<Assessment> sorted, LocalDate end, int windowDays, FlagSettings s, int mcid) {
    LocalDate from = end.minusDays(windowDays - 1L);
    OptionalInt latest = OptionalInt.empty();
    Assessment first = null;
    Assessment last = null;
    int count = 0;
    boolean stageGain = false;
    int prevArm = 0;
    int prevHand = 0;
    for (Assessment a : sorted) {
      if (a.date().isAfter(end)) {
        break;
      }
      boolean inWindow = !a.date().isBefore(from);
      if (a.brunnstromArm().isPresent()) {
        int v = a.brunnstromArm().getAsInt();
        stageGain |= inWindow && prevArm != 0 && v > prevArm;
        prevArm = v;
      }
      if (a.brunnstromHand().isPresent()) {
        int v = a.brunnstromHand().getAsInt();
        stageGain |= inWindow && prevHand != 0 && v > prevHand;
        prevHand = v;
      }
      OptionalInt total = a.fmaTotal();
      if (total.isPresent()) {
        latest = total;
        if (inWindow) {
          first = first == null ? a : first;
          last = a;
          count++;
        }
      }
    }
    if (first == null || last == null || count < 2) {
      return new Plateau(Optional.empty(), Optional.empty());
    }
    FmaWindow w =
        new FmaWindow(
            first.date(),
            first.fmaTotal().getAsInt(),
            last.date(),
            last.fmaTotal().getAsInt(),
            count);
    long span = ChronoUnit.DAYS.between(w.firstDate(), w.lastDate());
    boolean flat = Math.abs(w.change()) < s.fmaMdc();
    boolean flagged =
        latest.getAsInt() < s.plateauCeiling()
            && span >= s.plateauMinSpanDays()
            && flat
            && !stageGain;
    if (!flagged) {
      return new Plateau(Optional.of(w), Optional.empty());
    }
    return new Plateau(
        Optional.of(w),
        Optional.of(new FlagFinding(Flag.PLATEAU, plateauEvidence(w, span, s, mcid))));
  }

  /** "Fugl-Meyer 30 on 1 Mar 2026 → 31 on 2 Jun 2026 (+1 over 93 days, 3 assessments), ...". */
  private static String plateauEvidence(FmaWindow w, long span, FlagSettings s, int mcid) {
    return "Fugl-Meyer "
        + w.firstTotal()
        + " on "
        + Evidence.date(w.firstDate())
        + " → "
        + w.lastTotal()
        + " on "
        + Evidence.date(w.lastDate())
        + " ("
        + Evidence.signed(w.change())
        + " over "
        + span
        + " days, "
        + w.assessments()
        + " assessments), within measurement error (MDC "
        + Evidence.number(s.fmaMdc())
        + "; MCID "
        + mcid
        + "); no Brunnstrom stage gained";
  }

  /**
   * assessment_overdue: more than {@code days} days lie between the latest assessment and {@code
   * end}, so the reassessment was due on an earlier day (on the due day itself it is not yet
   * overdue); a patient never assessed is overdue.
   */
  static Optional<FlagFinding> assessmentOverdue(
      Optional<LocalDate> last, LocalDate end, Phase phase, int days) {
    if (last.isPresent() && !last.get().plusDays(days).isBefore(end)) {
      return Optional.empty();
    }
    String due = phase.label() + " patients are reassessed at least every " + days + " days";
    String text =
        last.map(
                d ->
                    "last assessment "
                        + Evidence.date(d)
                        + ", "
                        + ChronoUnit.DAYS.between(d, end)
                        + " days before "
                        + Evidence.date(end)
                        + "; the next was due by "
                        + Evidence.date(d.plusDays(days))
                        + " ("
                        + due
                        + ")")
            .orElse("no assessment recorded; " + due);
    return Optional.of(new FlagFinding(Flag.ASSESSMENT_OVERDUE, text));
  }

  /** fma_gain / fma_decline: the period's FMA change reaches +MCID / −MCID. */
  static Optional<FlagFinding> fmaChange(
      OptionalInt change, OptionalInt total, double mdc, int mcid) {
    if (change.isEmpty() || Math.abs(change.getAsInt()) < mcid) {
      return Optional.empty();
    }
    int c = change.getAsInt();
    String text =
        Evidence.signed(c)
            + " to "
            + (total.isPresent() ? total.getAsInt() : 0)
            + "/66 since the last assessment before the period — "
            + ChangeLabel.of(c, mdc, mcid).phrase()
            + " (MCID "
            + mcid
            + ")";
    return Optional.of(new FlagFinding(c > 0 ? Flag.FMA_GAIN : Flag.FMA_DECLINE, text));
  }

  /** The flags among {@code findings}, as a set. */
  static Set<Flag> flags(List<FlagFinding> findings) {
    EnumSet<Flag> out = EnumSet.noneOf(Flag.class);
    findings.forEach(f -> out.add(f.flag()));
    return out;
  }
}
