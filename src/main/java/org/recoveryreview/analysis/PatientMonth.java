package org.recoveryreview.analysis;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.recoveryreview.model.Adherence;
import org.recoveryreview.model.AdherenceCount;
import org.recoveryreview.model.Setting;
import tech.tablesaw.aggregate.AggregateFunctions;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The {@code patient_month} fact table: one row per patient and calendar month of the 12-month
 * roll-up window ending with the period ({@link Aggregates#trendWindow}) that had a counted
 * session, with the patient's clinic and therapist, and the seven adherence counts summed over
 * those sessions; {@code patient_month_therapy} splits the same rows by therapy and setting. Every
 * adherence figure of a patient or a group (period, previous month, roll-ups, trend) is a Tablesaw
 * sum over its rows; the rates are then {@link Adherence}'s, computed from the summed counts.
 */
final class PatientMonth {
  static final String PATIENT_ID = "patient_id";

  /** The patient's index (patient_id order), which the per-patient lookup reads. */
  static final String PATIENT = "patient";

  static final String CLINIC = "clinic";
  static final String THERAPIST = "therapist";
  static final String MONTH = "month";
  static final String THERAPY = "therapy";
  static final String SETTING = "setting";

  /** The count columns, in {@link AdherenceCount} slot order. */
  static final List<String> COUNTS =
      AdherenceCount.all().stream().map(AdherenceCount::column).toList();

  /**
   * {@code patient_month}: 1 on every row (one row per patient and month), so its sum over rows of
   * one month is their distinct patients.
   */
  static final String PATIENTS = "patients";

  /**
   * {@code patient_month_therapy}: 1 on the patient's first row of its month and therapy, so its
   * sum over rows of one month is the distinct patients of their therapies (a patient can have a
   * therapy in two settings).
   */
  static final String PATIENTS_THERAPY = "patients_therapy";

  /** {@code patient_month_therapy}: 1 on the patient's first row of its month and setting. */
  static final String PATIENTS_SETTING = "patients_setting";

  private static final Setting[] SETTINGS = Setting.values();

  private PatientMonth() {}

  /** The name of a summed count column in a summarize result. */
  static String sum(String count) {
    return AggregateFunctions.sum.functionName() + " [" + count + "]";
  }

  /** Summed counts of a summarize result's row as adherence. */
  static Adherence adherence(Table summed, int row) {
    long[] v = new long[Counts.W];
    for (int k = 0; k < Counts.W; k++) {
      v[k] = Math.round(summed.numberColumn(sum(COUNTS.get(k))).getDouble(row));
    }
    return Counts.adherence(v, 0);
  }

  /** The month's label in the {@code month} column; sorts chronologically as text. */
  static String label(YearMonth month) {
    return month.toString();
  }

  /**
   * Rows one worker appends during the session pass, as dense codes; {@link #table} turns every
   * worker's rows into the one Table, in worker (so patient) order.
   */
  static final class Rows {
    private int size;
    private int[] patient = new int[1024];
    private int[] month = new int[1024];
    private int[] therapy = new int[1024];
    private int[] setting = new int[1024];
    private byte[] firstOfTherapy = new byte[1024];
    private byte[] firstOfSetting = new byte[1024];
    private long[] counts = new long[1024 * Counts.W];

    /**
     * Adds the cell at {@code o} of {@code cells} when it counted any session, and says whether it
     * did; the two flags mark the patient's first row of the month and therapy, and of the month
     * and setting.
     */
    boolean add(
        int p,
        int monthIndex,
        int t,
        int s,
        long[] cells,
        int o,
        boolean newTherapy,
        boolean newSetting) {
      if (Counts.sessions(cells, o) == 0) {
        return false;
      }
      if (size == patient.length) {
        int n = size * 2;
        patient = Arrays.copyOf(patient, n);
        month = Arrays.copyOf(month, n);
        therapy = Arrays.copyOf(therapy, n);
        setting = Arrays.copyOf(setting, n);
        firstOfTherapy = Arrays.copyOf(firstOfTherapy, n);
        firstOfSetting = Arrays.copyOf(firstOfSetting, n);
        counts = Arrays.copyOf(counts, n * Counts.W);
      }
      patient[size] = p;
      month[size] = monthIndex;
      therapy[size] = t;
      setting[size] = s;
      firstOfTherapy[size] = (byte) (newTherapy ? 1 : 0);
      firstOfSetting[size] = (byte) (newSetting ? 1 : 0);
      System.arraycopy(cells, o, counts, size * Counts.W, Counts.W);
      size++;
      return true;
    }
  }

  /** The {@code patient_month} table from every worker's rows (therapy and setting unused). */
  static Table patientMonth(List<Rows> parts, PatientIndex index) {
    return table("patient_month", parts, index, null);
  }

  /** The {@code patient_month_therapy} table; {@code therapies} names the therapy codes. */
  static Table patientMonthTherapy(List<Rows> parts, PatientIndex index, List<String> therapies) {
    return table("patient_month_therapy", parts, index, therapies);
  }

  private static Table table(
      String name, List<Rows> parts, PatientIndex index, @Nullable List<String> therapies) {
    int n = parts.stream().mapToInt(r -> r.size).sum();
    int[] patient = new int[n];
    int[] newTherapy = new int[n];
    int[] newSetting = new int[n];
    StringColumn id = StringColumn.create(PATIENT_ID);
    StringColumn clinic = StringColumn.create(CLINIC);
    StringColumn therapist = StringColumn.create(THERAPIST);
    StringColumn month = StringColumn.create(MONTH);
    StringColumn therapy = StringColumn.create(THERAPY);
    StringColumn setting = StringColumn.create(SETTING);
    List<long[]> counts = new ArrayList<>();
    for (int k = 0; k < Counts.W; k++) {
      counts.add(new long[n]);
    }
    Map<Integer, String> months = new HashMap<>();
    int row = 0;
    for (Rows r : parts) {
      for (int i = 0; i < r.size; i++, row++) {
        int p = r.patient[i];
        patient[row] = p;
        newTherapy[row] = r.firstOfTherapy[i];
        newSetting[row] = r.firstOfSetting[i];
        month.append(
            months.computeIfAbsent(r.month[i], m -> label(YearMonth.of(m / 12, m % 12 + 1))));
        if (therapies == null) {
          id.append(index.patients.get(p).patientId());
          clinic.append(index.clinics.get(index.clinic[p]));
          therapist.append(index.therapists.get(index.therapist[p]));
        } else {
          therapy.append(therapies.get(r.therapy[i]));
          setting.append(SETTINGS[r.setting[i]].code());
        }
        for (int k = 0; k < Counts.W; k++) {
          counts.get(k)[row] = r.counts[i * Counts.W + k];
        }
      }
    }
    IntColumn patients = IntColumn.create(PATIENT, patient);
    // The therapy grain (five times the rows) leaves the id out: a string column costs Tablesaw a
    // dictionary lookup per row to build, and the patient column identifies the row.
    Table t =
        therapies == null
            ? Table.create(name, patients, id, clinic, therapist, month)
            : Table.create(name, patients, month, therapy, setting);
    for (int k = 0; k < Counts.W; k++) {
      t.addColumns(LongColumn.create(COUNTS.get(k), counts.get(k)));
    }
    if (therapies == null) {
      t.addColumns(IntColumn.create(PATIENTS, newTherapy));
    } else {
      t.addColumns(
          IntColumn.create(PATIENTS_THERAPY, newTherapy),
          IntColumn.create(PATIENTS_SETTING, newSetting));
    }
    return t;
  }
}
