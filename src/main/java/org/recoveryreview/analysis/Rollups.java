package org.recoveryreview.analysis;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.recoveryreview.model.Adherence;
import org.recoveryreview.model.RollupRow;
import org.recoveryreview.model.RollupRow.Dimension;
import org.recoveryreview.model.Setting;

/**
 * Adherence sums per group and month for the 12 months ending with the period, fed one session at a
 * time with sessions grouped by patient, so that "distinct patients" is a counter bumped when a
 * group-month first sees a new patient. One instance per worker; workers own disjoint patients, so
 * merging is plain addition.
 */
final class Rollups {
  static final int MONTHS = 12;
  // Slots per group-month: the seven Adherence counts, then distinct patients.
  private static final int W = 8;

  final int firstMonth;
  private final List<List<String>> groupNames;
  private final long[][] sums;
  private final int[][] lastPatient;

  Rollups(
      YearMonth periodMonth,
      List<String> clinics,
      List<String> therapists,
      List<String> therapies) {
    this.firstMonth = monthIndex(periodMonth.minusMonths(MONTHS - 1));
    List<String> settings = new ArrayList<>();
    for (Setting s : Setting.values()) {
      settings.add(s.code());
    }
    this.groupNames = List.of(List.of("all"), clinics, therapists, therapies, settings);
    int dims = Dimension.values().length;
    this.sums = new long[dims][];
    this.lastPatient = new int[dims][];
    for (int d = 0; d < dims; d++) {
      int groups = groupNames.get(d).size();
      sums[d] = new long[groups * MONTHS * W];
      lastPatient[d] = new int[groups * MONTHS];
      java.util.Arrays.fill(lastPatient[d], -1);
    }
  }

  static int monthIndex(YearMonth m) {
    return m.getYear() * 12 + m.getMonthValue() - 1;
  }

  /** Adds one counted session; {@code m} is the month offset 0..11 inside the window. */
  void add(
      int patient,
      int m,
      int clinic,
      int therapist,
      int therapy,
      int setting,
      boolean clinicGroup,
      boolean done,
      int planned,
      int actual,
      int capped) {
    addTo(0, 0, patient, m, clinicGroup, done, planned, actual, capped);
    addTo(1, clinic, patient, m, clinicGroup, done, planned, actual, capped);
    addTo(2, therapist, patient, m, clinicGroup, done, planned, actual, capped);
    addTo(3, therapy, patient, m, clinicGroup, done, planned, actual, capped);
    addTo(4, setting, patient, m, clinicGroup, done, planned, actual, capped);
  }

  private void addTo(
      int dim,
      int group,
      int patient,
      int m,
      boolean clinicGroup,
      boolean done,
      int planned,
      int actual,
      int capped) {
    int cell = group * MONTHS + m;
    long[] s = sums[dim];
    int o = cell * W;
    if (clinicGroup) {
      s[o]++;
      if (done) {
        s[o + 1]++;
      }
    } else {
      s[o + 2]++;
      if (done) {
        s[o + 3]++;
      }
    }
    s[o + 4] += planned;
    s[o + 5] += actual;
    s[o + 6] += capped;
    if (lastPatient[dim][cell] != patient) {
      lastPatient[dim][cell] = patient;
      s[o + 7]++;
    }
  }

  void merge(Rollups other) {
    for (int d = 0; d < sums.length; d++) {
      for (int i = 0; i < sums[d].length; i++) {
        sums[d][i] += other.sums[d][i];
      }
    }
  }

  /**
   * Rows per dimension (in enum order), group (alphabetical) and month; a group appears when it had
   * a counted session in any of the 12 months, with zero rows for its empty months so that the
   * series line up; the programme row always appears.
   */
  List<RollupRow> rows() {
    List<RollupRow> out = new ArrayList<>();
    Dimension[] dims = Dimension.values();
    for (int d = 0; d < dims.length; d++) {
      List<String> names = groupNames.get(d);
      Integer[] byName = new Integer[names.size()];
      for (int g = 0; g < byName.length; g++) {
        byName[g] = g;
      }
      java.util.Arrays.sort(byName, (x, y) -> names.get(x).compareTo(names.get(y)));
      for (int g : byName) {
        String name = names.get(g);
        long any = 0;
        for (int m = 0; m < MONTHS; m++) {
          int o = (g * MONTHS + m) * W;
          any += sums[d][o] + sums[d][o + 2];
        }
        if (any == 0 && dims[d] != Dimension.PROGRAM) {
          continue;
        }
        for (int m = 0; m < MONTHS; m++) {
          long[] s = sums[d];
          int o = (g * MONTHS + m) * W;
          Adherence a =
              new Adherence(s[o], s[o + 1], s[o + 2], s[o + 3], s[o + 4], s[o + 5], s[o + 6]);
          int mi = firstMonth + m;
          out.add(new RollupRow(dims[d], name, YearMonth.of(mi / 12, mi % 12 + 1), a, s[o + 7]));
        }
      }
    }
    return out;
  }
}
