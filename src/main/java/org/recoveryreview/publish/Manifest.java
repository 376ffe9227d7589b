package org.recoveryreview.publish;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Stream;
import org.recoveryreview.concurrent.Parallel;
import org.recoveryreview.model.FlagSettings;
import org.recoveryreview.model.Hashing;
import org.recoveryreview.model.InputFile;
import org.recoveryreview.model.Settings;

/**
 * Writes {@code manifest.json}: which tool version, settings and input files (with SHA-256)
 * produced which output files (with SHA-256), so an auditor can tie a report to its inputs. It is
 * the last file written before the swap.
 */
final class Manifest {
  /** File name inside the period folder. */
  public static final String FILE_NAME = "manifest.json";

  // Written with jackson-core's streaming generator and Jackson's default pretty printer, the bytes
  // an ObjectMapper with INDENT_OUTPUT writes: the mapper's start-up (about 400 classes, 0.24 s
  // cold) fell inside the first review, which every other review waited for.
  private static final JsonFactory JSON = new JsonFactory();

  /** Reading back (selective runs, the merge) needs the mapper, so only reading starts it. */
  private static final class Reading {
    static final ObjectMapper MAPPER = new ObjectMapper();
  }

  /** One JSON value written to a generator. */
  @FunctionalInterface
  private interface Body {
    void write(JsonGenerator g) throws IOException;
  }

  private Manifest() {}

  /**
   * Writes the manifest for the files currently in {@code folder} into that folder, taking the
   * SHA-256 of a file from {@code written} (by {@link #name}) where the writer recorded it, and
   * reading the others.
   */
  static void write(RunInfo run, Path folder, FileOps ops, Map<String, String> written)
      throws IOException {
    List<Path> files = outputFiles(folder);
    List<String> hashes = sha256(folder, files, written, run.jobs());
    byte[] json = json(g -> manifest(g, run, folder, files, hashes));
    // Written beside and renamed so a reader never sees half a manifest (selective runs rewrite
    // it); the unique name and CREATE_NEW mean a planted link at the temporary name is refused.
    Path tmp = folder.resolve("." + FILE_NAME + ".tmp-" + UUID.randomUUID());
    try (OutputStream out = ops.create(tmp)) {
      out.write(json);
    } catch (IOException e) {
      Files.deleteIfExists(tmp);
      throw e;
    }
    // Durable before the swap publishes it, like every other file of the month.
    ops.sync(tmp);
    ops.move(tmp, folder.resolve(FILE_NAME));
  }

  private static void manifest(
      JsonGenerator g, RunInfo run, Path folder, List<Path> files, List<String> hashes)
      throws IOException {
    g.writeStartObject();
    g.writeStringField("tool", "recovery-review");
    g.writeStringField("tool_version", run.toolVersion());
    g.writeObjectFieldStart("period");
    g.writeStringField("label", run.period().label());
    g.writeStringField("first_day", run.period().start().toString());
    g.writeStringField("last_day", run.period().end().toString());
    g.writeEndObject();
    g.writeStringField("started", run.started().toString());
    g.writeStringField("finished", run.finished().toString());
    g.writeNumberField("exit_code", run.exitCode());
    g.writeStringField("input_dir", run.inputDir());
    g.writeNumberField("jobs", run.jobs());
    g.writeArrayFieldStart("patient_filter");
    for (String id : run.patientFilter()) {
      g.writeString(id);
    }
    g.writeEndArray();
    g.writeFieldName("settings");
    settings(g, run.settings(), false);
    inputs(g, run.inputs());
    g.writeArrayFieldStart("outputs");
    for (int i = 0; i < files.size(); i++) {
      g.writeStartObject();
      g.writeStringField("file", name(folder, files.get(i)));
      g.writeStringField("sha256", hashes.get(i));
      g.writeNumberField("size_bytes", Files.size(files.get(i)));
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeNumberField("patients_reported", run.patientsReported());
    g.writeNumberField("pages", run.pages());
    g.writeObjectFieldStart("stage_seconds");
    for (Map.Entry<String, Double> e : new TreeMap<>(run.stages().stageSeconds()).entrySet()) {
      g.writeNumberField(e.getKey(), Math.round(e.getValue() * 1000) / 1000.0);
    }
    g.writeEndObject();
    g.writeEndObject();
  }

  private static void inputs(JsonGenerator g, List<InputFile> inputs) throws IOException {
    g.writeArrayFieldStart("inputs");
    for (InputFile f : inputs) {
      g.writeStartObject();
      g.writeStringField("file", f.file());
      g.writeStringField("kind", f.kind().code());
      g.writeStringField("sha256", f.sha256());
      g.writeNumberField("size_bytes", f.sizeBytes());
      g.writeNumberField("rows_read", f.rowsRead());
      g.writeNumberField("rows_used", f.used());
      g.writeNumberField("rows_rejected", f.rejected());
      g.writeNumberField("rows_duplicate", f.duplicate());
      g.writeNumberField("rows_superseded", f.superseded());
      g.writeNumberField("rows_ignored", f.ignored());
      g.writeEndObject();
    }
    g.writeEndArray();
  }

  /** {@code body} as pretty-printed UTF-8 JSON. */
  private static byte[] json(Body body) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (JsonGenerator g = JSON.createGenerator(out).useDefaultPrettyPrinter()) {
      body.write(g);
    }
    return out.toByteArray();
  }

