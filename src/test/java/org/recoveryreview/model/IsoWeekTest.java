package org.recoveryreview.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import org.junit.jupiter.api.Test;

class IsoWeekTest {

  @Test
  void yearAndNumber_everyMondayOf1995To2035_matchJavaTimeIsoFields() {
    for (LocalDate monday = LocalDate.of(1995, 1, 2);
        monday.getYear() < 2036;
        monday = monday.plusWeeks(1)) {
      assertEquals(monday.get(IsoFields.WEEK_BASED_YEAR), IsoWeek.year(monday), monday.toString());
      assertEquals(
          monday.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR), IsoWeek.number(monday), monday.toString());
    }
  }

  @Test
  void mondayOf_everyDayAroundNewYear2027_isThePreviousOrSameMonday() {
    for (LocalDate d = LocalDate.of(2026, 12, 20); d.isBefore(LocalDate.of(2027, 1, 15)); ) {
      assertEquals(
          d.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)), IsoWeek.mondayOf(d), d + "");
      d = d.plusDays(1);
    }
  }

  @Test
  void index_consecutiveWeeks_differByOneAndRoundTripThroughMonday() {
    LocalDate monday = LocalDate.of(1969, 12, 29);
    for (int i = 0; i < 3000; i++, monday = monday.plusWeeks(1)) {
      int index = IsoWeek.index(monday.toEpochDay());
      assertEquals(monday, IsoWeek.monday(index));
      assertEquals(index, IsoWeek.index(monday.plusDays(6).toEpochDay()));
      assertEquals(index + 1, IsoWeek.index(monday.plusDays(7).toEpochDay()));
    }
  }
}
