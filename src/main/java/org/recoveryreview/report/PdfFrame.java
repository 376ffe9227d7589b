package org.recoveryreview.report;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Image;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.ColumnText;
import com.lowagie.text.pdf.FontMapper;
import com.lowagie.text.pdf.PdfAction;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfDate;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfOutline;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfPageEventHelper;
import com.lowagie.text.pdf.PdfTemplate;
import com.lowagie.text.pdf.PdfWriter;
import java.awt.Graphics2D;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.time.Instant;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TimeZone;
import java.util.zip.Deflater;
import org.apache.commons.io.output.UnsynchronizedByteArrayOutputStream;
import org.jfree.chart.JFreeChart;
import org.jspecify.annotations.Nullable;
import org.recoveryreview.report.DocFonts.Style;

/**
 * One tagged PDF/UA-1 and PDF/A-1a document being written (tagging in {@link Tagging}): the page
 * frame (running header, footer with "Page X of Y", subject id, data date and confidentiality
 * line), metadata, bookmarks and vector charts.
 */
final class PdfFrame {
  /** The sRGB profile of the output intent, read once: PDF/A needs it in every document. */
  private static final byte[] SRGB = ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();

  static final float MARGIN_X = 40;
  static final float MARGIN_TOP = 40;
  static final float MARGIN_BOTTOM = 46;

  /** What the document is, for its metadata and the frame on every page. */
  record Meta(
      String title,
      String author,
      String subject,
      String keywords,
      Instant time,
      String footerId,
      String dataAsOf,
      Optional<String> runningHeader,
      String language) {}

  /** Writes the body of the document. */
  interface Body {
    void write(PdfFrame frame) throws DocumentException;
  }

  final Document doc;
  final PdfWriter writer;
  final DocFonts fonts;
  final Tagging tags;
  private int sections;

  private PdfFrame(Document doc, PdfWriter writer, DocFonts fonts, Tagging tags) {
    this.doc = doc;
    this.writer = writer;
    this.fonts = fonts;
    this.tags = tags;
  }

  /**
   * Renders a document and returns its bytes and page count. The bytes are buffered so the random
   * parts OpenPDF writes (font subset prefixes, file ID) can be made a function of the content.
   */
  static Rendered render(Rectangle pageSize, Meta meta, DocFonts fonts, Body body) {
    return render(pageSize, meta, fonts, body, true);
  }

  /**
   * Like {@link #render(Rectangle, Meta, DocFonts, Body)} but without the clinical page frame
   * (English confidentiality line, page numbers): for the family handout, which writes its own
   * closing lines in the patient's language.
   */
  static Rendered renderPlain(Rectangle pageSize, Meta meta, DocFonts fonts, Body body) {
    return render(pageSize, meta, fonts, body, false);
  }

  private static Rendered render(
      Rectangle pageSize, Meta meta, DocFonts fonts, Body body, boolean framed) {
    UnsynchronizedByteArrayOutputStream buffer =
        UnsynchronizedByteArrayOutputStream.builder().setBufferSize(160 * 1024).get();
    try {
      Tagging tags =
          Tagging.open(pageSize, MARGIN_X, MARGIN_TOP, MARGIN_BOTTOM, buffer, meta.language());
      Document doc = tags.document();
      PdfWriter writer = tags.writer();
      writer.setPdfVersion(PdfWriter.VERSION_1_4);
      // Deflate at its default level was about a third of the render threads' samples (jcmd
      // Thread.print); the fastest level costs a few KB per report, well inside the size budget.
      writer.setCompressionLevel(Deflater.BEST_SPEED);
      writer.setPDFXConformance(PdfWriter.PDFA1A);
      // PDF/UA: viewers show the title, not the file name.
      writer.setViewerPreferences(PdfWriter.DisplayDocTitle);
      doc.addTitle(meta.title());
      doc.addAuthor(meta.author());
      doc.addSubject(meta.subject());
      doc.addKeywords(meta.keywords());
      doc.addCreator("Recovery Review");
      Calendar cal = new GregorianCalendar(TimeZone.getTimeZone("UTC"), Locale.ROOT);
      cal.setTimeInMillis(meta.time().toEpochMilli());
      // Document.addCreationDate(PdfDate) ignores its argument in OpenPDF 2.0.5 and stamps the
      // clock, so the date goes straight into the info dictionary.
      writer.getInfo().put(PdfName.CREATIONDATE, new PdfDate(cal));
      doc.addModificationDate(new PdfDate(cal));
      Footer footer = new Footer(fonts, meta, framed);
      writer.setPageEvent(footer);
      writer.setXmpMetadata(Xmp.of(writer.getInfo()));
      doc.open();
      writer.setOutputIntents("Custom", "", "http://www.color.org", "sRGB IEC61966-2.1", SRGB);
      PdfFrame frame = new PdfFrame(doc, writer, fonts, tags);
      body.write(frame);
      doc.close();
      return new Rendered(Reproducible.fix(buffer.toByteArray()), footer.pages);
    } catch (DocumentException | IOException e) {
      throw new IllegalStateException("PDF layout failed: " + e.getMessage(), e);
    }
  }

