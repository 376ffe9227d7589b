package org.recoveryreview.generate;

import java.io.IOException;
import java.time.YearMonth;
import java.util.SplittableRandom;
import org.recoveryreview.model.Setting;
import org.recoveryreview.model.Status;

/**
 * Simulates one patient's sessions in one month, day by day, into a reused {@link Row}.
 *
 * <p>The month's random stream is derived from (seed, patient, month), and week-level events (a
 * week away, a therapist off sick) from hashes of their keys, so a month comes out the same whether
 * it is simulated for its own file or again for the next file's overlap.
 */
final class SessionSimulator {
  /** Receives each simulated session; the row object is reused, so copy what you keep. */
  interface Sink {
    void accept(Row row) throws IOException;
  }

  /** One session as simulated; {@code actual} is -1 for a blank actual_minutes. */
  // A reused out-parameter: simulate() sets every field before each Sink.accept, and no sink sees
  // the row before that, so there is no value to give its fields at construction.
  @SuppressWarnings("NullAway.Init")
  static final class Row {
    SimPatient patient;
    long epochDay;
    int dayOfMonth;
    int seq;
    Setting setting;
    String therapy;
    Status status;
    int planned;
    int actual;

    /** Empty for home sessions, which the patient does alone. */
    String therapist;

    /** A number unique to this session, for hash-based decisions about it. */
    long key() {
      return ((long) patient.index << 32) ^ (epochDay << 4) ^ seq;
    }
  }

  private static final String[] NUMBERS = new String[721];

  static {
    for (int i = 0; i < NUMBERS.length; i++) {
      NUMBERS[i] = Integer.toString(i);
    }
  }

  /** Chance per therapist and day that clinic sessions are cancelled by the clinic. */
  private static final double THERAPIST_OFF = 0.02;

  private final long seed;
  private final Row row = new Row();

  SessionSimulator(long seed) {
    this.seed = seed;
  }

  /** Decimal text of a small non-negative number without allocating. */
  static String number(int v) {
    return v >= 0 && v < NUMBERS.length ? NUMBERS[v] : Integer.toString(v);
  }

  /** Simulates the patient's sessions in the month, limited to their active days. */
  void simulate(SimPatient p, YearMonth month, Sink sink) throws IOException {
    long first = month.atDay(1).toEpochDay();
    long from = Math.max(first, p.programStartDay);
    long to = Math.min(month.atEndOfMonth().toEpochDay(), p.lastActiveDay);
    if (from > to) {
      return;
    }
    SplittableRandom r =
        Rng.stream(seed, Rng.SESSIONS, p.index, month.getYear() * 12L + month.getMonthValue());
    row.patient = p;
    for (long day = from; day <= to; day++) {
      int dow = Math.floorMod(day + 3, 7); // 1970-01-01 was a Thursday; 0 = Monday
      long week = Math.floorDiv(day + 3, 7);
      boolean away = Rng.uniform(seed, Rng.AWAY, p.index, week) < p.awayWeekRate;
      double months = (day - p.programStartDay) / 30.44;
      boolean dropped = day >= p.dropOffDay;
      boolean stopped = day >= p.stopDay;
      row.epochDay = day;
      row.dayOfMonth = (int) (day - first) + 1;
      row.seq = 0;
      if ((p.clinicDays & (1 << dow)) != 0) {
        double attend = p.clinicAttendance + 0.5 * p.driftPerMonth * months;
        attend = Rng.clamp(dropped ? attend * p.dropClinicFactor : attend, 0.02, 0.99);
        attend = stopped ? 0 : attend;
        clinicVisit(p, r, day, away, attend, sink);
      }
      if ((p.homeDays & (1 << dow)) != 0) {
        double adhere = p.homeAdherence + p.driftPerMonth * months;
        adhere = Rng.clamp(dropped ? adhere * p.dropHomeFactor : adhere, 0.02, 0.99);
        adhere = stopped ? 0 : adhere;
        homeSession(p, r, day, away, adhere, sink);
      }
    }
  }

