package org.recoveryreview.shard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.recoveryreview.model.ExitCode;
import org.recoveryreview.model.Hashing;
import org.recoveryreview.model.InputFile;
import org.recoveryreview.model.JobFailure;
import org.recoveryreview.publish.OutputLock;
import org.recoveryreview.publish.PeriodFolder;
import org.recoveryreview.publish.Publisher;

/**
 * The shard folders of a partitioned run: writes a shard's {@code shard.json}, and for the merge
 * finds the folders of a period, checks that they form one complete run (same input, settings and
 * version, every index once) and copies their files after checking them against their manifest.
 */
public final class ShardFolders {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private static final Pattern NAME =
      Pattern.compile("(\\d{4}-\\d{2})\\.shard-(\\d{1,6})-of-(\\d{1,6})");

  /** A shard folder's own description (index, count, input and settings hashes, its patients). */
  public static final String INFO = "shard.json";

  /** How a shard assigns patients; recorded so a merge never mixes two rules. */
  static final String ASSIGNMENT = "sha256(utf8(patient_id))[0..8] unsigned mod count";

  private ShardFolders() {}

  /**
   * The name of a shard's folder beside the period folders, {@code <period>.shard-i-of-N}: no
   * period label contains a '.', so it can never be taken for a period folder or a temporary one.
   */
  public static String name(String periodLabel, Shard shard) {
    return periodLabel + "." + shard.label();
  }

  /** One input file as a shard saw it. */
  public record InputHash(String file, String sha256) {}

  /** A patient a shard reported, with the glyph warnings their review raised, in review order. */
  public record PatientPart(String patientId, List<String> warnings) {
    public PatientPart {
      warnings = List.copyOf(warnings);
    }
  }

  /**
   * What {@code shard.json} says about one shard folder ({@code folder} is where it was read);
   * {@code dataAsOf} is the date its reports print, which must be the merge's.
   */
  public record Info(
      String toolVersion,
      String period,
      LocalDate dataAsOf,
      Shard shard,
      String settingsSha256,
      String inputDir,
      List<InputHash> inputs,
      List<PatientPart> patients,
      int pages,
      Path folder) {
    public Info {
      inputs = List.copyOf(inputs);
      patients = List.copyOf(patients);
    }
  }

  /** The inputs of a run as recorded in a shard. */
  public static List<InputHash> inputsOf(List<InputFile> files) {
    return files.stream().map(f -> new InputHash(f.file(), f.sha256())).toList();
  }

  /** Writes {@code shard.json}. */
  public static void write(Info info, OutputStream out) throws IOException {
    write(info, Map.of(), out);
  }

  /**
   * Writes {@code shard.json} with the SHA-256 of each partial result file ({@link
   * PartialResults}), which the merge checks before reading them.
   */
  public static void write(Info info, Map<String, String> partials, OutputStream out)
      throws IOException {
    ObjectNode root = JSON.createObjectNode();
    root.put("tool", "recovery-review");
    root.put("tool_version", info.toolVersion());
    root.put("period", info.period());
    root.put("data_as_of", info.dataAsOf().toString());
    root.put("shard_index", info.shard().index());
    root.put("shard_count", info.shard().count());
    root.put("assignment", ASSIGNMENT);
    root.put("settings_sha256", info.settingsSha256());
    root.put("input_dir", info.inputDir());
    ArrayNode inputs = root.putArray("inputs");
    for (InputHash h : info.inputs()) {
      inputs.addObject().put("file", h.file()).put("sha256", h.sha256());
    }
    root.put("pages", info.pages());
    ObjectNode parts = root.putObject("partials");
    new TreeMap<>(partials).forEach(parts::put);
    ArrayNode patients = root.putArray("patients");
    for (PatientPart p : info.patients()) {
      ObjectNode n = patients.addObject().put("patient_id", p.patientId());
      ArrayNode w = n.putArray("glyph_warnings");
      p.warnings().forEach(w::add);
    }
    out.write(JSON.writeValueAsBytes(root));
  }

