package org.recoveryreview.model;

import java.time.LocalDate;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A patient's recovery for the review: the phase, the Brunnstrom stages, Fugl-Meyer and ARAT with
 * their changes and labels, and when each scale was last measured.
 *
 * @param phase the phase after onset at the period's end
 * @param daysSinceOnset days from onset to the period's end
 * @param stages the Brunnstrom stages and their changes
 * @param fma the Fugl-Meyer upper-extremity total, its change and course
 * @param arat the Action Research Arm Test score and its change
 * @param lastAssessment date of the latest assessment on or before the period's end
 * @param lastMeasured when each scale was last measured; a change is empty when it lies before the
 *     period
 */
public record RecoveryFigures(
    Phase phase,
    long daysSinceOnset,
    Stages stages,
    Fma fma,
    Arat arat,
    Optional<LocalDate> lastAssessment,
    LastMeasured lastMeasured) {

  /**
   * The latest Brunnstrom stages on or before the period's end and their changes.
   *
   * @param arm arm stage
   * @param armChange that minus the latest arm stage before the period's start
   * @param hand hand stage
   * @param handChange that minus the latest hand stage before the period's start
   * @param transitions transitions of either scale dated inside the period
   */
  public record Stages(
      OptionalInt arm,
      OptionalInt armChange,
      OptionalInt hand,
      OptionalInt handChange,
      int transitions) {
    public Stages {}
  }

  /**
   * The Fugl-Meyer upper-extremity total.
   *
   * @param total latest complete total on or before the period's end
   * @param change that minus the latest complete total before the period's start
   * @param mcid the MCID in force in the phase
   * @param changeLabel how {@code change} compares with the MDC and MCID; empty without it
   * @param course complete assessments so far and the change since the first
   * @param plateauWindow complete totals in the plateau window, when at least two exist
   */
  public record Fma(
      OptionalInt total,
      OptionalInt change,
      int mcid,
      Optional<ChangeLabel> changeLabel,
      FmaCourse course,
      Optional<FmaWindow> plateauWindow) {
    public Fma {}
  }

  /**
   * The Action Research Arm Test.
   *
   * @param score latest ARAT on or before the period's end
   * @param change that minus the latest ARAT before the period's start
   * @param mcid the ARAT MCID in force in the phase
   * @param changeLabel how {@code change} compares with the measurement error and MCID; {@link
   *     ChangeLabel#NOT_REASSESSED} when ARAT was measured before the period but not in it
   */
  public record Arat(
      OptionalInt score, OptionalInt change, int mcid, Optional<ChangeLabel> changeLabel) {
    public Arat {}
  }
}
