package org.recoveryreview.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.recoveryreview.model.ExitCode;
import org.recoveryreview.model.JobFailure;

class DateParserTest {
  private final DateParser builtIn = new DateParser(Optional.empty());

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2026-10-03",
        "2026/10/03",
        "2026-10-03T09:30",
        "2026-10-03T09:30:15.250",
        "2026-10-03T09:30:00Z",
        "2026-10-03T23:30:00+05:30",
        "2026-10-03T23:30:00-0500",
        "2026-10-03 09:30",
        "2026-10-03 09:30:00"
      })
  void parse_contractForms_giveTheDateAsWritten(String text) {
    assertEquals(LocalDate.of(2026, 10, 3), builtIn.parse(text));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2026-02-30",
        "2025-02-29",
        "2026-13-01",
        "2026-00-10",
        "2026-1-3",
        "2026-10-03T25:00",
        "2026-10-03Tnoon",
        "2026-10-03 ",
        "2026/10-03",
        "2026/10/03T09:30",
        "03/10/2026",
        "20261003",
        ""
      })
  void parse_invalidOrOtherForms_giveNull(String text) {
    assertNull(builtIn.parse(text));
  }

  @Test
  void parse_leapDay_isValid() {
    assertEquals(LocalDate.of(2028, 2, 29), builtIn.parse("2028-02-29"));
  }

  @Test
  void parse_configuredPattern_isStrictAndTriedBeforeBuiltIns() {
    DateParser dayFirst = new DateParser(Optional.of("dd/MM/yyyy"));
    assertEquals(LocalDate.of(2026, 10, 3), dayFirst.parse("03/10/2026"));
    assertNull(dayFirst.parse("30/02/2026"));
    assertEquals(LocalDate.of(2026, 10, 3), dayFirst.parse("2026-10-03"));
    DateParser yearDayMonth = new DateParser(Optional.of("yyyy/dd/MM"));
    assertEquals(LocalDate.of(2026, 3, 4), yearDayMonth.parse("2026/04/03"));
  }

  @Test
  void newDateParser_invalidPattern_failsWithUsage() {
    JobFailure f = assertThrows(JobFailure.class, () -> new DateParser(Optional.of("dd/MM/yyyy{")));
    assertEquals(ExitCode.USAGE, f.exitCode());
  }
}
