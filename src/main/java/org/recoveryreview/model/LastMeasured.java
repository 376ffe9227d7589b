package org.recoveryreview.model;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The date each scale was last measured on or before the period's end (the Fugl-Meyer total only
 * when all four parts were scored), so a review can say "not reassessed since …" where a change
 * would need a measurement in the period.
 */
public record LastMeasured(
    Optional<LocalDate> fma,
    Optional<LocalDate> brunnstromArm,
    Optional<LocalDate> brunnstromHand,
    Optional<LocalDate> arat) {

  private static final LastMeasured NONE =
      new LastMeasured(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());

  /** No scale ever measured. */
  public static LastMeasured none() {
    return NONE;
  }

  /**
   * One sentence per date for the scales last measured before {@code period}, oldest first:
   * "Brunnstrom arm, Brunnstrom hand, Fugl-Meyer and ARAT not reassessed since 31 Jul 2026 (92
   * days)"; empty when every measured scale was measured in the period.
   */
  public List<String> notReassessedLines(ReviewPeriod period) {
    Map<LocalDate, List<String>> byDate = new TreeMap<>();
    add(byDate, "Brunnstrom arm", brunnstromArm, period);
    add(byDate, "Brunnstrom hand", brunnstromHand, period);
    add(byDate, "Fugl-Meyer", fma, period);
    add(byDate, "ARAT", arat, period);
    List<String> out = new ArrayList<>();
    for (Map.Entry<LocalDate, List<String>> e : byDate.entrySet()) {
      List<String> names = e.getValue();
      String joined =
          names.size() == 1
              ? names.get(0)
              : String.join(", ", names.subList(0, names.size() - 1))
                  + " and "
                  + names.get(names.size() - 1);
      out.add(joined + " " + notReassessed(Optional.of(e.getKey()), period).orElseThrow());
    }
    return out;
  }

  private static void add(
      Map<LocalDate, List<String>> byDate,
      String name,
      Optional<LocalDate> last,
      ReviewPeriod period) {
    if (last.isPresent() && last.get().isBefore(period.start())) {
      byDate.computeIfAbsent(last.get(), k -> new ArrayList<>()).add(name);
    }
  }

  /**
   * "not reassessed since 31 Jul 2026 (92 days)" when {@code last} lies before {@code period} (the
   * days run to the period's end); empty when the scale was measured in the period or never.
   */
  public static Optional<String> notReassessed(Optional<LocalDate> last, ReviewPeriod period) {
    if (last.isEmpty() || !last.get().isBefore(period.start())) {
      return Optional.empty();
    }
    LocalDate d = last.get();
    return Optional.of(
        "not reassessed since "
            + Evidence.date(d)
            + " ("
            + ChronoUnit.DAYS.between(d, period.end())
            + " days)");
  }
}
