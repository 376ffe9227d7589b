package org.recoveryreview.analysis;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.recoveryreview.model.Adherence;
import org.recoveryreview.model.IsoWeek;
import org.recoveryreview.model.Patient;
import org.recoveryreview.model.ReviewPeriod;
import org.recoveryreview.model.Session;
import org.recoveryreview.model.SessionSummary;
import org.recoveryreview.model.Setting;
import org.recoveryreview.model.Status;
import org.recoveryreview.model.TherapyMinutes;
import org.recoveryreview.model.WeekAdherence;

/**
 * The per-session primitive pass: one sweep over a patient's session rows (millions in all, too
 * many for Tablesaw's per-row costs) that appends the patient's rows of the {@code patient_month}
 * fact table and, for a patient in review, builds the chart series (weekly adherence, minutes per
 * therapy and month) and the period's session summary. Every adherence figure is then a Tablesaw
 * aggregate over the fact table (see {@link Aggregates}).
 *
 * <p>One instance per worker thread: it owns reusable scratch buffers.
 */
final class SessionPass {
  private static final Setting[] SETTINGS = Setting.values();
  private static final Status[] STATUSES = Status.values();

  /** What the pass yields for one patient; history lists are empty when not requested. */
  record Result(
      boolean sessionInPeriod,
      List<WeekAdherence> weeks,
      List<TherapyMinutes> therapyMinutes,
      List<SessionSummary> periodSessions) {}

  private final SessionGroups groups;
  private final PatientIndex index;
  private final PatientMonth.Rows months;
  private final PatientMonth.Rows details;
  private final long periodStart;
  private final long periodEnd;
  private final int endMonth;
  private final int endWeek;
  private final int therapyCount;
  private final List<String> therapies;

  private long[] weekBuf = new long[64 * Counts.W];

  /** month x therapy x setting cells of the patient_month rows. */
  private long[] monthBuf = new long[64 * Counts.W];

  private final long[] summaryBuf;

  /** month x therapy: planned minutes of completed sessions without a recorded duration. */
  private long[] assumedBuf = new long[64];

  /** Appends patient_month rows to {@code months} and patient_month_therapy rows to the other. */
  SessionPass(
      SessionGroups groups,
      PatientIndex index,
      ReviewPeriod period,
      PatientMonth.Rows months,
      PatientMonth.Rows details) {
    this.groups = groups;
    this.index = index;
    this.months = months;
    this.details = details;
    this.periodStart = period.start().toEpochDay();
    this.periodEnd = period.end().toEpochDay();
    this.endMonth = monthIndex(period.month());
    this.endWeek = weekOf(periodEnd);
    this.therapies = groups.therapies;
    this.therapyCount = Math.max(1, therapies.size());
    // therapy x setting x status x (sessions, planned, actual, assumed sessions, assumed minutes)
    this.summaryBuf = new long[therapyCount * SETTINGS.length * STATUSES.length * SUMMARY_W];
  }

  /** Slots per therapy, setting and status in the period summary buffer. */
  private static final int SUMMARY_W = 5;

  static int weekOf(long epochDay) {
    return IsoWeek.index(epochDay);
  }

  static int monthIndex(YearMonth m) {
    return m.getYear() * 12 + m.getMonthValue() - 1;
  }

  private int cell(int month, int therapy, int setting) {
    return ((month * therapyCount + therapy) * SETTINGS.length + setting) * Counts.W;
  }

