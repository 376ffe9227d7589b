package org.recoveryreview.model;

import java.util.Collection;
import java.util.Optional;

/** How urgently the team should look at a patient: 1 act now, 2 discuss, 3 check. */
public enum FollowUpTier {
  ACT_NOW(1, "act now"),
  DISCUSS(2, "discuss"),
  CHECK(3, "check");

  private final int number;
  private final String label;

  FollowUpTier(int number, String label) {
    this.number = number;
    this.label = label;
  }

  /** 1, 2 or 3, as written in {@code follow_up_tier}. */
  public int number() {
    return number;
  }

  /** The plain-language name ("act now", "discuss", "check"). */
  public String label() {
    return label;
  }

  /** The most urgent tier any of the findings asks for; empty when none asks for follow-up. */
  public static Optional<FollowUpTier> ofFindings(Collection<FlagFinding> findings) {
    Optional<FollowUpTier> best = Optional.empty();
    for (FlagFinding f : findings) {
      Optional<FollowUpTier> t = f.tier();
      if (t.isPresent() && (best.isEmpty() || t.get().number < best.get().number)) {
        best = t;
      }
    }
    return best;
  }

  /** The most urgent tier any of the flags asks for; empty when none asks for follow-up. */
  public static Optional<FollowUpTier> of(Collection<Flag> flags) {
    Optional<FollowUpTier> best = Optional.empty();
    for (Flag f : flags) {
      Optional<FollowUpTier> t = f.tier();
      if (t.isPresent() && (best.isEmpty() || t.get().number < best.get().number)) {
        best = t;
      }
    }
    return best;
  }
}
