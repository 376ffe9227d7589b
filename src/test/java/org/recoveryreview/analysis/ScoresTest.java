package org.recoveryreview.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.recoveryreview.model.Assessment;

class ScoresTest {
  @Test
  void latest_measuredBeforeAndInPeriod_changeAgainstLatestBeforeStart() {
    List<Assessment> sorted =
        List.of(
            Fixtures.fma("P1", "2026-08-10", 30),
            Fixtures.fma("P1", "2026-09-20", 33),
            Fixtures.stages("P1", "2026-10-05", 3, 3),
            Fixtures.fma("P1", "2026-10-19", 40),
            Fixtures.fma("P1", "2026-11-02", 50));

    Scores.Latest fma = Scores.latest(sorted, Fixtures.OCT_2026, Assessment::fmaTotal);

    assertEquals(OptionalInt.of(40), fma.value());
    assertEquals(OptionalInt.of(7), fma.change());
    assertEquals(Optional.of(LocalDate.of(2026, 10, 19)), fma.date());
  }

  @Test
  void latest_latestBeforePeriod_valueWithoutChange() {
    List<Assessment> sorted =
        List.of(Fixtures.fma("P1", "2026-08-10", 30), Fixtures.fma("P1", "2026-09-20", 33));

    Scores.Latest fma = Scores.latest(sorted, Fixtures.OCT_2026, Assessment::fmaTotal);

    assertEquals(OptionalInt.of(33), fma.value());
    assertEquals(OptionalInt.empty(), fma.change());
  }
}
