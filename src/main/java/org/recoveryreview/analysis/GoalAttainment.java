package org.recoveryreview.analysis;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.TreeSet;
import org.recoveryreview.model.GoalGroup;
import org.recoveryreview.model.GoalProgress;
import org.recoveryreview.model.GoalRating;
import org.recoveryreview.model.PatientGoals;
import org.recoveryreview.model.PatientMetrics;
import org.recoveryreview.model.PatientReview;
import org.recoveryreview.model.ProgramReview;
import org.recoveryreview.model.ReviewResults;
import org.recoveryreview.model.RollupRow.Dimension;
import tech.tablesaw.aggregate.AggregateFunction;
import tech.tablesaw.aggregate.AggregateFunctions;
import tech.tablesaw.aggregate.Summarizer;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Goal Attainment Scaling: each patient's goals at the period's end with their summary T-score
 * (Kiresuk and Sherman 1968, with the inter-goal correlation rho = 0.3 as in Turner-Stokes 2009),
 * and goal attainment per clinic and for the programme. See docs/metrics.md.
 */
public final class GoalAttainment {
  /** The assumed correlation between goal scores in the T-score formula. */
  static final double RHO = 0.3;

  private GoalAttainment() {}

  /**
   * The results with each patient's goals and the programme's goal groups attached; {@code results}
   * unchanged when there are no goals at all.
   */
  public static ReviewResults attach(ReviewResults results, List<GoalRating> ratings) {
    if (ratings.isEmpty()) {
      return results;
    }
    Map<String, List<GoalRating>> byPatient = new HashMap<>();
    for (GoalRating g : ratings) {
      byPatient.computeIfAbsent(g.patientId(), k -> new ArrayList<>()).add(g);
    }
    LocalDate end = results.period().end();
    List<PatientReview> reviews = new ArrayList<>(results.patients().size());
    for (PatientReview r : results.patients()) {
      List<GoalRating> own = byPatient.getOrDefault(r.metrics().patientId(), List.of());
      PatientGoals goals = own.isEmpty() ? PatientGoals.none() : forPatient(own, end);
      reviews.add(new PatientReview(r.metrics().withGoals(goals), r.history()));
    }
    ProgramReview program =
        results
            .program()
            .withGoalGroups(groups(reviews.stream().map(PatientReview::metrics).toList()));
    return new ReviewResults(results.period(), reviews, program);
  }

  /** The goal ratings of each patient, by patient id. */
  static Map<String, List<GoalRating>> byPatient(List<GoalRating> ratings) {
    Map<String, List<GoalRating>> out = new HashMap<>();
    for (GoalRating g : ratings) {
      out.computeIfAbsent(g.patientId(), k -> new ArrayList<>()).add(g);
    }
    return out;
  }

  /** The goals of {@code patientId} as known at {@code end}; none without goal ratings. */
  static PatientGoals of(Map<String, List<GoalRating>> byPatient, String patientId, LocalDate end) {
    List<GoalRating> own = byPatient.getOrDefault(patientId, List.of());
    return own.isEmpty() ? PatientGoals.none() : forPatient(own, end);
  }

  /**
   * One patient's goals as known at {@code end}: reviews dated after it are not yet known, and a
   * goal set after it does not exist yet.
   */
  static PatientGoals forPatient(List<GoalRating> ratings, LocalDate end) {
    Map<String, List<GoalRating>> byGoal = new LinkedHashMap<>();
    for (GoalRating g : ratings) {
      if (!g.reviewDate().isAfter(end)) {
        byGoal.computeIfAbsent(g.goalId(), k -> new ArrayList<>()).add(g);
      }
    }
    List<List<GoalRating>> goals = new ArrayList<>(byGoal.values());
    goals.forEach(l -> l.sort(Comparator.comparing(GoalRating::reviewDate)));
    List<GoalRating> latest = goals.stream().map(l -> l.get(l.size() - 1)).toList();
    double[] weights = weights(latest);
    List<GoalProgress> progress = new ArrayList<>(goals.size());
    List<Double> w = new ArrayList<>();
    List<Integer> x = new ArrayList<>();
    int achieved = 0;
    for (int i = 0; i < goals.size(); i++) {
      GoalProgress p = progress(goals.get(i), weights[i]);
      progress.add(p);
      if (p.scored()) {
        w.add(weights[i]);
        x.add(p.latest().getAsInt());
        achieved += p.achieved() ? 1 : 0;
      }
    }
    progress.sort(Comparator.comparing(GoalProgress::setOn).thenComparing(GoalProgress::goalId));
    OptionalDouble t =
        x.isEmpty()
            ? OptionalDouble.empty()
            : OptionalDouble.of(
                tScore(
                    w.stream().mapToDouble(Double::doubleValue).toArray(),
                    x.stream().mapToInt(Integer::intValue).toArray()));
    return new PatientGoals(progress, x.size(), achieved, t, weighted(latest));
  }

  private static GoalProgress progress(List<GoalRating> reviews, double weight) {
    GoalRating last = reviews.get(reviews.size() - 1);
    List<GoalProgress.Review> history = new ArrayList<>(reviews.size());
    for (GoalRating g : reviews) {
      history.add(new GoalProgress.Review(g.reviewDate(), g.attainment()));
    }
    OptionalInt latest = last.attainment();
    return new GoalProgress(
        last.goalId(),
        last.domain(),
        last.description(),
        last.setOn(),
        last.targetDate(),
        last.baseline(),
        history,
        latest,
        weight,
        last.importance(),
        last.difficulty());
  }

