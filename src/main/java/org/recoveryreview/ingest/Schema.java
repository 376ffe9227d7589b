package org.recoveryreview.ingest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.recoveryreview.model.Codes;
import org.recoveryreview.model.ExitCode;
import org.recoveryreview.model.FileKind;
import org.recoveryreview.model.JobFailure;

/**
 * The contract columns of one file kind, which of them a header must have, and how header names
 * (and configured aliases) are matched onto them.
 */
final class Schema {
  static final Schema PATIENTS =
      new Schema(
          FileKind.PATIENTS,
          List.of("patient_id", "name", "onset_date", "clinic", "therapist"),
          List.of());

  /** A sessions header may leave out only the two columns a row may leave blank. */
  static final Schema SESSIONS =
      new Schema(
          FileKind.SESSIONS, allBut(FileKind.SESSIONS, "actual_minutes", "therapist"), List.of());

  /**
   * Assessments need at least one measure column in the header, any of them: every contract column
   * but the keys and the assessor.
   */
  static final Schema ASSESSMENTS =
      new Schema(
          FileKind.ASSESSMENTS,
          List.of("patient_id", "date"),
          allBut(FileKind.ASSESSMENTS, "patient_id", "date", "assessor"));

  /** Goal reviews: the goal, its dates and its description are required; levels are optional. */
  static final Schema GOALS =
      new Schema(
          FileKind.GOALS,
          List.of("patient_id", "goal_id", "set_on", "review_date", "description"),
          List.of());

  final FileKind kind;
  final List<String> columns;
  final List<String> required;
  final List<String> anyOf;
  private final Map<String, Integer> byNormalisedName = new HashMap<>();

  private Schema(FileKind kind, List<String> required, List<String> anyOf) {
    this.kind = kind;
    this.columns = kind.columns();
    this.required = required;
    this.anyOf = anyOf;
    for (int i = 0; i < columns.size(); i++) {
      byNormalisedName.put(normalise(columns.get(i)), i);
    }
  }

  /** The contract columns of {@code kind} in their order, less {@code left}. */
  static List<String> allBut(FileKind kind, String... left) {
    List<String> leave = List.of(left);
    return kind.columns().stream().filter(c -> !leave.contains(c)).toList();
  }

  static Schema of(FileKind kind) {
    return switch (kind) {
      case PATIENTS -> PATIENTS;
      case SESSIONS -> SESSIONS;
      case ASSESSMENTS -> ASSESSMENTS;
      case GOALS -> GOALS;
    };
  }

  /** Position of a contract column in {@link #columns}. */
  int column(String name) {
    Integer i = byNormalisedName.get(normalise(name));
    if (i == null) {
      throw new IllegalArgumentException("no column " + name + " in " + kind.code());
    }
    return i;
  }

  /**
   * The form header names are matched in ({@link Codes#key}), so that "Patient ID", "patient-id",
   * "PATIENT_ID" and a name with a non-breaking space or a byte-order mark compare equal.
   */
  static String normalise(String name) {
    return Codes.key(name);
  }

  /**
   * Normalised alias to column position, from the configuration's aliases for this kind.
   *
   * @throws JobFailure USAGE when an alias names a column this kind does not have
   */
  Map<String, Integer> aliases(Map<String, String> configured) {
    Map<String, Integer> result = new HashMap<>();
    for (Map.Entry<String, String> e : configured.entrySet()) {
      Integer target = byNormalisedName.get(normalise(e.getValue()));
      if (target == null) {
        throw new JobFailure(
            ExitCode.USAGE,
            "The header alias '"
                + e.getKey()
                + "' for "
                + kind.code()
                + " files maps to '"
                + e.getValue()
                + "', which is not a "
                + kind.code()
                + " column; use one of "
                + String.join(", ", columns)
                + " in "
                + Ingestor.CONFIG_HEADER_ALIASES
                + ".");
      }
      result.put(normalise(e.getKey()), target);
    }
    return result;
  }

  /**
   * For each contract column, the index of the header cell that holds it, or -1. A header name that
   * is itself a contract column wins over an alias (a contract column named twice is refused by
   * {@link #ambiguous}); the first matching alias wins.
   */
  int[] map(List<String> header, Map<String, Integer> aliases) {
    int[] index = new int[columns.size()];
    Arrays.fill(index, -1);
    for (int pass = 0; pass < 2; pass++) {
      for (int cell = 0; cell < header.size(); cell++) {
        String n = normalise(header.get(cell));
        Integer col = pass == 0 ? byNormalisedName.get(n) : aliases.get(n);
        if (col != null && index[col] < 0) {
          index[col] = cell;
        }
      }
    }
    return index;
  }

  /**
   * Contract columns that two header cells both name directly (after normalisation, e.g. "Date" and
   * "date"): reading either would be a guess, so the file is refused. Returns "column (cells i and
   * j)" descriptions, empty when the header is unambiguous.
   */
  List<String> ambiguous(List<String> header) {
    List<String> out = new ArrayList<>();
    Map<Integer, Integer> first = new HashMap<>();
    for (int cell = 0; cell < header.size(); cell++) {
      Integer col = byNormalisedName.get(normalise(header.get(cell)));
      if (col == null) {
        continue;
      }
      Integer earlier = first.putIfAbsent(col, cell);
      if (earlier != null) {
        out.add(
            columns.get(col)
                + " ('"
                + header.get(earlier)
                + "' in column "
                + (earlier + 1)
                + " and '"
                + header.get(cell)
                + "' in column "
                + (cell + 1)
                + ")");
      }
    }
    return out;
  }

  /** Required columns absent from a mapped header, plus a note when no measure column exists. */
  List<String> missing(int[] index) {
    List<String> missing = new ArrayList<>();
    for (String r : required) {
      if (index[column(r)] < 0) {
        missing.add(r);
      }
    }
    if (!anyOf.isEmpty() && anyOf.stream().allMatch(c -> index[column(c)] < 0)) {
      missing.add("at least one of " + String.join(", ", anyOf));
    }
    return missing;
  }
}
