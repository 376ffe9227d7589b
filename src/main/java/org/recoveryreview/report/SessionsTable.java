package org.recoveryreview.report;

import com.lowagie.text.DocumentException;
import com.lowagie.text.Paragraph;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.recoveryreview.model.PatientMetrics;
import org.recoveryreview.model.PatientReview;
import org.recoveryreview.model.ReportSettings;
import org.recoveryreview.model.SessionSummary;
import org.recoveryreview.report.DocFonts.Style;
import org.recoveryreview.report.Tables.Row;

/**
 * The patient review's sessions of the period, one row per therapy and setting, with the line on
 * how many of the actual minutes were recorded and how many assumed from the plan.
 */
final class SessionsTable {
  private final PatientReview review;
  private final ReportContext ctx;
  private final ReportSettings settings;

  SessionsTable(PatientReview review, ReportContext ctx, ReportSettings settings) {
    this.review = review;
    this.ctx = ctx;
    this.settings = settings;
  }

  /**
   * The period's sessions, one row per therapy and setting with its outcomes spelled out ("3
   * completed, 1 missed"), so a month of many outcomes stays a short table.
   */
  void write(PdfFrame f, Tables tables) throws DocumentException {
    Map<String, SessionRow> byTherapy = new TreeMap<>();
    for (SessionSummary s : review.history().periodSessions()) {
      String therapy = settings.therapyName(s.therapy());
      byTherapy
          .computeIfAbsent(
              therapy + "\u0000" + s.setting().ordinal(),
              k -> new SessionRow(therapy, Fmt.sentence(s.setting().code())))
          .add(s);
    }
    f.section(
        "Sessions in " + Fmt.monthLong(ctx.period().month()),
        Math.min(50 + 12 * byTherapy.size(), 100));
    List<Row> rows = new ArrayList<>();
    for (SessionRow r : byTherapy.values()) {
      rows.add(
          new Row(
              List.of(
                  r.therapy,
                  r.setting,
                  Long.toString(r.sessions),
                  String.join(", ", r.outcomes),
                  Fmt.minutes(r.planned),
                  Fmt.minutes(r.actual),
                  Fmt.minutes(r.assumedMinutes))));
    }
    f.doc.add(
        tables
            .dense()
            .data(
                new float[] {1.4f, 0.55f, 0.7f, 2.8f, 0.65f, 0.6f, 0.7f},
                List.of(
                    "Therapy",
                    "Setting",
                    "Sessions",
                    "Outcomes",
                    "Planned min",
                    "Actual min",
                    "Assumed min"),
                Tables.numeric(7, 2, 4, 5, 6),
                rows,
                "No sessions in this period."));
    if (!rows.isEmpty()) {
      f.doc.add(new Paragraph(f.fonts.phrase(minutesLine(review.metrics()), Style.SMALL)));
    }
  }

  /** One therapy in one setting: its sessions, minutes and outcomes in status order. */
  private static final class SessionRow {
    final String therapy;
    final String setting;
    final List<String> outcomes = new ArrayList<>();
    long sessions;
    long planned;
    long actual;
    long assumedMinutes;

    SessionRow(String therapy, String setting) {
      this.therapy = therapy;
      this.setting = setting;
    }

    void add(SessionSummary s) {
      sessions += s.sessions();
      planned += s.plannedMinutes();
      actual += s.actualMinutes();
      assumedMinutes += s.assumedMinutes();
      outcomes.add(s.sessions() + " " + s.status().code().replace('_', ' '));
    }
  }

  /**
   * "Actual minutes: 464 min: 269 recorded, 195 assumed from the plan for 7 completed sessions
   * without a recorded duration."
   */
  static String minutesLine(PatientMetrics m) {
    long n = m.adherence().imputedMinutesSessions();
    if (n == 0 && m.adherence().imputedMinutes() == 0) {
      return "Actual minutes: "
          + Fmt.minutes(m.adherence().period().actualMinutes())
          + " min, all recorded.";
    }
    return "Actual minutes: "
        + Fmt.minutes(m.adherence().period().actualMinutes())
        + " min: "
        + Fmt.minutes(m.recordedMinutes())
        + " recorded, "
        + Fmt.minutes(m.adherence().imputedMinutes())
        + " assumed from the plan for "
        + n
        + " completed session"
        + (n == 1 ? "" : "s")
        + " without a recorded duration.";
  }
}
