package org.recoveryreview.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.recoveryreview.model.Evidence;

class FmtTest {
  @Test
  void minutes_groupsThousands() {
    assertEquals("0", Fmt.minutes(0));
    assertEquals("999", Fmt.minutes(999));
    assertEquals("1,000", Fmt.minutes(1000));
    assertEquals("12,345", Fmt.minutes(12345));
    assertEquals("123,456", Fmt.minutes(123456));
    assertEquals("1,234,567", Fmt.minutes(1234567));
    assertEquals("-4,200", Fmt.minutes(-4200));
  }

  @Test
  void pct_halfPercent_roundsUpAsTheCsvReads() {
    // 23 of 40 = 0.575: the CSV says 0.5750; 0.575 × 100 is 57.4999… in binary.
    assertEquals("0.5750", Evidence.decimalRate(23 / 40.0));
    assertEquals("58%", Evidence.pct(23 / 40.0));
    assertEquals("57%", Evidence.pct(0.5749));
    assertEquals("1%", Evidence.pct(0.005));
    assertEquals("0%", Evidence.pct(0.0049));
    assertEquals("100%", Evidence.pct(1.0));
    assertEquals("58%", Evidence.pct(OptionalDouble.of(23 / 40.0)));
    assertEquals("—", Evidence.pct(OptionalDouble.empty()));
  }

  @Test
  void tScore_anyValue_oneDecimalWithAPointWhateverTheLocale() {
    Locale before = Locale.getDefault();
    try {
      Locale.setDefault(Locale.GERMANY);
      assertEquals("50.0", Evidence.tScore(50));
      assertEquals("43.7", Evidence.tScore(43.66));
      assertEquals("-0.1", Evidence.tScore(-0.06));
    } finally {
      Locale.setDefault(before);
    }
  }

  @Test
  void pct_anyRateOfCounts_equalsTheCsvValueRoundedHalfUp() {
    for (int d = 1; d <= 400; d++) {
      for (int n = 0; n <= d; n++) {
        double r = (double) n / d;
        String csv = String.format(Locale.ROOT, "%.4f", r);
        assertEquals(csv, Evidence.decimalRate(r), n + "/" + d);
        long expected =
            new BigDecimal(csv).movePointRight(2).setScale(0, RoundingMode.HALF_UP).longValue();
        assertEquals(expected + "%", Evidence.pct(r), n + "/" + d);
      }
    }
  }

  @Test
  void points_halfPercents_subtractThePrintedWholePercents() {
    // 58% (0.575) and 57% (0.5749): 1 point, as the reader subtracts.
    assertEquals("+1 pts", Fmt.points(OptionalDouble.of(0.575), OptionalDouble.of(0.5749)));
    assertEquals("0 pts", Fmt.points(OptionalDouble.of(0.575), OptionalDouble.of(0.5801)));
    assertEquals("—", Fmt.points(OptionalDouble.empty(), OptionalDouble.of(0.5)));
  }
}
