package org.recoveryreview.generate;

import java.io.IOException;
import java.io.Writer;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Locale;
import java.util.Objects;
import org.apache.commons.csv.CSVPrinter;
import org.jspecify.annotations.Nullable;
import org.recoveryreview.model.FileKind;
import org.recoveryreview.model.Setting;
import org.recoveryreview.model.Status;

/**
 * Writes the monthly sessions files, streaming patient by patient. In messy mode it reproduces what
 * real exports do: each file repeats the previous month's last week, sessions near the end of a
 * month are first exported as booked and later with their outcome, statuses arrive under other
 * systems' names, a few rows are void or still scheduled, and a handful break the contract.
 */
final class SessionFiles {
  static final String[] HEADER = FileKind.SESSIONS.columns().toArray(String[]::new);

  /** Days at the end of a month that the next month's export repeats. */
  static final int OVERLAP_DAYS = 7;

  private static final String[] SETTING_CODES = codes(Setting.values());
  private static final String[] STATUS_CODES = codes(Status.values());

  /** Aliases seen in Jane, Cliniko and FHIR Appointment exports, by Status ordinal. */
  private static final String[][] ALIASES = {
    {"attended", "Arrived", "fulfilled", "Completed", "done"},
    {"left_early", "Partially Completed"},
    {"no_show", "No Show", "DNA", "did_not_arrive"},
    {"Late Cancellation", "late-cancel"},
    {"canceled", "Cancelled", "patient_cancelled"},
    {"cancelled_by_clinic", "Therapist Cancelled"},
    {"booked"},
    {"entered_in_error"}
  };

  private final long seed;
  private final Cohort cohort;
  private final boolean messy;
  private final SessionSimulator simulator;
  private final StringBuilder id = new StringBuilder(32);

  // State of the file being written, read by the row sink; null before the first write().
  private @Nullable CSVPrinter out;
  private @Nullable MonthText text;
  private boolean overlap;
  private int fileIndex;
  private boolean lastFile;
  private long lastWeekStart;
  private long overlapFrom;
  private long rows;

  SessionFiles(long seed, Cohort cohort, boolean messy) {
    this.seed = seed;
    this.cohort = cohort;
    this.messy = messy;
    this.simulator = new SessionSimulator(seed);
  }

  /** Writes one month's file (header included) and returns the number of data rows. */
  long write(Writer writer, YearMonth month, int index, int fileCount) throws IOException {
    fileIndex = index;
    lastFile = index == fileCount - 1;
    lastWeekStart = month.atEndOfMonth().toEpochDay() - (OVERLAP_DAYS - 1);
    rows = 0;
    if (messy && index == 0) {
      writer.write('\uFEFF'); // as Excel saves "CSV UTF-8"
    }
    out = Generator.FORMAT.builder().setHeader(HEADER).get().print(writer);
    MonthText current = new MonthText(month);
    MonthText previous = messy && index > 0 ? new MonthText(month.minusMonths(1)) : null;
    overlapFrom = month.minusMonths(1).atEndOfMonth().toEpochDay() - (OVERLAP_DAYS - 1);
    SimPatient[] patients = cohort.patients;
    int invalidAfter = messy && index == fileCount / 2 ? patients.length / 2 : -1;
    for (SimPatient p : patients) {
      if (previous != null) {
        text = previous;
        overlap = true;
        simulator.simulate(p, month.minusMonths(1), this::overlapRow);
      }
      text = current;
      overlap = false;
      simulator.simulate(p, month, this::row);
      if (p.index == invalidAfter) {
        invalidRows(p, month);
      }
    }
    out.flush();
    return rows;
  }

  private void overlapRow(SessionSimulator.Row r) throws IOException {
    if (r.epochDay >= overlapFrom) {
      row(r);
    }
  }

