package org.recoveryreview.report;

import com.lowagie.text.DocumentException;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalInt;
import org.recoveryreview.model.Adherence;
import org.recoveryreview.model.AdherenceBand;
import org.recoveryreview.model.Assessment;
import org.recoveryreview.model.ChangeLabel;
import org.recoveryreview.model.Evidence;
import org.recoveryreview.model.FlagFinding;
import org.recoveryreview.model.Patient;
import org.recoveryreview.model.PatientMetrics;
import org.recoveryreview.model.PatientReview;
import org.recoveryreview.model.ReportSettings;
import org.recoveryreview.model.SessionSummary;
import org.recoveryreview.model.StageTransition;
import org.recoveryreview.report.DocFonts.Style;
import org.recoveryreview.report.Tables.Row;

/** Lays out one patient's review: header, key figures, flags, four charts and three tables. */
final class PatientLayout implements PdfFrame.Body {
  private final PatientReview review;
  private final PatientMetrics m;
  private final ReportContext ctx;
  private final ReportSettings settings;
  private final PatientCharts charts;

  PatientLayout(
      PatientReview review, ReportContext ctx, ReportSettings settings, PatientCharts charts) {
    this.review = review;
    this.m = review.metrics();
    this.ctx = ctx;
    this.settings = settings;
    this.charts = charts;
  }

  @Override
  public void write(PdfFrame f) throws DocumentException {
    Tables tables = new Tables(f.fonts);
    header(f);
    patientBlock(f, tables);
    keyFigures(f, tables);
    flags(f);

    f.section("Adherence", 185);
    f.doc.add(f.chart(charts.weeklyAdherence(review, ctx, f.fonts), f.width(), 180));

    f.section("Therapy minutes", 175);
    f.doc.add(f.chart(charts.therapyMinutes(review, ctx, f.fonts), f.width(), 170));

    f.section("Recovery of arm and hand", 205);
    chartPair(
        f, charts.brunnstrom(review, ctx, f.fonts), charts.fuglMeyer(review, ctx, f.fonts), 200);
    if (RecoveryTrends.any(review)) {
      chartPair(f, charts.fmaTotal(review, ctx, f.fonts), charts.arat(review, ctx, f.fonts), 185);
    }

    GoalSection.patient(f, tables, m.goals());
    transitions(f, tables);
    sessions(f, tables);
    assessments(f, tables);
  }

  /** Two charts side by side at half the text width each. */
  private static void chartPair(
      PdfFrame f, org.jfree.chart.JFreeChart a, org.jfree.chart.JFreeChart b, float height)
      throws DocumentException {
    PdfPTable pair = new PdfPTable(2);
    pair.setWidthPercentage(100);
    float half = (f.width() - 10) / 2;
    pair.setWidths(new float[] {1, 1});
    PdfPCell left = new PdfPCell(f.chart(a, half, height), false);
    PdfPCell right = new PdfPCell(f.chart(b, half, height), false);
    for (PdfPCell c : List.of(left, right)) {
      c.setBorder(Rectangle.NO_BORDER);
      c.setPadding(0);
      pair.addCell(c);
    }
    left.setPaddingRight(5);
    f.doc.add(pair);
  }

  private void header(PdfFrame f) throws DocumentException {
    Paragraph org = new Paragraph(f.fonts.phrase(settings.organisation(), Style.ORG));
    f.doc.add(org);
    Paragraph title = new Paragraph(f.fonts.phrase("Monthly rehabilitation review", Style.TITLE));
    title.setSpacingBefore(1);
    f.doc.add(title);
    Paragraph period =
        new Paragraph(
            f.fonts.phrase(
                "Review period "
                    + Fmt.monthLong(ctx.period().month())
                    + " ("
                    + Fmt.date(ctx.period().start())
                    + " – "
                    + Fmt.date(ctx.period().end())
                    + ")   ·   Data as of "
                    + Fmt.date(ctx.dataAsOf()),
                Style.BODY,
                Palette.MUTED));
    period.setSpacingAfter(8);
    f.doc.add(period);
  }