  private void clinicVisit(
      SimPatient p, SplittableRandom r, long day, boolean away, double attend, Sink sink)
      throws IOException {
    String therapist =
        r.nextDouble() < 0.85
            ? p.therapist
            : p.clinicTherapists[r.nextInt(p.clinicTherapists.length)];
    boolean clinicOff =
        Rng.uniform(seed, Rng.CLINIC_CLOSED, therapist.hashCode() * 31L + p.clinic, day)
            < THERAPIST_OFF;
    // A visit's outcome is decided once; every therapy of the visit shares it.
    Status visit;
    if (clinicOff) {
      visit = Status.CLINIC_CANCELLED;
    } else if (away) {
      visit = Status.CANCELLED;
    } else if (r.nextDouble() < attend) {
      visit = Status.COMPLETED;
    } else {
      double u = r.nextDouble();
      visit = u < 0.4 ? Status.MISSED : (u < 0.65 ? Status.LATE_CANCEL : Status.CANCELLED);
    }
    int n = p.clinicTherapies.length;
    int t = Math.floorMod(day + p.index, n);
    // Intensive programmes add a third therapy to some two-therapy visits.
    double extra = r.nextDouble();
    int therapies =
        extra < p.secondTherapyRate ? (n > 2 && extra < 0.3 * p.secondTherapyRate ? 3 : 2) : 1;
    // Acupuncture and massage need hands on, so a visit that starts with one is never by video.
    boolean tele = p.teleShare > 0 && r.nextDouble() < p.teleShare && remote(p.clinicTherapies[t]);
    for (int k = 0; k < therapies; k++) {
      int which = (t + k) % n;
      String therapy = p.clinicTherapies[which];
      if (tele && !remote(therapy)) {
        continue;
      }
      Status status = visit;
      if (status == Status.COMPLETED && r.nextDouble() < 0.08) {
        status = Status.PARTIAL;
      }
      emit(
          p,
          r,
          tele ? Setting.TELE : Setting.CLINIC,
          therapy,
          status,
          p.clinicMinutes[which],
          therapist,
          sink);
    }
  }

  private static boolean remote(String therapy) {
    return therapy.equals(Cohort.CLINIC_THERAPIES[0])
        || therapy.equals(Cohort.CLINIC_THERAPIES[1])
        || therapy.equals(Cohort.CLINIC_THERAPIES[2]);
  }

  private void homeSession(
      SimPatient p, SplittableRandom r, long day, boolean away, double adhere, Sink sink)
      throws IOException {
    Status status;
    if (!away && r.nextDouble() < adhere) {
      status = r.nextDouble() < 0.15 ? Status.PARTIAL : Status.COMPLETED;
    } else {
      status = r.nextDouble() < 0.05 ? Status.CANCELLED : Status.MISSED;
    }
    String therapy = p.homeTherapies[Math.floorMod(day + p.index, p.homeTherapies.length)];
    emit(p, r, Setting.HOME, therapy, status, p.homeMinutes, "", sink);
  }

  private void emit(
      SimPatient p,
      SplittableRandom r,
      Setting setting,
      String therapy,
      Status status,
      int planned,
      String therapist,
      Sink sink)
      throws IOException {
    row.seq++;
    row.setting = setting;
    row.therapy = therapy;
    row.status = status;
    row.planned = planned;
    row.therapist = therapist;
    row.actual = actualMinutes(p, r, setting, status, planned);
    sink.accept(row);
  }

  private static int actualMinutes(
      SimPatient p, SplittableRandom r, Setting setting, Status status, int planned) {
    switch (status) {
      case COMPLETED -> {
        double u = r.nextDouble();
        if (u < p.blankActualRate) {
          return -1; // blank: the export means "as planned"
        }
        if (u < p.blankActualRate + 0.08) {
          return planned + 1 + r.nextInt(15); // ran over
        }
        return r.nextBoolean() ? planned : planned - r.nextInt(6);
      }
      case PARTIAL -> {
        int a = (int) Math.round(planned * Rng.uniform(r, 0.3, 0.85));
        return Math.min(planned - 1, Math.max(5, a));
      }
      default -> {
        return p.writesZeroForAbsent && setting != Setting.HOME ? 0 : -1;
      }
    }
  }
}
