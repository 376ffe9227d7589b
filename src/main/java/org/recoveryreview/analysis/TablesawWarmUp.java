package org.recoveryreview.analysis;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.Table;

/**
 * Tablesaw's one-time class initialisation on a background thread, and the gate every analysis
 * passes before it touches Tablesaw.
 *
 * <p>Two cycles run through Tablesaw's static initialisers (read from its 0.44.4 bytecode): {@code
 * ColumnType}'s creates every column type ({@code IntColumnType.instance()} ...), and each column
 * type's reads {@code ColumnType.INTEGER} ... back (and a class initialises its superinterface
 * {@code ColumnType}, which has a default method, first); {@code Table}'s scans the classpath and
 * loads every reader and writer, whose initialisers read {@code Table.defaultReaderRegistry} back.
 * Two threads entering one cycle from two ends wait on each other for ever (Tablesaw issues #1123
 * and #1230; a CI run hung on exactly that). So one thread initialises both cycles, in this order,
 * before the gate opens; every other Tablesaw class initialises without a cycle and may be touched
 * from any thread afterwards. {@code TablesawWarmUpTest} checks this in a fresh JVM.
 */
final class TablesawWarmUp {
  private static final Logger LOG = LoggerFactory.getLogger(TablesawWarmUp.class);

  /** The process's one start-up. */
  static final TablesawWarmUp JVM = new TablesawWarmUp(TablesawWarmUp::initialise);

  private final Runnable load;
  private final AtomicBoolean started = new AtomicBoolean();
  private final CompletableFuture<Void> loaded = new CompletableFuture<>();

  TablesawWarmUp(Runnable load) {
    this.load = load;
  }

  /** Starts the start-up thread, once; later calls do nothing. */
  void start() {
    if (!started.compareAndSet(false, true)) {
      return;
    }
    Thread t = new Thread(this::runLoad, "tablesaw-start-up");
    t.setDaemon(true);
    t.start();
  }

  /** Returns once a started start-up has initialised Tablesaw; at once when none was started. */
  void awaitLoaded() {
    if (started.get()) {
      loaded.join();
    }
  }

  private void runLoad() {
    try {
      load.run();
    } catch (Throwable e) {
      // Only a head start: a failure here must not print a stack trace; the real analysis meets
      // and reports the same problem.
      LOG.debug("Tablesaw start-up stopped: {}", e.toString());
    } finally {
      // Opened even after a failure: the analysis then initialises what is left, alone.
      loaded.complete(null);
    }
  }

  /**
   * Initialises Tablesaw's two static-initialiser cycles from this one thread: the column types
   * (through {@code ColumnType}, which creates all of them), then {@code Table} (whose classpath
   * scan, about a second of CPU, is most of the cost).
   */
  static void initialise() {
    ColumnType.values();
    Table.create("tablesaw-start-up");
  }
}
