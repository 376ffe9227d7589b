package org.recoveryreview.report;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.recoveryreview.model.PatientReview;
import org.recoveryreview.model.ReportSettings;

/** Throwaway: renders every fixture to a folder for looking at the pages (not a test). */
public final class RenderSamples {
  private RenderSamples() {}

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args.length > 0 ? args[0] : "/tmp/rp");
    Files.createDirectories(dir);
    // A second argument "no-cjk" stages a machine without CJK fonts.
    boolean noCjk = args.length > 1 && args[1].equals("no-cjk");
    ReportRenderer r =
        noCjk
            ? new ReportRenderer(
                ReportSettings.defaults(),
                ReportFonts.load(
                    ReportSettings.defaults(),
                    new CjkFontFinder(lang -> java.util.Optional.empty(), p -> false, "C:")))
            : new ReportRenderer(ReportSettings.defaults());
    List<String> warnings = new ArrayList<>();
    List<PatientReview> all = new ArrayList<>(ReportFixtures.allScripts());
    all.add(ReportFixtures.named("P008", "Zoë \uD80C\uDC00 Test"));
    for (PatientReview p : all) {
      try (OutputStream out =
          Files.newOutputStream(
              dir.resolve(p.metrics().patientId().replaceAll("[^A-Za-z0-9_-]", "_") + ".pdf"))) {
        RenderOutcome o = r.renderPatient(p, ReportFixtures.CONTEXT, out);
        warnings.addAll(o.glyphWarnings());
        System.out.println(p.metrics().patientId() + " pages=" + o.pages());
      }
    }
    try (OutputStream out = Files.newOutputStream(dir.resolve("program-summary.pdf"))) {
      RenderOutcome o =
          r.renderProgram(ReportFixtures.program(), warnings, ReportFixtures.CONTEXT, out);
      System.out.println("program pages=" + o.pages() + " " + o.glyphWarnings());
      System.out.println(r.unprintableWarning().orElse("no unprintable text"));
    }
  }
}
