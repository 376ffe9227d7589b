package org.recoveryreview.publish;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private Manifest() {}

  /**
   * Writes the manifest for the files currently in {@code folder} into that folder, taking the
   * SHA-256 of a file from {@code written} (by {@link #name}) where the writer recorded it, and
   * reading the others.
   */
  static void write(RunInfo run, Path folder, FileOps ops, Map<String, String> written)
      throws IOException {
    ObjectNode root = JSON.createObjectNode();
    root.put("tool", "recovery-review");
    root.put("tool_version", run.toolVersion());
    ObjectNode period = root.putObject("period");
    period.put("label", run.period().label());
    period.put("first_day", run.period().start().toString());
    period.put("last_day", run.period().end().toString());
    root.put("started", run.started().toString());
    root.put("finished", run.finished().toString());
    root.put("exit_code", run.exitCode());
    root.put("input_dir", run.inputDir());
    root.put("jobs", run.jobs());
    ArrayNode filter = root.putArray("patient_filter");
    run.patientFilter().forEach(filter::add);
    root.set("settings", settings(run.settings()));
    ArrayNode inputs = root.putArray("inputs");
    for (InputFile f : run.inputs()) {
      ObjectNode n = inputs.addObject();
      n.put("file", f.file());
      n.put("kind", f.kind().code());
      n.put("sha256", f.sha256());
      n.put("size_bytes", f.sizeBytes());
      n.put("rows_read", f.rowsRead());
      n.put("rows_used", f.used());
      n.put("rows_rejected", f.rejected());
      n.put("rows_duplicate", f.duplicate());
      n.put("rows_superseded", f.superseded());
      n.put("rows_ignored", f.ignored());
    }
    ArrayNode outputs = root.putArray("outputs");
    List<Path> files = outputFiles(folder);
    List<String> hashes = sha256(folder, files, written, run.jobs());
    for (int i = 0; i < files.size(); i++) {
      Path p = files.get(i);
      ObjectNode n = outputs.addObject();
      n.put("file", name(folder, p));
      n.put("sha256", hashes.get(i));
      n.put("size_bytes", Files.size(p));
    }
    root.put("patients_reported", run.patientsReported());
    root.put("pages", run.pages());
    ObjectNode stages = root.putObject("stage_seconds");
    new TreeMap<>(run.stages().stageSeconds())
        .forEach((k, v) -> stages.put(k, Math.round(v * 1000) / 1000.0));
    // Written beside and renamed so a reader never sees half a manifest (selective runs rewrite
    // it); the unique name and CREATE_NEW mean a planted link at the temporary name is refused.
    Path tmp = folder.resolve("." + FILE_NAME + ".tmp-" + UUID.randomUUID());
    try (OutputStream out = ops.create(tmp)) {
      out.write(JSON.writeValueAsBytes(root));
    } catch (IOException e) {
      Files.deleteIfExists(tmp);
      throw e;
    }
    ops.move(tmp, folder.resolve(FILE_NAME));
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
    ObjectNode n = settings(s);
    n.remove("config_file");
    n.remove("allow_fewer_patients");
    n.remove("allow_fewer_sessions");
    try {
      return Hashing.sha256Hex(JSON.writeValueAsBytes(n));
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

  private static ObjectNode settings(Settings s) {
    ObjectNode n = JSON.createObjectNode();
    n.put("config_file", s.configFile().map(Path::toString).orElse(""));
    n.put("config_sha256", s.configSha256().orElse(""));
    n.put("organisation", s.report().organisation());
    n.put("adherence_target", s.analysis().adherenceTarget());
    n.put("adherence_partial", s.analysis().partialThreshold());
    n.put("mcid_subacute", s.analysis().mcidSubacute());
    n.put("mcid_chronic", s.analysis().mcidChronic());
    n.put("subacute_days", s.analysis().subacuteDays());
    n.put("plateau_days", s.analysis().plateauDays());
    FlagSettings f = s.analysis().flags();
    n.put("early_subacute_days", f.earlySubacuteDays());
    n.put("fma_mdc", f.fmaMdc());
    n.put("arat_mcid_subacute", f.aratMcidSubacute());
    n.put("arat_mcid_chronic", f.aratMcidChronic());
    n.put("plateau_min_span_days", f.plateauMinSpanDays());
    n.put("plateau_ceiling", f.plateauCeiling());
    n.put("overdue_days_early_subacute", f.overdueEarlyDays());
    n.put("overdue_days_late_subacute", f.overdueLateDays());
    n.put("overdue_days_chronic", f.overdueChronicDays());
    n.put("drop_off_days", f.dropOffDays());
    n.put("drop_off_min_due", f.dropOffMinDue());
    n.put("home_low_min_sessions", f.homeLowMinSessions());
    n.put("home_low_rate", f.homeLowRate());
    FlagSettings.DataQuerySettings q = f.dataQuery();
    n.put("data_query_stage_jump", q.stageJump());
    n.put("data_query_low_stage", q.lowStage());
    n.put("data_query_high_stage", q.highStage());
    n.put("data_query_fma_a_at_low_stage", q.fmaAAtLowStage());
    n.put("data_query_fma_a_at_high_stage", q.fmaAAtHighStage());
    n.put("data_query_fma_c_at_low_stage", q.fmaCAtLowStage());
    n.put("data_query_fma_c_at_high_stage", q.fmaCAtHighStage());
    n.put("input_charset", s.input().charset().name());
    n.put("input_delimiter", s.input().delimiter().map(String::valueOf).orElse("detect"));
    n.put("input_date_pattern", s.input().datePattern().orElse(""));
    n.put("page_size", s.report().pageSize());
    n.put("allow_fewer_patients", s.publish().allowFewerPatients());
    n.put("allow_fewer_sessions", s.publish().allowFewerSessions());
    return n;
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
    return JSON.readValue(file.toFile(), Map.class);
  }
}
