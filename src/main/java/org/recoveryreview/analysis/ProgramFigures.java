package org.recoveryreview.analysis;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.recoveryreview.model.Adherence;
import org.recoveryreview.model.AdherenceBand;
import org.recoveryreview.model.AdherenceCount;
import org.recoveryreview.model.BrunnstromScale;
import org.recoveryreview.model.Flag;
import org.recoveryreview.model.FlagFinding;
import org.recoveryreview.model.FollowUpTier;
import org.recoveryreview.model.PatientMetrics;
import org.recoveryreview.model.PeriodGroupCounts;
import org.recoveryreview.model.ProgramHeadline;
import org.recoveryreview.model.ReviewPeriod;
import org.recoveryreview.model.RollupRow;
import org.recoveryreview.model.TransitionMatrix;
import tech.tablesaw.aggregate.AggregateFunctions;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The {@code patients} fact table (one row per patient in review: id, clinic, therapist, band, one
 * 0/1 column per {@link Flag} named by its code, the overall rate, the follow-up tier and sort
 * keys, the period's counts and the period-count columns) and the programme figures Tablesaw
 * computes from it: patients per band ({@code countBy}), per flag (column sums), per tier, the
 * programme's period adherence ({@code summarize(counts, sum)}), each clinic's period counts
 * ({@code summarize(...).by(clinic)}) and the follow-up list ({@link FollowUps#ranked}: {@code
 * where} a tier, {@code sortOn} tier, flags, rate, patient). A new flag is a new {@link Flag}
 * constant: its column, count and follow-up rule follow from the enum. The transition matrices are
 * {@code xTabCounts(from_stage, to_stage)} over the period's transitions.
 */
final class ProgramFigures {
  static final String PATIENT_ID = "patient_id";
  static final String CLINIC = "clinic";
  static final String THERAPIST = "therapist";
  static final String BAND = "band";
  static final String OVERALL_RATE = "overall_rate";
  static final String TIER = "follow_up_tier";

  /** Follow-up flags of the patient, negated: an ascending sort puts more flags first. */
  static final String FEWER_FLAGS_FIRST = "minus_follow_up_flags";

  /** The overall rate, with 2 (above any rate) for none: an ascending sort puts none last. */
  static final String RATE_NONE_LAST = "rate_none_last";

  /**
   * The one-value-per-patient columns summed into each clinic's period counts, in {@link
   * PeriodGroupCounts} field order.
   */
  static final List<String> PERIOD_COUNTS =
      List.of(
          "tier1",
          "tier2",
          "tier3",
          "two_fma",
          "mcid_reached",
          "clinic_cancelled_sessions",
          "imputed_minutes_sessions");

  private ProgramFigures() {}

  /** The patients table, in the order given (patient_id order). */
  static Table patients(List<PatientMetrics> metrics) {
    StringColumn id = StringColumn.create(PATIENT_ID);
    StringColumn clinic = StringColumn.create(CLINIC);
    StringColumn therapist = StringColumn.create(THERAPIST);
    StringColumn band = StringColumn.create(BAND);
    DoubleColumn rate = DoubleColumn.create(OVERALL_RATE);
    IntColumn tier = IntColumn.create(TIER);
    IntColumn fewerFlags = IntColumn.create(FEWER_FLAGS_FIRST);
    DoubleColumn rateOrder = DoubleColumn.create(RATE_NONE_LAST);
    Table t =
        Table.create("patients", id, clinic, therapist, band, rate, tier, fewerFlags, rateOrder);
    List<LongColumn> period = new ArrayList<>();
    for (String c : PERIOD_COUNTS) {
      period.add(LongColumn.create(c, metrics.size()));
    }
    List<IntColumn> flags = new ArrayList<>();
    for (Flag f : Flag.values()) {
      flags.add(IntColumn.create(f.code(), metrics.size()));
    }
    List<LongColumn> counts = new ArrayList<>();
    for (String c : PatientMonth.COUNTS) {
      counts.add(LongColumn.create(c, metrics.size()));
    }
    for (int i = 0; i < metrics.size(); i++) {
      PatientMetrics m = metrics.get(i);
      id.append(m.patientId());
      clinic.append(m.patient().clinic());
      therapist.append(m.patient().therapist());
      band.append(m.adherence().band().name());
      m.adherence().period().overallRate().ifPresentOrElse(rate::append, rate::appendMissing);
      int tierNumber = m.signals().followUpTier().map(FollowUpTier::number).orElse(0);
      tier.append(tierNumber);
      // Events, not flags: a patient who stopped attending is one thing to discuss, not three.
      fewerFlags.append((int) -m.bullets().stream().filter(FlagFinding::needsFollowUp).count());
      rateOrder.append(m.adherence().period().overallRate().orElse(2.0));
      long[] pc = {
        tierNumber == 1 ? 1 : 0,
        tierNumber == 2 ? 1 : 0,
        tierNumber == 3 ? 1 : 0,
        m.recovery().fma().course().completeAssessments() >= 2 ? 1 : 0,
        m.recovery().fma().course().mcidReached(m.recovery().fma().mcid()) ? 1 : 0,
        m.adherence().clinicCancelledSessions(),
        m.adherence().imputedMinutesSessions()
      };
      for (int k = 0; k < pc.length; k++) {
        period.get(k).set(i, pc[k]);
      }
      for (Flag f : m.flags()) {
        flags.get(f.ordinal()).set(i, 1);
      }
      for (AdherenceCount c : AdherenceCount.all()) {
        counts.get(c.slot()).set(i, c.of(m.adherence().period()));
      }
    }
    flags.forEach(t::addColumns);
    counts.forEach(t::addColumns);
    period.forEach(t::addColumns);
    return t;
  }

  /** Patients per band (all four bands present). */
  static Map<AdherenceBand, Integer> perBand(Table patients) {
    Map<AdherenceBand, Integer> out = new EnumMap<>(AdherenceBand.class);
    for (AdherenceBand b : AdherenceBand.values()) {
      out.put(b, 0);
    }
    if (patients.isEmpty()) {
      return out;
    }
    Table counts = patients.countBy(BAND);
    for (int r = 0; r < counts.rowCount(); r++) {
      AdherenceBand b = AdherenceBand.valueOf(counts.stringColumn(BAND).get(r));
      out.put(b, (int) Math.round(counts.numberColumn("Count").getDouble(r)));
    }
    return out;
  }

  /** Patients carrying each flag (all flags present). */
  static Map<Flag, Integer> perFlag(Table patients) {
    Map<Flag, Integer> out = new EnumMap<>(Flag.class);
    for (Flag f : Flag.values()) {
      out.put(f, flagged(patients, f));
    }
    return out;
  }

  /** Patients carrying {@code flag}. */
  static int flagged(Table patients, Flag flag) {
    return (int) patients.intColumn(flag.code()).sum();
  }

  /** The summed period counts of the patients in review. */
  static Adherence overall(Table patients) {
    if (patients.isEmpty()) {
      return Adherence.NONE;
    }
    return PatientMonth.adherence(
        patients.summarize(PatientMonth.COUNTS, AggregateFunctions.sum).apply(), 0);
  }

  /** The overall rates of the patients that have one, in patient order. */
  static List<Double> overallRates(Table patients) {
    return patients.doubleColumn(OVERALL_RATE).removeMissing().asList();
  }

  /** Patients in review per follow-up tier (all three tiers present). */
  static Map<FollowUpTier, Integer> perTier(Table patients) {
    Map<FollowUpTier, Integer> out = new EnumMap<>(FollowUpTier.class);
    for (FollowUpTier t : FollowUpTier.values()) {
      out.put(t, patients.intColumn(TIER).isEqualTo(t.number()).size());
    }
    return out;
  }

  /**
   * The roll-up rows with the period counts attached to the review period's row of each clinic and
   * of the programme: {@code summarize(period counts, sum).by(clinic)} and {@code .apply()} over
   * the patients table (the patients in review).
   */
  static List<RollupRow> withPeriodCounts(
      List<RollupRow> rows, ReviewPeriod period, Table patients) {
    Map<String, PeriodGroupCounts> byClinic = clinicCounts(patients);
    PeriodGroupCounts all = programmeCounts(patients);
    List<RollupRow> out = new ArrayList<>(rows.size());
    for (RollupRow r : rows) {
      if (!r.month().equals(period.month())) {
        out.add(r);
      } else if (r.dimension() == RollupRow.Dimension.PROGRAM) {
        out.add(r.withPeriodCounts(all));
      } else if (r.dimension() == RollupRow.Dimension.CLINIC) {
        out.add(r.withPeriodCounts(byClinic.getOrDefault(r.group(), PeriodGroupCounts.NONE)));
      } else {
        out.add(r);
      }
    }
    return out;
  }

  /** Each clinic's period counts: {@code summarize(period counts, sum).by(clinic)}. */
  static SortedMap<String, PeriodGroupCounts> clinicCounts(Table patients) {
    SortedMap<String, PeriodGroupCounts> byClinic = new TreeMap<>();
    if (!patients.isEmpty()) {
      Table clinics = patients.summarize(PERIOD_COUNTS, AggregateFunctions.sum).by(CLINIC);
      for (int r = 0; r < clinics.rowCount(); r++) {
        byClinic.put(clinics.stringColumn(CLINIC).get(r), periodCounts(clinics, r));
      }
    }
    return byClinic;
  }

  /** The programme's period counts: {@code summarize(period counts, sum).apply()}. */
  static PeriodGroupCounts programmeCounts(Table patients) {
    if (patients.isEmpty()) {
      return PeriodGroupCounts.NONE;
    }
    return periodCounts(patients.summarize(PERIOD_COUNTS, AggregateFunctions.sum).apply(), 0);
  }

  /**
   * The headline figures of the patients in a patients table: the same functions as the period's
   * own figures, so the previous month's headline is computed exactly like this month's.
   */
  static ProgramHeadline headline(ReviewPeriod period, Table patients) {
    if (patients.isEmpty()) {
      // Every band, flag and tier is listed with 0, as in a month with patients.
      return new ProgramHeadline(
          period,
          0,
          Adherence.NONE,
          perBand(patients),
          perFlag(patients),
          perTier(patients),
          PeriodGroupCounts.NONE,
          new TreeMap<>());
    }
    return new ProgramHeadline(
        period,
        patients.rowCount(),
        overall(patients),
        perBand(patients),
        perFlag(patients),
        perTier(patients),
        programmeCounts(patients),
        clinicCounts(patients));
  }

  private static PeriodGroupCounts periodCounts(Table sums, int row) {
    long[] v = new long[PERIOD_COUNTS.size()];
    for (int k = 0; k < v.length; k++) {
      v[k] = Math.round(sums.numberColumn(PatientMonth.sum(PERIOD_COUNTS.get(k))).getDouble(row));
    }
    return new PeriodGroupCounts(v[0], v[1], v[2], v[3], v[4], v[5], v[6]);
  }

  /** From-stage by to-stage counts of one scale over the given transitions table. */
  static TransitionMatrix matrix(BrunnstromScale scale, Table transitions) {
    int[][] cells = new int[6][6];
    Table own =
        transitions.where(
            transitions
                .stringColumn(AssessmentFacts.SCALE)
                .isEqualTo(scale.name())
                .and(transitions.intColumn(AssessmentFacts.FROM).isBetweenInclusive(1, 6))
                .and(transitions.intColumn(AssessmentFacts.STAGE).isBetweenInclusive(1, 6)));
    if (own.isEmpty()) {
      return new TransitionMatrix(scale, cells);
    }
    // Rows: from-stage labels then "Total"; columns: the label column, to-stages, "total".
    Table x = own.xTabCounts(AssessmentFacts.FROM, AssessmentFacts.STAGE);
    for (int r = 0; r < x.rowCount(); r++) {
      String from = x.column(0).getString(r);
      if (!isStage(from)) {
        continue;
      }
      for (int c = 1; c < x.columnCount(); c++) {
        String to = x.column(c).name();
        if (isStage(to)) {
          int n = (int) Math.round(x.numberColumn(c).getDouble(r));
          cells[Integer.parseInt(from) - 1][Integer.parseInt(to) - 1] = n;
        }
      }
    }
    return new TransitionMatrix(scale, cells);
  }

  private static boolean isStage(String label) {
    return label.length() == 1 && label.charAt(0) >= '1' && label.charAt(0) <= '6';
  }
}
