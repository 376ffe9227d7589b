package org.recoveryreview.analysis;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.recoveryreview.model.FlagFinding;
import org.recoveryreview.model.FollowUp;
import org.recoveryreview.model.FollowUpTier;
import org.recoveryreview.model.PatientMetrics;
import tech.tablesaw.api.Table;

/** The follow-up tier of a patient and the ranked follow-up list of the programme. */
final class FollowUps {
  private FollowUps() {}

  /** The most urgent tier of the findings; empty without one, and always empty when discharged. */
  static Optional<FollowUpTier> tier(List<FlagFinding> findings, boolean discharged) {
    if (discharged) {
      return Optional.empty();
    }
    return FollowUpTier.ofFindings(findings);
  }

  /**
   * One entry per patient with a tier, ranked by tier, then number of follow-up flags (more first),
   * then overall rate (lower first, none last), then patient id: Tablesaw {@code where} over the
   * patients table ({@link ProgramFigures#patients}) and {@code sortOn} its sort-key columns. Each
   * entry carries its bullets ({@link FlagFinding#bullets}): the finding that sets the tier first,
   * one per event; good news is left out.
   */
  static List<FollowUp> ranked(Table patients, List<PatientMetrics> metrics) {
    Table listed =
        patients
            .where(patients.intColumn(ProgramFigures.TIER).isGreaterThan(0))
            .sortOn(
                ProgramFigures.TIER,
                ProgramFigures.FEWER_FLAGS_FIRST,
                ProgramFigures.RATE_NONE_LAST,
                ProgramFigures.PATIENT_ID);
    Map<String, PatientMetrics> byId = new HashMap<>();
    for (PatientMetrics m : metrics) {
      byId.put(m.patientId(), m);
    }
    List<FollowUp> out = new ArrayList<>(listed.rowCount());
    for (int r = 0; r < listed.rowCount(); r++) {
      PatientMetrics m =
          Objects.requireNonNull(
              byId.get(listed.stringColumn(ProgramFigures.PATIENT_ID).get(r)),
              "the listed patients are rows of these metrics");
      out.add(
          new FollowUp(
              m.patientId(),
              m.patient().name(),
              m.patient().clinic(),
              m.patient().therapist(),
              m.signals().followUpTier().orElseThrow(),
              m.bullets().stream().filter(FlagFinding::needsFollowUp).toList()));
    }
    return out;
  }
}
