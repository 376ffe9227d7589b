package org.recoveryreview.analysis;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.recoveryreview.model.AdherenceBand;
import org.recoveryreview.model.BrunnstromScale;
import org.recoveryreview.model.Flag;
import org.recoveryreview.model.FollowUpTier;
import org.recoveryreview.model.PatientMetrics;
import org.recoveryreview.model.PeriodGroupCounts;
import org.recoveryreview.model.ReviewPeriod;
import org.recoveryreview.model.RollupRow;
import org.recoveryreview.model.StageOnset;
import org.recoveryreview.model.StageTransition;
import org.recoveryreview.model.TransitionMatrix;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.selection.Selection;

/**
 * The programme figures computed over per-patient columns (one value per patient in review, or per
 * transition), with Tablesaw columns and selections. Measured: touching Tablesaw's {@code Table}
 * class costs 1.2-2.4 s once per process (its static initialiser scans the classpath with
 * ClassGraph to register readers), and {@code summarize} costs microseconds per row, so Table and
 * summarize are not used; columns alone load in about 50 ms.
 */
final class ProgramFigures {
  private ProgramFigures() {}

  /** Patients per band (all four bands present) over the patients in review. */
  static Map<AdherenceBand, Integer> perBand(List<PatientMetrics> metrics) {
    StringColumn band = StringColumn.create("band");
    for (PatientMetrics m : metrics) {
      band.append(m.band().name());
    }
    Map<AdherenceBand, Integer> out = new EnumMap<>(AdherenceBand.class);
    for (AdherenceBand b : AdherenceBand.values()) {
      out.put(b, band.isEqualTo(b.name()).size());
    }
    return out;
  }

  /** Patients carrying each flag (every flag present). */
  static Map<Flag, Integer> perFlag(List<PatientMetrics> metrics) {
    Map<Flag, Integer> out = new EnumMap<>(Flag.class);
    for (Flag f : Flag.values()) {
      IntColumn c = IntColumn.create(f.name(), metrics.size());
      for (int i = 0; i < metrics.size(); i++) {
        c.set(i, metrics.get(i).flags().contains(f) ? 1 : 0);
      }
      out.put(f, (int) c.sum());
    }
    return out;
  }

  /** Patients in review per follow-up tier (all three tiers present). */
  static Map<FollowUpTier, Integer> perTier(List<PatientMetrics> metrics) {
    IntColumn tier = IntColumn.create("tier");
    for (PatientMetrics m : metrics) {
      tier.append(m.followUpTier().map(FollowUpTier::number).orElse(0));
    }
    Map<FollowUpTier, Integer> out = new EnumMap<>(FollowUpTier.class);
    for (FollowUpTier t : FollowUpTier.values()) {
      out.put(t, tier.isEqualTo(t.number()).size());
    }
    return out;
  }

  /**
   * The roll-up rows with the period counts attached to the review period's row of each clinic and
   * of the programme: per clinic, sums over that clinic's patients in review of one-patient columns
   * (in tier 1/2/3, two or more complete FMAs, MCID reached since the first FMA, clinic
   * cancellations, imputed minutes), selected with a Tablesaw {@code isEqualTo} on the clinic.
   */
  static List<RollupRow> withPeriodCounts(
      List<RollupRow> rows, ReviewPeriod period, List<PatientMetrics> metrics) {
    StringColumn clinic = StringColumn.create("clinic");
    IntColumn[] cols = new IntColumn[7];
    for (int c = 0; c < cols.length; c++) {
      cols[c] = IntColumn.create("c" + c);
    }
    for (PatientMetrics m : metrics) {
      clinic.append(m.patient().clinic());
      int tier = m.followUpTier().map(FollowUpTier::number).orElse(0);
      cols[0].append(tier == 1 ? 1 : 0);
      cols[1].append(tier == 2 ? 1 : 0);
      cols[2].append(tier == 3 ? 1 : 0);
      cols[3].append(m.fmaCourse().completeAssessments() >= 2 ? 1 : 0);
      cols[4].append(m.fmaCourse().mcidReached(m.mcid()) ? 1 : 0);
      cols[5].append((int) m.clinicCancelledSessions());
      cols[6].append((int) m.imputedMinutesSessions());
    }
    List<RollupRow> out = new ArrayList<>(rows.size());
    for (RollupRow r : rows) {
      if (!r.month().equals(period.month())) {
        out.add(r);
      } else if (r.dimension() == RollupRow.Dimension.PROGRAM) {
        out.add(r.withPeriodCounts(counts(cols, null)));
      } else if (r.dimension() == RollupRow.Dimension.CLINIC) {
        out.add(r.withPeriodCounts(counts(cols, clinic.isEqualTo(r.group()))));
      } else {
        out.add(r);
      }
    }
    return out;
  }

  private static PeriodGroupCounts counts(IntColumn[] cols, Selection rows) {
    long[] v = new long[cols.length];
    for (int c = 0; c < cols.length; c++) {
      v[c] = (long) (rows == null ? cols[c].sum() : cols[c].where(rows).sum());
    }
    return new PeriodGroupCounts(v[0], v[1], v[2], v[3], v[4], v[5], v[6]);
  }

  /** From-stage by to-stage counts of one scale over the given transitions. */
  static TransitionMatrix matrix(BrunnstromScale scale, List<StageTransition> transitions) {
    // One cell code per transition: (from - 1) * 6 + (to - 1).
    IntColumn cell = IntColumn.create("cell");
    for (StageTransition t : transitions) {
      if (t.scale() == scale && inRange(t.fromStage()) && inRange(t.toStage())) {
        cell.append((t.fromStage() - 1) * 6 + t.toStage() - 1);
      }
    }
    int[][] cells = new int[6][6];
    if (!cell.isEmpty()) {
      for (int code = 0; code < 36; code++) {
        cells[code / 6][code % 6] = cell.isEqualTo(code).size();
      }
    }
    return new TransitionMatrix(scale, cells);
  }

  private static boolean inRange(int stage) {
    return stage >= 1 && stage <= 6;
  }

  /**
   * Accumulates first-reached days per (scale, stage), then takes the median of each group.
   * Measured: with one row per patient and stage (about 100,000 rows for 10,000 patients)
   * Tablesaw's summarize(median).by(...) cost 0.5 s warm and seconds cold, against milliseconds for
   * sorting ten arrays.
   */
  static final class OnsetRows {
    private final long[][] days = new long[2 * 7][];
    private final int[] sizes = new int[2 * 7];

    void add(BrunnstromScale s, int st, long d) {
      int g = s.ordinal() * 7 + st;
      if (days[g] == null) {
        days[g] = new long[64];
      } else if (sizes[g] == days[g].length) {
        days[g] = java.util.Arrays.copyOf(days[g], sizes[g] * 2);
      }
      days[g][sizes[g]++] = d;
    }

    /** Medians for stages 2-6 of both scales, in scale then stage order; empty when no patient. */
    List<StageOnset> medians() {
      List<StageOnset> out = new ArrayList<>();
      for (BrunnstromScale sc : BrunnstromScale.values()) {
        for (int st = 2; st <= 6; st++) {
          int g = sc.ordinal() * 7 + st;
          int n = sizes[g];
          OptionalDouble median = OptionalDouble.empty();
          if (n > 0) {
            long[] v = java.util.Arrays.copyOf(days[g], n);
            java.util.Arrays.sort(v);
            median = OptionalDouble.of(n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2.0);
          }
          out.add(new StageOnset(sc, st, median, n));
        }
      }
      return out;
    }
  }
}
