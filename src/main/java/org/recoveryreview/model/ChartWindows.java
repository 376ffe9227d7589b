package org.recoveryreview.model;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/**
 * The windows a patient's charts show, decided once in analysis so the report only lays them out.
 *
 * @param weeks the ISO weeks of the adherence chart, oldest first, ending with the week of the
 *     period's end; a week without sessions has {@link Adherence#NONE}
 * @param months the months of the therapy-minutes chart, oldest first, ending with the period
 * @param programmeStart the first day the programme could have sessions: the later of onset and
 *     programme start; earlier weeks are outside the programme
 * @param recoveryFrom the first day of the recovery charts' shared time axis
 * @param recoveryTo the last day of that axis (the period's end)
 * @param handoutWeeks the weeks of the family handout's home-exercise chart: the last ones of
 *     {@code weeks}, empty weeks included so that a week without exercise shows as zero
 */
public record ChartWindows(
    List<WeekAdherence> weeks,
    List<YearMonth> months,
    LocalDate programmeStart,
    LocalDate recoveryFrom,
    LocalDate recoveryTo,
    List<WeekAdherence> handoutWeeks) {

  public ChartWindows {
    weeks = List.copyOf(weeks);
    handoutWeeks = List.copyOf(handoutWeeks);
    months = List.copyOf(months);
  }
}
