package org.recoveryreview.analysis;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.recoveryreview.ingest.Ingestor;
import org.recoveryreview.model.Assessment;
import org.recoveryreview.model.Dataset;
import org.recoveryreview.model.InputOptions;
import org.recoveryreview.model.ReviewPeriod;
import tech.tablesaw.api.Table;

/**
 * Benchmark, not a test: the thread CPU time of each step of the analysis stage (fact tables and
 * each Tablesaw aggregate) on a generated data set, three times (the first includes JIT
 * compilation), single-threaded. It backs the per-step figures in docs/metrics.md. Run like {@link
 * AnalysisBench}: {@code java -Xmx1200m -cp ... org.recoveryreview.analysis.AnalysisStepsBench
 * bench/out/data-10000}.
 */
public final class AnalysisStepsBench {
  private AnalysisStepsBench() {}

  static <T> T time(String name, Supplier<T> s) {
    var mx = ManagementFactory.getThreadMXBean();
    long c = mx.getCurrentThreadCpuTime();
    T t = s.get();
    System.out.printf("  %-14s cpu %6.0f ms%n", name, (mx.getCurrentThreadCpuTime() - c) / 1e6);
    return t;
  }

  public static void main(String[] args) {
    Dataset d = new Ingestor(InputOptions.defaults()).ingest(Path.of(args[0]));
    ReviewPeriod period = new ReviewPeriod(YearMonth.of(2026, 10));
    for (int rep = 0; rep < 3; rep++) {
      System.out.println("rep " + rep);
      PatientIndex index = PatientIndex.build(d.patients(), Set.of());
      SessionGroups g = time("groups", () -> SessionGroups.build(d.sessions(), index));
      List<List<Assessment>> as = new ArrayList<>();
      for (int i = 0; i < index.size(); i++) as.add(new ArrayList<>());
      for (Assessment a : d.assessments()) {
        int p = index.indexOf(a.patientId());
        if (p >= 0) as.get(p).add(a);
      }
      Table stages = time("stages", () -> AssessmentFacts.stages(index, as, period.end()));
      Table tr = time("transitions", () -> AssessmentFacts.transitions(stages));
      time("perPatientTr", () -> AssessmentFacts.perPatient(tr, index.size()));
      time("onsets", () -> AssessmentFacts.onsets(stages));
      PatientMonth.Rows rows = new PatientMonth.Rows();
      PatientMonth.Rows det = new PatientMonth.Rows();
      SessionPass pass = new SessionPass(g, index, period, rows, det);
      time(
          "pass",
          () -> {
            for (int p = 0; p < index.size(); p++) pass.run(p, false);
            return 0;
          });
      Table facts = time("factTable", () -> PatientMonth.patientMonth(List.of(rows), index));
      Table facts2 =
          time(
              "factTable2",
              () -> PatientMonth.patientMonthTherapy(List.of(det), index, g.therapies));
      time("perPatient", () -> Aggregates.perPatient(facts, period.month(), index));
      time("rollups", () -> Aggregates.rollups(facts, facts2, period.month()));
    }
  }
}
