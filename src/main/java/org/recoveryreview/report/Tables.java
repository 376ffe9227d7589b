package org.recoveryreview.report;

import com.lowagie.text.Element;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import java.awt.Color;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.recoveryreview.report.DocFonts.Style;

/** Table styling shared by both documents: light header, hairline rules, zebra rows, no boxes. */
final class Tables {
  private final DocFonts fonts;
  private final float padTop;
  private final float padBottom;

  Tables(DocFonts fonts) {
    this(fonts, 2.2f, 3.2f);
  }

  private Tables(DocFonts fonts, float padTop, float padBottom) {
    this.fonts = fonts;
    this.padTop = padTop;
    this.padBottom = padBottom;
  }

  /** The same styling with tighter rows, for the long tables that must share a page. */
  Tables dense() {
    return new Tables(fonts, 1.1f, 2.1f);
  }

  /**
   * A row of a data table; {@code strong} rows are set in bold (e.g. inside the period); without a
   * {@code background} the rows are striped.
   */
  record Row(List<String> cells, boolean strong, @Nullable Color background) {
    Row(List<String> cells) {
      this(cells, false, null);
    }
  }

  /**
   * A full-width data table; {@code numeric} marks right-aligned columns. With no rows it says
   * {@code empty} in one row instead of showing a bare header.
   */
  PdfPTable data(
      float[] widths, List<String> headers, boolean[] numeric, List<Row> rows, String empty) {
    PdfPTable t = new PdfPTable(widths);
    t.setWidthPercentage(100);
    t.setHeaderRows(1);
    t.setSpacingAfter(4);
    for (int i = 0; i < headers.size(); i++) {
      PdfPCell c = cell(fonts.phrase(headers.get(i), Style.TABLE_HEAD), numeric[i]);
      c.setBackgroundColor(Palette.HEAD_BG);
      c.setBorder(Rectangle.BOTTOM);
      c.setBorderColor(Palette.RULE);
      c.setBorderWidth(0.6f);
      t.addCell(c);
    }
    if (rows.isEmpty()) {
      PdfPCell c = cell(fonts.phrase(empty, Style.SMALL), false);
      c.setColspan(headers.size());
      c.setPaddingTop(4);
      c.setPaddingBottom(5);
      t.addCell(c);
      return t;
    }
    int n = 0;
    for (Row r : rows) {
      Color bg = r.background() != null ? r.background() : (n++ % 2 == 1 ? Palette.ZEBRA : null);
      for (int i = 0; i < r.cells().size(); i++) {
        PdfPCell c =
            cell(
                fonts.phrase(r.cells().get(i), r.strong() ? Style.TABLE_BOLD : Style.TABLE),
                numeric[i]);
        if (bg != null) {
          c.setBackgroundColor(bg);
        }
        t.addCell(c);
      }
    }
    return t;
  }

  PdfPCell cell(Phrase p, boolean right) {
    PdfPCell c = bidi(new PdfPCell(p), p);
    c.setBorder(Rectangle.BOTTOM);
    c.setBorderColor(Palette.GRID);
    c.setBorderWidth(0.4f);
    c.setPaddingTop(padTop);
    c.setPaddingBottom(padBottom);
    c.setPaddingLeft(4);
    c.setPaddingRight(4);
    c.setHorizontalAlignment(right ? Element.ALIGN_RIGHT : Element.ALIGN_LEFT);
    c.setVerticalAlignment(Element.ALIGN_MIDDLE);
    return c;
  }

  /** A borderless cell holding a small label above a value, as on a printed form. */
  PdfPCell field(String label, String value) {
    Phrase p = fonts.phrase(label + "\n", Style.LABEL);
    p.addAll(fonts.phrase(value, Style.BODY_BOLD));
    PdfPCell c = bidi(new PdfPCell(p), p);
    c.setBorder(Rectangle.NO_BORDER);
    c.setPaddingLeft(0);
    c.setPaddingRight(6);
    c.setPaddingTop(1);
    c.setPaddingBottom(5);
    return c;
  }

  /**
   * Lays out a cell with right-to-left text (Hebrew, Arabic) with the bidi algorithm in a
   * left-to-right paragraph, which also shapes Arabic letters; other cells skip that work.
   */
  static PdfPCell bidi(PdfPCell c, Phrase p) {
    if (DrawnText.hasRightToLeft(p.getContent())) {
      c.setRunDirection(DrawnText.runDirection(p.getContent(), false));
    }
    return c;
  }

  /**
   * A line of text as a page element: a paragraph, or for right-to-left text a borderless
   * full-width cell, since only cells and columns apply the bidi algorithm and Arabic shaping.
   */
  static Element line(Phrase p, float spacingAfter) {
    if (!DrawnText.hasRightToLeft(p.getContent())) {
      Paragraph para = new Paragraph(p);
      para.setSpacingAfter(spacingAfter);
      return para;
    }
    PdfPCell c = bidi(new PdfPCell(p), p);
    c.setBorder(Rectangle.NO_BORDER);
    c.setPadding(0);
    c.setPaddingBottom(p.getFont().getSize() * 0.35f);
    PdfPTable t = new PdfPTable(1);
    t.setWidthPercentage(100);
    t.setSpacingAfter(spacingAfter);
    t.addCell(c);
    return t;
  }

  /**
   * A borderless cell holding a table side by side with another. PdfPCell stretches a nested
   * table's last row to the cell's height, which makes the shorter table's last row tall.
   */
  static PdfPCell nested(PdfPTable table) {
    PdfPCell c = new PdfPCell(table);
    table.setExtendLastRow(false);
    c.setBorder(Rectangle.NO_BORDER);
    c.setPadding(0);
    return c;
  }

  static boolean[] numeric(int columns, int... right) {
    boolean[] b = new boolean[columns];
    for (int i : right) {
      b[i] = true;
    }
    return b;
  }
}
