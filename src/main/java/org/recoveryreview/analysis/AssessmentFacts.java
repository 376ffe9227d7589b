package org.recoveryreview.analysis;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.recoveryreview.model.Assessment;
import org.recoveryreview.model.BrunnstromScale;
import org.recoveryreview.model.OnsetFact;
import org.recoveryreview.model.StageOnset;
import org.recoveryreview.model.StageTransition;
import tech.tablesaw.aggregate.AggregateFunctions;
import tech.tablesaw.api.DateColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.selection.Selection;

/**
 * The {@code assessments} fact table in long form (one row per recorded Brunnstrom stage: patient,
 * series (one value per patient and scale), position in the patient's dated order, date, scale,
 * stage, days from onset), written in patient, scale and date order, and what Tablesaw computes
 * from it: the stage transitions (a comparison with the previous non-blank value of the same scale
 * via {@code lag}), and the median days from onset at which patients first seen below each stage
 * reached it. Arm and hand go through the same code: the scale is a column.
 */
final class AssessmentFacts {
  static final String PATIENT = "patient";
  static final String PATIENT_ID = "patient_id";

  /**
   * Patient × 2 + scale ordinal: one value per patient and scale, so that "same patient and scale
   * as the row before" is one int comparison with the column's {@code lag}.
   */
  static final String SERIES = "series";

  static final String SEQ = "seq";
  static final String DATE = "date";
  static final String SCALE = "scale";
  static final String STAGE = "stage";
  static final String DAYS = "days";
  static final String FROM = "from_stage";
  static final String FIRST_ROW = "first_row";
  static final String TARGET = "target_stage";

  private AssessmentFacts() {}

  /** The stage of {@code scale} recorded in an assessment, if any. */
  static OptionalInt stage(Assessment a, BrunnstromScale scale) {
    return scale == BrunnstromScale.ARM ? a.brunnstromArm() : a.brunnstromHand();
  }

  /**
   * The table of every stage recorded on or before {@code end}, in patient, scale and seq order
   * (each patient's arm stages by date, then their hand stages); {@code sorted.get(p)} holds
   * patient p's assessments by date (same-date rows in input order, kept by the seq column).
   * Written in that order rather than sorted with Tablesaw: the transitions and the stage medians
   * both read it so, and a Tablesaw sort of the whole table cost each of them a copy of every
   * column.
   */
  static Table stages(PatientIndex index, List<List<Assessment>> sorted, LocalDate end) {
    IntColumn patient = IntColumn.create(PATIENT);
    IntColumn series = IntColumn.create(SERIES);
    StringColumn id = StringColumn.create(PATIENT_ID);
    IntColumn seq = IntColumn.create(SEQ);
    DateColumn date = DateColumn.create(DATE);
    StringColumn scale = StringColumn.create(SCALE);
    IntColumn stage = IntColumn.create(STAGE);
    IntColumn days = IntColumn.create(DAYS);
    for (int p = 0; p < sorted.size(); p++) {
      LocalDate onset = index.patients.get(p).onsetDate();
      List<Assessment> own = sorted.get(p);
      for (BrunnstromScale s : BrunnstromScale.values()) {
        for (int k = 0; k < own.size(); k++) {
          Assessment a = own.get(k);
          if (a.date().isAfter(end)) {
            break;
          }
          OptionalInt v = stage(a, s);
          if (v.isPresent()) {
            patient.append(p);
            series.append(p * 2 + s.ordinal());
            id.append(a.patientId());
            seq.append(k);
            date.append(a.date());
            scale.append(s.name());
            stage.append(v.getAsInt());
            days.append((int) ChronoUnit.DAYS.between(onset, a.date()));
          }
        }
      }
    }
    return Table.create("assessments", patient, series, id, seq, date, scale, stage, days);
  }

