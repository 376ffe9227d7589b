package org.recoveryreview.model;

import java.util.Objects;

/**
 * A raised flag with its one-line evidence in plain language (dates, values, thresholds), written
 * once by the analysis and shown as is in the patient review and the follow-up list.
 */
public record FlagFinding(Flag flag, String evidence) {

  public FlagFinding {
    Objects.requireNonNull(flag, "flag");
    Objects.requireNonNull(evidence, "evidence");
  }
}
