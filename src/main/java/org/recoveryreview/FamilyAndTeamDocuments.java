package org.recoveryreview;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.recoveryreview.analysis.Analyzer;
import org.recoveryreview.concurrent.Parallel;
import org.recoveryreview.model.CaseloadOrder;
import org.recoveryreview.model.Dataset;
import org.recoveryreview.model.ExitCode;
import org.recoveryreview.model.JobFailure;
import org.recoveryreview.model.Patient;
import org.recoveryreview.model.PatientMetrics;
import org.recoveryreview.model.PatientReview;
import org.recoveryreview.model.ReviewPeriod;
import org.recoveryreview.model.ReviewResults;
import org.recoveryreview.publish.PeriodFolder;
import org.recoveryreview.publish.Publisher;
import org.recoveryreview.publish.SelectiveUpdate;
import org.recoveryreview.report.HandoutText;
import org.recoveryreview.report.ReportContext;
import org.recoveryreview.report.ReportRenderer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The documents beside the clinical reviews: a family handout per patient ({@code handouts/}) and a
 * bundle per primary therapist ({@code therapists/}) built from the reviews in {@code patients/}.
 */
final class FamilyAndTeamDocuments {
  private static final Logger LOG = LoggerFactory.getLogger(FamilyAndTeamDocuments.class);

  private final ReportRenderer renderer;
  private final ReportContext context;
  private final int jobs;

  FamilyAndTeamDocuments(ReportRenderer renderer, ReportContext context, int jobs) {
    this.renderer = renderer;
    this.context = context;
    this.jobs = Math.max(1, jobs);
  }

  /** Writes every patient's handout into the staging folder; returns the pages written. */
  int writeHandouts(List<PatientReview> reviews, PeriodFolder folder) {
    warnLanguages(reviews);
    return handouts(reviews, (name, bytes) -> folder.write(name, out -> out.write(bytes)));
  }

  /**
   * Writes every therapist's bundle into the staging folder, whose patients/ already holds the
   * reviews; returns the pages written.
   */
  int writeBundles(List<PatientReview> reviews, PeriodFolder folder) {
    Sink write = (name, bytes) -> folder.write(name, out -> out.write(bytes));
    // Each bundle reads its own reviews and writes its own file, so they are built on the --jobs
    // threads like the reviews (one after another they left a core idle for a fifth of the run).
    List<Map.Entry<String, List<PatientMetrics>>> caseloads =
        new ArrayList<>(byTherapist(reviews).entrySet());
    return Parallel.map(
            caseloads,
            jobs,
            "bundle",
            false,
            e -> {
              try {
                return bundle(e.getKey(), e.getValue(), folder.staging(), write);
              } catch (IOException ex) {
                throw new JobFailure(
                    ExitCode.CANNOT_WRITE,
                    "Cannot build the bundle of "
                        + e.getKey()
                        + " from the reviews in "
                        + folder.staging()
                        + " ("
                        + ex.getMessage()
                        + "); check free space and permissions.",
                    ex);
              }
            })
        .stream()
        .mapToInt(Integer::intValue)
        .sum();
  }

  /**
   * A selective run: replaces the handouts of {@code selected} and rebuilds the bundles of their
   * therapists from {@code caseloads} (every patient in review of those therapists) and the
   * published reviews, each file atomically.
   */
  int replaceSelected(
      List<PatientReview> selected, List<PatientReview> caseloads, SelectiveUpdate update) {
    warnLanguages(selected);
    // The staging copy: its patients/ already holds the selected patients' new reviews.
    Path published = update.staging();
    Sink replace = update::replace;
    int pages = handouts(selected, replace);
    Set<String> therapists = new HashSet<>();
    selected.forEach(r -> therapists.add(r.metrics().patient().therapist()));
    for (Map.Entry<String, List<PatientMetrics>> e : byTherapist(caseloads).entrySet()) {
      if (therapists.contains(e.getKey())) {
        try {
          pages += bundle(e.getKey(), e.getValue(), published, replace);
        } catch (IOException ex) {
          throw new JobFailure(
              ExitCode.CANNOT_WRITE,
              "Cannot rebuild the bundle of "
                  + e.getKey()
                  + " in "
                  + published
                  + " ("
                  + ex.getMessage()
                  + "); check free space and permissions.",
              ex);
        }
      }
    }
    return pages;
  }

