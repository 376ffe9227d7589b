package org.recoveryreview.model;

import java.time.LocalDate;
import java.util.Optional;

/**
 * One patient as read from the patients export; optional columns are empty when blank. {@code
 * language} is the lower-case language code family documents are written in ("en", "zh").
 */
public record Patient(
    String patientId,
    String name,
    Optional<LocalDate> birthDate,
    Optional<String> sex,
    Optional<String> affectedSide,
    Optional<String> diagnosis,
    LocalDate onsetDate,
    String clinic,
    String therapist,
    Optional<LocalDate> programStart,
    Optional<LocalDate> dischargeDate,
    Optional<String> language) {

  /**
   * True when the discharge date is on or before {@code day}: discharged patients leave follow-up.
   */
  public boolean dischargedBy(LocalDate day) {
    return dischargeDate.map(d -> !d.isAfter(day)).orElse(false);
  }
}
