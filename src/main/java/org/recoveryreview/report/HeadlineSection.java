package org.recoveryreview.report;

import com.lowagie.text.DocumentException;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.SortedSet;
import java.util.TreeSet;
import org.recoveryreview.model.Adherence;
import org.recoveryreview.model.AdherenceBand;
import org.recoveryreview.model.Evidence;
import org.recoveryreview.model.Flag;
import org.recoveryreview.model.FollowUpTier;
import org.recoveryreview.model.PeriodGroupCounts;
import org.recoveryreview.model.ProgramHeadline;
import org.recoveryreview.model.ProgramReview;
import org.recoveryreview.model.RollupRow;
import org.recoveryreview.report.DocFonts.Style;
import org.recoveryreview.report.Tables.Row;

/**
 * The programme summary's headline figures: patients in review and the four rates as tiles, the
 * patients per band, tier and flag, and the Fugl-Meyer MCID outcomes, each beside the previous
 * month's.
 */
final class HeadlineSection {
  private final ProgramReview p;
  private final ReportContext ctx;

  HeadlineSection(ProgramReview p, ReportContext ctx) {
    this.p = p;
    this.ctx = ctx;
  }

  void write(PdfFrame f, Tables tables) throws DocumentException {
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
          new Row(
              withChange("Follow-up " + ProgramLayout.tierName(t), now.tier(t), before.tier(t)),
              true,
              null));
    }
    for (Flag fl : Flag.values()) {
      flags.add(new Row(withChange(ProgramLayout.flagName(fl), now.flag(fl), before.flag(fl))));
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
}
