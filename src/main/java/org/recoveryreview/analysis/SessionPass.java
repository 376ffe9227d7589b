package org.recoveryreview.analysis;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.recoveryreview.model.Adherence;
import org.recoveryreview.model.Patient;
import org.recoveryreview.model.ReviewPeriod;
import org.recoveryreview.model.Session;
import org.recoveryreview.model.SessionSummary;
import org.recoveryreview.model.Setting;
import org.recoveryreview.model.Status;
import org.recoveryreview.model.TherapyMinutes;
import org.recoveryreview.model.WeekAdherence;

/**
 * The session figures of one patient in one pass over the patient's rows: adherence of the period
 * and the previous month, the weekly series, minutes per therapy and month, the period's session
 * summary, and the roll-up contributions. Measured: Tablesaw's summarize costs microseconds per row
 * (8-13 s to group 4 million sessions by patient, 0.5-2 s for one month), so the per-session work
 * is this primitive pass; Tablesaw works on the small per-patient tables (see ProgramFigures).
 *
 * <p>One instance per worker thread: it owns reusable scratch buffers.
 */
final class SessionPass {
  /** Counts per accumulator: the seven Adherence fields. */
  private static final int W = 7;

  /** 1970-01-05 was a Monday: ISO weeks are floor((epochDay - 4) / 7). */
  private static final int MONDAY_OFFSET = 4;

  private static final Setting[] SETTINGS = Setting.values();
  private static final Status[] STATUSES = Status.values();

  /** What the pass yields for one patient; history lists are empty when not requested. */
  record Result(
      Adherence period,
      Adherence previous,
      boolean sessionInPeriod,
      List<WeekAdherence> weeks,
      List<TherapyMinutes> therapyMinutes,
      List<SessionSummary> periodSessions) {}

  private final SessionGroups groups;
  private final PatientIndex index;
  private final Rollups rollups;
  private final long periodStart;
  private final long periodEnd;
  private final long prevStart;
  private final long prevEnd;
  private final int endMonth;
  private final int endWeek;
  private final int therapyCount;
  private final List<String> therapies;

  private long[] weekBuf = new long[64 * W];
  private long[] monthBuf = new long[64];
  private final long[] summaryBuf;
  private final long[] acc = new long[2 * W];

  SessionPass(SessionGroups groups, PatientIndex index, ReviewPeriod period, Rollups rollups) {
    this.groups = groups;
    this.index = index;
    this.rollups = rollups;
    this.periodStart = period.start().toEpochDay();
    this.periodEnd = period.end().toEpochDay();
    this.prevStart = period.previous().start().toEpochDay();
    this.prevEnd = period.previous().end().toEpochDay();
    this.endMonth = Rollups.monthIndex(period.month());
    this.endWeek = weekOf(periodEnd);
    this.therapies = groups.therapies;
    this.therapyCount = Math.max(1, therapies.size());
    // therapy x setting x status x (sessions, planned, actual)
    this.summaryBuf = new long[therapyCount * SETTINGS.length * STATUSES.length * 3];
  }

  static int weekOf(long epochDay) {
    return (int) Math.floorDiv(epochDay - MONDAY_OFFSET, 7);
  }

