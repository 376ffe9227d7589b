package org.recoveryreview.analysis;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Function;
import org.recoveryreview.model.Assessment;
import org.recoveryreview.model.FmaCourse;
import org.recoveryreview.model.ReviewPeriod;

/**
 * The latest ARAT and Fugl-Meyer figures and the Fugl-Meyer course of one patient, from assessments
 * sorted by date.
 */
final class Scores {
  private Scores() {}

  /**
   * A measure's latest value up to the period's end, its date, and its change against the latest
   * value before the start: no change unless the latest is dated in the period (a change needs a
   * new measurement).
   */
  record Latest(OptionalInt value, OptionalInt change, Optional<LocalDate> date) {}

  /** The {@link Latest} of {@code measure} (the ARAT, the complete Fugl-Meyer total). */
  static Latest latest(
      List<Assessment> sorted, ReviewPeriod period, Function<Assessment, OptionalInt> measure) {
    int now = -1;
    int before = -1;
    LocalDate date = null;
    for (Assessment a : sorted) {
      LocalDate d = a.date();
      if (d.isAfter(period.end())) {
        break;
      }
      OptionalInt value = measure.apply(a);
      if (value.isPresent()) {
        now = value.getAsInt();
        date = d;
        if (d.isBefore(period.start())) {
          before = now;
        }
      }
    }
    boolean measured = date != null && period.contains(date);
    return new Latest(
        now >= 0 ? OptionalInt.of(now) : OptionalInt.empty(),
        measured && before >= 0 ? OptionalInt.of(now - before) : OptionalInt.empty(),
        Optional.ofNullable(date));
  }

  /** Complete FMA assessments up to {@code end}, and the latest total minus the first one. */
  static FmaCourse fmaCourse(List<Assessment> sorted, LocalDate end) {
    int count = 0;
    int first = 0;
    int last = 0;
    for (Assessment a : sorted) {
      if (a.date().isAfter(end)) {
        break;
      }
      OptionalInt t = a.fmaTotal();
      if (t.isPresent()) {
        if (count == 0) {
          first = t.getAsInt();
        }
        last = t.getAsInt();
        count++;
      }
    }
    return new FmaCourse(count, count >= 2 ? OptionalInt.of(last - first) : OptionalInt.empty());
  }
}
