package org.recoveryreview.model;

/**
 * The four ARAT subtests, ordered from gross to fine movement: the course hand recovery usually
 * takes (Lyle 1981 for the subtests and maxima).
 */
public enum AratPart {
  GROSS("arat_gross", "Gross movement", 9),
  GRASP("arat_grasp", "Grasp", 18),
  GRIP("arat_grip", "Grip", 12),
  PINCH("arat_pinch", "Pinch", 18);

  private final String column;
  private final String label;
  private final int max;

  AratPart(String column, String label, int max) {
    this.column = column;
    this.label = label;
    this.max = max;
  }

  /** The assessments column holding this subtest. */
  public String column() {
    return column;
  }

  /** The subtest's name as the reports show it. */
  public String label() {
    return label;
  }

  /** The subtest's maximum score. */
  public int max() {
    return max;
  }
}
