package org.recoveryreview.model;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A raised flag with its one-line evidence in plain language (dates, values, thresholds), written
 * once by the analysis and shown as is in the patient review and the follow-up list.
 *
 * @param tier the follow-up tier this finding asks for (usually the flag's own, {@link
 *     Flag#tier()}; lower when the analysis judged the event less certain)
 * @param shownWith the flag whose bullet carries this finding as a consequence of the same event
 *     (low adherence under a patient who stopped attending); empty when it has its own bullet
 */
public record FlagFinding(
    Flag flag, String evidence, Optional<FollowUpTier> tier, Optional<Flag> shownWith) {

  /** Most urgent tier first (no tier last), then the clinical order within the tier. */
  private static final Comparator<FlagFinding> URGENCY =
      Comparator.comparingInt((FlagFinding x) -> x.tier().map(FollowUpTier::number).orElse(4))
          .thenComparingInt(x -> x.flag().clinicalRank());

  /** A finding in the flag's own tier with its own bullet. */
  public FlagFinding(Flag flag, String evidence) {
    this(flag, evidence, flag.tier(), Optional.empty());
  }

  /** This finding in {@code t}. */
  public FlagFinding withTier(FollowUpTier t) {
    return new FlagFinding(flag, evidence, Optional.of(t), shownWith);
  }

  /** This finding folded into the bullet of {@code lead}. */
  public FlagFinding shownWith(Flag lead) {
    return new FlagFinding(flag, evidence, tier, Optional.of(lead));
  }

  /** This finding with {@code more} appended to its evidence. */
  public FlagFinding withMoreEvidence(String more) {
    return new FlagFinding(flag, evidence + more, tier, shownWith);
  }

  /** True when the finding puts the patient on the follow-up list. */
  public boolean needsFollowUp() {
    return tier.isPresent();
  }

  /** "Stopped attending: none of the 4 sessions due …": the bullet as every document prints it. */
  public String line() {
    return flag.label() + ": " + evidence;
  }

  /**
   * The bullets of a follow-up entry or a review's flag box: one per event (findings shown with
   * another are left out, their evidence is in the lead's), the one that sets the tier first, then
   * the others by tier and clinical order; never alphabetical.
   */
  public static List<FlagFinding> bullets(List<FlagFinding> findings) {
    return findings.stream().filter(f -> f.shownWith().isEmpty()).sorted(URGENCY).toList();
  }
}
