package org.recoveryreview.report;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.recoveryreview.model.PatientReview;
import org.recoveryreview.model.ReportSettings;

/**
 * Throwaway benchmark (not a test): renders N fixture reports on 1 and 2 threads and prints reports
 * per second and mean size. Args: [reports=300] [cjk=false].
 */
public final class RenderBench {
  private RenderBench() {}

  public static void main(String[] args) throws Exception {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 300;
    boolean cjk = args.length > 1 && Boolean.parseBoolean(args[1]);
    ReportRenderer renderer = new ReportRenderer(ReportSettings.defaults());
    List<PatientReview> reviews = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      reviews.add(cjk ? cjkVariant(i) : ReportFixtures.bench(i));
    }
    run(renderer, reviews.subList(0, Math.min(60, n)), 2); // warm-up
    for (int threads : new int[] {1, 2, 1, 2}) {
      run(renderer, reviews, threads);
    }
  }

  private static PatientReview cjkVariant(int i) {
    List<PatientReview> s =
        List.of(
            ReportFixtures.chineseGainRegression(),
            ReportFixtures.japaneseNoAssessments(),
            ReportFixtures.koreanNoSessionsInPeriod());
    return s.get(i % s.size());
  }

  private static void run(ReportRenderer renderer, List<PatientReview> reviews, int threads)
      throws Exception {
    AtomicLong bytes = new AtomicLong();
    AtomicLong cpu = new AtomicLong();
    java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    long t0 = System.nanoTime();
    List<Future<?>> fs = new ArrayList<>();
    for (PatientReview r : reviews) {
      fs.add(
          pool.submit(
              () -> {
                long c0 = mx.getCurrentThreadCpuTime();
                ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 17);
                renderer.renderPatient(r, ReportFixtures.CONTEXT, out);
                bytes.addAndGet(out.size());
                cpu.addAndGet(mx.getCurrentThreadCpuTime() - c0);
              }));
    }
    for (Future<?> f : fs) {
      f.get();
    }
    double s = (System.nanoTime() - t0) / 1e9;
    pool.shutdown();
    System.out.printf(
        Locale.ROOT,
        "threads=%d reports=%d %.2fs %.1f reports/s, %.1f ms CPU per report, mean %.1f KB%n",
        threads,
        reviews.size(),
        s,
        reviews.size() / s,
        cpu.get() / 1e6 / reviews.size(),
        bytes.get() / 1024.0 / reviews.size());
  }
}
