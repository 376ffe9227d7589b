package org.recoveryreview.report;

import com.lowagie.text.PageSize;
import com.lowagie.text.Rectangle;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentSkipListMap;
import org.recoveryreview.model.ExitCode;
import org.recoveryreview.model.JobFailure;
import org.recoveryreview.model.Patient;
import org.recoveryreview.model.PatientMetrics;
import org.recoveryreview.model.PatientReview;
import org.recoveryreview.model.ProgramReview;
import org.recoveryreview.model.ReportSettings;

/**
 * Lays out the patient reviews and the programme summary as tagged PDF/UA-1 and PDF/A-1a documents.
 * Fonts and chart themes are loaded once per instance and shared; one instance may render from
 * several threads.
 */
public final class ReportRenderer {
  private final ReportSettings settings;
  private final ReportFonts fonts;
  private final Rectangle pageSize;
  private final PatientCharts patientCharts;
  private final ProgramCharts programCharts;
  private final HandoutChart handoutChart;
  private final HandoutBundles handoutText;

  /** Documents with characters no font could draw, and those scripts, across this run. */
  private final Map<String, Set<String>> unprintable = new ConcurrentSkipListMap<>();

  /** A renderer for {@code settings}, once the report libraries' start-up, if started, ended. */
  public ReportRenderer(ReportSettings settings) {
    this(settings, afterStartUp(settings));
  }

  /**
   * Starts the report libraries' one-time start-up on a background thread (fonts loaded, one
   * throwaway page rendered), to overlap with reading and analysing the input; renderers made
   * afterwards wait for it to end. Safe to call more than once; the output does not depend on it.
   */
  public static void startUp(ReportSettings settings) {
    ReportStartUp.start(settings);
  }

  private static ReportFonts afterStartUp(ReportSettings settings) {
    ReportStartUp.awaitDone();
    return ReportFonts.forSettings(settings);
  }

  /** With given fonts, e.g. ones found on a staged machine without CJK fonts. */
  ReportRenderer(ReportSettings settings, ReportFonts fonts) {
    this.settings = settings;
    this.pageSize = pageSize(settings.pageSize());
    this.fonts = fonts;
    ChartKit kit = new ChartKit(fonts);
    this.patientCharts = new PatientCharts(kit, settings);
    this.programCharts = new ProgramCharts(kit);
    this.handoutChart = new HandoutChart(kit);
    // Read and checked here, so a bad site file stops the run before any document is written.
    this.handoutText = HandoutBundles.load(settings.handoutText());
  }

  /**
   * Loads every font {@code settings} name, the configured CJK font included (a run loads that one
   * only when a name needs it), so {@code validate} refuses exactly the font settings a run would
   * refuse, with the same message (exit 2 naming the key). With no font configured there is nothing
   * to refuse (the bundled faces ship in the jar), so nothing is loaded: Java2D's start-up and two
   * font parses were a quarter of a small {@code validate}'s CPU.
   */
  public static void checkFonts(ReportSettings settings) {
    pageSize(settings.pageSize());
    if (settings.latinFont().isEmpty() && settings.cjkFont().isEmpty()) {
      return;
    }
    ReportFonts fonts = ReportFonts.forSettings(settings);
    if (settings.cjkFont().isPresent()) {
      for (ReportFonts.CjkRegion region : ReportFonts.CjkRegion.values()) {
        fonts.cjk(region);
      }
    }
  }

  private static Rectangle pageSize(String name) {
    return switch (name.trim().toUpperCase(Locale.ROOT)) {
      case "A4" -> PageSize.A4;
      case "LETTER" -> PageSize.LETTER;
      default ->
          throw new JobFailure(
              ExitCode.USAGE,
              "Page size '" + name + "' is not supported; set report page size to A4 or LETTER.");
    };
  }

  /** Writes one patient's review to {@code out} (not closed). */
  public RenderOutcome renderPatient(
      PatientReview review, ReportContext context, OutputStream out) {
    Patient p = review.metrics().patient();
    String scripts = p.name() + p.clinic() + p.therapist() + p.diagnosis().orElse("");
    DocFonts doc = new DocFonts(fonts, ReportFonts.regionOf(scripts), "Patient " + p.patientId());
    String period = context.period().label();
    PdfFrame.Meta meta =
        new PdfFrame.Meta(
            "Monthly rehabilitation review "
                + period
                + ": "
                + p.name()
                + " ("
                + p.patientId()
                + ")",
            settings.organisation(),
            "Adherence and arm and hand recovery of patient " + p.patientId() + " in " + period,
            "rehabilitation, adherence, Brunnstrom, Fugl-Meyer, " + period + ", " + p.patientId(),
            context.documentTime(),
            "Patient " + p.patientId(),
            Fmt.date(context.dataAsOf()),
            Optional.of(
                p.name()
                    + "   ·   "
                    + p.patientId()
                    + "   ·   Monthly rehabilitation review "
                    + Fmt.monthLong(context.period().month())),
            "en");
    PdfFrame.Rendered r =
        PdfFrame.render(
            pageSize, meta, doc, new PatientLayout(review, context, settings, patientCharts));
    write(r.bytes(), out);
    noteUnprintable(doc);
    return new RenderOutcome(r.pages(), doc.warnings());
  }

