package org.recoveryreview.analysis;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.Set;
import org.recoveryreview.ingest.Ingestor;
import org.recoveryreview.model.AnalysisSettings;
import org.recoveryreview.model.Dataset;
import org.recoveryreview.model.InputOptions;
import org.recoveryreview.model.ReviewPeriod;
import org.recoveryreview.model.ReviewResults;

/**
 * Benchmark, not a test (the suite asserts no timings): the analysis stage on a generated data set,
 * in a fresh JVM, so the first run includes Tablesaw's one-time start-up, then warm runs. It backs
 * the Tablesaw figures quoted in docs/metrics.md and bench/README.md. Run after {@code ./mvnw
 * test-compile} with
 *
 * <pre>
 * java -Xmx1200m -cp target/classes:target/test-classes:$(cat cp.txt) \
 *   org.recoveryreview.analysis.AnalysisBench bench/out/data-10000 [threads] [warm runs] [startup]
 * </pre>
 *
 * where cp.txt comes from {@code ./mvnw dependency:build-classpath -Dmdep.outputFile=cp.txt}. With
 * a fourth argument {@code startup} it first times Tablesaw's start-up alone (touching {@code
 * Table}), as the job's warm-up thread does during ingestion. Prints wall and process CPU seconds.
 */
public final class AnalysisBench {
  private AnalysisBench() {}

  public static void main(String[] args) {
    Path input = Path.of(args.length > 0 ? args[0] : "bench/out/data-10000");
    int threads =
        args.length > 1 ? Integer.parseInt(args[1]) : Runtime.getRuntime().availableProcessors();
    int warm = args.length > 2 ? Integer.parseInt(args[2]) : 3;
    boolean startup = args.length > 3 && args[3].equals("startup");
    if (startup) {
      long s = System.nanoTime();
      long c = cpu();
      TablesawWarmUp.initialise();
      System.out.printf(
          "tablesaw start-up: wall %.2f s, cpu %.2f s%n", since(s), (cpu() - c) / 1e9);
    }
    long t0 = System.nanoTime();
    Dataset d = new Ingestor(InputOptions.defaults()).ingest(input);
    System.out.printf(
        "ingested %d sessions, %d assessments in %.1f s%n",
        d.sessions().size(), d.assessments().size(), since(t0));
    Analyzer a = new Analyzer(AnalysisSettings.defaults(), threads);
    ReviewPeriod period = new ReviewPeriod(YearMonth.of(2026, 10));
    for (int r = 0; r <= warm; r++) {
      long s = System.nanoTime();
      long c = cpu();
      long gc = gcMillis();
      ReviewResults res = a.analyze(d, period, Set.of());
      System.out.printf(
          "%s: wall %.2f s, cpu %.2f s, gc %d ms, %d patients in review, %d roll-up rows,"
              + " heap used %d MB%n",
          r == 0 ? "first (cold)" : "warm " + r,
          since(s),
          (cpu() - c) / 1e9,
          gcMillis() - gc,
          res.patients().size(),
          res.program().rollups().size(),
          (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) >> 20);
    }
  }

  private static double since(long t) {
    return (System.nanoTime() - t) / 1e9;
  }

  private static long gcMillis() {
    long t = 0;
    for (var gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      t += gc.getCollectionTime();
    }
    return t;
  }

  private static long cpu() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }
}
