package org.recoveryreview.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class PatientMetricsTest {

  private static PatientMetrics metrics(Optional<LocalDate> birth) {
    Patient p =
        new Patient(
            "P1",
            "Ana",
            birth,
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            LocalDate.of(2026, 1, 1),
            "North",
            "Kim",
            Optional.empty(),
            Optional.empty(),
            Optional.empty());
    return MetricsFixture.metrics(
        p,
        new ReviewPeriod(YearMonth.of(2026, 10)),
        Adherence.NONE,
        Adherence.NONE,
        AdherenceBand.NO_DATA,
        AdherenceBand.NO_DATA,
        OptionalInt.empty(),
        OptionalInt.empty(),
        OptionalInt.empty(),
        OptionalInt.empty(),
        OptionalInt.empty(),
        OptionalInt.empty(),
        5,
        Phase.CHRONIC,
        300,
        0,
        List.of(
            new FlagFinding(Flag.PLATEAU, "flat"),
            new FlagFinding(Flag.ASSESSMENT_OVERDUE, "late")),
        Optional.empty(),
        Optional.empty(),
        OptionalInt.empty(),
        OptionalInt.empty(),
        6,
        Optional.empty(),
        Optional.of(FollowUpTier.DISCUSS),
        FmaCourse.NONE,
        0,
        0,
        org.recoveryreview.model.PatientGoals.none());
  }

  @Test
  void ageAtPeriodEnd_birthdayOnLastDay_counts() {
    assertEquals(
        OptionalInt.of(60), metrics(Optional.of(LocalDate.of(1966, 10, 31))).ageAtPeriodEnd());
  }

  @Test
  void ageAtPeriodEnd_birthdayAfterPeriod_notYet() {
    assertEquals(
        OptionalInt.of(59), metrics(Optional.of(LocalDate.of(1966, 11, 1))).ageAtPeriodEnd());
  }

  @Test
  void ageAtPeriodEnd_noBirthDate_empty() {
    assertEquals(OptionalInt.empty(), metrics(Optional.empty()).ageAtPeriodEnd());
  }

  @Test
  void flags_sortedByCode() {
    assertEquals(List.of(Flag.ASSESSMENT_OVERDUE, Flag.PLATEAU), metrics(Optional.empty()).flags());
  }
}