  private void patientBlock(PdfFrame f, Tables tables) throws DocumentException {
    Patient p = m.patient();
    f.section("Patient", 90);
    f.doc.add(Tables.line(f.fonts.phrase(p.name(), Style.NAME), 4));
    PdfPTable grid = new PdfPTable(5);
    grid.setWidthPercentage(100);
    grid.setWidths(new float[] {1, 0.9f, 1.2f, 1.1f, 1.1f});
    grid.addCell(tables.field("Patient ID", p.patientId()));
    grid.addCell(tables.field("Age", age()));
    grid.addCell(tables.field("Sex", p.sex().map(Fmt::sentence).orElse(Fmt.NONE)));
    grid.addCell(
        tables.field("Affected side", p.affectedSide().map(Fmt::sentence).orElse(Fmt.NONE)));
    grid.addCell(tables.field("Diagnosis", p.diagnosis().orElse(Fmt.NONE)));
    PdfPCell onset =
        tables.field(
            "Onset",
            Fmt.date(p.onsetDate()) + "\n" + m.daysSinceOnset() + " days, " + m.phase().label());
    grid.addCell(onset);
    grid.addCell(tables.field("Clinic", p.clinic()));
    grid.addCell(tables.field("Primary therapist", p.therapist()));
    grid.addCell(tables.field("Programme start", Fmt.date(p.programStart())));
    grid.addCell(
        tables.field("Discharge", p.dischargeDate().map(Fmt::date).orElse("not discharged")));
    f.doc.add(grid);
  }

  private String age() {
    OptionalInt age = m.ageAtPeriodEnd();
    return age.isPresent() ? Integer.toString(age.getAsInt()) : Fmt.NONE;
  }

  private void keyFigures(PdfFrame f, Tables tables) throws DocumentException {
    f.section("Key figures", 120);
    Adherence now = m.period();
    Adherence before = m.previousMonth();
    String thisMonth = Fmt.month(ctx.period().month());
    String prevMonth = Fmt.month(ctx.period().previous().month());
    List<Row> adherence = new ArrayList<>();
    adherence.add(
        new Row(
            List.of(
                "Clinic attendance",
                Fmt.pctOf(now.attendanceRate(), now.clinicAttended(), now.clinicScheduled()),
                Fmt.pctOf(
                    before.attendanceRate(), before.clinicAttended(), before.clinicScheduled()))));
    adherence.add(
        new Row(
            List.of(
                "Home programme completion",
                Fmt.pctOf(now.homeCompletionRate(), now.homeCompleted(), now.homePrescribed()),
                Fmt.pctOf(
                    before.homeCompletionRate(),
                    before.homeCompleted(),
                    before.homePrescribed()))));
    adherence.add(
        new Row(
            List.of(
                "Dose (credited / planned)", Fmt.pct(now.doseRate()), Fmt.pct(before.doseRate()))));
    adherence.add(
        new Row(
            List.of(
                "Credited / planned min",
                Fmt.minutes(now.cappedMinutes()) + " / " + Fmt.minutes(now.plannedMinutes()),
                Fmt.minutes(before.cappedMinutes())
                    + " / "
                    + Fmt.minutes(before.plannedMinutes()))));
    adherence.add(
        new Row(
            List.of(
                "Actual minutes",
                Fmt.minutes(now.actualMinutes()),
                Fmt.minutes(before.actualMinutes()))));
    PdfPTable left =
        tables.data(
            new float[] {1.7f, 1.25f, 1.25f},
            List.of("Adherence", thisMonth, prevMonth),
            Tables.numeric(3, 1, 2),
            adherence,
            "");
    // Overall rate with its band gets a tinted row so the band reads at a glance.
    left.addCell(bandCell(f, tables, "Overall adherence", null, false));
    left.addCell(bandCell(f, tables, overall(now, m.band()), m.band(), true));
    left.addCell(bandCell(f, tables, overall(before, m.previousBand()), m.previousBand(), true));

    List<Row> recovery = new ArrayList<>();
    recovery.add(
        new Row(
            List.of(
                "Brunnstrom arm",
                Fmt.stage(m.brunnstromArm()),
                Fmt.signed(m.brunnstromArmChange()))));
    recovery.add(
        new Row(
            List.of(
                "Brunnstrom hand",
                Fmt.stage(m.brunnstromHand()),
                Fmt.signed(m.brunnstromHandChange()))));
    recovery.add(
        new Row(
            List.of(
                "Fugl-Meyer total",
                m.fmaTotal().isPresent() ? m.fmaTotal().getAsInt() + " / 66" : Fmt.NONE,
                Fmt.signed(m.fmaChange()))));
    recovery.add(
        new Row(
            List.of(
                "ARAT",
                m.arat().isPresent() ? m.arat().getAsInt() + " / 57" : Fmt.NONE,
                Fmt.signed(m.aratChange()))));
    recovery.add(
        new Row(
            List.of(
                "MCID FMA / ARAT (" + m.phase().label() + ")",
                m.mcid() + " / " + m.aratMcid(),
                "")));
    recovery.add(
        new Row(List.of("Stage changes this period", Integer.toString(m.stageTransitions()), "")));
    recovery.add(new Row(List.of("Last assessment", Fmt.date(m.lastAssessment()), "")));
    PdfPTable right =
        tables.data(
            new float[] {1.45f, 1f, 0.9f},
            List.of("Recovery", "Latest", "Change*"),
            Tables.numeric(3, 1, 2),
            recovery,
            "");

    PdfPTable pair = new PdfPTable(2);
    pair.setWidthPercentage(100);
    pair.setWidths(new float[] {1.1f, 0.9f});
    PdfPCell l = Tables.nested(left);
    l.setPaddingRight(8);
    PdfPCell r = Tables.nested(right);
    r.setPaddingLeft(8);
    pair.addCell(l);
    pair.addCell(r);
    f.doc.add(pair);
    if (m.fmaChange().isPresent()) {
      Paragraph label =
          new Paragraph(
              f.fonts.phrase(
                  "Fugl-Meyer change "
                      + ChangeLabel.describe(
                          m.fmaChange().getAsInt(), ctx.analysis().flags().fmaMdc(), m.mcid())
                      + " (measurement error below "
                      + Evidence.number(ctx.analysis().flags().fmaMdc())
                      + " points)",
                  Style.BODY_BOLD));
      label.setSpacingBefore(3);
      f.doc.add(label);
    }
    Paragraph note =
        new Paragraph(
            f.fonts.phrase(
                "* Change: latest value on or before "
                    + Fmt.date(ctx.period().end())
                    + " minus the latest before "
                    + Fmt.date(ctx.period().start())
                    + ". Rates with no sessions due are shown as "
                    + Fmt.NONE
                    + ".",
                Style.SMALL));
    note.setSpacingBefore(2);
    f.doc.add(note);
  }

