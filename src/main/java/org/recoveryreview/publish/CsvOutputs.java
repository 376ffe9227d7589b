package org.recoveryreview.publish;

import java.io.BufferedWriter;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.recoveryreview.model.Adherence;
import org.recoveryreview.model.AdherenceCount;
import org.recoveryreview.model.ChangeLabel;
import org.recoveryreview.model.DataIssue;
import org.recoveryreview.model.Evidence;
import org.recoveryreview.model.Flag;
import org.recoveryreview.model.GoalGroup;
import org.recoveryreview.model.PatientMetrics;
import org.recoveryreview.model.PeriodGroupCounts;
import org.recoveryreview.model.ProgramReview;
import org.recoveryreview.model.RollupRow;

/**
 * Writes the spreadsheet outputs (patient-metrics.csv, program-metrics.csv, data-issues.csv): RFC
 * 4180, UTF-8 without BOM, and safe to open in a spreadsheet (text that a spreadsheet would run as
 * a formula gets a leading apostrophe).
 */
final class CsvOutputs {

  /** A CSV column: its header and how a row's cell is written, declared together. */
  private record Column<T>(String name, Function<T, Object> value) {}

  /** One row of program-metrics.csv: a roll-up row and, in the period's month, its goal group. */
  private record ProgramRow(RollupRow rollup, Optional<GoalGroup> goals) {}

  /** patient-metrics.csv: the first 24 columns are the original contract, later ones appended. */
  private static final List<Column<PatientMetrics>> PATIENT =
      List.of(
          new Column<>("patient_id", m -> text(m.patientId())),
          new Column<>("name", m -> text(m.patient().name())),
          new Column<>("clinic", m -> text(m.patient().clinic())),
          new Column<>("therapist", m -> text(m.patient().therapist())),
          count(AdherenceCount.CLINIC_SCHEDULED, m -> m.adherence().period()),
          count(AdherenceCount.CLINIC_ATTENDED, m -> m.adherence().period()),
          new Column<>("attendance_rate", m -> rate(m.adherence().period().attendanceRate())),
          count(AdherenceCount.HOME_PRESCRIBED, m -> m.adherence().period()),
          count(AdherenceCount.HOME_COMPLETED, m -> m.adherence().period()),
          new Column<>(
              "home_completion_rate", m -> rate(m.adherence().period().homeCompletionRate())),
          count(AdherenceCount.PLANNED_MINUTES, m -> m.adherence().period()),
          count(AdherenceCount.ACTUAL_MINUTES, m -> m.adherence().period()),
          new Column<>("dose_rate", m -> rate(m.adherence().period().doseRate())),
          new Column<>("overall_rate", m -> rate(m.adherence().period().overallRate())),
          new Column<>("adherence_band", m -> m.adherence().band().code()),
          new Column<>("brunnstrom_arm", m -> integer(m.recovery().stages().arm())),
          new Column<>("brunnstrom_arm_change", m -> integer(m.recovery().stages().armChange())),
          new Column<>("brunnstrom_hand", m -> integer(m.recovery().stages().hand())),
          new Column<>("brunnstrom_hand_change", m -> integer(m.recovery().stages().handChange())),
          new Column<>("fma_total", m -> integer(m.recovery().fma().total())),
          new Column<>("fma_change", m -> integer(m.recovery().fma().change())),
          new Column<>("stage_transitions", m -> m.recovery().stages().transitions()),
          new Column<>(
              "flags", m -> m.flags().stream().map(Flag::code).collect(Collectors.joining(";"))),
          new Column<>("phase", m -> m.recovery().phase().code()),
          count(AdherenceCount.CREDITED_MINUTES, m -> m.adherence().period()),
          new Column<>("arat", m -> integer(m.recovery().arat().score())),
          new Column<>("arat_change", m -> integer(m.recovery().arat().change())),
          new Column<>(
              "fma_change_label",
              m -> m.recovery().fma().changeLabel().map(ChangeLabel::code).orElse("")),
          new Column<>(
              "follow_up_tier",
              m -> m.signals().followUpTier().map(t -> Integer.toString(t.number())).orElse("")),
          new Column<>("goals_scored", m -> m.goals().scored()),
          new Column<>("goals_achieved", m -> m.goals().achieved()),
          new Column<>("gas_t", m -> tScore(m.goals().gasT())),
          new Column<>(
              "arat_change_label",
              m -> m.recovery().arat().changeLabel().map(ChangeLabel::code).orElse("")),
          new Column<>("assumed_minutes_sessions", m -> m.adherence().imputedMinutesSessions()),
          new Column<>("assumed_minutes", m -> m.adherence().imputedMinutes()));