  Result run(int p, boolean withHistory) {
    Patient patient = index.patients.get(p);
    List<Session> sessions = groups.sessions;
    int[] order = groups.order;
    short[] therapyOf = groups.therapyOf;
    int[] epochOf = groups.epochOf;
    int from = groups.start[p];
    int to = groups.start[p + 1];
    int clinic = index.clinic[p];
    int therapist = index.therapist[p];

    // First sweep: where the history starts, and whether the period has any session.
    long firstCounted = Long.MAX_VALUE;
    boolean inPeriod = false;
    for (int k = from; k < to; k++) {
      int i = order[k];
      long ep = epochOf[i];
      if (ep > periodEnd) {
        continue;
      }
      if (ep >= periodStart) {
        inPeriod = true;
      }
      if (ep < firstCounted && sessions.get(i).status().countsAsScheduled()) {
        firstCounted = ep;
      }
    }
    boolean history = withHistory || inPeriod;
    long historyStart = firstCounted;
    Optional<LocalDate> programStart = patient.programStart();
    if (programStart.isPresent() && programStart.get().toEpochDay() <= periodEnd) {
      historyStart = Math.min(historyStart, programStart.get().toEpochDay());
    }
    int baseWeek = 0;
    int weeks = 0;
    int baseMonth = 0;
    int months = 0;
    if (history && historyStart != Long.MAX_VALUE) {
      baseWeek = weekOf(historyStart);
      weeks = endWeek - baseWeek + 1;
      weekBuf = ensure(weekBuf, weeks * W);
      Arrays.fill(weekBuf, 0, weeks * W, 0L);
    }
    if (history && firstCounted != Long.MAX_VALUE) {
      LocalDate first = LocalDate.ofEpochDay(firstCounted);
      baseMonth = first.getYear() * 12 + first.getMonthValue() - 1;
      months = endMonth - baseMonth + 1;
      monthBuf = ensure(monthBuf, months * therapyCount * 3);
      Arrays.fill(monthBuf, 0, months * therapyCount * 3, 0L);
    }
    if (history) {
      Arrays.fill(summaryBuf, 0L);
    }
    Arrays.fill(acc, 0L);

    for (int k = from; k < to; k++) {
      int i = order[k];
      long ep = epochOf[i];
      if (ep > periodEnd) {
        continue;
      }
      Session s = sessions.get(i);
      LocalDate d = s.date();
      int t = therapyOf[i];
      Status status = s.status();
      int planned = s.plannedMinutes();
      int actual = s.effectiveActualMinutes();
      if (history && ep >= periodStart) {
        int o =
            ((t * SETTINGS.length + s.setting().ordinal()) * STATUSES.length + status.ordinal())
                * 3;
        summaryBuf[o]++;
        summaryBuf[o + 1] += planned;
        summaryBuf[o + 2] += actual;
      }
      if (!status.countsAsScheduled()) {
        continue;
      }
      boolean clinicGroup = s.setting().isClinicGroup();
      boolean done = status.countsAsDone();
      int capped = Math.min(actual, planned);
      if (ep >= periodStart) {
        addTo(acc, 0, clinicGroup, done, planned, actual, capped);
      } else if (ep >= prevStart && ep <= prevEnd) {
        addTo(acc, W, clinicGroup, done, planned, actual, capped);
      }
      int ym = d.getYear() * 12 + d.getMonthValue() - 1;
      int m = ym - rollups.firstMonth;
      if (m >= 0) {
        rollups.add(
            p,
            m,
            clinic,
            therapist,
            t,
            s.setting().ordinal(),
            clinicGroup,
            done,
            planned,
            actual,
            capped);
      }
      if (history) {
        addTo(weekBuf, (weekOf(ep) - baseWeek) * W, clinicGroup, done, planned, actual, capped);
        int o = ((ym - baseMonth) * therapyCount + t) * 3;
        monthBuf[o]++;
        monthBuf[o + 1] += planned;
        monthBuf[o + 2] += actual;
      }
    }
    Adherence period = adherence(acc, 0);
    Adherence previous = adherence(acc, W);
    if (!history) {
      return new Result(period, previous, false, List.of(), List.of(), List.of());
    }
    return new Result(
        period,
        previous,
        inPeriod,
        weekList(baseWeek, weeks),
        monthList(baseMonth, months),
        summaryList());
  }

  private static void addTo(
      long[] a, int o, boolean clinicGroup, boolean done, int planned, int actual, int capped) {
    if (clinicGroup) {
      a[o]++;
      if (done) {
        a[o + 1]++;
      }
    } else {
      a[o + 2]++;
      if (done) {
        a[o + 3]++;
      }
    }
    a[o + 4] += planned;
    a[o + 5] += actual;
    a[o + 6] += capped;
  }

