package org.recoveryreview.analysis;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.recoveryreview.model.Adherence;
import org.recoveryreview.model.FactCell;
import org.recoveryreview.model.MonthWindow;
import org.recoveryreview.model.RollupRow;
import org.recoveryreview.model.RollupRow.Dimension;
import tech.tablesaw.aggregate.AggregateFunctions;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The adherence aggregates over the adherence fact tables, with Tablesaw {@code where} and {@code
 * summarize(counts, sum).by(...)}: each patient's period and previous-month counts, and the
 * roll-ups by programme, clinic, therapist, therapy and setting over the 12 months ending with the
 * period (the programme rows are the 12-month trend).
 */
final class Aggregates {
  /** Months in the roll-up window, ending with the period's month. */
  static final int MONTHS = 12;

  private Aggregates() {}

  /**
   * The {@link #MONTHS} calendar months ending with {@code period}, oldest first, with their
   * labels: the one window the roll-ups, the trend chart and its patient-count table share.
   */
  static MonthWindow trendWindow(YearMonth period) {
    return MonthWindow.ending(period, MONTHS);
  }

  /** The group column of each dimension; the programme has none. */
  static @Nullable String column(Dimension d) {
    return switch (d) {
      case PROGRAM -> null;
      case CLINIC -> PatientMonth.CLINIC;
      case THERAPIST -> PatientMonth.THERAPIST;
      case THERAPY -> PatientMonth.THERAPY;
      case SETTING -> PatientMonth.SETTING;
    };
  }

  /**
   * The adherence of every patient in {@code month}, indexed by patient index ({@link
   * Adherence#NONE} for a patient without a counted session then): {@code patient_month} has one
   * row per patient and month, so this is a {@code where} on the month, and no group-by (which
   * would cost Tablesaw a column copy per patient).
   */
  static Adherence[] perPatient(Table patientMonth, YearMonth month, PatientIndex index) {
    Adherence[] out = new Adherence[index.size()];
    Arrays.fill(out, Adherence.NONE);
    Table rows =
        patientMonth.where(
            patientMonth.stringColumn(PatientMonth.MONTH).isEqualTo(PatientMonth.label(month)));
    IntColumn patient = rows.intColumn(PatientMonth.PATIENT);
    List<LongColumn> counts = new ArrayList<>();
    for (String c : PatientMonth.COUNTS) {
      counts.add(rows.longColumn(c));
    }
    long[] v = new long[Counts.W];
    for (int r = 0; r < rows.rowCount(); r++) {
      for (int k = 0; k < Counts.W; k++) {
        v[k] = counts.get(k).getLong(r);
      }
      out[patient.getInt(r)] = Counts.adherence(v, 0);
    }
    return out;
  }

  /**
   * Rows per dimension (in enum order), group (alphabetical) and month: programme, clinic and
   * therapist from {@code patient_month}, therapy and setting from {@code patient_month_therapy}; a
   * group appears when it had a counted session in any of the 12 months, with zero rows for its
   * empty months so that the series line up; the programme row always appears.
   *
   * <p>Tablesaw's group-by costs per row of its input, so each fact table is grouped once, into
   * cells (clinic × therapist × month, therapy × setting × month), and every dimension sums those
   * cells: a patient has one clinic and one therapist, and the therapy table's patient columns mark
   * one row per patient, month and therapy (or setting), so the cells' patient counts add up to
   * distinct patients.
   */
  static List<RollupRow> rollups(Table patientMonth, Table patientMonthTherapy, YearMonth period) {
    return rollups(peopleCells(patientMonth), careCells(patientMonthTherapy), period);
  }

  /**
   * What one kind of cell is keyed by besides the month, and which patient-count columns it sums.
   */
  private record CellKey(String a, String b, List<String> patientColumns) {}

  private static final CellKey PEOPLE =
      new CellKey(PatientMonth.CLINIC, PatientMonth.THERAPIST, List.of(PatientMonth.PATIENTS));
  private static final CellKey CARE =
      new CellKey(
          PatientMonth.THERAPY,
          PatientMonth.SETTING,
          List.of(PatientMonth.PATIENTS_THERAPY, PatientMonth.PATIENTS_SETTING));

  /** The clinic × therapist × month cells of {@code patient_month}, for {@link #rollups}. */
  static List<FactCell> peopleCells(Table patientMonth) {
    return cellList(cells(patientMonth, PEOPLE), PEOPLE);
  }