  /**
   * importance x difficulty when both are given for every scored goal and at least one product is
   * positive, else 1 for every goal (the unweighted T-score). Unscored goals get the same rule so
   * the weight shown next to a goal is the one it would have.
   */
  static double[] weights(List<GoalRating> latest) {
    double[] w = new double[latest.size()];
    boolean weighted = weighted(latest);
    for (int i = 0; i < latest.size(); i++) {
      GoalRating g = latest.get(i);
      w[i] =
          weighted && g.importance().isPresent() && g.difficulty().isPresent()
              ? g.importance().getAsInt() * g.difficulty().getAsInt()
              : 1;
    }
    return w;
  }

  /**
   * True when importance and difficulty are given for every scored goal and at least one product is
   * positive: the T-score is then weighted, else every goal weighs 1.
   */
  static boolean weighted(List<GoalRating> latest) {
    boolean complete = true;
    boolean positive = false;
    for (int i = 0; i < latest.size(); i++) {
      GoalRating g = latest.get(i);
      if (g.attainment().isEmpty()) {
        continue;
      }
      if (g.importance().isEmpty() || g.difficulty().isEmpty()) {
        complete = false;
      } else {
        positive |= g.importance().getAsInt() * g.difficulty().getAsInt() > 0;
      }
    }
    return complete && positive;
  }

  /**
   * T = 50 + 10 sum(w x) / sqrt((1 - rho) sum(w^2) + rho (sum w)^2), rho = 0.3.
   *
   * @throws IllegalArgumentException when the arrays differ in length, are empty or every weight is
   *     0
   */
  public static double tScore(double[] weights, int[] levels) {
    if (weights.length != levels.length || weights.length == 0) {
      throw new IllegalArgumentException("one weight per goal, at least one goal");
    }
    double sumWx = 0;
    double sumW = 0;
    double sumW2 = 0;
    for (int i = 0; i < weights.length; i++) {
      sumWx += weights[i] * levels[i];
      sumW += weights[i];
      sumW2 += weights[i] * weights[i];
    }
    if (sumW2 == 0) {
      throw new IllegalArgumentException("at least one weight must be positive");
    }
    return 50 + 10 * sumWx / Math.sqrt((1 - RHO) * sumW2 + RHO * sumW * sumW);
  }

  /**
   * The programme, then each clinic with patients in review (alphabetically): patients with a
   * T-score, their mean T, goals scored and achieved, as {@code summarize(mean, sum, count)} over
   * the T-scored patients, by clinic; a left join from every clinic in review gives the clinics
   * whose patients have no T-score their row of zeros.
   */
  static List<GoalGroup> groups(List<PatientMetrics> metrics) {
    StringColumn clinic = StringColumn.create(CLINIC);
    DoubleColumn t = DoubleColumn.create(GAS_T);
    IntColumn scored = IntColumn.create(SCORED);
    IntColumn achieved = IntColumn.create(ACHIEVED);
    TreeSet<String> clinics = new TreeSet<>();
    for (PatientMetrics m : metrics) {
      clinics.add(m.patient().clinic());
      PatientGoals g = m.goals();
      if (g.gasT().isPresent()) {
        clinic.append(m.patient().clinic());
        t.append(g.gasT().getAsDouble());
        scored.append(g.scored());
        achieved.append(g.achieved());
      }
    }
    Table goals = Table.create("goals", clinic, t, scored, achieved);
    List<GoalGroup> out = new ArrayList<>();
    out.add(group(Dimension.PROGRAM, "all", summary(goals).apply(), 0));
    Table byClinic =
        Table.create("clinics", StringColumn.create(CLINIC, clinics))
            .joinOn(CLINIC)
            .leftOuter(summary(goals).by(CLINIC))
            .sortOn(CLINIC);
    for (int r = 0; r < byClinic.rowCount(); r++) {
      out.add(group(Dimension.CLINIC, byClinic.stringColumn(CLINIC).get(r), byClinic, r));
    }
    return out;
  }

  private static final String CLINIC = "clinic";
  private static final String GAS_T = "gas_t";
  private static final String SCORED = "goals_scored";
  private static final String ACHIEVED = "goals_achieved";

  private static Summarizer summary(Table goals) {
    return goals.summarize(
        GAS_T,
        SCORED,
        ACHIEVED,
        AggregateFunctions.mean,
        AggregateFunctions.sum,
        AggregateFunctions.count);
  }

  /** Row {@code r} of a summary; a clinic the join found no T-scored patient for has zeros. */
  private static GoalGroup group(Dimension dimension, String name, Table summary, int r) {
    double count = summary.numberColumn(fn(AggregateFunctions.count, GAS_T)).getDouble(r);
    int n = Double.isNaN(count) ? 0 : (int) Math.round(count);
    return new GoalGroup(
        dimension,
        name,
        n,
        n == 0
            ? OptionalDouble.empty()
            : OptionalDouble.of(
                summary.numberColumn(fn(AggregateFunctions.mean, GAS_T)).getDouble(r)),
        n == 0 ? 0 : sum(summary, SCORED, r),
        n == 0 ? 0 : sum(summary, ACHIEVED, r));
  }

  private static int sum(Table summary, String column, int r) {
    return (int) Math.round(summary.numberColumn(fn(AggregateFunctions.sum, column)).getDouble(r));
  }

  private static String fn(AggregateFunction<?, ?> f, String column) {
    return f.functionName() + " [" + column + "]";
  }
}
