package org.recoveryreview.analysis;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.recoveryreview.model.AnalysisSettings;
import org.recoveryreview.model.AratParts;
import org.recoveryreview.model.Assessment;
import org.recoveryreview.model.Dataset;
import org.recoveryreview.model.Patient;
import org.recoveryreview.model.ReviewPeriod;
import org.recoveryreview.model.Session;
import org.recoveryreview.model.Setting;
import org.recoveryreview.model.Status;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tech.tablesaw.aggregate.AggregateFunctions;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Tablesaw's one-time start-up on a background thread, and the gate every analysis passes before it
 * touches Tablesaw.
 *
 * <p>Tablesaw's column types initialise each other in their static initialisers, so two threads
 * that first touch two different column types at the same time can deadlock for ever (Tablesaw
 * issues #1123 and #1230); a CI run hung on exactly that, the warm-up thread against the analysis.
 * So the warm-up runs one round (Tablesaw's roll-ups, then a whole analysis of a small synthetic
 * programme), then opens the gate, then runs more rounds for the JIT that use only classes the
 * first round initialised; an analysis waits at the gate when a warm-up was started.
 */
final class TablesawWarmUp {
  private static final Logger LOG = LoggerFactory.getLogger(TablesawWarmUp.class);

  /** The process's one warm-up. */
  static final TablesawWarmUp JVM =
      new TablesawWarmUp(
          () -> {
            touchTablesaw();
            touchAnalysis();
          },
          3);

  private final Runnable round;
  private final int rounds;
  private final AtomicBoolean started = new AtomicBoolean();
  private final CompletableFuture<Void> loaded = new CompletableFuture<>();

  TablesawWarmUp(Runnable round, int rounds) {
    this.round = round;
    this.rounds = rounds;
  }

  /** Starts the warm-up thread, once; later calls do nothing. */
  void start() {
    if (!started.compareAndSet(false, true)) {
      return;
    }
    Thread t = new Thread(this::runRounds, "tablesaw-warm-up");
    t.setDaemon(true);
    t.setPriority(Thread.MIN_PRIORITY);
    t.start();
  }

  /** Returns once a started warm-up has initialised Tablesaw; at once when none was started. */
  void awaitLoaded() {
    if (started.get()) {
      loaded.join();
    }
  }

  private void runRounds() {
    try {
      round.run();
      loaded.complete(null);
      for (int i = 1; i < rounds; i++) {
        round.run();
      }
    } catch (Throwable e) {
      // Only a head start: a failure here (a heap too small for even the warm-up table) must not
      // print a stack trace; the real analysis meets and reports the same limit.
      LOG.debug("Tablesaw warm-up stopped: {}", e.toString());
    } finally {
      // Opened even after a failure: the analysis then initialises what is left, alone.
      loaded.complete(null);
    }
  }

  /**
   * One round of the work the analysis does: every column type, then the roll-up and per-patient
   * summaries on a synthetic fact table of 24,000 rows, so that the JIT has compiled Tablesaw's
   * group-by before the real tables arrive.
   */
  static void touchTablesaw() {
    // Every column type at once, from this one thread.
    ColumnType.values();
    int n = 24_000;
    IntColumn patient = IntColumn.create(PatientMonth.PATIENT);
    StringColumn id = StringColumn.create(PatientMonth.PATIENT_ID);
    StringColumn clinic = StringColumn.create(PatientMonth.CLINIC);
    StringColumn therapist = StringColumn.create(PatientMonth.THERAPIST);
    StringColumn month = StringColumn.create(PatientMonth.MONTH);
    StringColumn therapy = StringColumn.create(PatientMonth.THERAPY);
    StringColumn setting = StringColumn.create(PatientMonth.SETTING);
    YearMonth last = YearMonth.of(2026, 12);
    for (int i = 0; i < n; i++) {
      patient.append(i / 12);
      id.append("W" + i / 12);
      clinic.append("c" + i % 7);
      therapist.append("t" + i % 50);
      month.append(PatientMonth.label(last.minusMonths(i % 12)));
      therapy.append("x" + i % 5);
      setting.append(Setting.values()[i % 3].code());
    }
    Table months = Table.create("patient_month", patient, id, clinic, therapist, month);
    Table details =
        Table.create("patient_month_therapy", patient.copy(), month.copy(), therapy, setting);
    for (String c : PatientMonth.COUNTS) {
      months.addColumns(LongColumn.create(c, n));
      details.addColumns(LongColumn.create(c, n));
    }
    months.addColumns(IntColumn.create(PatientMonth.PATIENTS, n).setMissingTo(1));
    details.addColumns(
        IntColumn.create(PatientMonth.PATIENTS_THERAPY, n).setMissingTo(1),
        IntColumn.create(PatientMonth.PATIENTS_SETTING, n).setMissingTo(1));
    Aggregates.rollups(months, details, last);
    months.summarize(PatientMonth.COUNTS, AggregateFunctions.sum).by(PatientMonth.PATIENT_ID);
  }

  /**
   * The whole analysis of a small synthetic programme (300 patients, six months), so that every
   * figure's code path (stage medians, the previous month, completeness, flags, windows) is
   * initialised and compiled before the real analysis, not only the roll-ups.
   */
  static void touchAnalysis() {
    YearMonth month = YearMonth.of(2026, 10);
    LocalDate first = month.minusMonths(5).atDay(1);
    List<Patient> patients = new ArrayList<>();
    List<Session> sessions = new ArrayList<>();
    List<Assessment> assessments = new ArrayList<>();
    Status[] statuses = {
      Status.COMPLETED, Status.COMPLETED, Status.PARTIAL, Status.MISSED, Status.CANCELLED
    };
    for (int p = 0; p < 300; p++) {
      String id = "W" + p;
      patients.add(
          new Patient(
              id,
              id,
              Optional.empty(),
              Optional.empty(),
              Optional.empty(),
              Optional.empty(),
              first.minusDays(p % 90),
              "c" + p % 4,
              "t" + p % 20,
              Optional.of(first),
              Optional.empty(),
              Optional.empty()));
      for (int day = 0; day < 183; day += 2) {
        Setting setting = day % 6 == 0 ? Setting.CLINIC : Setting.HOME;
        sessions.add(
            new Session(
                id + "-" + day,
                id,
                first.plusDays(day),
                setting,
                "x" + day % 3,
                statuses[(p + day) % statuses.length],
                30,
                day % 4 == 0 ? OptionalInt.empty() : OptionalInt.of(25),
                Optional.empty()));
      }
      for (int k = 0; k < 5; k++) {
        int stage = Math.min(6, 1 + (p + k) % 4 + k / 2);
        assessments.add(
            new Assessment(
                id,
                first.plusDays(35L * k + p % 7),
                Optional.empty(),
                OptionalInt.of(stage),
                OptionalInt.of(Math.max(1, stage - 1)),
                OptionalInt.of(10 + 4 * k),
                OptionalInt.of(2 + k),
                OptionalInt.of(3 + k),
                OptionalInt.of(2),
                OptionalInt.of(10 + 5 * k),
                AratParts.NONE));
      }
    }
    Dataset data = new Dataset(patients, sessions, assessments, List.of(), List.of());
    new Analyzer(AnalysisSettings.defaults(), 1)
        .analyzeLoaded(data, new ReviewPeriod(month), Set.of());
  }
}
