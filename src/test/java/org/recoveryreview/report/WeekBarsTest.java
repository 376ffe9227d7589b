package org.recoveryreview.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.recoveryreview.model.Adherence;
import org.recoveryreview.model.WeekAdherence;

class WeekBarsTest {
  private static final LocalDate MONDAY = LocalDate.of(2026, 10, 5);

  private static WeekBars week(long clinicDone, long clinicDue, long homeDone, long homeDue) {
    return WeekBars.of(
        List.of(
            WeekAdherence.of(
                MONDAY, new Adherence(clinicDue, clinicDone, homeDue, homeDone, 0, 0, 0))));
  }

  @Test
  void axisTop_barsBelowFull_leavesTheUsualHeadroom() {
    assertEquals(114, week(1, 2, 3, 5).axisTop());
  }

  @Test
  void axisTop_bothBarsFull_makesRoomForTheLiftedHomeLabel() {
    // Both bars at 100%: the home label is lifted above the clinic label and must stay inside.
    assertTrue(week(2, 2, 5, 5).axisTop() >= 100 + 1.5 + 9 + 12);
  }

  @Test
  void axisTop_onlyTheClinicBarFull_keepsTheUsualHeadroom() {
    assertEquals(114, week(2, 2, 1, 5).axisTop());
  }
}