  /**
   * How many patients the manifest in {@code folder} says were reported; empty when there is no
   * readable manifest.
   */
  public static OptionalInt patientsReported(Path folder) {
    Path file = folder.resolve(FILE_NAME);
    if (!Files.isRegularFile(file)) {
      return OptionalInt.empty();
    }
    try {
      Object n = read(file).get("patients_reported");
      return n instanceof Number num ? OptionalInt.of(num.intValue()) : OptionalInt.empty();
    } catch (IOException | RuntimeException e) {
      return OptionalInt.empty();
    }
  }

  /**
   * SHA-256 of every setting that can change an output byte (the manifest's settings without the
   * config file's path and the {@code allow_fewer_*} overrides): shards and their merge must agree
   * on it.
   */
  public static String settingsSha256(Settings s) {
    try {
      return Hashing.sha256Hex(json(g -> settings(g, s, true)));
    } catch (IOException e) {
      throw new IllegalStateException("cannot hash the settings", e);
    }
  }

  /** The SHA-256 of every output file the manifest in {@code folder} lists, by relative path. */
  @SuppressWarnings("unchecked")
  public static Map<String, String> outputHashes(Path folder) throws IOException {
    Map<String, String> out = new TreeMap<>();
    Object outputs = read(folder.resolve(FILE_NAME)).get("outputs");
    if (outputs instanceof List<?> list) {
      for (Object o : list) {
        if (o instanceof Map<?, ?> m && m.get("file") instanceof String f) {
          out.put(f, String.valueOf(((Map<String, Object>) m).get("sha256")));
        }
      }
    }
    return out;
  }

