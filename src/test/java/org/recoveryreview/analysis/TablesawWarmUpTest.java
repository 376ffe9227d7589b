package org.recoveryreview.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.aggregate.AggregateFunctions;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class TablesawWarmUpTest {
  /** A class-initialisation line of {@code -Xlog:class+init=info::tid}: thread id, class. */
  private static final Pattern INIT =
      Pattern.compile("^\\[(\\d+)\\].*Initializing '(tech/tablesaw/[^']+)'");

  /**
   * The fresh JVM's probe: starts the start-up and, at the same moment, four threads that pass the
   * gate and touch Tablesaw from four ends (three column kinds, a table's group-by).
   */
  public static void main(String[] args) throws InterruptedException {
    List<Runnable> touches =
        List.of(
            () -> IntColumn.create("i", new int[] {1, 2}),
            () -> LongColumn.create("l", 2),
            () -> DoubleColumn.create("d", 2),
            () ->
                Table.create(
                        "t",
                        IntColumn.create("a", new int[] {1, 2}),
                        StringColumn.create("k", "x", "y"))
                    .summarize("a", AggregateFunctions.sum)
                    .by("k"));
    CountDownLatch go = new CountDownLatch(1);
    List<Thread> threads = new ArrayList<>();
    for (Runnable touch : touches) {
      Thread t =
          new Thread(
              () -> {
                await(go);
                TablesawWarmUp.awaitLoaded();
                touch.run();
              });
      t.setDaemon(true);
      t.start();
      threads.add(t);
    }
    TablesawWarmUp.start();
    go.countDown();
    for (Thread t : threads) {
      t.join(TimeUnit.SECONDS.toMillis(60));
      if (t.isAlive()) {
        System.exit(3); // a deadlock: the threads never finish
      }
    }
    System.exit(0);
  }

  @Test
  void start_freshJvmWithThreadsWaitingAtTheGate_oneThreadInitialisesBothCycles(@TempDir Path dir)
      throws Exception {
    Path log = dir.resolve("init.log");
    Process probe =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m",
                "-Xlog:class+init=info:file=" + log + ":tid",
                "-cp",
                System.getProperty("java.class.path"),
                TablesawWarmUpTest.class.getName())
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("probe.out").toFile())
            .start();
    assertTrue(probe.waitFor(3, TimeUnit.MINUTES), "the probe hung (a class-init deadlock)");
    assertEquals(0, probe.exitValue(), Files.readString(dir.resolve("probe.out")));

    Map<String, String> threadOf = new HashMap<>();
    for (String line : Files.readAllLines(log)) {
      Matcher m = INIT.matcher(line);
      if (m.find()) {
        threadOf.putIfAbsent(m.group(2), m.group(1));
      }
    }
    TreeSet<String> cycleThreads = new TreeSet<>();
    for (Map.Entry<String, String> e : threadOf.entrySet()) {
      if (inACycle(e.getKey())) {
        cycleThreads.add(e.getValue());
      }
    }
    String columnTypes = threadOf.get("tech/tablesaw/api/ColumnType");
    assertEquals(List.of(columnTypes), List.copyOf(cycleThreads), threadOf.toString());
    assertEquals(columnTypes, threadOf.get("tech/tablesaw/columns/numbers/IntColumnType"));
    assertEquals(columnTypes, threadOf.get("tech/tablesaw/api/Table"));
    assertEquals(columnTypes, threadOf.get("tech/tablesaw/io/csv/CsvReader"));
    // The probe really touched Tablesaw from its other threads, after the gate.
    assertNotEquals(columnTypes, threadOf.get("tech/tablesaw/api/IntColumn"));
    assertNotEquals(columnTypes, threadOf.get("tech/tablesaw/table/TableSliceGroup"));
  }

  /** The classes in the two cycles the start-up must initialise from one thread. */
  private static boolean inACycle(String cls) {
    return cls.endsWith("ColumnType")
        || cls.equals("tech/tablesaw/api/Table")
        || (cls.startsWith("tech/tablesaw/io/") && cls.matches(".*(Reader|Writer)"));
  }

  @Test
  void initialise_inThisJvm_registersEveryColumnType() {
    TablesawWarmUp.initialise();
    assertTrue(ColumnType.values().length >= 12, () -> List.of(ColumnType.values()).toString());
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
