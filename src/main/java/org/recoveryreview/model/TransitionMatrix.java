package org.recoveryreview.model;

import java.util.Arrays;

/** Counts of Brunnstrom transitions of one scale by from-stage and to-stage (1–6). */
public record TransitionMatrix(BrunnstromScale scale, int[][] counts) {

  public TransitionMatrix {
    int[][] copy = new int[6][6];
    for (int i = 0; i < 6; i++) {
      System.arraycopy(counts[i], 0, copy[i], 0, 6);
    }
    counts = copy;
  }

  /** Transitions from stage {@code from} to stage {@code to}, both 1–6. */
  public int count(int from, int to) {
    return counts[from - 1][to - 1];
  }

  /** Defensive copy: records expose arrays by reference otherwise. */
  @Override
  public int[][] counts() {
    int[][] copy = new int[6][6];
    for (int i = 0; i < 6; i++) {
      System.arraycopy(counts[i], 0, copy[i], 0, 6);
    }
    return copy;
  }

  /** The cell-by-cell sum with another matrix of the same scale (of other patients). */
  public TransitionMatrix plus(TransitionMatrix other) {
    if (other.scale != scale) {
      throw new IllegalArgumentException("cannot add " + other.scale + " to " + scale);
    }
    int[][] sum = counts();
    for (int i = 0; i < 6; i++) {
      for (int j = 0; j < 6; j++) {
        sum[i][j] += other.counts[i][j];
      }
    }
    return new TransitionMatrix(scale, sum);
  }

  /** Sum of all cells. */
  public int total() {
    int t = 0;
    for (int[] row : counts) {
      for (int c : row) {
        t += c;
      }
    }
    return t;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TransitionMatrix m
        && m.scale == scale
        && Arrays.deepEquals(m.counts, counts);
  }

  @Override
  public int hashCode() {
    return 31 * scale.hashCode() + Arrays.deepHashCode(counts);
  }

  @Override
  public String toString() {
    return "TransitionMatrix[" + scale + ", " + Arrays.deepToString(counts) + "]";
  }
}
