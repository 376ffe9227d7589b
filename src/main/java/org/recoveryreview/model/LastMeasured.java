package org.recoveryreview.model;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;

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

  public LastMeasured {
    Objects.requireNonNull(fma, "fma");
    Objects.requireNonNull(brunnstromArm, "brunnstromArm");
    Objects.requireNonNull(brunnstromHand, "brunnstromHand");
    Objects.requireNonNull(arat, "arat");
  }

  /** No scale ever measured. */
  public static LastMeasured none() {
    return NONE;
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
