package org.recoveryreview.report;

import com.lowagie.text.DocumentException;
import com.lowagie.text.Paragraph;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.recoveryreview.model.Adherence;
import org.recoveryreview.model.Evidence;
import org.recoveryreview.model.Flag;
import org.recoveryreview.model.FollowUpTier;
import org.recoveryreview.model.ProgramReview;
import org.recoveryreview.model.ReportSettings;
import org.recoveryreview.model.RollupRow;
import org.recoveryreview.model.RollupRow.Dimension;
import org.recoveryreview.report.DocFonts.Style;
import org.recoveryreview.report.Tables.Row;

/** Lays out the programme summary for administrators. */
final class ProgramLayout implements PdfFrame.Body {
  private final ProgramReview p;
  private final List<String> glyphWarnings;
  private final ReportContext ctx;
  private final ReportSettings settings;
  private final ProgramCharts charts;

  ProgramLayout(
      ProgramReview p,
      List<String> glyphWarnings,
      ReportContext ctx,
      ReportSettings settings,
      ProgramCharts charts) {
    this.p = p;
    this.glyphWarnings = List.copyOf(glyphWarnings);
    this.ctx = ctx;
    this.settings = settings;
    this.charts = charts;
  }

  @Override
  public void write(PdfFrame f) throws DocumentException {
    Tables tables = new Tables(f.fonts);
    heading(f);
    new HeadlineSection(p, ctx).write(f, tables);
    List<RollupRow> clinics = period(Dimension.CLINIC);
    List<RollupRow> therapists = period(Dimension.THERAPIST);
    adherenceByGroup(f, clinics, therapists);
    trend(f, tables);
    distributionAndRecovery(f);
    TransitionsSection.write(f, tables, p, ctx.period().month());
    f.section("Roll-ups for " + Fmt.monthLong(ctx.period().month()), 100);
    rollup(f, tables, "Clinic", clinics);
    rollup(f, tables, "Primary therapist", therapists);
    rollup(f, tables, "Therapy", period(Dimension.THERAPY));
    rollup(f, tables, "Setting", period(Dimension.SETTING));
    f.doc.add(
        new Paragraph(f.fonts.phrase(attendanceNote(period(Dimension.SETTING)), Style.SMALL)));
    GoalSection.program(f, tables, p.goalGroups());
    FollowUpSection.write(f, tables, p.followUps());
    DataQualitySection.write(f, tables, p, glyphWarnings);
  }

  /** The organisation, the title and the review period. */
  private void heading(PdfFrame f) throws DocumentException {
    f.organisation(settings.organisation());
    Paragraph title = new Paragraph(f.fonts.phrase("Programme summary", Style.TITLE));
    f.tags.hint(title, Tagging.Role.H1);
    f.doc.add(title);
    f.periodLine(ctx, "", 6);
  }

  private void adherenceByGroup(PdfFrame f, List<RollupRow> clinics, List<RollupRow> therapists)
      throws DocumentException {
    f.section("Adherence by clinic and therapist", 120);
    f.doc.add(
        f.chart(
            charts.rateByGroup(
                "Overall adherence by clinic", "Clinic", clinics, ctx.analysis(), f.fonts),
            f.width(),
            barHeight(clinics.size())));
    f.ensureSpace(barHeight(therapists.size()));
    f.doc.add(
        f.chart(
            charts.rateByGroup(
                "Overall adherence by primary therapist",
                "Therapist",
                therapists,
                ctx.analysis(),
                f.fonts),
            f.width(),
            barHeight(therapists.size())));
  }

  /** The overall-rate histogram beside the stage-onset chart. */
  private void distributionAndRecovery(PdfFrame f) throws DocumentException {
    f.section("Distribution and recovery", 200);
    f.chartPair(
        charts.histogram(p.overallRates(), ctx.analysis(), f.fonts),
        charts.stageOnsets(p.stageOnsets(), f.fonts),
        190);
  }

  /** The 12-month trend and, under it, the patients behind every point. */
  private void trend(PdfFrame f, Tables tables) throws DocumentException {
    f.section("Trend", 300);
    List<RollupRow> programme = ofDimension(Dimension.PROGRAM);
    List<RollupRow> clinics = ofDimension(Dimension.CLINIC);
    f.doc.add(
        f.chart(
            charts.monthlyTrend(programme, clinics, p.trendWindow(), ctx.analysis(), f.fonts),
            f.width(),
            215));
    List<String> head = new ArrayList<>();
    head.add("Patients per point");
    for (String label : p.trendWindow().labels()) {
      head.add(label.replace(' ', '\n'));
    }
    List<Row> rows = new ArrayList<>();
    rows.add(new Row(counts(ProgramCharts.PROGRAMME, programme), true, null));
    Map<String, List<RollupRow>> byClinic = new LinkedHashMap<>();
    for (RollupRow r : clinics) {
      byClinic.computeIfAbsent(r.group(), k -> new ArrayList<>()).add(r);
    }
    byClinic.forEach((clinic, own) -> rows.add(new Row(counts(clinic, own))));
    int n = p.trendWindow().months().size();
    float[] widths = new float[n + 1];
    Arrays.fill(widths, 1f);
    widths[0] = 3.2f;
    int[] right = new int[n];
    for (int i = 0; i < n; i++) {
      right[i] = i + 1;
    }
    f.doc.add(tables.data(widths, head, Tables.numeric(n + 1, right), rows, ""));
    f.doc.add(
        new Paragraph(
            f.fonts.phrase(
                "Patients with a counted session in the month. * fewer than "
                    + RollupRow.FEW_PATIENTS
                    + " patients (hollow marker): one patient can move the rate by 20 points or"
                    + " more. Blank: no sessions.",
                Style.SMALL)));
  }