  /**
   * The locks of every shard folder of {@code period} in a shards folder, held by a merge while it
   * reads the folders, so that no shard publishes under its feet.
   */
  public static final class MergeLocks implements AutoCloseable {
    private final List<OutputLock> locks;

    private MergeLocks(List<OutputLock> locks) {
      this.locks = locks;
    }

    @Override
    public void close() {
      locks.forEach(OutputLock::close);
    }
  }

  private static final Pattern LOCK_OR_STAGING =
      Pattern.compile("\\.((\\d{4}-\\d{2})\\.shard-\\d{1,6}-of-\\d{1,6})\\.(lock|tmp-.*)");

  /**
   * Takes the lock of every shard folder of {@code period} in {@code dir} for a merge: exit 75
   * naming the holder while a shard is being written, exit 65 when a shard left an unfinished
   * staging folder (it stopped before publishing, so its folder may be an older run's).
   */
  public static MergeLocks lockForMerge(Path dir, String period, String holder) {
    List<String> locked = new ArrayList<>();
    List<String> unfinished = new ArrayList<>();
    if (Files.isDirectory(dir)) {
      try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
        for (Path p : ds) {
          Matcher m = LOCK_OR_STAGING.matcher(p.getFileName().toString());
          if (m.matches() && m.group(2).equals(period)) {
            (m.group(3).equals("lock") ? locked : unfinished).add(m.group(1));
          }
        }
      } catch (IOException e) {
        throw new JobFailure(
            ExitCode.NO_INPUT, "Cannot list the shard folders in " + dir + ": " + e.getMessage());
      }
    }
    locked.sort(null);
    List<OutputLock> held = new ArrayList<>();
    try {
      for (String folder : locked) {
        held.add(Publisher.lockShardForMerge(dir, folder, holder));
      }
      // Checked under the locks: a staging folder now is one a stopped shard left behind.
      unfinished.sort(null);
      if (!unfinished.isEmpty()) {
        String folder = unfinished.get(0);
        throw new JobFailure(
            ExitCode.DATA_ERROR,
            "The shard folder "
                + dir.resolve(folder)
                + " has an unfinished write (a run of that shard stopped before publishing), so"
                + " nothing was published; re-run that shard (run --shard "
                + folder.substring(folder.indexOf(".shard-") + 7).replace("-of-", "/")
                + "), then the merge.");
      }
    } catch (RuntimeException e) {
      held.forEach(OutputLock::close);
      throw e;
    }
    return new MergeLocks(held);
  }

  /**
   * The period of the shard folders in {@code dir} when they all share one (for {@code --period
   * latest}); a usage error otherwise.
   */
  public static String onlyPeriod(Path dir) {
    TreeSet<String> periods = new TreeSet<>();
    names(dir).forEach(m -> periods.add(m.group(1)));
    if (periods.size() != 1) {
      throw new JobFailure(
          ExitCode.USAGE,
          "--period latest needs the shard folders in "
              + dir
              + " to be of one period, but they are of "
              + (periods.isEmpty() ? "none" : String.join(", ", periods))
              + "; pass --period YYYY-MM.");
    }
    return periods.first();
  }

  /**
   * The shard folders of {@code period} in {@code dir}, by index, when they form one complete run:
   * each index 0..N−1 once, the same count, period, tool version, settings and input files;
   * otherwise exit 65 naming every shard that is missing or differs.
   */
  public static List<Info> complete(Path dir, String period) {
    if (!Files.isDirectory(dir)) {
      throw new JobFailure(
          ExitCode.NO_INPUT,
          "--shards " + dir + " is not a folder; point it at the shard folders.");
    }
    List<String> problems = new ArrayList<>();
    Map<Integer, List<Info>> byCount = new TreeMap<>();
    for (Matcher m : names(dir)) {
      if (!m.group(1).equals(period)) {
        continue;
      }
      Path folder = dir.resolve(m.group());
      try {
        Info info = read(folder);
        Shard named = new Shard(Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
        if (!info.shard().equals(named) || !info.period().equals(period)) {
          problems.add(
              folder
                  + " holds shard "
                  + info.shard()
                  + " of "
                  + info.period()
                  + " (says its "
                  + INFO
                  + "), not the shard its name says, so it was copied or renamed; delete it and"
                  + " re-run that shard with run --shard "
                  + named);
          continue;
        }
        byCount.computeIfAbsent(named.count(), k -> new ArrayList<>()).add(info);
      } catch (IOException | RuntimeException e) {
        problems.add(folder + " has no readable " + INFO + " (" + e + ")");
      }
    }
    if (byCount.isEmpty()) {
      problems.add("no shard folder " + period + ".shard-i-of-N in " + dir);
    } else if (byCount.size() > 1) {
      problems.add(mixedCounts(dir, byCount));
    } else {
      int count = byCount.keySet().iterator().next();
      List<Info> shards = new ArrayList<>(byCount.get(count));
      shards.sort((a, b) -> Integer.compare(a.shard().index(), b.shard().index()));
      problems.addAll(duplicates(period, shards));
      problems.addAll(missing(dir, period, shards, count));
      if (problems.isEmpty()) {
        problems.addAll(ShardConsistency.differences(shards));
      }
      if (problems.isEmpty()) {
        return shards;
      }
    }
    throw new JobFailure(
        ExitCode.DATA_ERROR,
        "The shards of "
            + period
            + " cannot be merged, so nothing was published: "
            + String.join("; ", problems)
            + ".");
  }

  /**
   * The shard folders of two or more runs with different counts side by side: each run's folders
   * and when they were written, and which to move away.
   */
  private static String mixedCounts(Path dir, Map<Integer, List<Info>> byCount) {
    List<String> runs = new ArrayList<>();
    byCount.forEach(
        (count, infos) -> {
          List<String> names = new ArrayList<>();
          Instant written = Instant.EPOCH;
          for (Info i : infos) {
            names.add(String.valueOf(i.folder().getFileName()));
            written = later(written, i.folder().resolve(INFO));
          }
          names.sort(null);
          runs.add(
              count
                  + " shards: "
                  + String.join(", ", names)
                  + " (written "
                  + written.truncatedTo(ChronoUnit.SECONDS)
                  + ")");
        });
    return "the shard folders in "
        + dir
        + " are of different runs, with shard counts "
        + byCount.keySet()
        + " ("
        + String.join("; ", runs)
        + "); move the folders of the run you do not want (usually the older) out of "
        + dir
        + " and run the merge again, or re-run every shard with one count";
  }

  private static Instant later(Instant than, Path file) {
    try {
      Instant t = Files.getLastModifiedTime(file).toInstant();
      return t.isAfter(than) ? t : than;
    } catch (IOException e) {
      return than;
    }
  }

  /**
   * A sentence per shard index present twice (folders named with leading zeros, or a copy): both
   * folders, and which one the run wrote.
   */
  private static List<String> duplicates(String period, List<Info> shards) {
    List<String> problems = new ArrayList<>();
    Map<Integer, List<Info>> byIndex = new TreeMap<>();
    shards.forEach(s -> byIndex.computeIfAbsent(s.shard().index(), k -> new ArrayList<>()).add(s));
    byIndex.forEach(
        (index, infos) -> {
          if (infos.size() > 1) {
            Shard shard = infos.get(0).shard();
            problems.add(
                "shard "
                    + shard
                    + " is there "
                    + infos.size()
                    + " times, in "
                    + String.join(
                        " and ", infos.stream().map(i -> String.valueOf(i.folder())).toList())
                    + "; keep the one the run wrote, "
                    + name(period, shard)
                    + ", move the others away and run the merge again (or re-run the shard with"
                    + " run --shard "
                    + shard
                    + ")");
          }
        });
    return problems;
  }

  /** A sentence per index 0..count−1 that has no shard, saying how to make it. */
  private static List<String> missing(Path dir, String period, List<Info> shards, int count) {
    List<String> problems = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      final int index = i;
      if (shards.stream().noneMatch(s -> s.shard().index() == index)) {
        Shard absent = new Shard(i, count);
        problems.add(
            "shard "
                + absent
                + " is missing (no folder "
                + dir.resolve(name(period, absent))
                + "); re-run it with run --shard "
                + absent);
      }
    }
    return problems;
  }

  /**
   * Copies {@code relativePath} from a shard folder into {@code folder}, checking the bytes against
   * the SHA-256 the shard's manifest lists; a missing or changed file is exit 65.
   */
  public static void copyVerified(
      Info shard, Map<String, String> hashes, String relativePath, PeriodFolder folder) {
    Path source = shard.folder().resolve(relativePath);
    String expected = hashes.get(relativePath);
    if (expected == null || !Files.isRegularFile(source, LinkOption.NOFOLLOW_LINKS)) {
      throw corrupt(shard, relativePath, "is missing or not listed in its manifest");
    }
    MessageDigest md = Hashing.sha256();
    folder.write(
        relativePath,
        out -> {
          try (InputStream in = Files.newInputStream(source)) {
            in.transferTo(new DigestOutputStream(out, md));
          }
        });
    if (!HexFormat.of().formatHex(md.digest()).equals(expected)) {
      throw corrupt(shard, relativePath, "does not match the SHA-256 in its manifest");
    }
  }

  /** The SHA-256 of each partial result file by path, as the shard's shard.json lists them. */
  static Map<String, String> partialHashes(Info shard) {
    try {
      JsonNode parts = JSON.readTree(shard.folder().resolve(INFO).toFile());
      Map<String, String> out = new TreeMap<>();
      parts
          .path("partials")
          .fields()
          .forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
      return out;
    } catch (IOException e) {
      throw corrupt(shard, INFO, "cannot be read (" + e.getMessage() + ")");
    }
  }

  static JobFailure corrupt(Info shard, String file, String what) {
    return new JobFailure(
        ExitCode.DATA_ERROR,
        "In shard "
            + shard.shard()
            + ", "
            + shard.folder().resolve(file)
            + " "
            + what
            + ", so nothing was published; re-run that shard (run --shard "
            + shard.shard()
            + ").");
  }

  static Info read(Path folder) throws IOException {
    JsonNode root = JSON.readTree(folder.resolve(INFO).toFile());
    if (!ASSIGNMENT.equals(root.path("assignment").asText())) {
      throw new IOException("it assigns patients by another rule: " + root.path("assignment"));
    }
    List<InputHash> inputs = new ArrayList<>();
    for (JsonNode n : root.path("inputs")) {
      inputs.add(new InputHash(n.path("file").asText(), n.path("sha256").asText()));
    }
    List<PatientPart> patients = new ArrayList<>();
    for (JsonNode n : root.path("patients")) {
      List<String> warnings = new ArrayList<>();
      n.path("glyph_warnings").forEach(w -> warnings.add(w.asText()));
      patients.add(new PatientPart(n.path("patient_id").asText(), warnings));
    }
    LocalDate dataAsOf;
    try {
      dataAsOf = LocalDate.parse(root.path("data_as_of").asText());
    } catch (DateTimeParseException e) {
      throw new IOException("its data_as_of is not a date: " + root.path("data_as_of"), e);
    }
    return new Info(
        root.path("tool_version").asText(),
        root.path("period").asText(),
        dataAsOf,
        new Shard(root.path("shard_index").asInt(-1), root.path("shard_count").asInt(0)),
        root.path("settings_sha256").asText(),
        root.path("input_dir").asText(),
        inputs,
        patients,
        root.path("pages").asInt(),
        folder);
  }

  private static List<Matcher> names(Path dir) {
    List<Matcher> out = new ArrayList<>();
    if (!Files.isDirectory(dir)) {
      return out;
    }
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
      for (Path p : ds) {
        Matcher m = NAME.matcher(p.getFileName().toString());
        if (m.matches() && Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
          out.add(m);
        }
      }
    } catch (IOException e) {
      throw new JobFailure(
          ExitCode.NO_INPUT, "Cannot list the shard folders in " + dir + ": " + e.getMessage());
    }
    out.sort((a, b) -> a.group().compareTo(b.group()));
    return out;
  }
}