  /**
   * The settings object; {@code forHash} leaves out the config file's path and the {@code
   * allow_fewer_*} overrides, which cannot change an output byte.
   */
  private static void settings(JsonGenerator g, Settings s, boolean forHash) throws IOException {
    g.writeStartObject();
    if (!forHash) {
      g.writeStringField("config_file", s.configFile().map(Path::toString).orElse(""));
    }
    g.writeStringField("config_sha256", s.configSha256().orElse(""));
    g.writeStringField("organisation", s.report().organisation());
    g.writeNumberField("adherence_target", s.analysis().adherenceTarget());
    g.writeNumberField("adherence_partial", s.analysis().partialThreshold());
    g.writeNumberField("mcid_subacute", s.analysis().mcidSubacute());
    g.writeNumberField("mcid_chronic", s.analysis().mcidChronic());
    g.writeNumberField("subacute_days", s.analysis().subacuteDays());
    g.writeNumberField("plateau_days", s.analysis().plateauDays());
    FlagSettings f = s.analysis().flags();
    g.writeNumberField("early_subacute_days", f.earlySubacuteDays());
    g.writeNumberField("fma_mdc", f.fmaMdc());
    g.writeNumberField("arat_mcid_subacute", f.aratMcidSubacute());
    g.writeNumberField("arat_mcid_chronic", f.aratMcidChronic());
    g.writeNumberField("plateau_min_span_days", f.plateauMinSpanDays());
    g.writeNumberField("plateau_ceiling", f.plateauCeiling());
    g.writeNumberField("overdue_days_early_subacute", f.overdueEarlyDays());
    g.writeNumberField("overdue_days_late_subacute", f.overdueLateDays());
    g.writeNumberField("overdue_days_chronic", f.overdueChronicDays());
    g.writeNumberField("drop_off_days", f.dropOffDays());
    g.writeNumberField("drop_off_min_due", f.dropOffMinDue());
    g.writeNumberField("home_low_min_sessions", f.homeLowMinSessions());
    g.writeNumberField("home_low_rate", f.homeLowRate());
    FlagSettings.DataQuerySettings q = f.dataQuery();
    g.writeNumberField("data_query_stage_jump", q.stageJump());
    g.writeNumberField("data_query_low_stage", q.lowStage());
    g.writeNumberField("data_query_high_stage", q.highStage());
    g.writeNumberField("data_query_fma_a_at_low_stage", q.fmaAAtLowStage());
    g.writeNumberField("data_query_fma_a_at_high_stage", q.fmaAAtHighStage());
    g.writeNumberField("data_query_fma_c_at_low_stage", q.fmaCAtLowStage());
    g.writeNumberField("data_query_fma_c_at_high_stage", q.fmaCAtHighStage());
    g.writeStringField("input_charset", s.input().charset().name());
    g.writeStringField(
        "input_delimiter", s.input().delimiter().map(String::valueOf).orElse("detect"));
    g.writeStringField("input_date_pattern", s.input().datePattern().orElse(""));
    g.writeStringField("page_size", s.report().pageSize());
    if (!forHash) {
      g.writeBooleanField("allow_fewer_patients", s.publish().allowFewerPatients());
      g.writeBooleanField("allow_fewer_sessions", s.publish().allowFewerSessions());
    }
    g.writeEndObject();
  }

  /** Every regular file below {@code folder} except the manifest, sorted by path. */
  static List<Path> outputFiles(Path folder) throws IOException {
    List<Path> files = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(folder)) {
      walk.filter(Files::isRegularFile)
          .filter(p -> !p.equals(folder.resolve(FILE_NAME)))
          .filter(p -> !p.getFileName().toString().startsWith("."))
          .forEach(files::add);
    }
    files.sort(null);
    return files;
  }

  /** A file's name in the manifest: its path below {@code folder}, with forward slashes. */
  static String name(Path folder, Path file) {
    return folder.relativize(file).toString().replace('\\', '/');
  }

  /**
   * The files' SHA-256, in their order: from {@code written} where it holds the file's {@link
   * #name}, the others read on up to {@code jobs} threads.
   */
  static List<String> sha256(Path folder, List<Path> files, Map<String, String> written, int jobs)
      throws IOException {
    List<Path> unknown = new ArrayList<>();
    for (Path p : files) {
      if (!written.containsKey(name(folder, p))) {
        unknown.add(p);
      }
    }
    List<String> read = sha256(unknown, jobs);
    List<String> hashes = new ArrayList<>(files.size());
    int next = 0;
    for (Path p : files) {
      String known = written.get(name(folder, p));
      hashes.add(known != null ? known : read.get(next++));
    }
    return hashes;
  }

  /**
   * The files' SHA-256, in their order, on up to {@code jobs} threads: at the end of a run the
   * other cores are idle, and one thread took most of a second for 2,000 patients' 600 MB.
   */
  static List<String> sha256(List<Path> files, int jobs) throws IOException {
    try {
      return Parallel.map(files, jobs, "manifest", false, Manifest::sha256);
    } catch (Parallel.ParallelFailure e) {
      if (e.getCause() instanceof IOException io) {
        throw io;
      }
      throw e;
    }
  }

  static String sha256(Path p) throws IOException {
    MessageDigest md = Hashing.sha256();
    try (InputStream in = new DigestInputStream(Files.newInputStream(p), md)) {
      in.transferTo(OutputStream.nullOutputStream());
    }
    return HexFormat.of().formatHex(md.digest());
  }

  /** Reads a manifest back as a plain map, for tests and selective runs. */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> read(Path file) throws IOException {
    return Reading.MAPPER.readValue(file.toFile(), Map.class);
  }
}
