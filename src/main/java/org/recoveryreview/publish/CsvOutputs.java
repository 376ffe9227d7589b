package org.recoveryreview.publish;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.recoveryreview.model.Adherence;
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
public final class CsvOutputs {

  /** Columns of patient-metrics.csv, in the order the issue fixes. */
  public static final List<String> PATIENT_COLUMNS =
      List.of(
          "patient_id",
          "name",
          "clinic",
          "therapist",
          "clinic_scheduled",
          "clinic_attended",
          "attendance_rate",
          "home_prescribed",
          "home_completed",
          "home_completion_rate",
          "planned_minutes",
          "actual_minutes",
          "dose_rate",
          "overall_rate",
          "adherence_band",
          "brunnstrom_arm",
          "brunnstrom_arm_change",
          "brunnstrom_hand",
          "brunnstrom_hand_change",
          "fma_total",
          "fma_change",
          "stage_transitions",
          "flags",
          "phase",
          "credited_minutes",
          "arat",
          "arat_change",
          "fma_change_label",
          "follow_up_tier",
          "goals_scored",
          "goals_achieved",
          "gas_t",
          "arat_change_label",
          "assumed_minutes_sessions",
          "assumed_minutes");

  /** Columns of program-metrics.csv. */
  public static final List<String> PROGRAM_COLUMNS =
      List.of(
          "dimension",
          "group",
          "month",
          "clinic_scheduled",
          "clinic_attended",
          "home_prescribed",
          "home_completed",
          "planned_minutes",
          "actual_minutes",
          "attendance_rate",
          "home_completion_rate",
          "dose_rate",
          "overall_rate",
          "patients",
          "patients_with_goals",
          "mean_gas_t",
          "goals_achieved_share",
          "patients_flagged_tier1",
          "patients_flagged_tier2",
          "patients_flagged_tier3",
          "patients_with_two_fma",
          "patients_mcid_reached",
          "clinic_cancelled_sessions",
          "imputed_minutes_sessions");

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
        Adherence a = m.period();
        List<String> row = new ArrayList<>(PATIENT_COLUMNS.size());
        row.add(text(m.patientId()));
        row.add(text(m.patient().name()));
        row.add(text(m.patient().clinic()));
        row.add(text(m.patient().therapist()));
        row.add(Long.toString(a.clinicScheduled()));
        row.add(Long.toString(a.clinicAttended()));
        row.add(rate(a.attendanceRate()));
        row.add(Long.toString(a.homePrescribed()));
        row.add(Long.toString(a.homeCompleted()));
        row.add(rate(a.homeCompletionRate()));
        row.add(Long.toString(a.plannedMinutes()));
        row.add(Long.toString(a.actualMinutes()));
        row.add(rate(a.doseRate()));
        row.add(rate(a.overallRate()));
        row.add(m.band().code());
        row.add(integer(m.brunnstromArm()));
        row.add(integer(m.brunnstromArmChange()));
        row.add(integer(m.brunnstromHand()));
        row.add(integer(m.brunnstromHandChange()));
        row.add(integer(m.fmaTotal()));
        row.add(integer(m.fmaChange()));
        row.add(Integer.toString(m.stageTransitions()));
        row.add(m.flags().stream().map(Flag::code).collect(Collectors.joining(";")));
        row.add(m.phase().code());
        row.add(Long.toString(a.creditedMinutes()));
        row.add(integer(m.arat()));
        row.add(integer(m.aratChange()));
        row.add(m.fmaChangeLabel().map(ChangeLabel::code).orElse(""));
        row.add(m.followUpTier().map(t -> Integer.toString(t.number())).orElse(""));
        row.add(Integer.toString(m.goals().scored()));
        row.add(Integer.toString(m.goals().achieved()));
        row.add(tScore(m.goals().gasT()));
        row.add(m.aratChangeLabel().map(ChangeLabel::code).orElse(""));
        row.add(Long.toString(m.imputedMinutesSessions()));
        row.add(Long.toString(m.imputedMinutes()));
        p.printRecord(row);
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
        Adherence a = r.adherence();
        GoalGroup g =
            r.month().equals(program.period().month())
                ? goals.get(r.dimension().code() + "\t" + r.group())
                : null;
        List<Object> row = new ArrayList<>(PROGRAM_COLUMNS.size());
        row.addAll(
            List.of(
                r.dimension().code(),
                text(r.group()),
                r.month().toString(),
                a.clinicScheduled(),
                a.clinicAttended(),
                a.homePrescribed(),
                a.homeCompleted(),
                a.plannedMinutes(),
                a.actualMinutes(),
                rate(a.attendanceRate()),
                rate(a.homeCompletionRate()),
                rate(a.doseRate()),
                rate(a.overallRate()),
                r.patients()));
        row.add(g == null ? "" : Integer.toString(g.patientsWithGoals()));
        row.add(g == null ? "" : tScore(g.meanGasT()));
        row.add(g == null ? "" : rate(g.achievedShare()));
        if (r.periodCounts().isPresent()) {
          PeriodGroupCounts c = r.periodCounts().get();
          row.addAll(
              List.of(
                  c.patientsTier1(),
                  c.patientsTier2(),
                  c.patientsTier3(),
                  c.patientsWithTwoFma(),
                  c.patientsMcidReached(),
                  c.clinicCancelledSessions(),
                  c.imputedMinutesSessions()));
        } else {
          row.addAll(List.of("", "", "", "", "", "", ""));
        }
        p.printRecord(row);
      }
    }
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
    CSVPrinter p = new CSVPrinter(new java.io.BufferedWriter(w, 1 << 16), FORMAT);
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
    return t.isPresent() ? String.format(Locale.ROOT, "%.1f", t.getAsDouble()) : "";
  }

  private static String integer(OptionalInt i) {
    return i.isPresent() ? Integer.toString(i.getAsInt()) : "";
  }

  /** Lets CSVPrinter close its writer chain without closing the caller's stream. */
  private static final class NonClosing extends java.io.FilterOutputStream {
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
