package org.recoveryreview.report;

import com.lowagie.text.DocumentException;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.recoveryreview.model.Assessment;
import org.recoveryreview.model.AssessmentPoint;
import org.recoveryreview.model.ChangeLabel;
import org.recoveryreview.model.Evidence;
import org.recoveryreview.model.PatientReview;
import org.recoveryreview.report.DocFonts.Style;
import org.recoveryreview.report.Tables.Row;

/**
 * The last section of a patient's review: the assessment history table, cut to what fits on the
 * page with a note of what was left out.
 */
final class AssessmentHistory {
  private final PatientReview review;
  private final ReportContext ctx;

  AssessmentHistory(PatientReview review, ReportContext ctx) {
    this.review = review;
    this.ctx = ctx;
  }

  /**
   * Every assessment up to the period's end, most recent first, as many as fit on the page (at
   * least {@link #MIN_HISTORY_ROWS}; otherwise the table starts a new page), each complete
   * Fugl-Meyer with its change against the previous complete one and that change's label.
   */
  void write(PdfFrame f, Tables tables) throws DocumentException {
    List<AssessmentPoint> all = new ArrayList<>(review.history().assessments());
    Collections.reverse(all);
    List<Row> rows = new ArrayList<>();
    for (AssessmentPoint p : all) {
      Assessment a = p.assessment();
      boolean inPeriod = ctx.period().contains(p.date());
      rows.add(
          new Row(
              List.of(
                  Fmt.date(p.date()),
                  Long.toString(p.daysSinceOnset()),
                  Fmt.stage(a.brunnstromArm()),
                  Fmt.stage(a.brunnstromHand()),
                  Fmt.num(a.fmaA()),
                  Fmt.num(a.fmaB()),
                  Fmt.num(a.fmaC()),
                  Fmt.num(a.fmaD()),
                  Fmt.num(p.fmaTotal()),
                  change(p),
                  Fmt.num(a.arat())),
              inPeriod,
              null));
    }
    PdfPTable table =
        tables
            .dense()
            .data(
                new float[] {1.05f, 0.6f, 0.55f, 0.55f, 0.6f, 0.5f, 0.5f, 0.5f, 0.65f, 1.2f, 0.65f},
                List.of(
                    "Date",
                    "Days since onset",
                    "Arm",
                    "Hand",
                    "FMA A /36",
                    "B /10",
                    "C /14",
                    "D /6",
                    "Total /66",
                    "FMA change",
                    "ARAT /57"),
                Tables.numeric(11, 1, 2, 3, 4, 5, 6, 7, 8, 10),
                rows,
                "No assessments recorded up to " + Fmt.date(ctx.period().end()) + ".");
    if (rows.isEmpty()) {
      f.section("Assessment history", 40);
      f.doc.add(table);
      return;
    }
    // The heading moves to a new page with the table when not even the first rows fit here.
    f.section("Assessment history", leastHeight(f, table, rows.size(), f.fonts));
    fit(f, table, rows.size(), f.fonts);
    f.doc.add(table);
  }

  static final int MIN_HISTORY_ROWS = 3;

  /** Height of the table's header, its first {@link #MIN_HISTORY_ROWS} rows and its note. */
  private float leastHeight(PdfFrame f, PdfPTable table, int rows, DocFonts fonts) {
    table.setTotalWidth(f.width());
    table.setLockedWidth(true);
    table.addCell(note(fonts, rows - Math.min(rows, MIN_HISTORY_ROWS)));
    float least = heightOf(table, Math.min(rows, MIN_HISTORY_ROWS)) + lastRowHeight(table);
    table.deleteLastRow();
    // A few points for the heading being taller than section() allows for.
    return least + table.spacingAfter() + 6;
  }

  /**
   * Drops the oldest rows until the table, with its note as a last borderless row, fits in what is
   * left of the page (the heading made sure {@link #MIN_HISTORY_ROWS} do); the note says how many
   * earlier assessments were left out.
   */
  private void fit(PdfFrame f, PdfPTable table, int rows, DocFonts fonts) {
    float available = f.remaining() - table.spacingAfter();
    int kept = rows;
    while (true) {
      table.addCell(note(fonts, rows - kept));
      if (kept <= 1 || table.getTotalHeight() <= available) {
        break;
      }
      table.deleteLastRow();
      table.deleteLastRow();
      kept--;
    }
    table.setLockedWidth(false);
  }

  private static float lastRowHeight(PdfPTable table) {
    return table.getRowHeight(table.size() - 1);
  }

  /** The history's note as a last, borderless row spanning the table. */
  private PdfPCell note(DocFonts fonts, int left) {
    String notListed =
        left > 0
            ? " "
                + left
                + " earlier assessment"
                + (left == 1 ? "" : "s")
                + " not listed; all are"
                + " in the charts."
            : "";
    PdfPCell c =
        new PdfPCell(
            fonts.phrase(
                "Bold: in "
                    + Fmt.monthLong(ctx.period().month())
                    + ". Arm, hand: Brunnstrom stage. FMA change: against the previous complete"
                    + " FMA; within error below the MDC ("
                    + Evidence.number(ctx.analysis().flags().fmaMdc())
                    + "), important from the MCID of the phase."
                    + notListed,
                Style.SMALL));
    c.setColspan(11);
    c.setBorder(Rectangle.NO_BORDER);
    c.setPaddingLeft(0);
    c.setPaddingTop(3);
    c.setPaddingBottom(0);
    return c;
  }

  /** Height of the header and the first {@code rows} rows. */
  private static float heightOf(PdfPTable table, int rows) {
    float h = 0;
    for (int i = 0; i <= rows && i < table.size(); i++) {
      h += table.getRowHeight(i);
    }
    return h;
  }

  private String change(AssessmentPoint p) {
    if (p.fmaChange().isEmpty()) {
      return "";
    }
    return Evidence.signed(p.fmaChange().getAsInt())
        + " "
        + p.fmaChangeLabel().map(ChangeLabel::word).orElse("");
  }
}
