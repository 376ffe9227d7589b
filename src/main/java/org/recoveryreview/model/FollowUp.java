package org.recoveryreview.model;

import java.util.List;
import java.util.Objects;

/** A patient the administrators should follow up, with the follow-up flags that put them there. */
public record FollowUp(
    String patientId, String name, String clinic, String therapist, List<Flag> flags) {

  public FollowUp {
    Objects.requireNonNull(patientId, "patientId");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(clinic, "clinic");
    Objects.requireNonNull(therapist, "therapist");
    flags = List.copyOf(flags);
  }
}
