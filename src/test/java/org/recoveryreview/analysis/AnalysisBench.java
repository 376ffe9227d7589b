package org.recoveryreview.analysis;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Random;
import java.util.Set;
import org.recoveryreview.model.AnalysisSettings;
import org.recoveryreview.model.Assessment;
import org.recoveryreview.model.Dataset;
import org.recoveryreview.model.Patient;
import org.recoveryreview.model.ReviewPeriod;
import org.recoveryreview.model.ReviewResults;
import org.recoveryreview.model.Session;
import org.recoveryreview.model.Setting;
import org.recoveryreview.model.Status;

/**
 * Throwaway benchmark, not a test: builds ~4 million synthetic sessions for 10,000 patients in
 * memory and times {@link Analyzer#analyze}. Run with {@code java -Xmx4g -cp
 * target/classes:target/test-classes:<deps> org.recoveryreview.analysis.AnalysisBench [patients]
 * [threads] [reps]}.
 */
public final class AnalysisBench {
  private AnalysisBench() {}

  public static void main(String[] args) {
    int patients = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
    int threads =
        args.length > 1 ? Integer.parseInt(args[1]) : Runtime.getRuntime().availableProcessors();
    int reps = args.length > 2 ? Integer.parseInt(args[2]) : 5;
    long t0 = System.nanoTime();
    Dataset d = build(patients);
    System.out.printf(
        "built %d sessions, %d assessments in %d ms%n",
        d.sessions().size(), d.assessments().size(), (System.nanoTime() - t0) / 1_000_000);
    Analyzer a = new Analyzer(AnalysisSettings.defaults(), threads);
    ReviewPeriod period = new ReviewPeriod(YearMonth.of(2026, 10));
    for (int r = 0; r < reps; r++) {
      long s = System.nanoTime();
      long cpu0 = cpu();
      long gc0 = gcMillis();
      ReviewResults res = a.analyze(d, period, Set.of());
      long ms = (System.nanoTime() - s) / 1_000_000;
      System.out.printf(
          "run %d: cpu %d ms, gc pauses %d ms; ", r, (cpu() - cpu0) / 1_000_000, gcMillis() - gc0);
      System.out.printf(
          "run %d: %d ms, %d patients in review, %.2f M rows/s, weeks of first %d%n",
          r,
          ms,
          res.patients().size(),
          d.sessions().size() / 1000.0 / Math.max(1, ms),
          res.patients().get(0).history().weeks().size());
    }
  }

  private static long gcMillis() {
    long t = 0;
    for (var gc : java.lang.management.ManagementFactory.getGarbageCollectorMXBeans()) {
      t += gc.getCollectionTime();
    }
    return t;
  }

  private static long cpu() {
    return ((com.sun.management.OperatingSystemMXBean)
            java.lang.management.ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  static Dataset build(int n) {
    Random rnd = new Random(42);
    String[] therapies = {"task_practice", "mirror_therapy", "cimt", "robotic", "fes"};
    Setting[] settings = Setting.values();
    Status[] statuses = {
      Status.COMPLETED,
      Status.COMPLETED,
      Status.COMPLETED,
      Status.PARTIAL,
      Status.MISSED,
      Status.LATE_CANCEL,
      Status.CANCELLED,
      Status.CLINIC_CANCELLED
    };
    List<Patient> ps = new ArrayList<>(n);
    List<Session> ss = new ArrayList<>(n * 400);
    List<Assessment> as = new ArrayList<>(n * 13);
    LocalDate first = LocalDate.of(2025, 11, 1);
    Optional<String> therapist = Optional.of("T");
    long sid = 0;
    for (int i = 0; i < n; i++) {
      String id = String.format("P%05d", i);
      LocalDate onset = first.minusDays(rnd.nextInt(400));
      ps.add(
          new Patient(
              id,
              "Name " + i,
              Optional.empty(),
              Optional.empty(),
              Optional.empty(),
              Optional.empty(),
              onset,
              "Clinic " + (i % 20),
              "Therapist " + (i % 200),
              Optional.of(first),
              Optional.empty()));
      for (int k = 0; k < 400; k++) {
        LocalDate date = first.plusDays(rnd.nextInt(365));
        Status st = statuses[rnd.nextInt(statuses.length)];
        int planned = 30 + 15 * rnd.nextInt(3);
        OptionalInt actual =
            rnd.nextInt(3) == 0 ? OptionalInt.empty() : OptionalInt.of(rnd.nextInt(70));
        ss.add(
            new Session(
                Long.toString(sid++),
                id,
                date,
                settings[rnd.nextInt(3)],
                therapies[rnd.nextInt(therapies.length)],
                st,
                planned,
                actual,
                therapist));
      }
      int arm = 1 + rnd.nextInt(3);
      for (int k = 0; k < 12; k++) {
        arm = Math.max(1, Math.min(6, arm + rnd.nextInt(3) - 1));
        as.add(
            new Assessment(
                id,
                first.plusDays(30L * k + rnd.nextInt(10)),
                Optional.empty(),
                OptionalInt.of(arm),
                OptionalInt.of(Math.max(1, arm - 1)),
                OptionalInt.of(rnd.nextInt(37)),
                OptionalInt.of(rnd.nextInt(11)),
                OptionalInt.of(rnd.nextInt(15)),
                OptionalInt.of(rnd.nextInt(7)),
                OptionalInt.empty()));
      }
    }
    return new Dataset(ps, ss, as, List.of(), List.of());
  }
}
