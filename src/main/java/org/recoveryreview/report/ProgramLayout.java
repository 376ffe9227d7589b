package org.recoveryreview.report;

import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import java.awt.Color;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.SortedSet;
import java.util.TreeSet;
import org.recoveryreview.model.Adherence;
import org.recoveryreview.model.AdherenceBand;
import org.recoveryreview.model.BrunnstromScale;
import org.recoveryreview.model.Evidence;
import org.recoveryreview.model.Flag;
import org.recoveryreview.model.FollowUpTier;
import org.recoveryreview.model.PeriodGroupCounts;
import org.recoveryreview.model.ProgramHeadline;
import org.recoveryreview.model.ProgramReview;
import org.recoveryreview.model.ReportSettings;
import org.recoveryreview.model.RollupRow;
import org.recoveryreview.model.RollupRow.Dimension;
import org.recoveryreview.model.TransitionMatrix;
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
    headline(f, tables);
    List<RollupRow> clinics = period(Dimension.CLINIC);
    List<RollupRow> therapists = period(Dimension.THERAPIST);
    adherenceByGroup(f, clinics, therapists);
    trend(f, tables);
    distributionAndRecovery(f);
    transitions(f, tables);
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
    f.doc.add(Tables.line(f.fonts.phrase(settings.organisation(), Style.ORG), 0));
    Paragraph title = new Paragraph(f.fonts.phrase("Programme summary", Style.TITLE));
    f.tags.hint(title, Tagging.Role.H1);
    f.doc.add(title);
    Paragraph period =
        new Paragraph(
            f.fonts.phrase(
                "Review period "
                    + Fmt.monthLong(ctx.period().month())
                    + "   ·   Data as of "
                    + Fmt.date(ctx.dataAsOf()),
                Style.BODY,
                Palette.MUTED));
    period.setSpacingAfter(6);
    f.doc.add(period);
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
    float half = (f.width() - 10) / 2;
    PdfPTable pair = new PdfPTable(2);
    pair.setWidthPercentage(100);
    PdfPCell a =
        new PdfPCell(
            f.chart(charts.histogram(p.overallRates(), ctx.analysis(), f.fonts), half, 190), false);
    PdfPCell b =
        new PdfPCell(f.chart(charts.stageOnsets(p.stageOnsets(), f.fonts), half, 190), false);
    for (PdfPCell c : List.of(a, b)) {
      c.setBorder(Rectangle.NO_BORDER);
      c.setPadding(0);
      pair.addCell(c);
    }
    a.setPaddingRight(5);
    f.doc.add(pair);
  }

  /** The arm and hand Brunnstrom transition heat maps side by side, with how to read them. */
  private void transitions(PdfFrame f, Tables tables) throws DocumentException {
    f.section("Brunnstrom transitions in " + Fmt.monthLong(ctx.period().month()), 150);
    PdfPTable maps = new PdfPTable(2);
    maps.setWidthPercentage(100);
    PdfPCell arm = Tables.nested(heatMap(f, tables, p.armTransitions(), "Arm"));
    PdfPCell hand = Tables.nested(heatMap(f, tables, p.handTransitions(), "Hand"));
    maps.addCell(arm);
    maps.addCell(hand);
    arm.setPaddingRight(10);
    hand.setPaddingLeft(10);
    f.doc.add(maps);
    f.doc.add(
        new Paragraph(
            f.fonts.phrase(
                "Rows: stage before, columns: stage after. Above the diagonal: improvement; below:"
                    + " regression. Darker cells hold more transitions.",
                Style.SMALL)));
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
      cells.add(n == 0 ? "" : (r.fewPatients() ? "*" : "") + n);
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

  private void headline(PdfFrame f, Tables tables) throws DocumentException {
    f.section("Headline figures", 110);
    ProgramHeadline now = p.headline();
    ProgramHeadline before = p.previousMonth();
    f.doc.add(tiles(f, now, before));
    counts(f, tables, now, before);
    outcomes(f, tables, now, before);
  }

  /** Patients in review and the four rates, each beside the previous month's. */
  private PdfPTable tiles(PdfFrame f, ProgramHeadline now, ProgramHeadline before) {
    Adherence o = now.overall();
    Adherence b = before.overall();
    String prev = Fmt.month(before.period().month());
    PdfPTable tiles = new PdfPTable(5);
    tiles.setWidthPercentage(100);
    tiles.addCell(
        tile(
            f,
            "Patients in review",
            Integer.toString(now.patientsInReview()),
            prev
                + ": "
                + before.patientsInReview()
                + " ("
                + Fmt.change(now.patientsInReview(), before.patientsInReview())
                + ")"));
    tiles.addCell(
        rateTile(
            f,
            "Overall adherence",
            o.overallRate(),
            b.overallRate(),
            o.sessionsDone() + " of " + o.sessionsExpected() + " sessions",
            prev));
    tiles.addCell(
        rateTile(
            f,
            "Clinic + tele attendance",
            o.attendanceRate(),
            b.attendanceRate(),
            o.clinicAttended() + " of " + o.clinicScheduled(),
            prev));
    tiles.addCell(
        rateTile(
            f,
            "Home completion",
            o.homeCompletionRate(),
            b.homeCompletionRate(),
            o.homeCompleted() + " of " + o.homePrescribed(),
            prev));
    tiles.addCell(
        rateTile(
            f,
            "Dose",
            o.doseRate(),
            b.doseRate(),
            Fmt.minutes(o.creditedMinutes())
                + " credited of "
                + Fmt.minutes(o.plannedMinutes())
                + " min",
            prev));
    tiles.setSpacingAfter(8);
    return tiles;
  }

  /** Patients per band, per follow-up tier and per flag, beside the previous month's. */
  private void counts(PdfFrame f, Tables tables, ProgramHeadline now, ProgramHeadline before)
      throws DocumentException {
    String cur = Fmt.month(now.period().month());
    String prev = Fmt.month(before.period().month());
    List<Row> bands = new ArrayList<>();
    for (AdherenceBand band : AdherenceBand.values()) {
      bands.add(
          new Row(
              withChange(Fmt.band(band) + bandRule(band), now.band(band), before.band(band)),
              false,
              Palette.tint(Palette.band(band), 0.12f)));
    }
    List<Row> flags = new ArrayList<>();
    for (FollowUpTier t : FollowUpTier.values()) {
      flags.add(
          new Row(withChange("Follow-up " + tierName(t), now.tier(t), before.tier(t)), true, null));
    }
    for (Flag fl : Flag.values()) {
      flags.add(new Row(withChange(flagName(fl), now.flag(fl), before.flag(fl))));
    }
    PdfPTable pair = new PdfPTable(2);
    pair.setWidthPercentage(100);
    float[] widths = {3f, 0.85f, 0.85f, 1f};
    boolean[] numeric = Tables.numeric(4, 1, 2, 3);
    PdfPCell l =
        Tables.nested(
            tables.data(
                widths, List.of("Patients per band", cur, prev, "Change"), numeric, bands, ""));
    PdfPCell r =
        Tables.nested(
            tables.data(
                widths, List.of("Patients flagged", cur, prev, "Change"), numeric, flags, ""));
    l.setPaddingRight(10);
    r.setPaddingLeft(10);
    pair.addCell(l);
    pair.addCell(r);
    pair.setSpacingAfter(6);
    f.doc.add(pair);
  }

  /** A label, this month's count, last month's and the change. */
  private static List<String> withChange(String label, long now, long before) {
    return List.of(label, Long.toString(now), Long.toString(before), Fmt.change(now, before));
  }

  private PdfPCell rateTile(
      PdfFrame f,
      String label,
      OptionalDouble now,
      OptionalDouble before,
      String counts,
      String prev) {
    return tile(
        f,
        label,
        Evidence.pct(now),
        counts + "\n" + prev + ": " + Evidence.pct(before) + ", " + Fmt.points(now, before));
  }

  /**
   * Patients reaching the Fugl-Meyer MCID since their first complete assessment, for the programme
   * and each clinic, beside the previous month.
   */
  private void outcomes(PdfFrame f, Tables tables, ProgramHeadline now, ProgramHeadline before)
      throws DocumentException {
    SortedSet<String> clinics = new TreeSet<>(now.clinics().keySet());
    clinics.addAll(before.clinics().keySet());
    List<Row> rows = new ArrayList<>();
    rows.add(new Row(outcome("Programme", now.programme(), before.programme()), true, null));
    for (String c : clinics) {
      rows.add(new Row(outcome(c, now.clinic(c), before.clinic(c))));
    }
    f.ensureSpace(40 + 12 * rows.size());
    f.doc.add(
        tables.data(
            new float[] {2.4f, 1.1f, 1.1f, 0.9f, 1f, 0.9f},
            List.of(
                "Fugl-Meyer outcome",
                "Patients with 2+ FMA",
                "Reached MCID",
                "Share",
                Fmt.month(before.period().month()),
                "Change"),
            Tables.numeric(6, 1, 2, 3, 4, 5),
            rows,
            ""));
    f.doc.add(
        new Paragraph(
            f.fonts.phrase(
                "Reached MCID: latest complete FMA-UE total minus the first one ever is at least"
                    + " the MCID of the patient's phase, among patients in review with two or more"
                    + " complete assessments. * fewer than "
                    + RollupRow.FEW_PATIENTS
                    + " patients: one patient moves the share by 20 points or more. Previous"
                    + " month: the same figures for the patients in review then, from the records"
                    + " up to its end.",
                Style.SMALL)));
  }

  private static List<String> outcome(
      String group, PeriodGroupCounts now, PeriodGroupCounts before) {
    OptionalDouble share = now.mcidShare();
    OptionalDouble was = before.mcidShare();
    return List.of(
        group,
        (now.fewFmaPatients() ? "*" : "") + now.patientsWithTwoFma(),
        Long.toString(now.patientsMcidReached()),
        Evidence.pct(share),
        was.isPresent()
            ? Evidence.pct(was)
                + " ("
                + before.patientsMcidReached()
                + "/"
                + before.patientsWithTwoFma()
                + ")"
            : Fmt.NONE,
        Fmt.points(share, was));
  }

  private String bandRule(AdherenceBand b) {
    return switch (b) {
      case ADHERENT -> " (at or above " + Evidence.pct(ctx.analysis().adherenceTarget()) + ")";
      case PARTIAL ->
          " ("
              + Evidence.pct(ctx.analysis().partialThreshold())
              + " to below "
              + Evidence.pct(ctx.analysis().adherenceTarget())
              + ")";
      case LOW -> " (below " + Evidence.pct(ctx.analysis().partialThreshold()) + ")";
      case NO_DATA -> " (no sessions due)";
    };
  }

  /** The plain-language name of a flag: {@link Flag#label()}, its one owner. */
  static String flagName(Flag f) {
    return f.label();
  }

  /** "tier 1 · act now". */
  static String tierName(FollowUpTier t) {
    return "tier " + t.number() + " · " + t.label();
  }

  private PdfPCell tile(PdfFrame f, String label, String value, String note) {
    Phrase ph = f.fonts.phrase(label + "\n", Style.LABEL);
    ph.addAll(f.fonts.phrase(value, Style.FIGURE));
    if (note != null) {
      ph.addAll(f.fonts.phrase("\n" + note, Style.SMALL));
    }
    ph.setLeading(13);
    PdfPCell c = new PdfPCell(ph);
    c.setBorder(Rectangle.LEFT);
    c.setBorderColor(Palette.ACCENT);
    c.setBorderWidthLeft(2);
    c.setPaddingLeft(7);
    c.setPaddingBottom(5);
    return c;
  }

  private PdfPTable heatMap(PdfFrame f, Tables tables, TransitionMatrix m, String name) {
    PdfPTable t = new PdfPTable(new float[] {1.5f, 1, 1, 1, 1, 1, 1});
    t.setWidthPercentage(100);
    int max = 1;
    for (int from = 1; from <= 6; from++) {
      for (int to = 1; to <= 6; to++) {
        max = Math.max(max, m.count(from, to));
      }
    }
    PdfPCell title =
        tables.cell(
            f.fonts.phrase(name + ": " + m.total() + " transitions", Style.TABLE_BOLD), false);
    title.setColspan(7);
    title.setBorder(Rectangle.NO_BORDER);
    t.addCell(title);
    t.addCell(headCell(f, tables, "From \\ to"));
    for (int to = 1; to <= 6; to++) {
      t.addCell(headCell(f, tables, BrunnstromScale.roman(to)));
    }
    for (int from = 1; from <= 6; from++) {
      t.addCell(headCell(f, tables, BrunnstromScale.roman(from)));
      for (int to = 1; to <= 6; to++) {
        int n = m.count(from, to);
        PdfPCell c;
        if (from == to) {
          c = tables.cell(f.fonts.phrase("·", Style.TABLE, Palette.MUTED), false);
          c.setBackgroundColor(Palette.HEAD_BG);
        } else {
          Color base = to > from ? Palette.BLUE : Palette.VERMILLION;
          float share = n == 0 ? 0 : 0.15f + 0.85f * n / max;
          Color bg = Palette.tint(base, share);
          c =
              tables.cell(
                  f.fonts.phrase(
                      n == 0 ? "" : Integer.toString(n),
                      share > 0.55f ? Style.TABLE_BOLD : Style.TABLE,
                      share > 0.55f ? Color.WHITE : Palette.TEXT),
                  false);
          c.setBackgroundColor(bg);
        }
        c.setHorizontalAlignment(Element.ALIGN_CENTER);
        c.setBorder(Rectangle.BOX);
        c.setBorderColor(Color.WHITE);
        c.setBorderWidth(1);
        c.setFixedHeight(15);
        t.addCell(c);
      }
    }
    return t;
  }

  private static PdfPCell headCell(PdfFrame f, Tables tables, String text) {
    PdfPCell c = tables.cell(f.fonts.phrase(text, Style.TABLE_HEAD), false);
    c.setHorizontalAlignment(Element.ALIGN_CENTER);
    c.setBorder(Rectangle.NO_BORDER);
    c.setFixedHeight(15);
    return c;
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
