package org.recoveryreview.model;

import java.util.OptionalInt;

/**
 * A patient's Fugl-Meyer course up to the period's end: how many complete assessments there are and
 * the latest total minus the first one ever (present with two or more).
 */
public record FmaCourse(int completeAssessments, OptionalInt sinceFirst) {

  /** No complete assessment. */
  public static final FmaCourse NONE = new FmaCourse(0, OptionalInt.empty());

  /** True when the gain since the first complete assessment reaches {@code mcid}. */
  public boolean mcidReached(int mcid) {
    return sinceFirst.isPresent() && sinceFirst.getAsInt() >= mcid;
  }
}
