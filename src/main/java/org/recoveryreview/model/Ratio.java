package org.recoveryreview.model;

import java.util.OptionalDouble;

/** The one definition of a rate or share: a ratio, empty (never 0 or 1) on a zero denominator. */
public final class Ratio {
  private Ratio() {}

  /** {@code numerator / denominator}; empty when {@code denominator} is 0. */
  public static OptionalDouble of(long numerator, long denominator) {
    return denominator == 0
        ? OptionalDouble.empty()
        : OptionalDouble.of((double) numerator / (double) denominator);
  }
}
