package org.recoveryreview.shard;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.recoveryreview.model.DataIssue;
import org.recoveryreview.model.ExitCode;
import org.recoveryreview.model.FactCell;
import org.recoveryreview.model.Hashing;
import org.recoveryreview.model.InputFile;
import org.recoveryreview.model.IssueAction;
import org.recoveryreview.model.JobFailure;
import org.recoveryreview.model.OnsetFact;
import org.recoveryreview.model.PatientMetrics;
import org.recoveryreview.model.ProgramParts;
import org.recoveryreview.model.TransitionMatrix;
import org.recoveryreview.publish.PeriodFolder;

/**
 * A shard's partial results in {@code partials/} of its folder, JSON lines of the model records
 * (exact: every number as Java prints it, read back to the same bits): the metrics of its patients
 * in review and in review the month before, the roll-up cells, transition counts, onset facts and
 * assessment tallies, its share of {@code data-issues.csv} and the per-file row accounting. The
 * merge sums them into one {@link ProgramParts} and the row accounting of the whole input, without
 * reading the input. Each file's SHA-256 is in {@code shard.json} and checked before it is read.
 */
public final class PartialResults {
  /** Folder of the partial results inside a shard folder. */
  public static final String DIR = "partials";

  static final String IN_REVIEW = DIR + "/patients.jsonl";
  static final String PREVIOUS_MONTH = DIR + "/previous-month.jsonl";
  static final String PROGRAM = DIR + "/program.json";
  static final String INPUT_FILES = DIR + "/input-files.jsonl";
  static final String ISSUES = DIR + "/data-issues.jsonl";