  /**
   * The figures of every patient in review who shares a primary therapist with one of {@code
   * patientIds}, for rebuilding those therapists' bundles in a selective run.
   */
  static ReviewResults caseloads(
      Analyzer analyzer, Dataset data, ReviewPeriod period, List<String> patientIds) {
    Set<String> ids = new HashSet<>(patientIds);
    Set<String> therapists = new HashSet<>();
    for (Patient p : data.patients()) {
      if (ids.contains(p.patientId())) {
        therapists.add(p.therapist());
      }
    }
    Set<String> caseload = new LinkedHashSet<>();
    for (Patient p : data.patients()) {
      if (therapists.contains(p.therapist())) {
        caseload.add(p.patientId());
      }
    }
    return analyzer.analyze(data, period, caseload);
  }

  private interface Sink {
    void accept(String relativePath, byte[] bytes) throws IOException;
  }

  private int handouts(List<PatientReview> reviews, Sink sink) {
    try {
      return Parallel.map(
              reviews,
              jobs,
              "handout",
              false,
              review -> {
                ByteArrayOutputStream buf = new ByteArrayOutputStream(1 << 16);
                int pages = renderer.renderHandout(review, context, buf).pages();
                sink.accept(Publisher.handoutPdf(review.metrics().patientId()), buf.toByteArray());
                return pages;
              })
          .stream()
          .mapToInt(Integer::intValue)
          .sum();
    } catch (Parallel.ParallelFailure e) {
      throw new JobFailure(
          ExitCode.CANNOT_WRITE,
          "Cannot write a handout ("
              + e.getCause().getMessage()
              + "); check free space and permissions.",
          e.getCause());
    }
  }

  private int bundle(String therapist, List<PatientMetrics> patients, Path reviewsDir, Sink sink)
      throws IOException {
    List<ReportRenderer.BundleEntry> entries = new ArrayList<>(patients.size());
    for (PatientMetrics m : patients) {
      Path review = reviewsDir.resolve(Publisher.patientPdf(m.patientId()));
      if (Files.isRegularFile(review)) {
        entries.add(new ReportRenderer.BundleEntry(m, Files.readAllBytes(review)));
      } else {
        LOG.warn(
            "The review of {} is not in {}; the bundle of {} lists the patient without it.",
            m.patientId(),
            reviewsDir.resolve(Publisher.PATIENTS_DIR),
            therapist);
      }
    }
    ByteArrayOutputStream buf = new ByteArrayOutputStream(1 << 18);
    int pages = renderer.renderBundle(therapist, entries, context, buf).pages();
    sink.accept(Publisher.bundlePdf(therapist), buf.toByteArray());
    return pages;
  }

  /** Patients in caseload order, per primary therapist, therapists alphabetically. */
  private static Map<String, List<PatientMetrics>> byTherapist(List<PatientReview> reviews) {
    Map<String, List<PatientMetrics>> out = new TreeMap<>();
    for (PatientReview r : reviews) {
      out.computeIfAbsent(r.metrics().patient().therapist(), k -> new ArrayList<>())
          .add(r.metrics());
    }
    out.values().forEach(l -> l.sort(CaseloadOrder.ORDER));
    return out;
  }

  /** One warning line for all patients whose language has no handout text. */
  private static void warnLanguages(List<PatientReview> reviews) {
    Map<String, Integer> unsupported = new TreeMap<>();
    for (PatientReview r : reviews) {
      var language = r.metrics().patient().language();
      if (!HandoutText.supported(language)) {
        unsupported.merge(language.get(), 1, Integer::sum);
      }
    }
    if (!unsupported.isEmpty()) {
      LOG.warn(
          "No handout text for language {} (patients per language); those handouts are in English."
              + " Supported: {}.",
          unsupported,
          String.join(", ", new TreeSet<>(HandoutText.SUPPORTED)));
    }
  }
}