  /** The therapy × setting × month cells of {@code patient_month_therapy}. */
  static List<FactCell> careCells(Table patientMonthTherapy) {
    return cellList(cells(patientMonthTherapy, CARE), CARE);
  }

  /**
   * The roll-ups from cells (those of one run, or the concatenated cells of a merge's shards, which
   * are summed again per key first: patients of different shards share clinics and months).
   */
  static List<RollupRow> rollups(
      List<FactCell> peopleCells, List<FactCell> careCells, YearMonth period) {
    YearMonth first = trendWindow(period).months().get(0);
    Table people = cells(cellTable(peopleCells, PEOPLE), PEOPLE);
    Table care = cells(cellTable(careCells, CARE), CARE);
    List<RollupRow> out = new ArrayList<>();
    for (Dimension d : Dimension.values()) {
      out.addAll(
          switch (d) {
            case PROGRAM, CLINIC, THERAPIST -> rollup(people, d, PatientMonth.PATIENTS, first);
            case THERAPY -> rollup(care, d, PatientMonth.PATIENTS_THERAPY, first);
            case SETTING -> rollup(care, d, PatientMonth.PATIENTS_SETTING, first);
          });
    }
    return out;
  }

  private static List<FactCell> cellList(Table cells, CellKey key) {
    List<String> patientColumns = key.patientColumns();
    List<FactCell> out = new ArrayList<>(cells.rowCount());
    for (int r = 0; r < cells.rowCount(); r++) {
      long[] counts = new long[PatientMonth.COUNTS.size()];
      for (int k = 0; k < counts.length; k++) {
        counts[k] = Math.round(cells.numberColumn(PatientMonth.COUNTS.get(k)).getDouble(r));
      }
      long[] patients = new long[patientColumns.size()];
      for (int k = 0; k < patients.length; k++) {
        patients[k] = Math.round(cells.numberColumn(patientColumns.get(k)).getDouble(r));
      }
      out.add(
          new FactCell(
              cells.stringColumn(key.a()).get(r),
              cells.stringColumn(key.b()).get(r),
              cells.stringColumn(PatientMonth.MONTH).get(r),
              counts,
              patients));
    }
    return out;
  }

  private static Table cellTable(List<FactCell> cells, CellKey key) {
    StringColumn first = StringColumn.create(key.a());
    StringColumn second = StringColumn.create(key.b());
    StringColumn month = StringColumn.create(PatientMonth.MONTH);
    List<LongColumn> counts = new ArrayList<>();
    PatientMonth.COUNTS.forEach(c -> counts.add(LongColumn.create(c)));
    List<LongColumn> patients = new ArrayList<>();
    key.patientColumns().forEach(c -> patients.add(LongColumn.create(c)));
    for (FactCell c : cells) {
      first.append(c.first());
      second.append(c.second());
      month.append(c.month());
      long[] v = c.counts();
      for (int k = 0; k < v.length; k++) {
        counts.get(k).append(v[k]);
      }
      long[] p = c.patients();
      for (int k = 0; k < p.length; k++) {
        patients.get(k).append(p[k]);
      }
    }
    Table t = Table.create("cells", first, second, month);
    counts.forEach(t::addColumns);
    patients.forEach(t::addColumns);
    return t;
  }

  /**
   * {@code summarize(counts and the key's patient columns, sum).by(a, b, month)} over a fact table,
   * with the sums named like the fact table's columns, so that a dimension sums the cells as it
   * would the facts; an empty table is returned as it is.
   */
  private static Table cells(Table facts, CellKey key) {
    if (facts.isEmpty()) {
      return facts;
    }
    List<String> columns = new ArrayList<>(PatientMonth.COUNTS);
    columns.addAll(key.patientColumns());
    Table cells =
        facts.summarize(columns, AggregateFunctions.sum).by(key.a(), key.b(), PatientMonth.MONTH);
    for (String c : columns) {
      cells.column(PatientMonth.sum(c)).setName(c);
    }
    return cells;
  }

