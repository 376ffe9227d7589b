package org.recoveryreview.model;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the PDFs show beyond the figures: organisation name, therapy display names, page size and
 * fonts (the bundled Latin font unless {@code latinFont} is set; a CJK font from {@code cjkFont} or
 * the system), the diagnoses whose Fugl-Meyer chart shows the population reference, and a folder of
 * site wording for the family handout ({@code handoutText}).
 *
 * @param referenceDiagnoses the diagnoses (as in the patients file, any case) whose Fugl-Meyer
 *     chart shows the proportional-recovery population reference ({@link PopulationReference})
 */
public record ReportSettings(
    String organisation,
    Map<String, String> therapyNames,
    String pageSize,
    Optional<Path> latinFont,
    Optional<Path> cjkFont,
    List<String> referenceDiagnoses,
    Optional<Path> handoutText) {

  public ReportSettings {
    therapyNames = Map.copyOf(therapyNames);
    referenceDiagnoses = List.copyOf(referenceDiagnoses);
  }

  /** Settings with the default reference diagnoses and the bundled handout wording. */
  public ReportSettings(
      String organisation,
      Map<String, String> therapyNames,
      String pageSize,
      Optional<Path> latinFont,
      Optional<Path> cjkFont) {
    this(
        organisation,
        therapyNames,
        pageSize,
        latinFont,
        cjkFont,
        PopulationReference.DEFAULT_DIAGNOSES,
        Optional.empty());
  }

  /**
   * Defaults: a generic organisation name, built-in therapy names, A4, bundled and system fonts,
   * the reference for stroke diagnoses.
   */
  public static ReportSettings defaults() {
    return new ReportSettings(
        "Rehabilitation Programme", Map.of(), "A4", Optional.empty(), Optional.empty());
  }

  /** The name shown for a therapy code: the configured one, else the code in sentence case. */
  public String therapyName(String therapy) {
    String configured = therapyNames.get(therapy);
    if (configured != null) {
      return configured;
    }
    String spaced = therapy.replace('_', ' ');
    return spaced.isEmpty()
        ? spaced
        : Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1);
  }
}
