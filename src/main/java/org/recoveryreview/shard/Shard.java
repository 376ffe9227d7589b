package org.recoveryreview.shard;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.recoveryreview.model.DataIssue;
import org.recoveryreview.model.ExitCode;
import org.recoveryreview.model.FileKind;
import org.recoveryreview.model.Hashing;
import org.recoveryreview.model.IssueAction;
import org.recoveryreview.model.JobFailure;

/**
 * One part {@code index} of {@code count} of a partitioned run, and the rule that assigns a patient
 * to it: the first 8 bytes of the SHA-256 of the UTF-8 {@code patient_id}, read as an unsigned
 * big-endian number, modulo {@code count}. The rule uses no JVM hash code, locale or platform
 * default, so every pod and every machine assigns a patient to the same shard.
 */
public record Shard(int index, int count) {
  private static final Pattern SPEC = Pattern.compile("(\\d{1,6})/(\\d{1,6})");

  public Shard {
    if (count < 1 || index < 0 || index >= count) {
      throw new IllegalArgumentException("shard " + index + "/" + count + " is out of range");
    }
  }

  /**
   * Parses {@code i/N} (0 ≤ i < N) as given to {@code --shard}; anything else is a usage error
   * (exit 2) that says what is allowed.
   */
  public static Shard parse(String spec) {
    String s = spec == null ? "" : spec.strip();
    Matcher m = SPEC.matcher(s);
    if (m.matches()) {
      int i = Integer.parseInt(m.group(1));
      int n = Integer.parseInt(m.group(2));
      if (n >= 1 && i < n) {
        return new Shard(i, n);
      }
    }
    throw new JobFailure(
        ExitCode.USAGE,
        "--shard '"
            + spec
            + "' is not of the form i/N with 0 <= i < N (e.g. 0/4 for the first of four shards;"
            + " the index counts from 0, like Kubernetes' JOB_COMPLETION_INDEX).");
  }

  /** True when the patient belongs to this shard. */
  public boolean owns(String patientId) {
    return of(patientId, count) == index;
  }

  /**
   * {@link #owns} as ingest asks it, once per row: the hash is worked out once per patient, so that
   * a shard keeps only its patients' rows (its memory falls with the number of shards) at little
   * cost; safe for several reading threads.
   */
  public Predicate<String> rowFilter() {
    Map<String, Boolean> owned = new ConcurrentHashMap<>();
    return id -> owned.computeIfAbsent(id, this::owns);
  }

  /** The shard of {@code patientId} among {@code count} shards. */
  public static int of(String patientId, int count) {
    return (int) Long.remainderUnsigned(hash(patientId), count);
  }

  /** The first 8 bytes of SHA-256 of the UTF-8 id as an unsigned (big-endian) 64-bit number. */
  public static long hash(String patientId) {
    byte[] d = Hashing.sha256(patientId.getBytes(StandardCharsets.UTF_8));
    long h = 0;
    for (int i = 0; i < 8; i++) {
      h = (h << 8) | (d[i] & 0xff);
    }
    return h;
  }

  /**
   * True when this shard's {@code data-issues.csv} lists {@code issue}, an issue of this shard's
   * ingest: the rows every shard's ingest sets aside alike (the patients file's, and every rejected
   * row, which is used by no patient) are listed by shard 0 only; a duplicate, superseded or
   * ignored session, assessment or goal review was found by the shard of its patient alone. So the
   * shards' lists together hold each row of a single run's list once.
   */
  public boolean lists(DataIssue issue) {
    boolean everyShardFindsIt =
        issue.kind() == FileKind.PATIENTS || issue.action() == IssueAction.REJECTED;
    return index == 0 || !everyShardFindsIt;
  }

  /** {@code shard-i-of-N}, the suffix of the shard's folder name. */
  public String label() {
    return "shard-" + index + "-of-" + count;
  }

  @Override
  public String toString() {
    return index + "/" + count;
  }
}
