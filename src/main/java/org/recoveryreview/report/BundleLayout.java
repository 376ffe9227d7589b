package org.recoveryreview.report;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.ColumnText;
import com.lowagie.text.pdf.PdfAction;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfImportedPage;
import com.lowagie.text.pdf.PdfOutline;
import com.lowagie.text.pdf.PdfPageEventHelper;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.PdfTemplate;
import com.lowagie.text.pdf.PdfWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.recoveryreview.model.Evidence;
import org.recoveryreview.model.Flag;
import org.recoveryreview.model.FlagFinding;
import org.recoveryreview.model.FollowUpTier;
import org.recoveryreview.model.PatientMetrics;
import org.recoveryreview.model.ReportSettings;
import org.recoveryreview.report.DocFonts.Style;
import org.recoveryreview.report.Tables.Row;

/**
 * A therapist's bundle: a cover listing their patients in caseload order with a one-line reason,
 * then each patient's review as rendered for patients/, with a bookmark per patient and the
 * bundle's own page numbers stamped at the top right of every page.
 */
final class BundleLayout implements PdfFrame.Body {
  private final String therapist;
  private final List<ReportRenderer.BundleEntry> entries;
  private final ReportContext ctx;
  private final ReportSettings settings;

  BundleLayout(
      String therapist,
      List<ReportRenderer.BundleEntry> entries,
      ReportContext ctx,
      ReportSettings settings) {
    this.therapist = therapist;
    this.entries = entries;
    this.ctx = ctx;
    this.settings = settings;
  }

  @Override
  public void write(PdfFrame f) throws DocumentException {
    BundleStamp stamp = new BundleStamp(f.fonts);
    f.writer.setPageEvent(stamp);
    cover(f);
    for (ReportRenderer.BundleEntry e : entries) {
      PdfReader reader = reader(e.reviewPdf());
      StructureCopy structure = new StructureCopy(f.writer, reader);
      for (int page = 1; page <= reader.getNumberOfPages(); page++) {
        f.doc.newPage();
        structure.beforeImport(page);
        PdfImportedPage imported = f.writer.getImportedPage(reader, page);
        f.writer.getDirectContentUnder().addTemplate(imported, 0, 0);
        structure.imported(page, imported);
        if (page == 1) {
          bookmark(f, e.metrics());
        }
      }
      // One section per patient, holding the review's own structure.
      structure.copyUnder(f.tags.section());
      try {
        f.writer.freeReader(reader);
      } catch (IOException ex) {
        throw new UncheckedIOException("cannot copy a review into the bundle", ex);
      }
      reader.close();
    }
  }

  private void cover(PdfFrame f) throws DocumentException {
    f.organisation(settings.organisation());
    Phrase title = f.fonts.phrase("Caseload reviews: " + therapist, Style.TITLE);
    Element line = Tables.line(title, 0);
    // A right-to-left name makes the line a one-cell table, which keeps the phrase.
    f.tags.hint(line, Tagging.Role.H1);
    f.tags.hint(title, Tagging.Role.H1);
    f.doc.add(line);
    String count = entries.size() + (entries.size() == 1 ? " patient" : " patients");
    f.periodLine(ctx, "   ·   " + count, 8);
    Tables tables = new Tables(f.fonts);
    List<Row> rows = new ArrayList<>();
    int n = 0;
    for (ReportRenderer.BundleEntry e : entries) {
      PatientMetrics m = e.metrics();
      boolean followUp = m.signals().followUpTier().isPresent();
      rows.add(
          new Row(
              List.of(
                  Integer.toString(++n),
                  m.patient().name(),
                  m.patientId(),
                  m.patient().clinic(),
                  reason(m)),
              followUp,
              null));
    }
    f.doc.add(
        tables.data(
            new float[] {0.3f, 1.7f, 0.8f, 1.7f, 3.2f},
            List.of("#", "Patient", "ID", "Clinic", "Why look first / status"),
            Tables.numeric(5, 0),
            rows,
            "No patients in review."));
    f.doc.add(
        new Paragraph(
            f.fonts.phrase(
                "Bold: on the follow-up list. Listed by follow-up tier (1 act now: "
                    + Flag.namesIn(FollowUpTier.ACT_NOW)
                    + "; 2 discuss: "
                    + Flag.namesIn(FollowUpTier.DISCUSS)
                    + "; 3 check: "
                    + Flag.namesIn(FollowUpTier.CHECK)
                    + "), then by number of flagged events, then patient ID. Each review follows in this"
                    + " order; bookmarks lead to each patient.",
                Style.SMALL)));
  }

  /**
   * One line: the tier, then the bullets of the review's flag box in their order (the one that sets
   * the tier first, one per event, good news last), then the GAS T-score.
   */
  static String reason(PatientMetrics m) {
    List<String> parts = new ArrayList<>();
    m.signals()
        .followUpTier()
        .ifPresent(t -> parts.add("Tier " + t.number() + " (" + t.label() + ")"));
    for (FlagFinding x : m.bullets()) {
      parts.add(x.flag().label());
    }
    if (m.flags().isEmpty()) {
      parts.add("No flags; adherence " + Evidence.pct(m.adherence().period().overallRate()));
    }
    m.goals().gasT().ifPresent(t -> parts.add("GAS T " + GoalSection.t(m.goals().gasT())));
    return String.join(", ", parts);
  }

  private static void bookmark(PdfFrame f, PatientMetrics m) throws DocumentException {
    String dest = "p-" + m.patientId();
    Chunk anchor = new Chunk(" ");
    anchor.setLocalDestination(dest);
    Phrase ph = f.fonts.phrase(" ", Style.FOOTER);
    ph.add(anchor);
    Paragraph target = new Paragraph(ph);
    f.tags.hint(target, Tagging.Role.ARTIFACT);
    f.doc.add(target);
    new PdfOutline(
        f.writer.getDirectContent().getRootOutline(),
        PdfAction.gotoLocalPage(dest, false),
        m.patient().name() + " (" + m.patientId() + ")");
  }

  private static PdfReader reader(byte[] pdf) {
    try {
      return new PdfReader(pdf);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read a rendered review back", e);
    }
  }

  /** "Bundle page N of M" at the top right of every page, M filled in at the end. */
  private static final class BundleStamp extends PdfPageEventHelper {
    private final DocFonts fonts;

    /** Made on the first page. */
    private @Nullable PdfTemplate total;

    BundleStamp(DocFonts fonts) {
      this.fonts = fonts;
    }

    @Override
    public void onEndPage(PdfWriter writer, Document document) {
      PdfContentByte cb = writer.getDirectContent();
      if (total == null) {
        total = cb.createTemplate(24, 10);
      }
      Tagging.artifact(cb, () -> stamp(writer, document, cb));
    }

    private void stamp(PdfWriter writer, Document document, PdfContentByte cb) {
      String text = "Bundle page " + writer.getPageNumber() + " of ";
      float w = fonts.width(text, Style.FOOTER);
      float x = document.right() - 24 - w;
      float y = document.getPageSize().getHeight() - 18;
      ColumnText.showTextAligned(cb, Element.ALIGN_LEFT, fonts.phrase(text, Style.FOOTER), x, y, 0);
      cb.addTemplate(total, x + w, y);
    }

    @Override
    public void onCloseDocument(PdfWriter writer, Document document) {
      ColumnText.showTextAligned(
          total,
          Element.ALIGN_LEFT,
          fonts.phrase(Integer.toString(writer.getPageNumber() - 1), Style.FOOTER),
          0,
          0,
          0);
    }
  }
}
