package org.recoveryreview.ingest;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.recoveryreview.model.Dataset;
import org.recoveryreview.model.InputOptions;

/**
 * Not a test: a manual benchmark that ingests a directory a few times and prints the time and a
 * digest of the whole Dataset, so an optimisation can be checked to change nothing but speed. Run
 * with {@code java -cp target/classes:target/test-classes:<jar>
 * org.recoveryreview.ingest.IngestBench DIR [RUNS]}.
 */
public final class IngestBench {
  private IngestBench() {}

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    int runs = args.length > 1 ? Integer.parseInt(args[1]) : 1;
    for (int run = 0; run < runs; run++) {
      long t0 = System.nanoTime();
      long c0 = processCpuNanos();
      Dataset d = new Ingestor(InputOptions.defaults()).ingest(dir);
      long t1 = System.nanoTime();
      long c1 = processCpuNanos();
      System.out.printf(
          "run %d: %d rows read, %d sessions, %.2f s wall, %.2f s CPU (all threads), heap used"
              + " %d MB%n",
          run,
          d.rowsRead(),
          d.sessions().size(),
          (t1 - t0) / 1e9,
          (c1 - c0) / 1e9,
          (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) >> 20);
      if (run == runs - 1) {
        System.out.println("digest " + digest(d));
      }
    }
  }

  private static long processCpuNanos() {
    var os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : 0;
  }

  private static String digest(Dataset d) throws Exception {
    MessageDigest md = MessageDigest.getInstance("SHA-256");
    for (var p : d.patients()) {
      md.update(p.toString().getBytes(StandardCharsets.UTF_8));
    }
    for (var s : d.sessions()) {
      md.update(s.toString().getBytes(StandardCharsets.UTF_8));
    }
    for (var a : d.assessments()) {
      md.update(a.toString().getBytes(StandardCharsets.UTF_8));
    }
    for (var f : d.inputFiles()) {
      md.update(f.toString().getBytes(StandardCharsets.UTF_8));
    }
    for (var i : d.issues()) {
      md.update(i.toString().getBytes(StandardCharsets.UTF_8));
    }
    return HexFormat.of().formatHex(md.digest());
  }
}