  Result run(int p, boolean withHistory) {
    Patient patient = index.patients.get(p);
    List<Session> sessions = groups.sessions;
    int[] order = groups.order;
    int[] epochOf = groups.epochOf;
    int from = groups.start[p];
    int to = groups.start[p + 1];

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
    long historyStart = historyStart(patient, firstCounted);
    int baseWeek = 0;
    int weeks = 0;
    int baseMonth = 0;
    int months = 0;
    if (history && historyStart != Long.MAX_VALUE) {
      baseWeek = weekOf(historyStart);
      weeks = endWeek - baseWeek + 1;
      clearWeeks(weeks);
    }
    if (firstCounted != Long.MAX_VALUE) {
      LocalDate first = LocalDate.ofEpochDay(firstCounted);
      baseMonth = first.getYear() * 12 + first.getMonthValue() - 1;
      months = endMonth - baseMonth + 1;
      clearMonths(months);
    }
    if (history) {
      Arrays.fill(summaryBuf, 0L);
    }
    count(from, to, history, baseWeek, baseMonth);
    emitFacts(p, baseMonth, months);
    if (!history) {
      return new Result(false, List.of(), List.of(), List.of());
    }
    return new Result(
        inPeriod, weekList(baseWeek, weeks), monthList(baseMonth, months), summaryList());
  }

  /** The first counted session or, when earlier and not after the period, the programme start. */
  private long historyStart(Patient patient, long firstCounted) {
    long historyStart = firstCounted;
    Optional<LocalDate> programStart = patient.programStart();
    if (programStart.isPresent() && programStart.get().toEpochDay() <= periodEnd) {
      historyStart = Math.min(historyStart, programStart.get().toEpochDay());
    }
    return historyStart;
  }

  private void clearWeeks(int weeks) {
    weekBuf = ensure(weekBuf, weeks * Counts.W);
    Arrays.fill(weekBuf, 0, weeks * Counts.W, 0L);
  }

  private void clearMonths(int months) {
    monthBuf = ensure(monthBuf, cell(months, 0, 0));
    Arrays.fill(monthBuf, 0, cell(months, 0, 0), 0L);
    assumedBuf = ensure(assumedBuf, months * therapyCount);
    Arrays.fill(assumedBuf, 0, months * therapyCount, 0L);
  }

  /**
   * Second sweep: adds each of the patient's sessions up to the period end to the month buffers,
   * and with {@code history} to the week buffer and (those in the period) the period summary.
   */
  private void count(int from, int to, boolean history, int baseWeek, int baseMonth) {
    List<Session> sessions = groups.sessions;
    int[] order = groups.order;
    short[] therapyOf = groups.therapyOf;
    int[] epochOf = groups.epochOf;
    for (int k = from; k < to; k++) {
      int i = order[k];
      long ep = epochOf[i];
      if (ep > periodEnd) {
        continue;
      }
      Session s = sessions.get(i);
      int t = therapyOf[i];
      Status status = s.status();
      int setting = s.setting().ordinal();
      int planned = s.plannedMinutes();
      int actual = s.effectiveActualMinutes();
      if (history && ep >= periodStart) {
        addToSummary(s, t, setting, planned, actual);
      }
      if (!status.countsAsScheduled()) {
        continue;
      }
      boolean clinicGroup = s.setting().isClinicGroup();
      boolean done = status.countsAsDone();
      LocalDate d = s.date();
      int ym = d.getYear() * 12 + d.getMonthValue() - 1;
      Counts.add(monthBuf, cell(ym - baseMonth, t, setting), clinicGroup, done, planned, actual);
      if (status == Status.COMPLETED && s.actualMinutes().isEmpty()) {
        assumedBuf[(ym - baseMonth) * therapyCount + t] += planned;
      }
      if (history) {
        Counts.add(weekBuf, (weekOf(ep) - baseWeek) * Counts.W, clinicGroup, done, planned, actual);
      }
    }
  }

  private void addToSummary(Session s, int t, int setting, int planned, int actual) {
    Status status = s.status();
    int o = ((t * SETTINGS.length + setting) * STATUSES.length + status.ordinal()) * SUMMARY_W;
    summaryBuf[o]++;
    summaryBuf[o + 1] += planned;
    summaryBuf[o + 2] += actual;
    if (status == Status.COMPLETED && s.actualMinutes().isEmpty()) {
      summaryBuf[o + 3]++;
      summaryBuf[o + 4] += planned;
    }
  }

