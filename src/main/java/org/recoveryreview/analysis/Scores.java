package org.recoveryreview.analysis;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.recoveryreview.model.Assessment;
import org.recoveryreview.model.FmaCourse;
import org.recoveryreview.model.ReviewPeriod;

/** The ARAT figures and the Fugl-Meyer course of one patient, from assessments sorted by date. */
final class Scores {
  private Scores() {}

  /**
   * Latest ARAT up to the period's end, its date, and its change against the latest before the
   * start: empty unless the latest ARAT is dated in the period (a change needs a new measurement).
   */
  record Arat(OptionalInt latest, OptionalInt change, Optional<LocalDate> date) {}

  static Arat arat(List<Assessment> sorted, ReviewPeriod period) {
    int now = -1;
    int before = -1;
    LocalDate date = null;
    for (Assessment a : sorted) {
      LocalDate d = a.date();
      if (d.isAfter(period.end())) {
        break;
      }
      if (a.arat().isPresent()) {
        now = a.arat().getAsInt();
        date = d;
        if (d.isBefore(period.start())) {
          before = now;
        }
      }
    }
    boolean measured = date != null && period.contains(date);
    return new Arat(
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
