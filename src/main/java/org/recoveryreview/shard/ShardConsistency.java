package org.recoveryreview.shard;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.recoveryreview.model.ExitCode;
import org.recoveryreview.model.InputFile;
import org.recoveryreview.model.JobFailure;
import org.recoveryreview.shard.ShardFolders.Info;
import org.recoveryreview.shard.ShardFolders.InputHash;

/**
 * The checks that a merge's shards belong to one run: same tool version, settings and input as each
 * other and as the merge, and reports dated alike; each failure is exit 65 naming the difference.
 */
public final class ShardConsistency {
  private ShardConsistency() {}

  /** What differs between shard 0 and each other shard that a merge needs to be the same. */
  static List<String> differences(List<Info> shards) {
    List<String> problems = new ArrayList<>();
    Info first = shards.get(0);
    for (Info s : shards.subList(1, shards.size())) {
      String which = "shard " + s.shard() + " (" + s.folder() + ")";
      if (!s.toolVersion().equals(first.toolVersion())) {
        problems.add(
            which
                + " was made by version "
                + s.toolVersion()
                + ", shard 0 by "
                + first.toolVersion());
      }
      if (!s.settingsSha256().equals(first.settingsSha256())) {
        problems.add(which + " was made with other settings than shard 0");
      }
      String input = inputDifference(first.inputs(), s.inputs());
      if (!input.isEmpty()) {
        problems.add(which + " read other input than shard 0: " + input);
      }
    }
    return problems;
  }

  /**
   * Checks that the merge itself reads what the shards read, with the same settings and version;
   * exit 65 naming the difference otherwise.
   */
  public static void requireSameRun(
      List<Info> shards, List<InputFile> inputs, String settingsSha256, String toolVersion) {
    Info first = shards.get(0);
    List<String> problems = new ArrayList<>();
    String input = inputDifference(first.inputs(), ShardFolders.inputsOf(inputs));
    if (!input.isEmpty()) {
      problems.add("the input changed since the shards ran: " + input);
    }
    if (!first.settingsSha256().equals(settingsSha256)) {
      problems.add("the merge's settings (--config) differ from the shards'");
    }
    if (!first.toolVersion().equals(toolVersion)) {
      problems.add(
          "the shards were made by version " + first.toolVersion() + ", this is " + toolVersion);
    }
    if (!problems.isEmpty()) {
      throw new JobFailure(
          ExitCode.DATA_ERROR,
          "The shards of "
              + first.period()
              + " in "
              + first.folder().getParent()
              + " cannot be merged, so nothing was published: "
              + String.join("; ", problems)
              + "; re-run the shards and the merge on the same input and settings.");
    }
  }

  private static String inputDifference(List<InputHash> expected, List<InputHash> actual) {
    Map<String, String> a = new TreeMap<>();
    expected.forEach(h -> a.put(h.file(), h.sha256()));
    Map<String, String> b = new TreeMap<>();
    actual.forEach(h -> b.put(h.file(), h.sha256()));
    List<String> out = new ArrayList<>();
    for (Map.Entry<String, String> e : a.entrySet()) {
      String f = e.getKey();
      String theirs = b.get(f);
      if (theirs == null) {
        out.add(f + " is missing");
      } else if (!theirs.equals(e.getValue())) {
        out.add(
            f
                + " has other content (SHA-256 "
                + abbrev(theirs)
                + " vs "
                + abbrev(e.getValue())
                + ")");
      }
    }
    for (String f : b.keySet()) {
      if (!a.containsKey(f)) {
        out.add(f + " is new");
      }
    }
    return String.join(", ", out);
  }

  private static String abbrev(String sha) {
    return sha.length() > 12 ? sha.substring(0, 12) : sha;
  }

  /**
   * Checks that every shard dated its reports alike (each works the date out from the whole input's
   * dates); exit 65 naming the shards that differ from shard 0.
   */
  public static void requireOneDataAsOf(List<Info> shards) {
    LocalDate first = shards.get(0).dataAsOf();
    List<String> differ = new ArrayList<>();
    for (Info s : shards) {
      if (!s.dataAsOf().equals(first)) {
        differ.add("shard " + s.shard() + " dated its reports " + s.dataAsOf());
      }
    }
    if (!differ.isEmpty()) {
      throw new JobFailure(
          ExitCode.DATA_ERROR,
          "The shards of "
              + shards.get(0).period()
              + " cannot be merged, so nothing was published: shard "
              + shards.get(0).shard()
              + " dated its reports "
              + first
              + " but "
              + String.join("; ", differ)
              + "; re-run the shards on the same input, or run the month without --shard.");
    }
  }
}
