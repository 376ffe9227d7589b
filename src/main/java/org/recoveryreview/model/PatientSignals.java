package org.recoveryreview.model;

import java.util.List;
import java.util.Optional;

/**
 * What a patient's review raises for discussion: the flags with their evidence and the follow-up
 * tier.
 *
 * @param findings the raised flags with their evidence, sorted by flag code
 * @param followUpTier the most urgent tier of the flags; empty without one or when discharged
 */
public record PatientSignals(List<FlagFinding> findings, Optional<FollowUpTier> followUpTier) {

  public PatientSignals {
    findings =
        findings.stream().sorted((a, b) -> a.flag().code().compareTo(b.flag().code())).toList();
  }
}
