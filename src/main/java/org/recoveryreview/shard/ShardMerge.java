package org.recoveryreview.shard;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import org.recoveryreview.model.ChartWindows;
import org.recoveryreview.model.ExitCode;
import org.recoveryreview.model.JobFailure;
import org.recoveryreview.model.PatientHistory;
import org.recoveryreview.model.PatientMetrics;
import org.recoveryreview.model.PatientReview;
import org.recoveryreview.model.ReviewPeriod;
import org.recoveryreview.publish.PeriodFolder;
import org.recoveryreview.publish.Publisher;

/**
 * What a merge takes from a complete set of shard folders: each patient's review and handout (from
 * the one shard that owns the patient, checked against that shard's manifest), the glyph warnings
 * their reviews raised, and the pages the shards rendered.
 */
public final class ShardMerge {
  private final List<ShardFolders.Info> shards;
  private final Map<String, ShardFolders.Info> ownerOf = new HashMap<>();
  private final Map<String, List<String>> warningsOf = new HashMap<>();
  private final Map<Integer, Map<String, String>> hashes = new HashMap<>();

  public ShardMerge(List<ShardFolders.Info> shards) {
    this.shards = List.copyOf(shards);
    for (ShardFolders.Info s : shards) {
      for (ShardFolders.PatientPart p : s.patients()) {
        ownerOf.put(p.patientId(), s);
        warningsOf.put(p.patientId(), p.warnings());
      }
    }
  }

  /**
   * Checks that the shards reported exactly the patients the merge finds in review, each in the
   * shard the hash assigns; exit 65 naming the first differences otherwise.
   */
  public void requireSamePatients(List<PatientReview> patients) {
    int count = shards.get(0).shard().count();
    List<String> problems = new ArrayList<>();
    TreeSet<String> extra = new TreeSet<>(ownerOf.keySet());
    for (PatientReview r : patients) {
      String id = r.metrics().patientId();
      extra.remove(id);
      ShardFolders.Info owner = ownerOf.get(id);
      if (owner == null) {
        problems.add(id + " is in review but in no shard");
      } else if (owner.shard().index() != Shard.of(id, count)) {
        problems.add(
            id + " is in shard " + owner.shard() + " but belongs to " + Shard.of(id, count));
      }
    }
    extra.forEach(id -> problems.add(id + " is in a shard but not in review"));
    if (!problems.isEmpty()) {
      throw new JobFailure(
          ExitCode.DATA_ERROR,
          "The shards do not hold the patients this input puts in review, so nothing was"
              + " published: "
              + String.join("; ", problems.subList(0, Math.min(5, problems.size())))
              + (problems.size() > 5 ? " (and " + (problems.size() - 5) + " more)" : "")
              + "; re-run the shards on the same input.");
    }
  }

  /**
   * A merged patient's review: their metrics with an empty history (the merge renders no review;
   * bundles and CSVs need the metrics only).
   */
  public static PatientReview review(PatientMetrics metrics, ReviewPeriod period) {
    LocalDate end = period.end();
    return new PatientReview(
        metrics,
        new PatientHistory(
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            new ChartWindows(List.of(), List.of(), end, end, end, List.of())));
  }

  /** Copies the patient's review and handout from their shard into {@code folder}. */
  public void copyPatient(String patientId, PeriodFolder folder) {
    ShardFolders.Info shard =
        Objects.requireNonNull(
            ownerOf.get(patientId), "requireSamePatients found every patient in a shard");
    Map<String, String> h = hashes.computeIfAbsent(shard.shard().index(), i -> hashesOf(shard));
    ShardFolders.copyVerified(shard, h, Publisher.patientPdf(patientId), folder);
    ShardFolders.copyVerified(shard, h, Publisher.handoutPdf(patientId), folder);
  }

  /** The reviews' glyph warnings in patient order, as a single run collects them. */
  public List<String> warnings(List<PatientReview> patients) {
    List<String> out = new ArrayList<>();
    patients.forEach(r -> out.addAll(warningsOf.getOrDefault(r.metrics().patientId(), List.of())));
    return out;
  }

  /** Pages of the reviews and handouts the shards rendered. */
  public int pages() {
    return shards.stream().mapToInt(ShardFolders.Info::pages).sum();
  }

  private static Map<String, String> hashesOf(ShardFolders.Info shard) {
    try {
      return Publisher.outputHashes(shard.folder());
    } catch (IOException e) {
      throw new JobFailure(
          ExitCode.DATA_ERROR,
          "Cannot read the manifest of shard "
              + shard.shard()
              + " in "
              + shard.folder()
              + " ("
              + e.getMessage()
              + "), so nothing was published; re-run that shard.",
          e);
    }
  }
}
