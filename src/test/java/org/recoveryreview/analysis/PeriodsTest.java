package org.recoveryreview.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.recoveryreview.analysis.Fixtures.d;
import static org.recoveryreview.analysis.Fixtures.dataset;
import static org.recoveryreview.analysis.Fixtures.patient;
import static org.recoveryreview.analysis.Fixtures.s;

import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.recoveryreview.model.Coverage;
import org.recoveryreview.model.Dataset;
import org.recoveryreview.model.ExitCode;
import org.recoveryreview.model.JobFailure;
import org.recoveryreview.model.RequestedPeriod;
import org.recoveryreview.model.Setting;
import org.recoveryreview.model.Status;

class PeriodsTest {
  private static final Dataset DATA =
      dataset(
          List.of(patient("P1", "2025-01-01")),
          List.of(
              s("P1", "2026-08-31", Setting.HOME, Status.COMPLETED, 30, null),
              s("P1", "2026-09-14", Setting.HOME, Status.CLINIC_CANCELLED, 30, null),
              // Defensive: a scheduled session has no outcome and never decides "latest".
              s("P1", "2026-12-01", Setting.HOME, Status.SCHEDULED, 30, null)),
          List.of());

  @Test
  void parse_latest_needsNoDataUntilResolvedFromTheCoverage() {
    RequestedPeriod latest = Periods.parse("latest", d("2030-01-01"));
    assertTrue(latest.isLatest());
    assertEquals(YearMonth.of(2026, 9), latest.resolve(DATA.coverage()).month());
    JobFailure e = assertThrows(JobFailure.class, () -> latest.resolve(Coverage.none()));
    assertEquals(ExitCode.DATA_ERROR, e.exitCode());
  }

  @Test
  void parse_month_resolvesToItWhateverTheInputCovers() {
    RequestedPeriod month = Periods.parse("2026-10", d("2030-01-01"));
    assertEquals(YearMonth.of(2026, 10), month.resolve(Coverage.none()).month());
  }

  @Test
  void resolve_yearMonth_thatMonth() {
    assertEquals(YearMonth.of(2026, 10), Periods.resolve("2026-10", DATA, d("2030-01-01")).month());
  }

  @Test
  void resolve_latest_monthOfLatestSessionWithOutcome() {
    assertEquals(YearMonth.of(2026, 9), Periods.resolve("latest", DATA, d("2030-01-01")).month());
  }

  @Test
  void resolve_latestWithoutSessions_dataError() {
    JobFailure f =
        assertThrows(
            JobFailure.class, () -> Periods.resolve("latest", Dataset.empty(), d("2030-01-01")));
    assertEquals(ExitCode.DATA_ERROR, f.exitCode());
  }

  @Test
  void resolve_previousInJanuary_decemberOfLastYear() {
    assertEquals(
        YearMonth.of(2026, 12), Periods.resolve("previous", DATA, d("2027-01-15")).month());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2026-13",
        "2026-00",
        "2026-1",
        "26-10",
        "2026/10",
        "+2026-10",
        "October",
        "",
        "2026-10-01",
        "LATEST"
      })
  void resolve_malformed_usageFailureNamingTheForms(String spec) {
    JobFailure f =
        assertThrows(JobFailure.class, () -> Periods.resolve(spec, DATA, d("2030-01-01")));
    assertEquals(ExitCode.USAGE, f.exitCode());
    assertTrue(
        f.getMessage().contains("--period must be YYYY-MM, latest or previous"), f.getMessage());
  }
}