  /**
   * One row per change between consecutive recorded stages of the same scale and patient, dated on
   * the later assessment, in patient, date and scale order; {@code from_stage} is the previous
   * non-blank value (blank values have no row in the long table, so it is the previous row).
   */
  static Table transitions(Table stages) {
    // The same columns in a new table: adding from_stage leaves the assessments table as it is.
    Table t = Table.create("transitions", stages.columnArray());
    if (t.isEmpty()) {
      // Tablesaw's lag fails on an empty column.
      return t.addColumns(IntColumn.create(FROM));
    }
    IntColumn series = t.intColumn(SERIES);
    IntColumn stage = t.intColumn(STAGE);
    IntColumn from = stage.lag(1).setName(FROM);
    t.addColumns(from);
    Selection changed = series.isEqualTo(series.lag(1)).and(stage.isNotEqualTo(from));
    return t.where(changed).sortOn(PATIENT, SEQ, SCALE);
  }

  /** The transitions table as records, one list per patient index. */
  static List<List<StageTransition>> perPatient(Table transitions, int patients) {
    List<List<StageTransition>> out = new ArrayList<>(patients);
    for (int p = 0; p < patients; p++) {
      out.add(new ArrayList<>(0));
    }
    for (int r = 0; r < transitions.rowCount(); r++) {
      out.get(transitions.intColumn(PATIENT).getInt(r)).add(transition(transitions, r));
    }
    return out;
  }

  static StageTransition transition(Table t, int r) {
    return new StageTransition(
        t.stringColumn(PATIENT_ID).get(r),
        t.dateColumn(DATE).get(r),
        BrunnstromScale.valueOf(t.stringColumn(SCALE).get(r)),
        t.intColumn(FROM).getInt(r),
        t.intColumn(STAGE).getInt(r),
        t.intColumn(DAYS).getInt(r));
  }

  /**
   * For each stage 2-6 of each scale, the median days from onset at which the patients <em>first
   * seen below that stage</em> first reached it (their first assessment with a stage at or above
   * it), with how many reached it and how many were first seen below it. A patient first seen at or
   * above a stage says nothing about how long reaching it takes, so is left out of it; a patient
   * who skips a stage (2 → 4) reached it on the day of the 4. With Tablesaw: a {@code first_row}
   * column marks each patient's first row of a scale (the row's series differs from its {@code
   * lag}); per target stage s, {@code where(stage >= s)}, its first row per patient and scale,
   * {@code where(first_row == 0)} (a patient first seen at or above s has their very first row
   * there); the reached rows of all stages are appended and {@code summarize(days, median,
   * count).by(scale, target)}; the cohorts are {@code countBy} on the first rows with a stage below
   * s. (No join: Tablesaw's join cost five times as much at 10,000 patients.)
   */
  static List<StageOnset> onsets(Table stages) {
    return onsets(onsetFacts(stages));
  }

  /**
   * Each patient's facts behind the onset medians (see {@link #onsets(Table)}): per scale and
   * target stage, a row when the patient was first seen below it, and one with the days when they
   * first reached it. Facts of disjoint patients concatenate, so a merge's medians are exact.
   */
  static List<OnsetFact> onsetFacts(Table stages) {
    Table t = medianColumns(stages);
    List<OnsetFact> out = new ArrayList<>();
    if (t.isEmpty()) {
      return out;
    }
    // 1 on each patient's first row of a scale: a patient was first seen below s exactly when
    // their first row at or above s is not their first row (which would be at or above s too).
    Selection first = firstRows(t);
    IntColumn firstRow = IntColumn.create(FIRST_ROW, t.rowCount());
    firstRow.setMissingTo(0);
    firstRow.set(first, 1);
    t.addColumns(firstRow);
    Table firsts = t.where(first);
    for (int s = 2; s <= 6; s++) {
      Table atOrAbove = t.where(t.intColumn(STAGE).isGreaterThanOrEqualTo(s));
      Table firstAtOrAbove = atOrAbove.where(firstRows(atOrAbove));
      Table own = firstAtOrAbove.where(firstAtOrAbove.intColumn(FIRST_ROW).isEqualTo(0));
      for (int r = 0; r < own.rowCount(); r++) {
        out.add(
            new OnsetFact(
                BrunnstromScale.valueOf(own.stringColumn(SCALE).get(r)),
                s,
                true,
                own.intColumn(DAYS).getInt(r)));
      }
      Table below = firsts.where(firsts.intColumn(STAGE).isLessThan(s));
      for (int r = 0; r < below.rowCount(); r++) {
        out.add(
            new OnsetFact(BrunnstromScale.valueOf(below.stringColumn(SCALE).get(r)), s, false, 0));
      }
    }
    return out;
  }