  private List<WeekAdherence> weekList(int baseWeek, int weeks) {
    List<WeekAdherence> out = new ArrayList<>(weeks);
    for (int w = 0; w < weeks; w++) {
      Adherence a = Counts.adherence(weekBuf, w * Counts.W);
      out.add(a == Adherence.NONE ? emptyWeek(baseWeek + w) : week(baseWeek + w, a));
    }
    return out;
  }

  // Most patients share the same calendar weeks: keep each week's empty row (and so its dates)
  // once per worker instead of once per patient.
  private final HashMap<Integer, WeekAdherence> emptyWeeks = new HashMap<>();

  private WeekAdherence emptyWeek(int week) {
    return emptyWeeks.computeIfAbsent(week, w -> week(w, Adherence.NONE));
  }

  private WeekAdherence week(int week, Adherence a) {
    WeekAdherence empty = emptyWeeks.get(week);
    if (empty != null) {
      return empty.with(a);
    }
    LocalDate weekStart = IsoWeek.monday(week);
    WeekAdherence row = WeekAdherence.of(weekStart, a);
    if (a == Adherence.NONE) {
      return row;
    }
    emptyWeeks.put(week, row.with(Adherence.NONE));
    return row;
  }

  private final long[] total = new long[Counts.W];
  private final boolean[] settingSeen = new boolean[SETTINGS.length];

  /**
   * The patient's rows of both fact tables, in month, therapy (by name) and setting order, for the
   * months of the roll-up window only: no figure reads an older month, and leaving them out spares
   * the roll-ups a {@code where} over every row.
   */
  private void emitFacts(int p, int baseMonth, int monthCount) {
    int firstInWindow = endMonth - (Aggregates.MONTHS - 1);
    for (int m = Math.max(0, firstInWindow - baseMonth); m < monthCount; m++) {
      Arrays.fill(total, 0L);
      Arrays.fill(settingSeen, false);
      for (int t : therapiesByName()) {
        boolean therapySeen = false;
        for (int st = 0; st < SETTINGS.length; st++) {
          int o = cell(m, t, st);
          if (details.add(p, baseMonth + m, t, st, monthBuf, o, !therapySeen, !settingSeen[st])) {
            therapySeen = true;
            settingSeen[st] = true;
          }
          for (int k = 0; k < Counts.W; k++) {
            total[k] += monthBuf[o + k];
          }
        }
      }
      months.add(p, baseMonth + m, 0, 0, total, 0, true, true);
    }
  }

  /** Planned and actual minutes per month and therapy (all settings), from the fact cells. */
  private List<TherapyMinutes> monthList(int baseMonth, int months) {
    List<TherapyMinutes> out = new ArrayList<>();
    for (int m = 0; m < months; m++) {
      int ym = baseMonth + m;
      YearMonth month = null;
      for (int t : therapiesByName()) {
        long count = 0;
        long planned = 0;
        long actual = 0;
        for (int st = 0; st < SETTINGS.length; st++) {
          int o = cell(m, t, st);
          count += Counts.sessions(monthBuf, o);
          planned += Counts.planned(monthBuf, o);
          actual += Counts.actual(monthBuf, o);
        }
        if (count > 0) {
          if (month == null) {
            month = YearMonth.of(ym / 12, ym % 12 + 1);
          }
          out.add(
              new TherapyMinutes(
                  month, therapies.get(t), planned, actual, assumedBuf[m * therapyCount + t]));
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
          int o = ((t * SETTINGS.length + st) * STATUSES.length + u) * SUMMARY_W;
          if (summaryBuf[o] > 0) {
            out.add(
                new SessionSummary(
                    therapies.get(t),
                    SETTINGS[st],
                    STATUSES[u],
                    summaryBuf[o],
                    summaryBuf[o + 1],
                    summaryBuf[o + 2],
                    summaryBuf[o + 3],
                    summaryBuf[o + 4]));
          }
        }
      }
    }
    return out;
  }

  private Integer @Nullable [] sortedTherapies;

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
