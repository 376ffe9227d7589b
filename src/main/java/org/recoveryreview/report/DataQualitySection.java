package org.recoveryreview.report;

import com.lowagie.text.DocumentException;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.PdfPTable;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.recoveryreview.model.DataCompleteness;
import org.recoveryreview.model.Evidence;
import org.recoveryreview.model.FileQuality;
import org.recoveryreview.model.InputFile;
import org.recoveryreview.model.ProgramReview;
import org.recoveryreview.report.DocFonts.Style;
import org.recoveryreview.report.Tables.Row;

/**
 * The programme summary's last section: how complete the records behind the month's figures are,
 * every input file's accounting, and the characters no font could draw.
 */
final class DataQualitySection {
  private DataQualitySection() {}

  static void write(PdfFrame f, Tables tables, ProgramReview p, List<String> glyphWarnings)
      throws DocumentException {
    f.section("Data quality", 80);
    completeness(f, tables, p.completeness());
    List<Row> rows = fileRows(p.dataQuality());
    PdfPTable files =
        tables.data(
            // Short headers keep each column one word wide on A4; the note below spells them out.
            new float[] {1.7f, 1.05f, 0.72f, 0.72f, 0.62f, 0.62f, 0.7f, 0.62f, 2.45f},
            List.of(
                "File",
                "Kind",
                "Read",
                "Used",
                "Rej.",
                "Dup.",
                "Supers.",
                "Ign.",
                "Most common problems"),
            Tables.numeric(9, 2, 3, 4, 5, 6, 7),
            rows,
            "No input files recorded.");
    // A short accounting moves to the next page whole rather than leave a row or two behind.
    files.setKeepTogether(rows.size() <= 20);
    f.doc.add(files);
    Paragraph note =
        new Paragraph(
            f.fonts.phrase(
                "Rej. rejected, Dup. duplicate, Supers. superseded, Ign. ignored (void or scheduled)."
                    + " Every row set aside is listed with its reason in data-issues.csv.",
                Style.SMALL));
    note.setSpacingAfter(6);
    f.doc.add(note);
    glyphWarnings(f, glyphWarnings);
  }

  /** Each input file's accounting and its most common problems. */
  private static List<Row> fileRows(List<FileQuality> quality) {
    List<Row> rows = new ArrayList<>();
    for (FileQuality q : quality) {
      InputFile i = q.file();
      String problems =
          q.topProblems().stream()
              .map(
                  pc ->
                      pc.rows()
                          + " × "
                          + pc.problem()
                          + (pc.column().isEmpty() ? "" : " (" + pc.column() + ")"))
              .collect(Collectors.joining("; "));
      rows.add(
          new Row(
              List.of(
                  i.file(),
                  i.kind().code(),
                  Fmt.minutes(i.rowsRead()),
                  Fmt.minutes(i.used()),
                  Fmt.minutes(i.rejected()),
                  Fmt.minutes(i.duplicate()),
                  Fmt.minutes(i.superseded()),
                  Fmt.minutes(i.ignored()),
                  problems.isEmpty() ? Fmt.NONE : problems)));
    }
    return rows;
  }

  /** The characters no font could draw, or that there were none. */
  private static void glyphWarnings(PdfFrame f, List<String> glyphWarnings)
      throws DocumentException {
    Paragraph head =
        new Paragraph(f.fonts.phrase("Characters no font could draw", Style.BODY_BOLD));
    head.setSpacingBefore(4);
    f.doc.add(head);
    if (glyphWarnings.isEmpty()) {
      f.doc.add(
          new Paragraph(
              f.fonts.phrase("None: every name was drawn with its own characters.", Style.BODY)));
    } else {
      for (String w : glyphWarnings) {
        f.doc.add(new Paragraph(f.fonts.phrase("•  " + w, Style.BODY)));
      }
    }
  }

  /** How complete the records behind this month's figures are. */
  private static void completeness(PdfFrame f, Tables tables, DataCompleteness c)
      throws DocumentException {
    List<Row> rows =
        List.of(
            gap(
                "Completed sessions with minutes imputed from planned",
                c.imputedMinutesSessions(),
                c.sessionsDone(),
                "sessions done"),
            gap(
                "Clinic sessions cancelled by the clinic",
                c.clinicCancelledSessions(),
                c.clinicSessionsBooked(),
                "clinic sessions booked"),
            gap(
                "Assessments without all four Fugl-Meyer parts",
                c.assessmentsWithoutAllFmaParts(),
                c.assessments(),
                "assessments this month"),
            gap(
                "Assessments without ARAT",
                c.assessmentsWithoutArat(),
                c.assessments(),
                "assessments this month"),
            gap(
                "Patients with a data query (check the record)",
                c.patientsWithDataQuery(),
                c.patientsInReview(),
                "patients in review"));
    f.doc.add(
        tables.data(
            new float[] {3.6f, 0.8f, 2.2f, 0.8f},
            List.of("What this month's figures rest on", "Count", "Out of", "Share"),
            Tables.numeric(4, 1, 3),
            rows,
            ""));
    Paragraph note =
        new Paragraph(
            f.fonts.phrase(
                "Imputed minutes count as planned in the dose; an assessment without all four"
                    + " Fugl-Meyer parts has no total and does not count towards the MCID figures."
                    + " Patients in review only.",
                Style.SMALL));
    note.setSpacingAfter(8);
    f.doc.add(note);
  }

  private static Row gap(String what, long count, long of, String unit) {
    return new Row(
        List.of(
            what,
            Fmt.minutes(count),
            Fmt.minutes(of) + " " + unit,
            Evidence.pct(DataCompleteness.share(count, of))));
  }
}