  private void row(SessionSimulator.Row r) throws IOException {
    SimPatient p = r.patient;
    MonthText text = Objects.requireNonNull(this.text, "write() sets it before simulating");
    id.setLength(0);
    id.append('S').append(p.number).append('-').append(text.compact[r.dayOfMonth]).append('-');
    id.append(r.seq);
    String status = STATUS_CODES[r.status.ordinal()];
    String actual = r.actual < 0 ? "" : SessionSimulator.number(r.actual);
    if (messy) {
      long key = r.key();
      if (!overlap && !lastFile && r.epochDay >= lastWeekStart && chance(key, 0) < 0.15) {
        // Exported before the outcome was known; the next month's export repeats it with one.
        status = "booked";
        actual = "";
      } else if (!overlap
          && lastFile
          && r.epochDay >= cohort.rangeEnd.toEpochDay() - 1
          && chance(key, 0) < 0.3) {
        status = "scheduled";
        actual = "";
      } else if (chance(key, 1) < 0.08) {
        String[] aliases = ALIASES[r.status.ordinal()];
        status = aliases[(int) (chance(key, 2) * aliases.length)];
      }
    }
    print(id, p.id, text.iso[r.dayOfMonth], r, status, actual);
    if (messy && !overlap && chance(r.key(), 3) < 0.002) {
      id.append("-V");
      print(
          id,
          p.id,
          text.iso[r.dayOfMonth],
          r,
          chance(r.key(), 4) < 0.5 ? "void" : "entered_in_error",
          actual);
    }
  }

  private double chance(long key, int purpose) {
    return Rng.uniform(seed, Rng.MESSY, key, fileIndex * 8L + purpose);
  }

  private void print(
      CharSequence sessionId,
      String patientId,
      String date,
      SessionSimulator.Row r,
      String status,
      String actual)
      throws IOException {
    CSVPrinter out = Objects.requireNonNull(this.out, "write() opens it before simulating");
    out.print(sessionId);
    out.print(patientId);
    out.print(date);
    out.print(SETTING_CODES[r.setting.ordinal()]);
    out.print(r.therapy);
    out.print(status);
    out.print(SessionSimulator.number(r.planned));
    out.print(actual);
    out.print(r.therapist);
    out.println();
    rows++;
  }

  /** Five rows that each break one contract rule, for tests and demonstrations of data-issues. */
  private void invalidRows(SimPatient p, YearMonth month) throws IOException {
    String day = month.atDay(15).toString();
    String unknownPatient = String.format(Locale.ROOT, "P%05d", cohort.patients.length + 1);
    invalidRow(p, "BADDATE", p.id, month.getYear() + "-02-30", "completed", "45", "45");
    invalidRow(p, "BADSTATUS", p.id, day, "tentative", "45", "");
    invalidRow(p, "NOPATIENT", unknownPatient, day, "completed", "45", "45");
    invalidRow(p, "NOACTUAL", p.id, day, "partial", "45", "");
    invalidRow(p, "BADMINUTES", p.id, day, "completed", "forty-five", "");
  }

  /**
   * A clinic OT session of {@code p}'s therapist whose id ends in {@code fault}: the other values
   * are the ones a broken row differs in.
   */
  private void invalidRow(
      SimPatient p,
      String fault,
      String patientId,
      String date,
      String status,
      String planned,
      String actual)
      throws IOException {
    String sessionId = "S" + p.number + "-" + fault;
    String ot = Cohort.CLINIC_THERAPIES[0];
    CSVPrinter out = Objects.requireNonNull(this.out, "write() opens it before simulating");
    out.printRecord(sessionId, patientId, date, "clinic", ot, status, planned, actual, p.therapist);
    rows++;
  }

  private static String[] codes(Enum<?>[] values) {
    String[] codes = new String[values.length];
    for (Enum<?> v : values) {
      codes[v.ordinal()] = v.name().toLowerCase(Locale.ROOT);
    }
    return codes;
  }

  /** The month's dates as text, made once per file rather than once per row. */
  private static final class MonthText {
    final String[] iso;
    final String[] compact;

    MonthText(YearMonth month) {
      int days = month.lengthOfMonth();
      iso = new String[days + 1];
      compact = new String[days + 1];
      for (int d = 1; d <= days; d++) {
        LocalDate date = month.atDay(d);
        iso[d] = date.toString();
        compact[d] = iso[d].replace("-", "");
      }
    }
  }
}
