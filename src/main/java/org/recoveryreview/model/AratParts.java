package org.recoveryreview.model;

import java.util.EnumMap;
import java.util.Map;
import java.util.OptionalInt;

/**
 * The ARAT subtest scores of one assessment, each optional (see docs/input-format.md for how a
 * partial set relates to the total).
 */
public record AratParts(OptionalInt grasp, OptionalInt grip, OptionalInt pinch, OptionalInt gross) {

  /** No subtest recorded. */
  public static final AratParts NONE =
      new AratParts(
          OptionalInt.empty(), OptionalInt.empty(), OptionalInt.empty(), OptionalInt.empty());

  /** The parts from a map keyed by subtest; a missing key is a blank subtest. */
  public static AratParts of(Map<AratPart, OptionalInt> parts) {
    Map<AratPart, OptionalInt> m = new EnumMap<>(AratPart.class);
    m.putAll(parts);
    return new AratParts(
        m.getOrDefault(AratPart.GRASP, OptionalInt.empty()),
        m.getOrDefault(AratPart.GRIP, OptionalInt.empty()),
        m.getOrDefault(AratPart.PINCH, OptionalInt.empty()),
        m.getOrDefault(AratPart.GROSS, OptionalInt.empty()));
  }

  /** One subtest's score. */
  public OptionalInt get(AratPart part) {
    return switch (part) {
      case GRASP -> grasp;
      case GRIP -> grip;
      case PINCH -> pinch;
      case GROSS -> gross;
    };
  }

  /** Whether any subtest is recorded. */
  public boolean any() {
    return grasp.isPresent() || grip.isPresent() || pinch.isPresent() || gross.isPresent();
  }

  /** Whether all four subtests are recorded. */
  public boolean complete() {
    return grasp.isPresent() && grip.isPresent() && pinch.isPresent() && gross.isPresent();
  }

  /** The sum of the recorded subtests (0 when none is). */
  public int recordedSum() {
    int sum = 0;
    for (AratPart p : AratPart.values()) {
      sum += get(p).orElse(0);
    }
    return sum;
  }

  /** The most the blank subtests could add to {@link #recordedSum}. */
  public int blankMax() {
    int max = 0;
    for (AratPart p : AratPart.values()) {
      if (get(p).isEmpty()) {
        max += p.max();
      }
    }
    return max;
  }
}
