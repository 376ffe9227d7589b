package org.recoveryreview.model;

import java.util.Locale;

/** Recovery phase at the period's end, which decides the Fugl-Meyer MCID in use. */
public enum Phase {
  SUBACUTE,
  CHRONIC;

  /** Lower-case name for reports. */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }
}