  /** program-metrics.csv: adherence per group and month, goals and period counts appended. */
  private static final List<Column<ProgramRow>> PROGRAM =
      List.of(
          new Column<>("dimension", r -> r.rollup().dimension().code()),
          new Column<>("group", r -> text(r.rollup().group())),
          new Column<>("month", r -> r.rollup().month().toString()),
          count(AdherenceCount.CLINIC_SCHEDULED, r -> r.rollup().adherence()),
          count(AdherenceCount.CLINIC_ATTENDED, r -> r.rollup().adherence()),
          count(AdherenceCount.HOME_PRESCRIBED, r -> r.rollup().adherence()),
          count(AdherenceCount.HOME_COMPLETED, r -> r.rollup().adherence()),
          count(AdherenceCount.PLANNED_MINUTES, r -> r.rollup().adherence()),
          count(AdherenceCount.ACTUAL_MINUTES, r -> r.rollup().adherence()),
          new Column<>("attendance_rate", r -> rate(r.rollup().adherence().attendanceRate())),
          new Column<>(
              "home_completion_rate", r -> rate(r.rollup().adherence().homeCompletionRate())),
          new Column<>("dose_rate", r -> rate(r.rollup().adherence().doseRate())),
          new Column<>("overall_rate", r -> rate(r.rollup().adherence().overallRate())),
          new Column<>("patients", r -> r.rollup().patients()),
          goal("patients_with_goals", g -> g.patientsWithGoals()),
          goal("mean_gas_t", g -> tScore(g.meanGasT())),
          goal("goals_achieved_share", g -> rate(g.achievedShare())),
          period("patients_flagged_tier1", PeriodGroupCounts::patientsTier1),
          period("patients_flagged_tier2", PeriodGroupCounts::patientsTier2),
          period("patients_flagged_tier3", PeriodGroupCounts::patientsTier3),
          period("patients_with_two_fma", PeriodGroupCounts::patientsWithTwoFma),
          period("patients_mcid_reached", PeriodGroupCounts::patientsMcidReached),
          period("clinic_cancelled_sessions", PeriodGroupCounts::clinicCancelledSessions),
          period("imputed_minutes_sessions", PeriodGroupCounts::imputedMinutesSessions));

  /** Columns of patient-metrics.csv, in order. */
  public static final List<String> PATIENT_COLUMNS = names(PATIENT);

  /** Columns of program-metrics.csv, in order. */
  public static final List<String> PROGRAM_COLUMNS = names(PROGRAM);

  /** Columns of data-issues.csv. */
  public static final List<String> ISSUE_COLUMNS =
      List.of("file", "line", "kind", "key", "column", "value", "action", "reason");

  private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().get();

  private CsvOutputs() {}

  /** One row per patient, in the order given (the analysis sorts by patient_id). */
  public static void writePatientMetrics(List<PatientMetrics> patients, OutputStream out)
      throws IOException {
    try (CSVPrinter p = printer(out, PATIENT_COLUMNS)) {
      for (PatientMetrics m : patients) {
        p.printRecord(cells(PATIENT, m));
      }
    }
  }