  /**
   * Writes the one-page family handout in the patient's language (English when it has no handout
   * text; see {@link HandoutText#supported}) to {@code out} (not closed).
   */
  public RenderOutcome renderHandout(
      PatientReview review, ReportContext context, OutputStream out) {
    Patient p = review.metrics().patient();
    HandoutText text = handoutText.text(p.language());
    StringBuilder scripts = new StringBuilder(p.name()).append(p.clinic()).append(p.therapist());
    review.metrics().goals().goals().forEach(g -> scripts.append(g.description()));
    // The language's own glyph shapes for its text; names decide only in the other languages.
    ReportFonts.CjkRegion region =
        switch (text.language()) {
          case "zh" -> ReportFonts.CjkRegion.SC;
          case "ja" -> ReportFonts.CjkRegion.JP;
          case "ko" -> ReportFonts.CjkRegion.KR;
          default -> ReportFonts.regionOf(scripts);
        };
    DocFonts doc = new DocFonts(fonts, region, "Handout " + p.patientId());
    String month = text.month(context.period().month());
    PdfFrame.Meta meta =
        new PdfFrame.Meta(
            text.get("title", p.name()) + " (" + month + ")",
            settings.organisation(),
            text.get("intro"),
            "rehabilitation, family, " + context.period().label() + ", " + p.patientId(),
            context.documentTime(),
            "Handout " + p.patientId(),
            Fmt.date(context.dataAsOf()),
            Optional.empty(),
            text.language());
    PdfFrame.Rendered r =
        PdfFrame.renderPlain(
            pageSize, meta, doc, new HandoutLayout(review, context, text, handoutChart));
    write(r.bytes(), out);
    return new RenderOutcome(r.pages(), doc.warnings());
  }

  /** One patient of a therapist's bundle: the figures and the review as rendered for patients/. */
  public record BundleEntry(PatientMetrics metrics, byte[] reviewPdf) {}

  /**
   * Writes a therapist's bundle: a cover listing the patients (in the order given, see {@link
   * org.recoveryreview.model.CaseloadOrder}) with a one-line reason, then each review, with a
   * bookmark per patient and bundle page numbers.
   */
  public RenderOutcome renderBundle(
      String therapist, List<BundleEntry> entries, ReportContext context, OutputStream out) {
    StringBuilder scripts = new StringBuilder(therapist);
    entries.forEach(e -> scripts.append(e.metrics().patient().name()));
    DocFonts doc = new DocFonts(fonts, ReportFonts.regionOf(scripts), "Bundle of " + therapist);
    String period = context.period().label();
    PdfFrame.Meta meta =
        new PdfFrame.Meta(
            "Caseload reviews " + period + ": " + therapist,
            settings.organisation(),
            "Monthly reviews of the patients of " + therapist + " in " + period,
            "rehabilitation, caseload, " + period,
            context.documentTime(),
            "Bundle " + therapist,
            Fmt.date(context.dataAsOf()),
            Optional.empty(),
            "en");
    PdfFrame.Rendered r =
        PdfFrame.renderPlain(
            pageSize, meta, doc, new BundleLayout(therapist, entries, context, settings));
    write(r.bytes(), out);
    return new RenderOutcome(r.pages(), doc.warnings());
  }

  /**
   * Writes the programme summary; {@code glyphWarnings} are the patient reports' warnings, listed
   * in its data-quality section.
   */
  public RenderOutcome renderProgram(
      ProgramReview program, List<String> glyphWarnings, ReportContext context, OutputStream out) {
    DocFonts doc = new DocFonts(fonts, ReportFonts.CjkRegion.SC, "Programme summary");
    String period = context.period().label();
    PdfFrame.Meta meta =
        new PdfFrame.Meta(
            "Programme summary " + period,
            settings.organisation(),
            "Adherence and recovery across the rehabilitation programme in " + period,
            "rehabilitation, adherence, programme summary, follow-up, data quality, " + period,
            context.documentTime(),
            "Programme summary " + period,
            Fmt.date(context.dataAsOf()),
            Optional.of(
                settings.organisation()
                    + "   ·   Programme summary "
                    + Fmt.monthLong(context.period().month())),
            "en");
    PdfFrame.Rendered r =
        PdfFrame.render(
            pageSize,
            meta,
            doc,
            new ProgramLayout(program, glyphWarnings, context, settings, programCharts));
    write(r.bytes(), out);
    noteUnprintable(doc);
    List<String> warnings = new ArrayList<>(doc.warnings());
    return new RenderOutcome(r.pages(), warnings);
  }

  private void noteUnprintable(DocFonts doc) {
    Set<String> scripts = doc.missingScripts();
    if (!scripts.isEmpty()) {
      unprintable.merge(
          doc.owner(),
          new TreeSet<>(scripts),
          (a, b) -> {
            Set<String> all = new TreeSet<>(a);
            all.addAll(b);
            return all;
          });
    }
  }

  /**
   * The run's one warning about text no font could draw, naming every document it affects, its
   * scripts and how to install a font; empty when everything was drawn. Call once after rendering.
   */
  public Optional<String> unprintableWarning() {
    return FontAdvice.warning(unprintable);
  }

  private static void write(byte[] bytes, OutputStream out) {
    try {
      out.write(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