  /**
   * The onset medians from the facts of {@link #onsetFacts}: the reached rows {@code
   * summarize(days, median, count).by(scale, target)}, the cohorts {@code countBy(scale, target)}.
   */
  static List<StageOnset> onsets(List<OnsetFact> facts) {
    List<StageOnset> out = new ArrayList<>();
    if (facts.isEmpty()) {
      for (BrunnstromScale sc : BrunnstromScale.values()) {
        for (int st = 2; st <= 6; st++) {
          out.add(new StageOnset(sc, st, OptionalDouble.empty(), 0, 0));
        }
      }
      return out;
    }
    StringColumn reachedScale = StringColumn.create(SCALE);
    IntColumn reachedTarget = IntColumn.create(TARGET);
    IntColumn reachedDays = IntColumn.create(DAYS);
    StringColumn cohortScale = StringColumn.create(SCALE);
    IntColumn cohortTarget = IntColumn.create(TARGET);
    for (OnsetFact f : facts) {
      if (f.reached()) {
        reachedScale.append(f.scale().name());
        reachedTarget.append(f.target());
        reachedDays.append(f.days());
      } else {
        cohortScale.append(f.scale().name());
        cohortTarget.append(f.target());
      }
    }
    Table reached = Table.create("reached", reachedScale, reachedTarget, reachedDays);
    Table cohorts = Table.create("cohorts", cohortScale, cohortTarget);
    Table medians =
        reached
            .summarize(DAYS, AggregateFunctions.median, AggregateFunctions.count)
            .by(SCALE, TARGET);
    Table sizes = cohorts.countBy(SCALE, TARGET);
    for (BrunnstromScale sc : BrunnstromScale.values()) {
      for (int st = 2; st <= 6; st++) {
        long below = Math.round(cell(sizes, sc, st, "Count", 0));
        double n = cell(medians, sc, st, "Count [" + DAYS + "]", 0);
        out.add(
            new StageOnset(
                sc,
                st,
                n > 0
                    ? OptionalDouble.of(cell(medians, sc, st, "Median [" + DAYS + "]", 0))
                    : OptionalDouble.empty(),
                Math.round(n),
                below));
      }
    }
    return out;
  }

  /**
   * Only the columns the medians read, the same column objects in a new table: every {@code where}
   * of the medians copies each column of its table, and patient_id and date were most of that.
   */
  private static Table medianColumns(Table stages) {
    return Table.create(
        "stages",
        stages.column(SERIES),
        stages.column(SCALE),
        stages.column(STAGE),
        stages.column(DAYS));
  }

  /** The first row of each patient and scale of a table in patient, scale and seq order. */
  private static Selection firstRows(Table sorted) {
    if (sorted.isEmpty()) {
      return Selection.with();
    }
    IntColumn series = sorted.intColumn(SERIES);
    return series.isEqualTo(series.lag(1)).flip(0, sorted.rowCount());
  }

  /** The value of {@code column} in the row of {@code scale} and target stage, or {@code none}. */
  private static double cell(
      Table groups, BrunnstromScale scale, int stage, String column, double none) {
    Table g =
        groups.where(
            groups
                .stringColumn(SCALE)
                .isEqualTo(scale.name())
                .and(groups.intColumn(TARGET).isEqualTo(stage)));
    return g.isEmpty() ? none : g.numberColumn(column).getDouble(0);
  }
}