  /** One row of the patient-count table: the group, then its patients in each trend month. */
  private List<String> counts(String group, List<RollupRow> rows) {
    List<String> cells = new ArrayList<>();
    cells.add(group);
    for (YearMonth m : p.trendWindow().months()) {
      RollupRow r = rows.stream().filter(x -> x.month().equals(m)).findFirst().orElse(null);
      long n = r == null ? 0 : r.patients();
      cells.add(r == null || n == 0 ? "" : (r.fewPatients() ? "*" : "") + n);
    }
    return cells;
  }

  private List<RollupRow> ofDimension(Dimension d) {
    return p.rollups().stream().filter(r -> r.dimension() == d).toList();
  }

  private static float barHeight(int bars) {
    return Math.max(110, 62 + 15 * bars);
  }

  private List<RollupRow> period(Dimension d) {
    return p.rollups().stream()
        .filter(r -> r.dimension() == d && r.month().equals(ctx.period().month()))
        .toList();
  }

  /** The plain-language name of a flag: {@link Flag#label()}, its one owner. */
  static String flagName(Flag f) {
    return f.label();
  }

  /** "tier 1 · act now". */
  static String tierName(FollowUpTier t) {
    return "tier " + t.number() + " · " + t.label();
  }

  private void rollup(PdfFrame f, Tables tables, String dimension, List<RollupRow> rows)
      throws DocumentException {
    List<Row> out = new ArrayList<>();
    for (RollupRow r : rows) {
      Adherence a = r.adherence();
      String group =
          switch (r.dimension()) {
            case THERAPY -> settings.therapyName(r.group());
            case SETTING -> Fmt.sentence(r.group());
            default -> r.group();
          };
      out.add(
          new Row(
              List.of(
                  group,
                  Long.toString(r.patients()),
                  Evidence.pct(a.attendanceRate()),
                  Evidence.pct(a.homeCompletionRate()),
                  Evidence.pct(a.doseRate()),
                  Evidence.pct(a.overallRate()),
                  a.sessionsDone() + " / " + a.sessionsExpected(),
                  Fmt.minutes(a.creditedMinutes()) + " / " + Fmt.minutes(a.plannedMinutes()))));
    }
    f.ensureSpace(40 + 12 * Math.min(rows.size(), 5));
    f.doc.add(
        tables.data(
            new float[] {2.2f, 0.8f, 1f, 1f, 0.8f, 0.9f, 1.1f, 1.4f},
            List.of(
                dimension,
                "Patients",
                "Attendance",
                "Home",
                "Dose",
                "Overall",
                "Sessions done/due",
                "Minutes credited/planned"),
            Tables.numeric(8, 1, 2, 3, 4, 5, 6, 7),
            out,
            "No sessions in this period."));
  }

  /**
   * Why the headline's attendance and the Setting rows differ: the headline (and the clinic,
   * therapist and therapy rows) count clinic and tele sessions together; the Setting rows split
   * them.
   */
  String attendanceNote(List<RollupRow> settings) {
    Adherence all = p.headline().overall();
    List<String> parts = new ArrayList<>();
    for (RollupRow r : settings) {
      Adherence a = r.adherence();
      if (a.clinicScheduled() > 0) {
        parts.add(
            Fmt.sentence(r.group())
                + " "
                + a.clinicAttended()
                + " of "
                + a.clinicScheduled()
                + " ("
                + Evidence.pct(a.attendanceRate())
                + ")");
      }
    }
    return "Attendance: sessions attended of sessions due in the clinic group. The headline's"
        + " \"Clinic + tele attendance\" and the Attendance of the clinic, therapist and therapy"
        + " rows count clinic and tele sessions together ("
        + all.clinicAttended()
        + " of "
        + all.clinicScheduled()
        + ", "
        + Evidence.pct(all.attendanceRate())
        + "); the Setting rows give each setting on its own"
        + (parts.isEmpty() ? "" : ": " + String.join(", ", parts))
        + ".";
  }
}