  private static final ObjectMapper JSON =
      new ObjectMapper()
          .registerModule(new Jdk8Module())
          .registerModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .disable(SerializationFeature.INDENT_OUTPUT)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          // Records do not check their components for null (the compiler's NullAway check proves
          // our own calls never pass one); what a merge reads from disk is checked here instead.
          .enable(DeserializationFeature.FAIL_ON_NULL_CREATOR_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
          .setSerializationInclusion(JsonInclude.Include.ALWAYS);

  private PartialResults() {}

  /** What a merge rebuilds from its shards: the summed parts and the whole input's accounting. */
  public record Merged(ProgramParts parts, List<InputFile> inputFiles, List<DataIssue> issues) {
    public Merged {
      inputFiles = List.copyOf(inputFiles);
      issues = List.copyOf(issues);
    }
  }

  /**
   * Writes the partial results into the shard's staging folder; returns each file's SHA-256 by
   * path, for {@code shard.json}. {@code issues} are the ones this shard lists.
   */
  public static Map<String, String> write(
      ProgramParts parts, List<InputFile> inputFiles, List<DataIssue> issues, PeriodFolder folder) {
    Map<String, String> hashes = new LinkedHashMap<>();
    put(folder, hashes, IN_REVIEW, lines(parts.inReview()));
    put(folder, hashes, PREVIOUS_MONTH, lines(parts.previousMonth()));
    ProgramParts rest =
        new ProgramParts(
            List.of(),
            List.of(),
            parts.people(),
            parts.care(),
            parts.armTransitions(),
            parts.handTransitions(),
            parts.onsets(),
            parts.periodAssessments(),
            parts.missingFmaPart(),
            parts.missingArat(),
            parts.goalsRated());
    put(folder, hashes, PROGRAM, bytes(rest));
    put(folder, hashes, INPUT_FILES, lines(inputFiles));
    put(folder, hashes, ISSUES, lines(issues));
    return hashes;
  }

  /**
   * Reads and sums the partial results of a complete set of shards (by index): patients in
   * patient_id order, each input file's rows read as every shard read them and its rows set aside
   * as the shards listed them, the issues in reading order then line, as a single run lists them.
   */
  public static Merged read(List<ShardFolders.Info> shards) {
    List<PatientMetrics> inReview = new ArrayList<>();
    List<PatientMetrics> previous = new ArrayList<>();
    List<DataIssue> issues = new ArrayList<>();
    ProgramParts sum = ProgramParts.none();
    List<InputFile> files = List.of();
    ObjectMapper json = readerForOneMerge();
    for (ShardFolders.Info s : shards) {
      Map<String, String> hashes = ShardFolders.partialHashes(s);
      inReview.addAll(readLines(json, s, hashes, IN_REVIEW, PatientMetrics.class));
      previous.addAll(readLines(json, s, hashes, PREVIOUS_MONTH, PatientMetrics.class));
      issues.addAll(readLines(json, s, hashes, ISSUES, DataIssue.class));
      List<InputFile> own = readLines(json, s, hashes, INPUT_FILES, InputFile.class);
      if (files.isEmpty()) {
        files = own;
      }
      ProgramParts p =
          readVerified(s, hashes, PROGRAM, in -> json.readValue(in, ProgramParts.class));
      sum = plus(sum, p);
    }
    Comparator<PatientMetrics> byId = Comparator.comparing(PatientMetrics::patientId);
    inReview.sort(byId);
    previous.sort(byId);
    Map<String, Integer> order = new HashMap<>();
    for (int i = 0; i < files.size(); i++) {
      order.put(files.get(i).file(), i);
    }
    issues.sort(
        Comparator.<DataIssue>comparingInt(i -> order.getOrDefault(i.file(), Integer.MAX_VALUE))
            .thenComparingLong(DataIssue::line));
    ProgramParts parts =
        new ProgramParts(
            inReview,
            previous,
            sum.people(),
            sum.care(),
            sum.armTransitions(),
            sum.handTransitions(),
            sum.onsets(),
            sum.periodAssessments(),
            sum.missingFmaPart(),
            sum.missingArat(),
            sum.goalsRated());
    return new Merged(parts, accounting(files, issues), issues);
  }

  /** The reader of one merge: the writer's settings, sharing equal values among all it reads. */
  static ObjectMapper readerForOneMerge() {
    return JSON.copy().registerModule(SharedValues.module());
  }

  private static ProgramParts plus(ProgramParts a, ProgramParts b) {
    List<FactCell> people = new ArrayList<>(a.people());
    people.addAll(b.people());
    List<FactCell> care = new ArrayList<>(a.care());
    care.addAll(b.care());
    List<OnsetFact> onsets = new ArrayList<>(a.onsets());
    onsets.addAll(b.onsets());
    TransitionMatrix arm = a.armTransitions().plus(b.armTransitions());
    TransitionMatrix hand = a.handTransitions().plus(b.handTransitions());
    return new ProgramParts(
        List.of(),
        List.of(),
        people,
        care,
        arm,
        hand,
        onsets,
        a.periodAssessments() + b.periodAssessments(),
        a.missingFmaPart() + b.missingFmaPart(),
        a.missingArat() + b.missingArat(),
        a.goalsRated() || b.goalsRated());
  }

  /**
   * Each file's accounting as a single run's ledger makes it: rows read (every shard reads every
   * row), the rows set aside counted from the merged issues, the rest used.
   */
  private static List<InputFile> accounting(List<InputFile> files, List<DataIssue> issues) {
    Map<String, long[]> byFile = new HashMap<>();
    for (DataIssue i : issues) {
      byFile
          .computeIfAbsent(i.file(), k -> new long[IssueAction.values().length])[
          i.action().ordinal()]++;
    }
    List<InputFile> out = new ArrayList<>(files.size());
    for (InputFile f : files) {
      long[] n = byFile.getOrDefault(f.file(), new long[IssueAction.values().length]);
      long rejected = n[IssueAction.REJECTED.ordinal()];
      long duplicate = n[IssueAction.DUPLICATE.ordinal()];
      long superseded = n[IssueAction.SUPERSEDED.ordinal()];
      long ignored = n[IssueAction.IGNORED.ordinal()];
      out.add(
          new InputFile(
              f.file(),
              f.kind(),
              f.sha256(),
              f.sizeBytes(),
              f.rowsRead(),
              f.rowsRead() - rejected - duplicate - superseded - ignored,
              rejected,
              duplicate,
              superseded,
              ignored));
    }
    return out;
  }

  private static void put(
      PeriodFolder folder, Map<String, String> hashes, String path, byte[] bytes) {
    folder.write(path, out -> out.write(bytes));
    hashes.put(path, Hashing.sha256Hex(bytes));
  }

  private static byte[] lines(List<?> records) {
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    try {
      for (Object r : records) {
        buf.write(JSON.writeValueAsBytes(r));
        buf.write('\n');
      }
    } catch (IOException e) {
      throw new IllegalStateException("a model record cannot be written as JSON: " + e, e);
    }
    return buf.toByteArray();
  }

  private static byte[] bytes(Object record) {
    try {
      return JSON.writeValueAsBytes(record);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a model record cannot be written as JSON: " + e, e);
    }
  }

  private static <T> List<T> readLines(
      ObjectMapper json,
      ShardFolders.Info shard,
      Map<String, String> hashes,
      String path,
      Class<T> type) {
    return readVerified(
        shard,
        hashes,
        path,
        in -> {
          List<T> out = new ArrayList<>();
          try (MappingIterator<T> it = json.readerFor(type).readValues(in)) {
            while (it.hasNext()) {
              out.add(it.next());
            }
          }
          return out;
        });
  }

  /** How a verified partial file's bytes become its records. */
  private interface Parser<T> {
    T parse(InputStream in) throws IOException;
  }

  /** The partial file {@code path}, verified and parsed; a failure names the shard and file. */
  private static <T> T readVerified(
      ShardFolders.Info shard, Map<String, String> hashes, String path, Parser<T> parser) {
    Path file = verified(shard, hashes, path);
    try (InputStream in = Files.newInputStream(file)) {
      return parser.parse(in);
    } catch (IOException | RuntimeException e) {
      throw unreadable(shard, path, e);
    }
  }

  /**
   * The file, after checking its bytes against the SHA-256 in the shard's shard.json; hashed as a
   * stream and read again to parse, so a merge never holds a whole partial file in memory.
   */
  private static Path verified(ShardFolders.Info shard, Map<String, String> hashes, String path) {
    Path file = shard.folder().resolve(path);
    String expected = hashes.get(path);
    if (expected == null || !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
      throw ShardFolders.corrupt(shard, path, "is missing or not listed in its shard.json");
    }
    MessageDigest md = Hashing.sha256();
    try (InputStream in = new DigestInputStream(Files.newInputStream(file), md)) {
      in.transferTo(OutputStream.nullOutputStream());
    } catch (IOException e) {
      throw unreadable(shard, path, e);
    }
    if (!HexFormat.of().formatHex(md.digest()).equals(expected)) {
      throw ShardFolders.corrupt(shard, path, "does not match the SHA-256 in its shard.json");
    }
    return file;
  }

  private static JobFailure unreadable(ShardFolders.Info shard, String path, Exception e) {
    return new JobFailure(
        ExitCode.DATA_ERROR,
        "Cannot read "
            + shard.folder().resolve(path)
            + " of shard "
            + shard.shard()
            + " ("
            + e.getMessage()
            + "), so nothing was published; re-run that shard (run --shard "
            + shard.shard()
            + ").",
        e);
  }
}