  /**
   * One row per group of {@code d} and month of the window: the calendar (every group × every
   * month) left-joined with the group's monthly sums, so a month without a counted session is a row
   * of {@link Adherence#NONE} and the series of every group line up.
   */
  private static List<RollupRow> rollup(
      Table cells, Dimension d, String patientColumn, YearMonth first) {
    List<RollupRow> out = new ArrayList<>();
    if (cells.isEmpty()) {
      if (d == Dimension.PROGRAM) {
        for (int m = 0; m < MONTHS; m++) {
          out.add(new RollupRow(d, "all", first.plusMonths(m), Adherence.NONE, 0));
        }
      }
      return out;
    }
    Table sums = groupSums(cells, d, patientColumn);
    if (column(d) == null) {
      sums.addColumns(StringColumn.create(GROUP, Collections.nCopies(sums.rowCount(), "all")));
    } else {
      sums.column(column(d)).setName(GROUP);
    }
    Table rows =
        calendar(sums.stringColumn(GROUP).unique(), first)
            .joinOn(GROUP, PatientMonth.MONTH)
            .leftOuter(sums)
            .sortOn(GROUP, PatientMonth.MONTH);
    NumericColumn<?> patients = rows.numberColumn(patientColumn);
    int matched = 0;
    for (int r = 0; r < rows.rowCount(); r++) {
      String name = rows.stringColumn(GROUP).get(r);
      YearMonth month = YearMonth.parse(rows.stringColumn(PatientMonth.MONTH).get(r));
      if (patients.isMissing(r)) {
        out.add(new RollupRow(d, name, month, Adherence.NONE, 0));
      } else {
        out.add(
            new RollupRow(d, name, month, adherence(rows, r), Math.round(patients.getDouble(r))));
        matched++;
      }
    }
    if (matched != sums.rowCount()) {
      // Only a fact table with a month outside the window gets here (SessionPass writes none).
      throw new IllegalStateException(
          (sums.rowCount() - matched) + " fact rows outside the roll-up window from " + first);
    }
    return out;
  }

  /** The group column of a dimension's sums, whatever the dimension, for the calendar join. */
  private static final String GROUP = "group";

  /** Every group × every month of the window, as the left side of the calendar join. */
  private static Table calendar(StringColumn groups, YearMonth first) {
    StringColumn group = StringColumn.create(GROUP);
    StringColumn month = StringColumn.create(PatientMonth.MONTH);
    for (String g : groups) {
      for (int m = 0; m < MONTHS; m++) {
        group.append(g);
        month.append(PatientMonth.label(first.plusMonths(m)));
      }
    }
    return Table.create("calendar", group, month);
  }

  /**
   * The cells summed per group of {@code d} and month, sorted by group and month, with the sums
   * named like the facts' columns.
   */
  private static Table groupSums(Table cells, Dimension d, String patientColumn) {
    String group = column(d);
    if (d == Dimension.THERAPIST && oneClinicPerTherapist(cells)) {
      // Each therapist's cells are then its groups already: summing them again would cost
      // Tablesaw a copy of every column per therapist and month for the same figures.
      return cells.sortOn(group, PatientMonth.MONTH);
    }
    List<String> columns = new ArrayList<>(PatientMonth.COUNTS);
    columns.add(patientColumn);
    Table sums =
        group == null
            ? cells.summarize(columns, AggregateFunctions.sum).by(PatientMonth.MONTH)
            : cells.summarize(columns, AggregateFunctions.sum).by(group, PatientMonth.MONTH);
    for (String c : columns) {
      sums.column(PatientMonth.sum(c)).setName(c);
    }
    return group == null ? sums.sortOn(PatientMonth.MONTH) : sums.sortOn(group, PatientMonth.MONTH);
  }

  /** Whether every therapist of the clinic × therapist × month cells works at one clinic. */
  private static boolean oneClinicPerTherapist(Table cells) {
    StringColumn therapist = cells.stringColumn(PatientMonth.THERAPIST);
    StringColumn clinic = cells.stringColumn(PatientMonth.CLINIC);
    Map<String, String> clinicOf = new HashMap<>();
    for (int r = 0; r < cells.rowCount(); r++) {
      String c = clinicOf.putIfAbsent(therapist.get(r), clinic.get(r));
      if (c != null && !c.equals(clinic.get(r))) {
        return false;
      }
    }
    return true;
  }

  /** The summed counts of a row of cells or of their sums (columns named like the facts'). */
  private static Adherence adherence(Table sums, int row) {
    long[] v = new long[Counts.W];
    for (int k = 0; k < Counts.W; k++) {
      v[k] = Math.round(sums.numberColumn(PatientMonth.COUNTS.get(k)).getDouble(row));
    }
    return Counts.adherence(v, 0);
  }
}
