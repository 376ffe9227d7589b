package org.recoveryreview.report;

import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Image;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import java.util.List;
import java.util.Optional;
import org.recoveryreview.model.Patient;
import org.recoveryreview.model.PatientReview;
import org.recoveryreview.report.DocFonts.Style;

/**
 * One page for the patient and family in their language, in large print: a "we missed you" note
 * first when sessions were missed, what went well, home exercise per week (or one sentence when no
 * home programme was planned), the goals in the patient's words and what to focus on next month.
 * The whole page is one column of cells, so every line gets the bidi algorithm and the Unicode
 * line-breaking rules, and an Arabic page runs right to left. The type is set as large as still
 * fits one page (body never below 15 pt), and the chart takes the height that is left.
 */
final class HandoutLayout implements PdfFrame.Body {
  /**
   * Layouts tried in order until one fits the page: type as large as possible first, then fewer
   * goals (the review lists them all) and a shorter chart. Body type is never below 15 pt.
   */
  private record Trial(float scale, int goals, float chartMin) {}

  private static final List<Trial> TRIALS =
      List.of(
          new Trial(1.2f, HandoutContent.MAX_GOALS, 150),
          new Trial(1.1f, HandoutContent.MAX_GOALS, 150),
          new Trial(1f, HandoutContent.MAX_GOALS, 150),
          new Trial(1f, HandoutContent.MAX_GOALS, 110),
          new Trial(1f, 3, 110),
          new Trial(1f, 2, 110));

  private static final float CHART_MAX = 270;

  private final PatientReview review;
  private final ReportContext ctx;
  private final HandoutText text;
  private final HandoutChart chart;
  private final HandoutContent content;

  HandoutLayout(PatientReview review, ReportContext ctx, HandoutText text, HandoutChart chart) {
    this.review = review;
    this.ctx = ctx;
    this.text = text;
    this.chart = chart;
    this.content = HandoutContent.of(review, ctx.analysis(), text);
  }

  @Override
  public void write(PdfFrame f) throws DocumentException {
    // Measured with an empty box where the chart goes: a chart drawn only to be measured would
    // still be written into the file.
    float available = f.remaining() - 4;
    for (int i = 0; i < TRIALS.size(); i++) {
      Trial trial = TRIALS.get(i);
      float chartBox = content.showChart() ? trial.chartMin() : 0;
      float rest = height(page(f, trial, Optional.empty()), f.width()) - chartBox;
      if (rest + chartBox <= available || i == TRIALS.size() - 1) {
        float chartHeight = Math.max(trial.chartMin(), Math.min(CHART_MAX, available - rest));
        Optional<Image> img =
            content.showChart()
                ? Optional.of(
                    f.chart(chart.homeExercise(review, text, f.fonts), f.width(), chartHeight))
                : Optional.empty();
        f.doc.add(page(f, trial, img));
        return;
      }
    }
  }

  private static float height(PdfPTable t, float width) {
    t.setTotalWidth(width);
    t.setLockedWidth(true);
    return t.getTotalHeight();
  }

  /** The whole page as one column; {@code img} empty measures the chart as a box. */
  private PdfPTable page(PdfFrame f, Trial trial, Optional<Image> img) {
    Patient p = review.metrics().patient();
    float scale = trial.scale();
    Sizes s = new Sizes(scale);
    PdfPTable t = table(1);
    t.setWidthPercentage(100);
    add(t, f, text.get("title", p.name()), Style.HANDOUT_TITLE, s.title, 0, 4);
    String month = text.month(ctx.period().month());
    add(t, f, text.get("subtitle", month, p.clinic()), Style.HANDOUT_NOTE, s.note, 0, 8);
    add(t, f, text.get("intro"), Style.HANDOUT_BODY, s.body, 0, 4);
    if (content.contact().isPresent()) {
      // Bold only where the whole sentence can be bold: the CJK faces have no bold weight.
      Style weight = text.cjk() ? Style.HANDOUT_BODY : Style.HANDOUT_BOLD;
      PdfPCell box = cell(f, content.contact().get(), weight, s.body);
      box.setBackgroundColor(Palette.FLAG_BG);
      box.setBorder(text.rightToLeft() ? Rectangle.RIGHT : Rectangle.LEFT);
      box.setBorderColor(Palette.FLAG_RULE);
      box.setBorderWidth(3f);
      box.setPadding(8);
      t.addCell(spacer(8));
      t.addCell(box);
    }
    heading(t, f, "well.heading", s);
    bullets(t, f, content.wentWell(), s);
    heading(t, f, "chart.heading", s);
    if (content.showChart()) {
      PdfPCell c = img.map(PdfPCell::new).orElseGet(PdfPCell::new);
      if (img.isEmpty()) {
        c.setFixedHeight(trial.chartMin());
      }
      c.setBorder(Rectangle.NO_BORDER);
      c.setPadding(0);
      t.addCell(c);
      add(t, f, text.get("chart.note"), Style.HANDOUT_NOTE, s.note, 2, 0);
    } else {
      add(t, f, content.noHomeProgramme().orElse(""), Style.HANDOUT_BODY, s.body, 0, 0);
    }
    if (!content.goals().isEmpty()) {
      heading(t, f, "goals.heading", s);
      List<String> goals = content.goals();
      bullets(t, f, goals.subList(0, Math.min(trial.goals(), goals.size())), s);
    }
    heading(t, f, "next.heading", s);
    bullets(t, f, content.next(), s);
    String footer = text.get("footer", p.therapist(), p.clinic());
    add(t, f, footer, Style.HANDOUT_BODY, s.body, 12 * scale, 2);
    add(t, f, text.get("footer.private"), Style.HANDOUT_NOTE, s.note, 0, 0);
    return t;
  }