  private static Adherence adherence(long[] a, int o) {
    if (a[o] == 0 && a[o + 2] == 0) {
      return Adherence.NONE;
    }
    return new Adherence(a[o], a[o + 1], a[o + 2], a[o + 3], a[o + 4], a[o + 5], a[o + 6]);
  }

  private List<WeekAdherence> weekList(int baseWeek, int weeks) {
    List<WeekAdherence> out = new ArrayList<>(weeks);
    for (int w = 0; w < weeks; w++) {
      Adherence a = adherence(weekBuf, w * W);
      out.add(a == Adherence.NONE ? emptyWeek(baseWeek + w) : week(baseWeek + w, a));
    }
    return out;
  }

  // Most patients share the same calendar weeks: keep each week's empty row (and so its dates)
  // once per worker instead of once per patient.
  private final java.util.HashMap<Integer, WeekAdherence> emptyWeeks = new java.util.HashMap<>();

  private WeekAdherence emptyWeek(int week) {
    return emptyWeeks.computeIfAbsent(week, w -> week(w, Adherence.NONE));
  }

  private WeekAdherence week(int week, Adherence a) {
    WeekAdherence empty = emptyWeeks.get(week);
    if (empty != null) {
      return new WeekAdherence(empty.weekStart(), empty.isoYear(), empty.isoWeek(), a);
    }
    LocalDate weekStart = LocalDate.ofEpochDay((long) week * 7 + MONDAY_OFFSET);
    // The ISO week-based year is the year of the week's Thursday, and the week number counts
    // Thursdays of that year: the same as IsoFields.WEEK_BASED_YEAR / WEEK_OF_WEEK_BASED_YEAR
    // (pinned by a test) without their per-call field resolution.
    LocalDate thursday = weekStart.plusDays(3);
    int isoYear = thursday.getYear();
    int isoWeek = (thursday.getDayOfYear() - 1) / 7 + 1;
    WeekAdherence row = new WeekAdherence(weekStart, isoYear, isoWeek, a);
    if (a == Adherence.NONE) {
      return row;
    }
    emptyWeeks.put(week, new WeekAdherence(weekStart, isoYear, isoWeek, Adherence.NONE));
    return row;
  }

  private List<TherapyMinutes> monthList(int baseMonth, int months) {
    List<TherapyMinutes> out = new ArrayList<>();
    Integer[] byName = therapiesByName();
    for (int m = 0; m < months; m++) {
      int ym = baseMonth + m;
      java.time.YearMonth month = null;
      for (int t : byName) {
        int o = (m * therapyCount + t) * 3;
        if (monthBuf[o] > 0) {
          if (month == null) {
            month = java.time.YearMonth.of(ym / 12, ym % 12 + 1);
          }
          out.add(new TherapyMinutes(month, therapies.get(t), monthBuf[o + 1], monthBuf[o + 2]));
        }
      }
    }
    return out;
  }

  private List<SessionSummary> summaryList() {
    List<SessionSummary> out = new ArrayList<>();
    for (int t : therapiesByName()) {
      for (int st = 0; st < SETTINGS.length; st++) {
        for (int u = 0; u < STATUSES.length; u++) {
          int o = ((t * SETTINGS.length + st) * STATUSES.length + u) * 3;
          if (summaryBuf[o] > 0) {
            out.add(
                new SessionSummary(
                    therapies.get(t),
                    SETTINGS[st],
                    STATUSES[u],
                    summaryBuf[o],
                    summaryBuf[o + 1],
                    summaryBuf[o + 2]));
          }
        }
      }
    }
    return out;
  }

  private Integer[] sortedTherapies;

  private Integer[] therapiesByName() {
    if (sortedTherapies == null) {
      Integer[] idx = new Integer[therapies.size()];
      for (int i = 0; i < idx.length; i++) {
        idx[i] = i;
      }
      Arrays.sort(idx, (x, y) -> therapies.get(x).compareTo(therapies.get(y)));
      sortedTherapies = idx;
    }
    return sortedTherapies;
  }

  private static long[] ensure(long[] buf, int size) {
    return buf.length >= size ? buf : new long[Math.max(size, buf.length * 2)];
  }
}
