package org.recoveryreview.analysis;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.recoveryreview.model.Adherence;
import org.recoveryreview.model.AdherenceBand;
import org.recoveryreview.model.BrunnstromScale;
import org.recoveryreview.model.Flag;
import org.recoveryreview.model.FollowUp;
import org.recoveryreview.model.PatientMetrics;
import org.recoveryreview.model.TransitionMatrix;
import tech.tablesaw.aggregate.AggregateFunctions;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.selection.Selection;

/**
 * The {@code patients} fact table (one row per patient in review: id, clinic, therapist, band, one
 * 0/1 column per {@link Flag} named by its code, the overall rate and the period's counts) and the
 * programme figures Tablesaw computes from it: patients per band ({@code countBy}), per flag
 * (column sums), the programme's period adherence ({@code summarize(counts, sum)}) and the
 * follow-up list ({@code where} any follow-up flag, {@code sortOn} clinic, therapist, patient). A
 * new flag is a new {@link Flag} constant: its column, count and follow-up rule follow from the
 * enum. The transition matrices are {@code xTabCounts(from_stage, to_stage)} over the period's
 * transitions.
 */
final class ProgramFigures {
  static final String PATIENT_ID = "patient_id";
  static final String CLINIC = "clinic";
  static final String THERAPIST = "therapist";
  static final String BAND = "band";
  static final String OVERALL_RATE = "overall_rate";

  private ProgramFigures() {}

  /** The patients table, in the order given (patient_id order). */
  static Table patients(List<PatientMetrics> metrics) {
    StringColumn id = StringColumn.create(PATIENT_ID);
    StringColumn clinic = StringColumn.create(CLINIC);
    StringColumn therapist = StringColumn.create(THERAPIST);
    StringColumn band = StringColumn.create(BAND);
    DoubleColumn rate = DoubleColumn.create(OVERALL_RATE);
    Table t = Table.create("patients", id, clinic, therapist, band, rate);
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
      band.append(m.band().name());
      m.period().overallRate().ifPresentOrElse(rate::append, rate::appendMissing);
      for (Flag f : m.flags()) {
        flags.get(f.ordinal()).set(i, 1);
      }
      Adherence a = m.period();
      long[] v = {
        a.clinicScheduled(),
        a.clinicAttended(),
        a.homePrescribed(),
        a.homeCompleted(),
        a.plannedMinutes(),
        a.actualMinutes(),
        a.cappedMinutes()
      };
      for (int k = 0; k < v.length; k++) {
        counts.get(k).set(i, v[k]);
      }
    }
    flags.forEach(t::addColumns);
    counts.forEach(t::addColumns);
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
      out.put(f, (int) patients.intColumn(f.code()).sum());
    }
    return out;
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

  /** Patients with a follow-up flag, sorted by clinic, therapist and patient. */
  static List<FollowUp> followUps(Table patients, List<PatientMetrics> metrics) {
    Selection any = Selection.with();
    for (Flag f : Flag.values()) {
      if (f.needsFollowUp()) {
        any = any.or(patients.intColumn(f.code()).isEqualTo(1));
      }
    }
    Table follow = patients.where(any).sortOn(CLINIC, THERAPIST, PATIENT_ID);
    Map<String, PatientMetrics> byId = new HashMap<>();
    for (PatientMetrics m : metrics) {
      byId.put(m.patientId(), m);
    }
    List<FollowUp> out = new ArrayList<>(follow.rowCount());
    for (int r = 0; r < follow.rowCount(); r++) {
      PatientMetrics m = byId.get(follow.stringColumn(PATIENT_ID).get(r));
      List<Flag> flags = m.flags().stream().filter(Flag::needsFollowUp).toList();
      out.add(
          new FollowUp(
              m.patientId(),
              m.patient().name(),
              m.patient().clinic(),
              m.patient().therapist(),
              flags));
    }
    return out;
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
