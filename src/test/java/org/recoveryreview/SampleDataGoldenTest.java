package org.recoveryreview;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.recoveryreview.analysis.Analyzer;
import org.recoveryreview.generate.Generator;
import org.recoveryreview.ingest.Ingestor;
import org.recoveryreview.model.AdherenceBand;
import org.recoveryreview.model.AnalysisSettings;
import org.recoveryreview.model.Dataset;
import org.recoveryreview.model.Flag;
import org.recoveryreview.model.FollowUpTier;
import org.recoveryreview.model.InputOptions;
import org.recoveryreview.model.PatientReview;
import org.recoveryreview.model.ProgramReview;
import org.recoveryreview.model.ReviewPeriod;
import org.recoveryreview.model.ReviewResults;
import org.recoveryreview.model.TransitionMatrix;
import org.recoveryreview.publish.PublishedFiles;

/**
 * Pins patient-metrics.csv and program-metrics.csv for the committed sample data and for a small
 * {@code generate --messy} set, so that a rewrite of the analysis stage must reproduce every figure
 * byte for byte. The sample-data patient file was checked against an independent re-computation of
 * the adherence counts, rates, Brunnstrom and Fugl-Meyer figures from the raw CSVs (a separate
 * script, 37 of 37 rows equal) before it was committed. The program file and the messy-set files
 * were written by the analysis as of commit 42822b1 (before the analysis was rebuilt on fact
 * tables), as the net for that rebuild; the messy set also depends on the generator, so a generator
 * change that alters its output must regenerate those two files with a note why.
 *
 * <p>Each later change of these files is explained in the commit that made it (git log on this
 * folder): what changed, why, and what independent check the new values passed. The per-patient
 * values are JSON (record components as keys) so that such a change is readable.
 */
class SampleDataGoldenTest {
  private static final ReviewPeriod OCTOBER = new ReviewPeriod(YearMonth.of(2026, 10));

  /** The messy set: small enough to commit its outputs, large enough for every roll-up group. */
  static final int MESSY_PATIENTS = 60;

  static final long MESSY_SEED = 20261130L;

  @Test
  void patientMetrics_sampleData2026_10_matchesGoldenFile() {
    ReviewResults results = analyze(Path.of("sample-data"));
    assertGolden("patient-metrics-2026-10.csv", patientCsv(results));
  }

  @Test
  void programMetrics_sampleData2026_10_matchesGoldenFile() {
    ReviewResults results = analyze(Path.of("sample-data"));
    assertGolden("program-metrics-2026-10.csv", programCsv(results));
  }

  @Test
  void patientMetrics_messyGeneratedSet_matchesGoldenFile(@TempDir Path dir) {
    ReviewResults results = analyze(messySet(dir));
    assertGolden("messy-patient-metrics-2026-10.csv", patientCsv(results));
  }

  @Test
  void programMetrics_messyGeneratedSet_matchesGoldenFile(@TempDir Path dir) {
    ReviewResults results = analyze(messySet(dir));
    assertGolden("messy-program-metrics-2026-10.csv", programCsv(results));
  }

  @Test
  void everyFigure_sampleData2026_10_matchesGoldenDigest() {
    ReviewResults results = analyze(Path.of("sample-data"));
    assertGolden("figures-2026-10.txt", digest(results));
  }

  @Test
  void everyPatientValue_sampleData2026_10_matchesGoldenJson() {
    ReviewResults results = analyze(Path.of("sample-data"));
    assertGolden("patients-2026-10.json", patientValues(results));
  }

  @Test
  void everyPatientValue_messyGeneratedSet_matchesGoldenJson(@TempDir Path dir) {
    ReviewResults results = analyze(messySet(dir));
    assertGolden("messy-patients-2026-10.json", patientValues(results));
  }

  @Test
  void everyFigure_messyGeneratedSet_matchesGoldenDigest(@TempDir Path dir) {
    ReviewResults results = analyze(messySet(dir));
    assertGolden("messy-figures-2026-10.txt", digest(results));
  }

  @Test
  void sampleData_everyRowUsed() {
    Dataset data = new Ingestor(InputOptions.defaults()).ingest(Path.of("sample-data"));
    assertEquals(0, data.issues().size());
    assertEquals(8103, data.rowsRead());
  }

  static Path messySet(Path dir) {
    Generator.generate(dir, MESSY_PATIENTS, 12, YearMonth.of(2026, 10), MESSY_SEED, true);
    return dir;
  }

  static ReviewResults analyze(Path input) {
    Dataset data = new Ingestor(InputOptions.defaults()).ingest(input);
    return new Analyzer(AnalysisSettings.defaults(), 2).analyze(data, OCTOBER, Set.of());
  }

