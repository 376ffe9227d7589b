package org.recoveryreview.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.recoveryreview.model.AnalysisSettings;
import org.recoveryreview.model.Assessment;
import org.recoveryreview.model.Dataset;
import org.recoveryreview.model.Patient;
import org.recoveryreview.model.ReviewPeriod;
import org.recoveryreview.model.ReviewResults;
import org.recoveryreview.model.Session;
import org.recoveryreview.model.Setting;
import org.recoveryreview.model.Status;

class ParallelAnalysisTest {

  @Test
  void analyze_twoWorkers_sameResultsAsOne() {
    // Enough patients (>= 2,000) for the work to be split; sessions listed out of patient order.
    List<Patient> ps = new ArrayList<>();
    List<Session> ss = new ArrayList<>();
    List<Assessment> as = new ArrayList<>();
    Status[] st = {Status.COMPLETED, Status.MISSED, Status.PARTIAL, Status.CANCELLED};
    for (int i = 0; i < 2500; i++) {
      String id = String.format("P%04d", 2499 - i);
      ps.add(
          Fixtures.patient(
              id, "2026-01-01", "C" + (i % 7), "T" + (i % 13), java.util.Optional.empty()));
      as.add(Fixtures.stages(id, "2026-09-0" + (1 + i % 9), 1 + i % 6, null));
      as.add(Fixtures.stages(id, "2026-10-1" + (i % 10), 1 + (i / 6) % 6, null));
    }
    for (int k = 0; k < 6; k++) {
      for (int i = 0; i < 2500; i++) {
        ss.add(
            Fixtures.s(
                String.format("P%04d", i),
                "2026-" + (k < 3 ? "09" : "10") + "-1" + k,
                Setting.values()[(i + k) % 3],
                "t" + (i % 4),
                st[(i + k) % 4],
                30,
                null));
      }
    }
    Dataset d = new Dataset(ps, ss, as, List.of(), List.of());
    ReviewPeriod period = new ReviewPeriod(YearMonth.of(2026, 10));
    ReviewResults one = new Analyzer(AnalysisSettings.defaults(), 1).analyze(d, period, Set.of());
    ReviewResults two = new Analyzer(AnalysisSettings.defaults(), 2).analyze(d, period, Set.of());
    assertEquals(2500, one.patients().size());
    assertEquals(one, two);
  }
}
