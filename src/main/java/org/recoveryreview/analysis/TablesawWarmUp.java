package org.recoveryreview.analysis;

import org.recoveryreview.concurrent.StartUp;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.Table;

/**
 * Tablesaw's one-time class initialisation on a background thread ({@link StartUp}), and the gate
 * every analysis passes before it touches Tablesaw.
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
  private static final StartUp JVM = new StartUp("tablesaw-start-up");

  private TablesawWarmUp() {}

  /** Starts the process's one start-up, once; later calls do nothing. */
  static void start() {
    JVM.start(TablesawWarmUp::initialise);
  }

  /** Returns once a started start-up has initialised Tablesaw; at once when none was started. */
  static void awaitLoaded() {
    JVM.awaitDone();
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
