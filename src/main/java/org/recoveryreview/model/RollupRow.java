package org.recoveryreview.model;

import java.time.YearMonth;
import java.util.Locale;
import java.util.Optional;

/**
 * Adherence of one group (a clinic, therapist, therapy, setting, or the whole programme) in one
 * month; {@code periodCounts} is present only on the review period's row of a clinic or of the
 * programme.
 */
public record RollupRow(
    Dimension dimension,
    String group,
    YearMonth month,
    Adherence adherence,
    long patients,
    Optional<PeriodGroupCounts> periodCounts) {

  /** A row without period counts. */
  public RollupRow(
      Dimension dimension, String group, YearMonth month, Adherence adherence, long patients) {
    this(dimension, group, month, adherence, patients, Optional.empty());
  }

  /** The same row carrying {@code counts}. */
  public RollupRow withPeriodCounts(PeriodGroupCounts counts) {
    return new RollupRow(dimension, group, month, adherence, patients, Optional.of(counts));
  }

  /**
   * A month resting on fewer patients than this is marked as such in the trend: its rate can swing
   * by tens of points with one patient.
   */
  public static final int FEW_PATIENTS = 5;

  /** True when fewer than {@link #FEW_PATIENTS} patients had a counted session (but some did). */
  public boolean fewPatients() {
    return patients > 0 && patients < FEW_PATIENTS;
  }

  /** What a roll-up groups by; therapist is the patient's primary therapist. */
  public enum Dimension {
    PROGRAM,
    CLINIC,
    THERAPIST,
    THERAPY,
    SETTING;

    /** Lower-case name written in program-metrics.csv. */
    public String code() {
      return name().toLowerCase(Locale.ROOT);
    }
  }
}
