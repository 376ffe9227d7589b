package org.recoveryreview.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class CohortTest {
  @Test
  void weekday_weekendDays_theMondayAfter() {
    assertEquals(LocalDate.of(2026, 10, 5), Cohort.weekday(LocalDate.of(2026, 10, 3)));
    assertEquals(LocalDate.of(2026, 10, 5), Cohort.weekday(LocalDate.of(2026, 10, 4)));
  }

  @Test
  void weekday_aWeekday_thatDay() {
    assertEquals(LocalDate.of(2026, 10, 2), Cohort.weekday(LocalDate.of(2026, 10, 2)));
    assertEquals(LocalDate.of(2026, 10, 5), Cohort.weekday(LocalDate.of(2026, 10, 5)));
  }
}