  private static String overall(Adherence a, AdherenceBand band) {
    if (a.overallRate().isEmpty()) {
      return "No data";
    }
    return Fmt.pct(a.overallRate()) + "  " + Fmt.band(band);
  }

  private PdfPCell bandCell(
      PdfFrame f, Tables tables, String text, AdherenceBand band, boolean right) {
    PdfPCell c =
        tables.cell(
            f.fonts.phrase(
                text, Style.TABLE_BOLD, band == null ? Palette.TEXT : darker(Palette.band(band))),
            right);
    if (band != null) {
      c.setBackgroundColor(Palette.tint(Palette.band(band), 0.14f));
    }
    c.setBorderColor(Palette.RULE);
    return c;
  }

  private static java.awt.Color darker(java.awt.Color c) {
    return new java.awt.Color(c.getRed() * 3 / 5, c.getGreen() * 3 / 5, c.getBlue() * 3 / 5);
  }

  /**
   * The flags in plain language with their evidence, and the follow-up tier; "No flags this month"
   * when there are none.
   */
  private void flags(PdfFrame f) throws DocumentException {
    List<String> lines = new ArrayList<>();
    for (FlagFinding x : ProgramLayout.byUrgency(m.findings())) {
      lines.add(ProgramLayout.flagName(x.flag()) + ": " + x.evidence());
    }
    f.section("Flags for the review meeting", 34f + 14 * lines.size());
    PdfPTable box = new PdfPTable(1);
    box.setWidthPercentage(100);
    Phrase p = new Phrase();
    if (lines.isEmpty()) {
      p.addAll(f.fonts.phrase("No flags this month.", Style.BODY));
    }
    for (int i = 0; i < lines.size(); i++) {
      p.add(f.fonts.phrase("•  ", Style.BODY_BOLD, Palette.VERMILLION));
      p.addAll(f.fonts.phrase(lines.get(i) + "\n", Style.BODY));
    }
    if (!lines.isEmpty()) {
      p.addAll(f.fonts.phrase(followUpLine(), Style.BODY_BOLD));
    }
    p.setLeading(13);
    PdfPCell c = new PdfPCell(p);
    c.setBackgroundColor(lines.isEmpty() ? Palette.ZEBRA : Palette.FLAG_BG);
    c.setBorder(Rectangle.LEFT);
    c.setBorderColor(lines.isEmpty() ? Palette.RULE : Palette.FLAG_RULE);
    c.setBorderWidthLeft(3);
    c.setPadding(7);
    c.setPaddingBottom(8);
    box.addCell(c);
    f.doc.add(box);
  }

