package org.recoveryreview.analysis;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.recoveryreview.model.Adherence;
import org.recoveryreview.model.AssessmentPoint;
import org.recoveryreview.model.ChartWindows;
import org.recoveryreview.model.IsoWeek;
import org.recoveryreview.model.MonthWindow;
import org.recoveryreview.model.Patient;
import org.recoveryreview.model.ReviewPeriod;
import org.recoveryreview.model.WeekAdherence;

/**
 * Decides the windows of a patient's charts: the 16 ISO weeks of weekly adherence, the 6 months of
 * therapy minutes and the recovery charts' shared time axis (see docs/metrics.md, "Chart windows").
 */
public final class Windows {
  /** Weeks in the weekly adherence chart, the last one holding the period's end. */
  public static final int WEEKS = 16;

  /** Weeks in the family handout's home-exercise chart, the last of the adherence chart's. */
  public static final int HANDOUT_WEEKS = 8;

  /** Months in the therapy-minutes chart, the last one being the period. */
  public static final int MONTHS = 6;

  /** The recovery axis starts at least this many months before the period's month. */
  static final int RECOVERY_MONTHS_BEFORE = 5;

  private Windows() {}

  /**
   * The windows of one patient's review; {@code history} are the patient's weekly rows (any span),
   * {@code points} the assessments on or before the period's end.
   */
  public static ChartWindows of(
      Patient patient,
      ReviewPeriod period,
      List<WeekAdherence> history,
      List<AssessmentPoint> points) {
    LocalDate from = period.start().minusMonths(RECOVERY_MONTHS_BEFORE);
    for (AssessmentPoint p : points) {
      if (p.date().isBefore(from)) {
        from = p.date();
      }
    }
    List<WeekAdherence> weeks = weeks(history, period.end());
    return new ChartWindows(
        weeks,
        months(period.month()),
        programmeStart(patient),
        from,
        period.end(),
        weeks.subList(WEEKS - HANDOUT_WEEKS, WEEKS));
  }

  /** The 16 weeks ending with the week of {@code end}, empty weeks filled in. */
  static List<WeekAdherence> weeks(List<WeekAdherence> history, LocalDate end) {
    Map<LocalDate, WeekAdherence> byStart = new HashMap<>();
    for (WeekAdherence w : history) {
      byStart.put(w.weekStart(), w);
    }
    LocalDate lastMonday = IsoWeek.mondayOf(end);
    List<WeekAdherence> out = new ArrayList<>(WEEKS);
    for (int i = WEEKS - 1; i >= 0; i--) {
      LocalDate monday = lastMonday.minusWeeks(i);
      WeekAdherence w = byStart.get(monday);
      out.add(w != null ? w : WeekAdherence.of(monday, Adherence.NONE));
    }
    return out;
  }

  static List<YearMonth> months(YearMonth last) {
    return MonthWindow.ending(last, MONTHS).months();
  }

  /** The later of onset and programme start: the first day the programme could have sessions. */
  static LocalDate programmeStart(Patient p) {
    LocalDate onset = p.onsetDate();
    LocalDate start = p.programStart().orElse(onset);
    return start.isAfter(onset) ? start : onset;
  }
}
