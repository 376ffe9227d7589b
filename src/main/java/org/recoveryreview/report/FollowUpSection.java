package org.recoveryreview.report;

import com.lowagie.text.DocumentException;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.recoveryreview.model.Flag;
import org.recoveryreview.model.FlagFinding;
import org.recoveryreview.model.FollowUp;
import org.recoveryreview.model.FollowUpTier;
import org.recoveryreview.report.DocFonts.Style;
import org.recoveryreview.report.Tables.Row;

/** The programme summary's follow-up list: one heading per tier, its patients in ranked order. */
final class FollowUpSection {
  private FollowUpSection() {}

  /** The follow-up list under one heading per tier, in the analysis's ranked order. */
  static void write(PdfFrame f, Tables tables, List<FollowUp> followUps) throws DocumentException {
    f.section("Follow-up list", 80);
    for (FollowUpTier tier : FollowUpTier.values()) {
      List<Row> rows = new ArrayList<>();
      for (FollowUp u : followUps) {
        if (u.tier() != tier) {
          continue;
        }
        rows.add(
            new Row(
                List.of(
                    u.patientId() + "\n" + u.name(),
                    u.clinic() + "\n" + u.therapist(),
                    u.findings().stream().map(FlagFinding::line).collect(Collectors.joining("\n"))),
                false,
                null));
      }
      f.ensureSpace(rows.isEmpty() ? 30 : 60);
      Phrase head =
          f.fonts.phrase(
              "Tier "
                  + tier.number()
                  + " · "
                  + tier.label()
                  + ": "
                  + rows.size()
                  + (rows.size() == 1 ? " patient" : " patients"),
              Style.BODY_BOLD,
              tier == FollowUpTier.ACT_NOW ? Palette.ZERO : Palette.TEXT);
      head.addAll(f.fonts.phrase("   " + tierFlags(tier), Style.SMALL));
      // A one-cell table, not a paragraph: tables share a content layer, so the heading and its
      // rows stay in reading order for text extraction and screen readers.
      PdfPCell hc = new PdfPCell(head);
      hc.setBorder(Rectangle.NO_BORDER);
      hc.setPaddingLeft(0);
      hc.setPaddingTop(5);
      hc.setPaddingBottom(3);
      PdfPTable heading = new PdfPTable(1);
      heading.setWidthPercentage(100);
      heading.addCell(hc);
      f.doc.add(heading);
      if (!rows.isEmpty()) {
        f.doc.add(
            tables.data(
                new float[] {1.3f, 2.1f, 4.4f},
                List.of("Patient", "Clinic / therapist", "Flags and evidence"),
                Tables.numeric(3),
                rows,
                ""));
      }
    }
    f.doc.add(
        new Paragraph(
            f.fonts.phrase(
                "One row per patient, listed under the most urgent tier of their flags; within a"
                    + " tier, more flags first, then lower overall adherence. Discharged patients"
                    + " are not listed.",
                Style.SMALL)));
  }

  /** "flags: Stopped attending, Fugl-Meyer decline, ...": the flags that set a tier. */
  private static String tierFlags(FollowUpTier tier) {
    return "flags: " + Flag.namesIn(tier);
  }
}
