package org.recoveryreview.model;

import java.util.List;

/**
 * A patient the administrators should follow up: the tier, and each follow-up flag with its
 * one-line evidence (flags sorted by code).
 */
public record FollowUp(
    String patientId,
    String name,
    String clinic,
    String therapist,
    FollowUpTier tier,
    List<FlagFinding> findings) {

  public FollowUp {
    findings = List.copyOf(findings);
  }

  /** The flags of the entry, in the order of {@code findings}. */
  public List<Flag> flags() {
    return findings.stream().map(FlagFinding::flag).toList();
  }
}