  static String patientCsv(ReviewResults results) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      PublishedFiles.writePatientMetrics(
          results.patients().stream().map(PatientReview::metrics).toList(), out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  static String programCsv(ReviewResults results) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      PublishedFiles.writeProgramMetrics(results.program(), out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  /**
   * Compares with the golden file; with {@code -Dgolden.update=true} rewrites it instead, for a
   * change a human has checked (say what changed and why in the commit).
   */
  private static void assertGolden(String name, String actual) {
    if (Boolean.getBoolean("golden.update")) {
      try {
        Files.writeString(Path.of("src/test/resources/golden", name), actual);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return;
    }
    assertEquals(golden(name), actual);
  }

  private static String golden(String name) {
    try (InputStream in = SampleDataGoldenTest.class.getResourceAsStream("/golden/" + name)) {
      if (in == null) {
        throw new IllegalStateException("missing golden file src/test/resources/golden/" + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Everything else the analysis hands the report, as text: the programme figures that are not in
   * program-metrics.csv written out in enum order, and one SHA-256 per patient of its metrics and
   * history (weeks, minutes, assessments, transitions, session summary), so that a chart series
   * cannot change silently either.
   */
  static String digest(ReviewResults results) {
    ProgramReview p = results.program();
    StringBuilder b = new StringBuilder();
    b.append("patients_in_review ").append(p.headline().patientsInReview()).append('\n');
    b.append("overall ").append(p.headline().overall()).append('\n');
    for (AdherenceBand band : AdherenceBand.values()) {
      b.append("band ")
          .append(band)
          .append(' ')
          .append(p.headline().patientsPerBand().get(band))
          .append('\n');
    }
    for (Flag f : Flag.values()) {
      b.append("flag ")
          .append(f)
          .append(' ')
          .append(p.headline().patientsPerFlag().get(f))
          .append('\n');
    }
    for (FollowUpTier t : FollowUpTier.values()) {
      b.append("tier ")
          .append(t)
          .append(' ')
          .append(p.headline().patientsPerTier().get(t))
          .append('\n');
    }
    for (TransitionMatrix m : List.of(p.armTransitions(), p.handTransitions())) {
      b.append("matrix ").append(m.scale());
      for (int[] row : m.counts()) {
        b.append(' ').append(Arrays.toString(row));
      }
      b.append('\n');
    }
    p.stageOnsets().forEach(o -> b.append("onset ").append(o).append('\n'));
    b.append("headline ").append(p.headline()).append('\n');
    b.append("previous_month ").append(p.previousMonth()).append('\n');
    b.append("trend_window ").append(p.trendWindow()).append('\n');
    b.append("completeness ").append(p.completeness()).append('\n');
    p.followUps().forEach(f -> b.append("follow_up ").append(f).append('\n'));
    b.append("overall_rates ").append(p.overallRates()).append('\n');
    p.dataQuality().forEach(q -> b.append("quality ").append(q).append('\n'));
    return b.toString();
  }

  /**
   * Every value the analysis hands the report per patient, as indented JSON with the record
   * components as keys, so that a reviewer sees which value of which patient a change moves: the
   * metrics in full, and for each series of its history (weeks, minutes, assessments, transitions,
   * session summary, chart windows) its length and the SHA-256 of its JSON, since the series in
   * full would make the files megabytes (their values are checked by the chart and analysis tests).
   */
  static String patientValues(ReviewResults results) {
    StringBuilder b = new StringBuilder();
    for (PatientReview r : results.patients()) {
      Map<String, Object> history = new LinkedHashMap<>();
      for (RecordComponent c : r.history().getClass().getRecordComponents()) {
        Object part = invoke(c, r.history());
        String text = json(part, false);
        Map<String, Object> summary = new LinkedHashMap<>();
        if (part instanceof java.util.Collection<?> list) {
          summary.put("entries", list.size());
        }
        summary.put("sha256", sha256(text));
        history.put(c.getName(), summary);
      }
      Map<String, Object> patient = new LinkedHashMap<>();
      patient.put("metrics", r.metrics());
      patient.put("history", history);
      b.append(json(patient, true)).append('\n');
    }
    return b.toString();
  }

  private static final ObjectMapper JSON =
      JsonMapper.builder()
          .addModule(new Jdk8Module())
          .addModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
          .visibility(PropertyAccessor.ALL, JsonAutoDetect.Visibility.NONE)
          .visibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY)
          .build();

  private static String json(Object value, boolean indent) {
    try {
      return indent
          ? JSON.writerWithDefaultPrettyPrinter().writeValueAsString(value)
          : JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Object invoke(RecordComponent c, Object record) {
    try {
      return c.getAccessor().invoke(record);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Writes a golden file's candidate (used by hand when a golden file must change). */
  static void write(Path file, String text) throws IOException {
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }
}
