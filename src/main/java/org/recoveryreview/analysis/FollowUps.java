package org.recoveryreview.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.recoveryreview.model.FlagFinding;
import org.recoveryreview.model.FollowUp;
import org.recoveryreview.model.FollowUpTier;
import org.recoveryreview.model.Patient;
import org.recoveryreview.model.PatientMetrics;

/** The follow-up tier of a patient and the ranked follow-up list of the programme. */
final class FollowUps {
  private FollowUps() {}

  /** The most urgent tier of the findings; empty without one, and always empty when discharged. */
  static Optional<FollowUpTier> tier(List<FlagFinding> findings, boolean discharged) {
    if (discharged) {
      return Optional.empty();
    }
    return FollowUpTier.of(FlagRules.flags(findings));
  }

  /**
   * One entry per patient with a tier, ranked by tier, then number of follow-up flags (more first),
   * then overall rate (lower first, none last), then patient id; each entry carries the evidence of
   * its follow-up flags.
   */
  static List<FollowUp> ranked(List<PatientMetrics> metrics) {
    List<PatientMetrics> listed = new ArrayList<>();
    for (PatientMetrics m : metrics) {
      if (m.followUpTier().isPresent()) {
        listed.add(m);
      }
    }
    listed.sort(ORDER);
    List<FollowUp> out = new ArrayList<>(listed.size());
    for (PatientMetrics m : listed) {
      Patient p = m.patient();
      out.add(
          new FollowUp(
              p.patientId(),
              p.name(),
              p.clinic(),
              p.therapist(),
              m.followUpTier().get(),
              followUpFindings(m)));
    }
    return out;
  }

  private static List<FlagFinding> followUpFindings(PatientMetrics m) {
    return m.findings().stream().filter(f -> f.flag().needsFollowUp()).toList();
  }

  private static final Comparator<PatientMetrics> ORDER =
      Comparator.comparingInt((PatientMetrics m) -> m.followUpTier().get().number())
          .thenComparingInt(m -> -followUpFindings(m).size())
          .thenComparing(m -> m.period().overallRate(), FollowUps::rateLowerFirstEmptyLast)
          .thenComparing(PatientMetrics::patientId);

  private static int rateLowerFirstEmptyLast(OptionalDouble a, OptionalDouble b) {
    if (a.isEmpty() || b.isEmpty()) {
      return Boolean.compare(a.isEmpty(), b.isEmpty());
    }
    return Double.compare(a.getAsDouble(), b.getAsDouble());
  }
}
