package org.recoveryreview.model;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The proportional-recovery population reference of a patient's Fugl-Meyer chart: 0.7 × (66 −
 * first) + first over months 3–6 after onset (Prabhakaran et al., NNR 2008;22:64, ischaemic
 * stroke), drawn only for a diagnosis the configured list names (stroke by default), when the first
 * complete total was taken within 30 days of onset, and only over the part of that window the chart
 * shows; otherwise absent, with the reason the page prints instead. See docs/metrics.md.
 *
 * @param value the reference total; present whenever the rule applies to the patient, even when the
 *     window lies outside the chart
 * @param from the first day of the window the chart draws (clipped to the chart's dates)
 * @param to the last day of that window (clipped to the chart's dates)
 * @param reason empty when the line is drawn; otherwise the one line the page shows instead
 */
public record PopulationReference(
    Optional<Double> value, LocalDate from, LocalDate to, Optional<String> reason) {

  /** The share of the possible gain (66 − first) that proportional recovery describes. */
  public static final double PROPORTION = 0.7;

  /** The first complete total must be this soon after onset (in days) for the reference. */
  public static final long FIRST_WITHIN_DAYS = 30;

  /** The window the pattern describes: about 3 to 6 months after onset, in days. */
  public static final long WINDOW_FROM_DAYS = 90;

  /** The last day of that window after onset. */
  public static final long WINDOW_TO_DAYS = 180;

  /**
   * Diagnoses the reference is drawn for by default: stroke, as the issue scopes it (its source
   * cohorts had ischaemic stroke; a clinic can narrow the list to those).
   */
  public static final List<String> DEFAULT_DIAGNOSES =
      List.of(
          "ischaemic stroke",
          "ischemic stroke",
          "haemorrhagic stroke",
          "hemorrhagic stroke",
          "stroke");

  /** True when the chart draws the reference line. */
  public boolean drawn() {
    return reason.isEmpty();
  }

  /**
   * The reference for {@code patient}, whose first complete FMA-UE total (if any) is {@code first},
   * on a chart showing {@code chartFrom} to {@code chartTo}; {@code diagnoses} are the diagnoses it
   * applies to (see {@link #applies}).
   */
  public static PopulationReference of(
      Patient patient,
      Optional<AssessmentPoint> first,
      LocalDate chartFrom,
      LocalDate chartTo,
      List<String> diagnoses) {
    Optional<String> diagnosis = patient.diagnosis().map(d -> d.strip().toLowerCase(Locale.ROOT));
    if (diagnosis.isEmpty() || diagnosis.get().isEmpty()) {
      return absent(
          "Population reference (proportional recovery) not drawn: no diagnosis recorded; it"
              + " describes recovery after stroke.");
    }
    if (!applies(diagnosis.get(), diagnoses)) {
      return absent(
          "Population reference (proportional recovery) not drawn: it describes recovery after"
              + " stroke, not "
              + patient.diagnosis().get().strip()
              + ".");
    }
    LocalDate onset = patient.onsetDate();
    Optional<AssessmentPoint> early =
        first.filter(
            p -> {
              long days = ChronoUnit.DAYS.between(onset, p.date());
              return p.fmaTotal().isPresent() && days >= 0 && days <= FIRST_WITHIN_DAYS;
            });
    if (early.isEmpty()) {
      return absent(
          "Population reference (proportional recovery) not drawn: it needs a complete FMA-UE"
              + " total within "
              + FIRST_WITHIN_DAYS
              + " days of onset"
              + first
                  .map(p -> " (first here: day " + ChronoUnit.DAYS.between(onset, p.date()) + ")")
                  .orElse(" (none recorded)")
              + ".");
    }
    int total = early.get().fmaTotal().getAsInt();
    double value = PROPORTION * (Assessment.FMA_TOTAL_MAX - total) + total;
    LocalDate windowFrom = onset.plusDays(WINDOW_FROM_DAYS);
    LocalDate windowTo = onset.plusDays(WINDOW_TO_DAYS);
    LocalDate from = windowFrom.isBefore(chartFrom) ? chartFrom : windowFrom;
    LocalDate to = windowTo.isAfter(chartTo) ? chartTo : windowTo;
    if (from.isAfter(to)) {
      return new PopulationReference(
          Optional.of(value),
          windowFrom,
          windowTo,
          Optional.of(
              "Population reference (proportional recovery), not a prediction: about "
                  + Evidence.number(Math.round(value * 10) / 10.0)
                  + " of 66 in months 3–6 after onset ("
                  + Evidence.date(windowFrom)
                  + " – "
                  + Evidence.date(windowTo)
                  + "), after the chart's dates."));
    }
    return new PopulationReference(Optional.of(value), from, to, Optional.empty());
  }

  /**
   * True when {@code diagnosis} contains one of {@code diagnoses} as whole words, ignoring case:
   * "Ischaemic stroke, right MCA" matches "ischaemic stroke"; "non-ischaemic stroke" does not.
   */
  public static boolean applies(String diagnosis, List<String> diagnoses) {
    String d = " " + words(diagnosis) + " ";
    return diagnoses.stream()
        .map(PopulationReference::words)
        .anyMatch(t -> !t.isEmpty() && d.contains(" " + t + " "));
  }

  /** Lower case; words of letters, digits and hyphens, single spaces. */
  private static String words(String s) {
    return s.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}-]+", " ").strip();
  }

  private static PopulationReference absent(String why) {
    LocalDate epoch = LocalDate.EPOCH;
    return new PopulationReference(Optional.empty(), epoch, epoch, Optional.of(why));
  }
}