  record Rendered(byte[] bytes, int pages) {}

  float width() {
    return doc.right() - doc.left();
  }

  /** Space left on the current page, in points. */
  float remaining() {
    return writer.getVerticalPosition(false) - doc.bottom();
  }

  /** Starts a new page unless {@code points} still fit on this one. */
  void ensureSpace(float points) {
    if (remaining() < points) {
      doc.newPage();
    }
  }

  /** The organisation's name: the line above every document's title. */
  void organisation(String name) throws DocumentException {
    // Through Tables.line like every other drawn string, so a right-to-left organisation name
    // is reordered and shaped (a plain Paragraph draws it in logical order).
    doc.add(Tables.line(fonts.phrase(name, Style.ORG), 0));
  }

  /**
   * The muted line under every document's title: "Review period" with the period's month, then
   * {@code detail} (what this document adds, may be empty), then the data date.
   */
  void periodLine(ReportContext ctx, String detail, float spacingAfter) throws DocumentException {
    Paragraph period =
        new Paragraph(
            fonts.phrase(
                "Review period "
                    + Fmt.monthLong(ctx.period().month())
                    + detail
                    + "   ·   Data as of "
                    + Fmt.date(ctx.dataAsOf()),
                Style.BODY,
                Palette.MUTED));
    period.setSpacingAfter(spacingAfter);
    doc.add(period);
  }

  /** A section heading with a bookmark pointing at it. */
  void section(String title, float keepWithNext) throws DocumentException {
    ensureSpace(keepWithNext + 30);
    String dest = "s" + (++sections);
    Phrase heading = fonts.phrase(title, Style.SECTION);
    ((Chunk) heading.get(0)).setLocalDestination(dest);
    Paragraph p = new Paragraph(heading);
    tags.hint(p, Tagging.Role.H2);
    p.setSpacingBefore(10);
    p.setSpacingAfter(5);
    doc.add(p);
    new PdfOutline(
        writer.getDirectContent().getRootOutline(), PdfAction.gotoLocalPage(dest, false), title);
  }

  /** Draws a chart as vector graphics into a template, wrapped as an image element. */
  Image chart(JFreeChart chart, float w, float h) throws DocumentException {
    PdfTemplate tp = writer.getDirectContent().createTemplate(w, h);
    Graphics2D g = tp.createGraphics(w, h, fontsMapper());
    try {
      chart.draw(g, new Rectangle2D.Double(0, 0, w, h));
    } finally {
      g.dispose();
    }
    tags.alt(tp, ChartAlt.describe(chart));
    Image img = Image.getInstance(tp);
    img.setAlignment(Element.ALIGN_CENTER);
    return img;
  }