  private String followUpLine() {
    if (m.discharged()) {
      return "Discharged: not on the follow-up list.";
    }
    return m.followUpTier()
        .map(t -> "Follow-up " + ProgramLayout.tierName(t) + ".")
        .orElse("No follow-up needed: good news only.");
  }

  private static String roman(int s) {
    return org.recoveryreview.model.BrunnstromScale.roman(s);
  }

  private void transitions(PdfFrame f, Tables tables) throws DocumentException {
    List<StageTransition> list = review.history().transitions();
    f.section("Stage transitions", Math.min(60 + 13 * list.size(), 120));
    List<Row> rows = new ArrayList<>();
    for (StageTransition t : list) {
      boolean inPeriod = review.history().periodTransitions().contains(t);
      rows.add(
          new Row(
              List.of(
                  Fmt.date(t.date()),
                  Fmt.sentence(t.scale().code()),
                  roman(t.fromStage()) + " → " + roman(t.toStage()),
                  Long.toString(t.daysSinceOnset()),
                  t.isUp() ? "▲ up" : "▼ down",
                  inPeriod ? "this period" : ""),
              inPeriod,
              null));
    }
    f.doc.add(
        tables.data(
            new float[] {1.2f, 0.9f, 1f, 1.1f, 0.8f, 1f},
            List.of("Date", "Scale", "From → to", "Days since onset", "Direction", ""),
            Tables.numeric(6, 3),
            rows,
            "No stage transitions recorded."));
  }

  private void sessions(PdfFrame f, Tables tables) throws DocumentException {
    List<SessionSummary> list = new ArrayList<>(review.history().periodSessions());
    list.sort(
        Comparator.comparing((SessionSummary s) -> settings.therapyName(s.therapy()))
            .thenComparing(SessionSummary::setting)
            .thenComparing(SessionSummary::status));
    f.section(
        "Sessions in " + Fmt.monthLong(ctx.period().month()), Math.min(60 + 13 * list.size(), 120));
    List<Row> rows = new ArrayList<>();
    for (SessionSummary s : list) {
      rows.add(
          new Row(
              List.of(
                  settings.therapyName(s.therapy()),
                  Fmt.sentence(s.setting().code()),
                  Fmt.sentence(s.status().code()),
                  Long.toString(s.sessions()),
                  Fmt.minutes(s.plannedMinutes()),
                  Fmt.minutes(s.actualMinutes()))));
    }
    f.doc.add(
        tables.data(
            new float[] {1.8f, 0.9f, 1.1f, 0.8f, 1f, 1f},
            List.of("Therapy", "Setting", "Status", "Sessions", "Planned min", "Actual min"),
            Tables.numeric(6, 3, 4, 5),
            rows,
            "No sessions in this period."));
  }

  private void assessments(PdfFrame f, Tables tables) throws DocumentException {
    List<Assessment> list = review.history().periodAssessments();
    f.section(
        "Assessments in " + Fmt.monthLong(ctx.period().month()),
        Math.min(60 + 13 * list.size(), 120));
    List<Row> rows = new ArrayList<>();
    for (Assessment a : list) {
      rows.add(
          new Row(
              List.of(
                  Fmt.date(a.date()),
                  a.assessor().orElse(Fmt.NONE),
                  Fmt.stage(a.brunnstromArm()),
                  Fmt.stage(a.brunnstromHand()),
                  Fmt.num(a.fmaA()),
                  Fmt.num(a.fmaB()),
                  Fmt.num(a.fmaC()),
                  Fmt.num(a.fmaD()),
                  Fmt.num(a.fmaTotal()),
                  Fmt.num(a.arat()))));
    }
    f.doc.add(
        tables.data(
            new float[] {1.15f, 1.5f, 0.75f, 0.75f, 0.7f, 0.7f, 0.7f, 0.7f, 0.8f, 0.8f},
            List.of(
                "Date",
                "Assessor",
                "Brunn. arm",
                "Brunn. hand",
                "FMA A /36",
                "B /10",
                "C /14",
                "D /6",
                "Total /66",
                "ARAT /57"),
            Tables.numeric(10, 2, 3, 4, 5, 6, 7, 8, 9),
            rows,
            "No assessments in this period."));
    if (!list.isEmpty()) {
      f.doc.add(
          new Paragraph(
              f.fonts.phrase(
                  "FMA: Fugl-Meyer upper extremity motor, A shoulder/elbow/forearm, B wrist, C hand,"
                      + " D coordination/speed. ARAT: Action Research Arm Test.",
                  Style.SMALL)));
    }
  }
}