  /**
   * The roll-ups in long form, in the order the analysis produced them; the goal columns are filled
   * on the programme and clinic rows of the review period's month only.
   */
  public static void writeProgramMetrics(ProgramReview program, OutputStream out)
      throws IOException {
    Map<String, GoalGroup> goals = new HashMap<>();
    for (GoalGroup g : program.goalGroups()) {
      goals.put(g.dimension().code() + "\t" + g.group(), g);
    }
    try (CSVPrinter p = printer(out, PROGRAM_COLUMNS)) {
      for (RollupRow r : program.rollups()) {
        Optional<GoalGroup> g =
            r.month().equals(program.headline().period().month())
                ? Optional.ofNullable(goals.get(r.dimension().code() + "\t" + r.group()))
                : Optional.empty();
        p.printRecord(cells(PROGRAM, new ProgramRow(r, g)));
      }
    }
  }

  private static <T> List<String> names(List<Column<T>> columns) {
    return columns.stream().map(Column::name).toList();
  }

  private static <T> List<Object> cells(List<Column<T>> columns, T row) {
    List<Object> out = new ArrayList<>(columns.size());
    for (Column<T> c : columns) {
      out.add(c.value().apply(row));
    }
    return out;
  }

  /** An adherence count's column, named after the count. */
  private static <T> Column<T> count(AdherenceCount count, Function<T, Adherence> adherence) {
    return new Column<>(count.column(), row -> count.of(adherence.apply(row)));
  }

  /** A goal column: empty outside the period's month and for groups without goal figures. */
  private static Column<ProgramRow> goal(String name, Function<GoalGroup, Object> value) {
    return new Column<>(name, r -> r.goals().map(value).orElse(""));
  }

  /** A period-count column: empty on rows without period counts (other months, therapies). */
  private static Column<ProgramRow> period(String name, Function<PeriodGroupCounts, Object> v) {
    return new Column<>(name, r -> r.rollup().periodCounts().map(v).orElse(""));
  }

  /** Every row ingestion set aside; just the header when there is nothing to list. */
  public static void writeDataIssues(List<DataIssue> issues, OutputStream out) throws IOException {
    try (CSVPrinter p = printer(out, ISSUE_COLUMNS)) {
      for (DataIssue i : issues) {
        p.printRecord(
            text(i.file()),
            i.line(),
            i.kind().code(),
            text(i.key()),
            text(i.column()),
            text(i.value()),
            i.action().code(),
            text(i.reason()));
      }
    }
  }

  private static CSVPrinter printer(OutputStream out, List<String> header) throws IOException {
    Writer w = new OutputStreamWriter(new NonClosing(out), StandardCharsets.UTF_8);
    CSVPrinter p = new CSVPrinter(new BufferedWriter(w, 1 << 16), FORMAT);
    p.printRecord(header);
    return p;
  }

  /**
   * Makes a text cell safe for spreadsheets: a cell starting with =, +, -, @, tab or carriage
   * return would be run as a formula (CSV injection), so it gets a leading apostrophe unless the
   * whole cell is a number.
   */
  static String text(String value) {
    if (value.isEmpty()) {
      return value;
    }
    char c = value.charAt(0);
    if (c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r') {
      if (!isNumber(value)) {
        return "'" + value;
      }
    }
    return value;
  }

  private static boolean isNumber(String value) {
    try {
      Double.parseDouble(value);
      // Double.parseDouble also takes "NaN", "Infinity" and hex floats; spreadsheets do not.
      return value.chars().allMatch(ch -> (ch >= '0' && ch <= '9') || "+-.eE".indexOf(ch) >= 0);
    } catch (NumberFormatException e) {
      return false;
    }
  }

  /** A rate with 4 digits after the point; empty when the denominator was 0. */
  static String rate(OptionalDouble r) {
    return r.isPresent() ? Evidence.decimalRate(r.getAsDouble()) : "";
  }

  /** A GAS T-score with one decimal; empty when there is none. */
  static String tScore(OptionalDouble t) {
    return t.isPresent() ? Evidence.tScore(t.getAsDouble()) : "";
  }

  private static String integer(OptionalInt i) {
    return i.isPresent() ? Integer.toString(i.getAsInt()) : "";
  }

  /** Lets CSVPrinter close its writer chain without closing the caller's stream. */
  private static final class NonClosing extends FilterOutputStream {
    NonClosing(OutputStream out) {
      super(out);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
    }

    @Override
    public void close() throws IOException {
      out.flush();
    }
  }
}
