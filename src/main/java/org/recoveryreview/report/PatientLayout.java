package org.recoveryreview.report;

import com.lowagie.text.DocumentException;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import java.awt.Color;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.jfree.chart.JFreeChart;
import org.jspecify.annotations.Nullable;
import org.recoveryreview.model.Adherence;
import org.recoveryreview.model.AdherenceBand;
import org.recoveryreview.model.Assessment;
import org.recoveryreview.model.BrunnstromScale;
import org.recoveryreview.model.ChangeLabel;
import org.recoveryreview.model.Evidence;
import org.recoveryreview.model.FlagFinding;
import org.recoveryreview.model.FlagSettings;
import org.recoveryreview.model.LastMeasured;
import org.recoveryreview.model.Patient;
import org.recoveryreview.model.PatientMetrics;
import org.recoveryreview.model.PatientReview;
import org.recoveryreview.model.RecoveryFigures;
import org.recoveryreview.model.ReportSettings;
import org.recoveryreview.model.StageTransition;
import org.recoveryreview.report.DocFonts.Style;
import org.recoveryreview.report.Tables.Row;

/**
 * Lays out one patient's review: header, key figures, flags, the adherence and minutes charts, the
 * recovery charts, goals, transitions, the period's sessions and the assessment history.
 */
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

    f.section("Adherence and therapy minutes", ADHERENCE_HEIGHT);
    f.doc.add(f.chart(charts.weeklyAdherence(review, ctx, f.fonts), f.width(), ADHERENCE_HEIGHT));
    f.doc.add(f.chart(charts.therapyMinutes(review, ctx, f.fonts), f.width(), MINUTES_HEIGHT));

    f.section("Recovery of arm and hand", RECOVERY_HEIGHT);
    recoveryCharts(f);

    GoalSection.patient(f, tables, m.goals());
    transitions(f, tables);
    new SessionsTable(review, ctx, settings).write(f, tables);
    new AssessmentHistory(review, ctx).write(f, tables);
  }

  // Heights in points, chosen so a typical review (a few flags, up to six therapies, goals) is two
  // A4 pages: adherence and minutes close page 1, the recovery charts and tables fill page 2.
  static final float ADHERENCE_HEIGHT = 150;
  static final float MINUTES_HEIGHT = 140;
  static final float RECOVERY_HEIGHT = 138;

  /**
   * Brunnstrom beside the Fugl-Meyer total, then the Fugl-Meyer parts (proximal to distal) beside
   * ARAT (with its subtests, gross to fine, when recorded): four charts in two rows on one time
   * axis. Without any total or ARAT, the stages and the parts only.
   */
  private void recoveryCharts(PdfFrame f) throws DocumentException {
    JFreeChart stages = charts.brunnstrom(review, ctx, f.fonts);
    JFreeChart parts = charts.fuglMeyer(review, ctx, f.fonts);
    if (!RecoveryTrends.any(review) && !PatientCharts.anyAratParts(review)) {
      f.chartPair(stages, parts, RECOVERY_HEIGHT);
      return;
    }
    f.chartPair(stages, charts.fmaTotal(review, ctx, f.fonts), RECOVERY_HEIGHT);
    JFreeChart arat =
        PatientCharts.anyAratParts(review)
            ? charts.aratParts(review, ctx, f.fonts)
            : charts.arat(review, ctx, f.fonts);
    f.chartPair(parts, arat, RECOVERY_HEIGHT);
    Optional<String> why = PatientCharts.reference(review, settings).reason();
    if (why.isPresent() && RecoveryTrends.firstTotal(review).isPresent()) {
      f.doc.add(new Paragraph(f.fonts.phrase(why.get(), Style.SMALL)));
    }
  }

  private void header(PdfFrame f) throws DocumentException {
    f.organisation(settings.organisation());
    Paragraph title = new Paragraph(f.fonts.phrase("Monthly rehabilitation review", Style.TITLE));
    title.setSpacingBefore(1);
    f.tags.hint(title, Tagging.Role.H1);
    f.doc.add(title);
    String dates =
        " (" + Fmt.date(ctx.period().start()) + " – " + Fmt.date(ctx.period().end()) + ")";
    f.periodLine(ctx, dates, 8);
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
            Fmt.date(p.onsetDate())
                + "\n"
                + m.recovery().daysSinceOnset()
                + " days, "
                + m.recovery().phase().label());
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

  /**
   * The adherence table (this month against the previous) beside the recovery table (latest value
   * and change), then a line per stage or score change and the note on how change is counted.
   */
  private void keyFigures(PdfFrame f, Tables tables) throws DocumentException {
    f.section("Key figures", 120);
    f.doc.add(sideBySide(adherenceTable(f, tables), recoveryTable(tables)));
    changeNotes(f);
  }

  private PdfPTable adherenceTable(PdfFrame f, Tables tables) throws DocumentException {
    Adherence now = m.adherence().period();
    Adherence before = m.adherence().previousMonth();
    String thisMonth = Fmt.month(ctx.period().month());
    String prevMonth = Fmt.month(ctx.period().previous().month());
    PdfPTable left =
        tables.data(
            new float[] {1.7f, 1.25f, 1.25f},
            List.of("Adherence", thisMonth, prevMonth),
            Tables.numeric(3, 1, 2),
            adherenceRows(now, before),
            "");
    // Overall rate with its band gets a tinted row so the band reads at a glance.
    left.addCell(bandCell(f, tables, "Overall adherence", null, false));
    AdherenceBand band = m.adherence().band();
    AdherenceBand previousBand = m.adherence().previousBand();
    left.addCell(bandCell(f, tables, overall(now, band), band, true));
    left.addCell(bandCell(f, tables, overall(before, previousBand), previousBand, true));
    return left;
  }

  private List<Row> adherenceRows(Adherence now, Adherence before) {
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
                "Dose (credited / planned)",
                Evidence.pct(now.doseRate()),
                Evidence.pct(before.doseRate()))));
    adherence.add(
        new Row(
            List.of(
                "Credited / planned min",
                Fmt.minutes(now.creditedMinutes()) + " / " + Fmt.minutes(now.plannedMinutes()),
                Fmt.minutes(before.creditedMinutes())
                    + " / "
                    + Fmt.minutes(before.plannedMinutes()))));
    adherence.add(
        new Row(
            List.of(
                "Actual min (assumed)",
                actualMinutes(now.actualMinutes(), m.adherence().imputedMinutes()),
                actualMinutes(before.actualMinutes(), m.adherence().previousImputedMinutes()))));
    return adherence;
  }

  private PdfPTable recoveryTable(Tables tables) throws DocumentException {
    return tables.data(
        new float[] {1.4f, 0.85f, 1.1f},
        List.of("Recovery", "Latest", "Change*"),
        Tables.numeric(3, 1, 2),
        recoveryRows(),
        "");
  }

  private List<Row> recoveryRows() {
    RecoveryFigures r = m.recovery();
    LastMeasured last = r.lastMeasured();
    List<Row> recovery = new ArrayList<>();
    recovery.add(
        new Row(
            List.of(
                "Brunnstrom arm",
                Fmt.stage(r.stages().arm()),
                change(r.stages().armChange(), last.brunnstromArm()))));
    recovery.add(
        new Row(
            List.of(
                "Brunnstrom hand",
                Fmt.stage(r.stages().hand()),
                change(r.stages().handChange(), last.brunnstromHand()))));
    recovery.add(
        new Row(
            List.of(
                "Fugl-Meyer total",
                outOf(r.fma().total(), Assessment.FMA_TOTAL_MAX),
                change(r.fma().change(), last.fma()))));
    String aratLabel =
        r.arat()
            .changeLabel()
            .filter(l -> r.arat().change().isPresent())
            .map(l -> " " + l.word())
            .orElse("");
    recovery.add(
        new Row(
            List.of(
                "ARAT",
                outOf(r.arat().score(), Assessment.ARAT_MAX),
                change(r.arat().change(), last.arat()) + aratLabel)));
    recovery.add(
        new Row(
            List.of(
                "MCID FMA / ARAT (" + r.phase().label() + ")",
                r.fma().mcid() + " / " + r.arat().mcid(),
                // The measurement errors the change labels use, where the eye already is.
                "MDC "
                    + Evidence.number(ctx.analysis().flags().fmaMdc())
                    + " / "
                    + Evidence.number(ctx.analysis().flags().aratMdc()))));
    recovery.add(
        new Row(
            List.of("Stage changes this period", Integer.toString(r.stages().transitions()), "")));
    recovery.add(new Row(List.of("Last assessment", Fmt.date(r.lastAssessment()), "")));
    return recovery;
  }

  /** "51 / 66", or the no-value mark when the scale was not measured. */
  private static String outOf(OptionalInt score, int max) {
    return score.isPresent() ? score.getAsInt() + " / " + max : Fmt.NONE;
  }

  private static PdfPTable sideBySide(PdfPTable left, PdfPTable right) throws DocumentException {
    PdfPTable pair = new PdfPTable(2);
    pair.setWidthPercentage(100);
    pair.setWidths(new float[] {1.1f, 0.9f});
    PdfPCell l = Tables.nested(left);
    l.setPaddingRight(8);
    PdfPCell r = Tables.nested(right);
    r.setPaddingLeft(8);
    pair.addCell(l);
    pair.addCell(r);
    return pair;
  }

  private void changeNotes(PdfFrame f) throws DocumentException {
    for (String line : changeLines()) {
      Paragraph label = new Paragraph(f.fonts.phrase(line, Style.BODY_BOLD));
      label.setSpacingBefore(3);
      f.doc.add(label);
    }
    Paragraph note =
        new Paragraph(
            f.fonts.phrase(
                "* Change: latest value in the period minus the latest before "
                    + Fmt.date(ctx.period().start())
                    + "; none without a new one. Rates with no sessions due are shown as "
                    + Fmt.NONE
                    + ".",
                Style.SMALL));
    note.setSpacingBefore(2);
    f.doc.add(note);
  }

  /**
   * "464 (195)": actual minutes with, in brackets, those assumed from the plan; "(0)" when every
   * duration was recorded, so the row reads the same every month.
   */
  static String actualMinutes(long actual, long assumed) {
    return Fmt.minutes(actual) + " (" + Fmt.minutes(assumed) + ")";
  }

  private static String overall(Adherence a, AdherenceBand band) {
    if (a.overallRate().isEmpty()) {
      return "No data";
    }
    return Evidence.pct(a.overallRate()) + "  " + Fmt.band(band);
  }

  private PdfPCell bandCell(
      PdfFrame f, Tables tables, String text, @Nullable AdherenceBand band, boolean right) {
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

  private static Color darker(Color c) {
    return new Color(c.getRed() * 3 / 5, c.getGreen() * 3 / 5, c.getBlue() * 3 / 5);
  }

  /**
   * The flags in plain language with their evidence, and the follow-up tier; "No flags this month"
   * when there are none.
   */
  private void flags(PdfFrame f) throws DocumentException {
    List<String> lines = new ArrayList<>();
    for (FlagFinding x : m.bullets()) {
      lines.add(x.line());
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
    return m.signals()
        .followUpTier()
        .map(t -> "Follow-up " + ProgramLayout.tierName(t) + ".")
        .orElse("No follow-up needed: good news only.");
  }

  private static String roman(int s) {
    return BrunnstromScale.roman(s);
  }

  private void transitions(PdfFrame f, Tables tables) throws DocumentException {
    List<StageTransition> list = review.history().transitions();
    f.section("Stage transitions", Math.min(50 + 12 * list.size(), 100));
    if (list.isEmpty()) {
      // One line instead of a table header over nothing: the page budget is tight.
      f.doc.add(
          new Paragraph(
              f.fonts.phrase(
                  "No stage transitions recorded up to " + Fmt.date(ctx.period().end()) + ".",
                  Style.SMALL)));
      return;
    }
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
        tables
            .dense()
            .data(
                new float[] {1.2f, 0.9f, 1f, 1.1f, 0.8f, 1f},
                List.of("Date", "Scale", "From → to", "Days since onset", "Direction", ""),
                Tables.numeric(6, 3),
                rows,
                "No stage transitions recorded."));
  }

  /**
   * A scale's change cell: the signed change when the scale was measured in the period, "not
   * reassessed" when it was last measured before (the line under the table says since when), "—"
   * otherwise.
   */
  private String change(OptionalInt change, Optional<LocalDate> last) {
    if (change.isPresent()) {
      return Fmt.signed(change);
    }
    return LastMeasured.notReassessed(last, ctx.period()).isPresent()
        ? ChangeLabel.NOT_REASSESSED.phrase()
        : Fmt.NONE;
  }

  /**
   * The Fugl-Meyer change labelled against measurement error and the MCID, then one line per date
   * for the scales not reassessed in the period ("… not reassessed since 31 Jul 2026 (92 days)")
   * where a change would be. The ARAT label is in its table cell, beside the MDC row, so the page
   * keeps its length.
   */
  private List<String> changeLines() {
    List<String> out = new ArrayList<>();
    FlagSettings fs = ctx.analysis().flags();
    if (m.recovery().fma().change().isPresent()) {
      out.add(
          "Fugl-Meyer change "
              + ChangeLabel.describe(
                  m.recovery().fma().change().getAsInt(), fs.fmaMdc(), m.recovery().fma().mcid())
              + " (measurement error below "
              + Evidence.number(fs.fmaMdc())
              + " points)");
    }
    for (String line : m.recovery().lastMeasured().notReassessedLines(ctx.period())) {
      out.add(line);
    }
    return out;
  }
}
