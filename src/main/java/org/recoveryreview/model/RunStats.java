package org.recoveryreview.model;

import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * A run's stage timings and counts as one immutable value, a snapshot of the {@link Counter} the
 * steps add to (as Caffeine's {@code CacheStats} is of its {@code StatsCounter}); the manifest's
 * {@code stage_seconds}, the job's result and its closing log line all read it.
 */
public record RunStats(
    Map<Stage, Double> seconds, int patients, int pages, long rowsUsed, long rowsSetAside) {

  /**
   * The stages a run may time, in the order they run and are logged; {@link #key} is the name in
   * the manifest's {@code stage_seconds} (bench/run reads them).
   */
  public enum Stage {
    /** A merge reading and summing the shards' partial results. */
    PARTIALS,
    /** Reading the input. */
    INGEST,
    /** The analysis (a merge's: the programme view from the partial results). */
    ANALYSIS,
    /** The patients' reviews alone, a part of {@link #RENDER}, comparable across releases. */
    REVIEWS,
    /** The family handouts alone, a part of {@link #RENDER}. */
    HANDOUTS,
    /** The therapist bundles alone, a part of {@link #RENDER}. */
    BUNDLES,
    /** A merge copying each patient's review and handout from their shard. */
    COPY,
    /** Every document: reviews, handouts, bundles and the programme summary. */
    RENDER,
    /** CSVs, partial results and the manifest, up to the swap (after it once the swap is done). */
    PUBLISH;

    /** The stage's name in {@code stage_seconds}, e.g. {@code ingest}. */
    public String key() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public RunStats {
    EnumMap<Stage, Double> copy = new EnumMap<>(Stage.class);
    copy.putAll(seconds);
    seconds = Collections.unmodifiableMap(copy);
  }

  /** Nothing timed or counted yet. */
  public static RunStats none() {
    return new RunStats(Map.of(), 0, 0, 0, 0);
  }

  /** Seconds of {@code stage}; empty when this run did not time it. */
  public OptionalDouble secondsOf(Stage stage) {
    Double s = seconds.get(stage);
    return s == null ? OptionalDouble.empty() : OptionalDouble.of(s);
  }

  /** Seconds by stage key, in stage order. */
  public Map<String, Double> stageSeconds() {
    Map<String, Double> out = new LinkedHashMap<>();
    seconds.forEach((stage, s) -> out.put(stage.key(), s));
    return Collections.unmodifiableMap(out);
  }

  /** The timings as the closing log line prints them: {@code ingest 0.12 s, analysis 0.30 s}. */
  public String stageText() {
    StringBuilder sb = new StringBuilder();
    seconds.forEach(
        (stage, s) -> {
          if (sb.length() > 0) {
            sb.append(", ");
          }
          sb.append(stage.key()).append(' ').append(String.format(Locale.ROOT, "%.2f s", s));
        });
    return sb.toString();
  }

  /**
   * The mutable side, which the steps of one run add to from the thread that runs the job; {@link
   * #snapshot} gives the value.
   */
  public static final class Counter {
    private final EnumMap<Stage, Double> seconds = new EnumMap<>(Stage.class);
    private int patients;
    private int pages;
    private long rowsUsed;
    private long rowsSetAside;

    /** A start time for {@link #time}. */
    public static long start() {
      return System.nanoTime();
    }

    /** Records {@code stage} as taking the time since {@code startNanos} (a later call wins). */
    public void time(Stage stage, long startNanos) {
      seconds.put(stage, (System.nanoTime() - startNanos) / 1e9);
    }

    /** Records the rows the run used and set aside. */
    public void rows(long used, long setAside) {
      this.rowsUsed = used;
      this.rowsSetAside = setAside;
    }

    /** Records the patients the run reported and the pages it wrote. */
    public void output(int patients, int pages) {
      this.patients = patients;
      this.pages = pages;
    }

    /** The timings and counts so far. */
    public RunStats snapshot() {
      return new RunStats(seconds, patients, pages, rowsUsed, rowsSetAside);
    }
  }
}