  /** Adds two charts side by side, each half the text width less a 5 pt gutter. */
  void chartPair(JFreeChart a, JFreeChart b, float height) throws DocumentException {
    PdfPTable pair = new PdfPTable(2);
    pair.setWidthPercentage(100);
    float half = (width() - 10) / 2;
    pair.setWidths(new float[] {1, 1});
    PdfPCell left = new PdfPCell(chart(a, half, height), false);
    PdfPCell right = new PdfPCell(chart(b, half, height), false);
    for (PdfPCell c : List.of(left, right)) {
      c.setBorder(Rectangle.NO_BORDER);
      c.setPadding(0);
      pair.addCell(c);
    }
    left.setPaddingRight(5);
    doc.add(pair);
  }

  private FontMapper fontsMapper() {
    return fonts.mapper();
  }

  /** Running header from page 2 on and the footer on every page; "of Y" filled in at the end. */
  private static final class Footer extends PdfPageEventHelper {
    private final DocFonts fonts;
    private final Meta meta;
    private final boolean framed;

    /** Made when the document opens. */
    private @Nullable PdfTemplate total;

    int pages;

    Footer(DocFonts fonts, Meta meta, boolean framed) {
      this.fonts = fonts;
      this.meta = meta;
      this.framed = framed;
    }

    @Override
    public void onOpenDocument(PdfWriter writer, Document document) {
      total = writer.getDirectContent().createTemplate(24, 10);
    }

    @Override
    public void onEndPage(PdfWriter writer, Document document) {
      if (!framed) {
        return;
      }
      PdfContentByte cb = writer.getDirectContent();
      Tagging.artifact(cb, () -> draw(writer, document, cb));
    }

    private void draw(PdfWriter writer, Document document, PdfContentByte cb) {
      float left = document.left();
      float right = document.right();
      float y = document.bottom() - 22;
      cb.saveState();
      cb.setColorStroke(Palette.RULE);
      cb.setLineWidth(0.5f);
      cb.moveTo(left, y + 10);
      cb.lineTo(right, y + 10);
      cb.stroke();
      cb.restoreState();
      ColumnText.showTextAligned(
          cb,
          Element.ALIGN_LEFT,
          fonts.phrase(
              "Confidential: contains personal health information. Share only with the care team.",
              Style.FOOTER),
          left,
          y,
          0);
      String id = meta.footerId() + "   ·   Data as of " + meta.dataAsOf();
      // A therapist's name in the id may be Hebrew or Arabic: the run-direction form applies bidi.
      ColumnText.showTextAligned(
          cb,
          Element.ALIGN_LEFT,
          fonts.phrase(id, Style.FOOTER),
          left,
          y - 9,
          0,
          DrawnText.runDirection(id, false),
          0);
      String page = "Page " + writer.getPageNumber() + " of ";
      float pageWidth = fonts.width(page, Style.FOOTER);
      float x = right - 24 - pageWidth;
      ColumnText.showTextAligned(cb, Element.ALIGN_LEFT, fonts.phrase(page, Style.FOOTER), x, y, 0);
      cb.addTemplate(total, x + pageWidth, y);
      if (writer.getPageNumber() > 1 && meta.runningHeader().isPresent()) {
        float top = document.top() + 14;
        String header = meta.runningHeader().get();
        // Right-to-left names need the bidi algorithm, which only the run-direction form applies.
        ColumnText.showTextAligned(
            cb,
            Element.ALIGN_LEFT,
            fonts.phrase(header, Style.FOOTER),
            left,
            top,
            0,
            DrawnText.runDirection(header, false),
            0);
        cb.saveState();
        cb.setColorStroke(Palette.RULE);
        cb.setLineWidth(0.5f);
        cb.moveTo(left, top - 4);
        cb.lineTo(right, top - 4);
        cb.stroke();
        cb.restoreState();
      }
    }

    @Override
    public void onCloseDocument(PdfWriter writer, Document document) {
      pages = writer.getPageNumber() - 1;
      if (!framed) {
        return;
      }
      ColumnText.showTextAligned(
          total, Element.ALIGN_LEFT, fonts.phrase(Integer.toString(pages), Style.FOOTER), 0, 0, 0);
    }
  }
}
