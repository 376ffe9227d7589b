package org.recoveryreview.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

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
}
