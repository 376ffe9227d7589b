package org.recoveryreview.model;

import java.time.LocalDate;
import java.util.Objects;
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

  public Patient {
    Objects.requireNonNull(patientId, "patientId");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(birthDate, "birthDate");
    Objects.requireNonNull(sex, "sex");
    Objects.requireNonNull(affectedSide, "affectedSide");
    Objects.requireNonNull(diagnosis, "diagnosis");
    Objects.requireNonNull(onsetDate, "onsetDate");
    Objects.requireNonNull(clinic, "clinic");
    Objects.requireNonNull(therapist, "therapist");
    Objects.requireNonNull(programStart, "programStart");
    Objects.requireNonNull(dischargeDate, "dischargeDate");
    Objects.requireNonNull(language, "language");
  }

  /**
   * True when the discharge date is on or before {@code day}: discharged patients leave follow-up.
   */
  public boolean dischargedBy(LocalDate day) {
    return dischargeDate.map(d -> !d.isAfter(day)).orElse(false);
  }
}
