package org.recoveryreview.model;

import java.time.LocalDate;

/**
 * The first and last complete Fugl-Meyer totals inside the plateau window, the evidence behind a
 * plateau flag.
 */
public record FmaWindow(
    LocalDate firstDate, int firstTotal, LocalDate lastDate, int lastTotal, int assessments) {

  /** Last total minus first total. */
  public int change() {
    return lastTotal - firstTotal;
  }
}