  /** Sizes in points at one scale; headings stay larger than body text at every scale. */
  private record Sizes(float title, float head, float body, float note, float gap) {
    Sizes(float scale) {
      this(
          Style.HANDOUT_TITLE.size * scale,
          Style.HANDOUT_HEAD.size * scale,
          Style.HANDOUT_BODY.size * scale,
          Style.HANDOUT_NOTE.size * scale,
          10 * scale);
    }
  }

  private PdfPTable table(int columns) {
    PdfPTable t = new PdfPTable(columns);
    t.setRunDirection(DrawnText.paragraphDirection(text.rightToLeft()));
    return t;
  }

  private void heading(PdfPTable t, PdfFrame f, String key, Sizes s) {
    add(t, f, text.get(key), Style.HANDOUT_HEAD, s.head, s.gap, 3);
  }

  private void add(
      PdfPTable t, PdfFrame f, String s, Style style, float size, float before, float after) {
    PdfPCell c = cell(f, s, style, size);
    c.setPaddingTop(before);
    c.setPaddingBottom(after + size * 0.25f);
    t.addCell(c);
  }

  /**
   * A borderless cell laid out by the bidi algorithm in the page's direction: OpenPDF then wraps by
   * the chunks' line-breaking rules over the whole paragraph and shapes Arabic.
   */
  private PdfPCell cell(PdfFrame f, String s, Style style, float size) {
    Phrase ph = f.fonts.phrase(s, style, style.color, size);
    if (style == Style.HANDOUT_TITLE || style == Style.HANDOUT_HEAD) {
      f.tags.hint(ph, style == Style.HANDOUT_TITLE ? Tagging.Role.H1 : Tagging.Role.H2);
    } else if (s.equals("•")) {
      f.tags.hint(ph, Tagging.Role.LABEL);
    }
    PdfPCell c = new PdfPCell(ph);
    c.setBorder(Rectangle.NO_BORDER);
    c.setPadding(0);
    c.setRunDirection(DrawnText.paragraphDirection(text.rightToLeft()));
    c.setHorizontalAlignment(Element.ALIGN_LEFT);
    c.setUseAscender(true);
    return c;
  }

  private void bullets(PdfPTable t, PdfFrame f, List<String> lines, Sizes s) {
    PdfPTable list = table(2);
    list.setWidthPercentage(100);
    float dot = s.body * 1.2f;
    try {
      // A right-to-left table takes its widths from the right, cells still in logical order.
      list.setWidths(
          text.rightToLeft()
              ? new float[] {f.width() - dot, dot}
              : new float[] {dot, f.width() - dot});
    } catch (DocumentException e) {
      throw new IllegalStateException(e);
    }
    for (String line : lines) {
      PdfPCell bullet = cell(f, "•", Style.HANDOUT_BODY, s.body);
      PdfPCell body = cell(f, line, Style.HANDOUT_BODY, s.body);
      bullet.setPaddingBottom(s.body * 0.35f);
      body.setPaddingBottom(s.body * 0.35f);
      list.addCell(bullet);
      list.addCell(body);
    }
    PdfPCell holder = new PdfPCell(list);
    holder.setBorder(Rectangle.NO_BORDER);
    holder.setPadding(0);
    t.addCell(holder);
  }

  private static PdfPCell spacer(float height) {
    PdfPCell c = new PdfPCell();
    c.setBorder(Rectangle.NO_BORDER);
    c.setFixedHeight(height);
    return c;
  }
}
