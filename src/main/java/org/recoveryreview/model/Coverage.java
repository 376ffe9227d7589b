package org.recoveryreview.model;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The dates the input's used rows cover, over every patient: what "data as of", {@code --period
 * latest} and the empty-month check rest on. Ingestion computes it once, before a partitioned run
 * drops the rows of other shards' patients, so every shard dates its reports as a single run does.
 *
 * @param first the earliest session or assessment date
 * @param last the latest session or assessment date
 * @param lastSession the latest session date (sessions with an outcome only)
 * @param months the months holding at least one session or assessment
 * @param exactFrom empty when every date is known; else the day from which on the dates are exact
 *     (a shard of a run for a given month keeps other shards' dates from the month's first day
 *     only: nothing earlier can change that month's reports), so {@code first} and the months
 *     before it count only the shard's own rows
 * @param sessionRows per month, the sessions with an outcome (what the missing-export guard
 *     compares month to month); exact from {@code exactFrom} on, like {@code months}
 * @param assessmentRows per month, the assessments
 */
public record Coverage(
    Optional<LocalDate> first,
    Optional<LocalDate> last,
    Optional<LocalDate> lastSession,
    Set<YearMonth> months,
    Optional<LocalDate> exactFrom,
    Map<YearMonth, Long> sessionRows,
    Map<YearMonth, Long> assessmentRows) {

  public Coverage {
    months = Set.copyOf(months);
    sessionRows = Map.copyOf(sessionRows);
    assessmentRows = Map.copyOf(assessmentRows);
  }

  /** Coverage without per-month counts. */
  public Coverage(
      Optional<LocalDate> first,
      Optional<LocalDate> last,
      Optional<LocalDate> lastSession,
      Set<YearMonth> months,
      Optional<LocalDate> exactFrom) {
    this(first, last, lastSession, months, exactFrom, Map.of(), Map.of());
  }

  /** Coverage with every date known. */
  public Coverage(
      Optional<LocalDate> first,
      Optional<LocalDate> last,
      Optional<LocalDate> lastSession,
      Set<YearMonth> months) {
    this(first, last, lastSession, months, Optional.empty());
  }

  /** No rows at all. */
  public static Coverage none() {
    return new Coverage(Optional.empty(), Optional.empty(), Optional.empty(), Set.of());
  }

  /** The coverage of these used sessions (void and scheduled ones excluded) and assessments. */
  public static Coverage of(List<Session> sessions, List<Assessment> assessments) {
    Builder b = new Builder();
    for (Session s : sessions) {
      if (!s.status().isIgnored()) {
        b.session(s.date().toEpochDay());
      }
    }
    for (Assessment a : assessments) {
      b.assessment(a.date().toEpochDay());
    }
    return b.build();
  }

  /** True when some session or assessment falls in {@code period}. */
  public boolean covers(ReviewPeriod period) {
    return months.contains(period.month());
  }

  /** Sessions with an outcome dated in {@code month}. */
  public long sessionsIn(YearMonth month) {
    return sessionRows.getOrDefault(month, 0L);
  }

  /** Assessments dated in {@code month}. */
  public long assessmentsIn(YearMonth month) {
    return assessmentRows.getOrDefault(month, 0L);
  }

  /** Accumulates dates as epoch days; ingestion feeds it the rows of every shard. */
  public static final class Builder {
    private long first = Long.MAX_VALUE;
    private long last = Long.MIN_VALUE;
    private long lastSession = Long.MIN_VALUE;
    // Per month start (epoch day): {sessions, assessments}.
    private final TreeMap<Long, long[]> monthsSeen = new TreeMap<>();
    // Most rows fall in a month already seen; remembering the last one avoids a map lookup each.
    private long monthStart = 1;
    private long monthEnd = 0;
    private long[] monthCounts = new long[2];

    /** Adds a used session (one with an outcome) on this epoch day. */
    public Builder session(long epochDay) {
      lastSession = Math.max(lastSession, epochDay);
      add(epochDay)[0]++;
      return this;
    }

    /** Adds an assessment on this epoch day. */
    public Builder assessment(long epochDay) {
      add(epochDay)[1]++;
      return this;
    }

    private long[] add(long epochDay) {
      first = Math.min(first, epochDay);
      last = Math.max(last, epochDay);
      if (epochDay < monthStart || epochDay > monthEnd) {
        LocalDate d = LocalDate.ofEpochDay(epochDay);
        LocalDate start = d.withDayOfMonth(1);
        monthStart = start.toEpochDay();
        monthEnd = d.withDayOfMonth(d.lengthOfMonth()).toEpochDay();
        monthCounts = monthsSeen.computeIfAbsent(monthStart, k -> new long[2]);
      }
      return monthCounts;
    }

    public Coverage build() {
      return build(Optional.empty());
    }

    /** The coverage, exact from {@code exactFrom} on when given (see {@link Coverage}). */
    public Coverage build(Optional<LocalDate> exactFrom) {
      TreeSet<YearMonth> months = new TreeSet<>();
      Map<YearMonth, Long> sessions = new TreeMap<>();
      Map<YearMonth, Long> assessments = new TreeMap<>();
      monthsSeen.forEach(
          (d, counts) -> {
            YearMonth m = YearMonth.from(LocalDate.ofEpochDay(d));
            months.add(m);
            sessions.put(m, counts[0]);
            assessments.put(m, counts[1]);
          });
      return new Coverage(
          day(first, first != Long.MAX_VALUE),
          day(last, last != Long.MIN_VALUE),
          day(lastSession, lastSession != Long.MIN_VALUE),
          months,
          exactFrom,
          sessions,
          assessments);
    }

    private static Optional<LocalDate> day(long epochDay, boolean present) {
      return present ? Optional.of(LocalDate.ofEpochDay(epochDay)) : Optional.empty();
    }
  }
}
