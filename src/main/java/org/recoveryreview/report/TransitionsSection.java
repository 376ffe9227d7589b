package org.recoveryreview.report;

import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import java.awt.Color;
import java.time.YearMonth;
import org.recoveryreview.model.BrunnstromScale;
import org.recoveryreview.model.ProgramReview;
import org.recoveryreview.model.TransitionMatrix;
import org.recoveryreview.report.DocFonts.Style;

/**
 * The programme summary's Brunnstrom transitions: arm and hand heat maps of the period's stage
 * changes, from stage (rows) to stage (columns), shaded by count.
 */
final class TransitionsSection {
  private TransitionsSection() {}

  /** The arm and hand Brunnstrom transition heat maps side by side, with how to read them. */
  static void write(PdfFrame f, Tables tables, ProgramReview p, YearMonth month)
      throws DocumentException {
    f.section("Brunnstrom transitions in " + Fmt.monthLong(month), 150);
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

  private static PdfPTable heatMap(PdfFrame f, Tables tables, TransitionMatrix m, String name) {
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
}
