package org.recoveryreview.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class OtherShardRowsTest {
  private static List<Long> days(OtherShardRows rows) {
    List<Long> out = new ArrayList<>();
    rows.forEachDay(out::add);
    out.sort(null);
    return out;
  }

  @Test
  void put_sameKeyTwice_keepsTheLatestDayOnly() {
    OtherShardRows rows = new OtherShardRows();
    rows.put("S1", 100);
    rows.put("S1", 90);
    assertEquals(List.of(90L), days(rows));
  }

  @Test
  void put_noDayForAKeptKey_theKeyNoLongerCounts() {
    OtherShardRows rows = new OtherShardRows();
    rows.put("S1", 100);
    rows.put("S2", 50);
    rows.put("S1", OtherShardRows.NO_DAY);
    assertEquals(List.of(50L), days(rows));
  }

  @Test
  void remove_thenPutAgain_countsOnce() {
    OtherShardRows rows = new OtherShardRows();
    rows.put("S1", 100);
    rows.remove("S1");
    assertEquals(List.of(), days(rows));
    rows.put("S1", 101);
    assertEquals(List.of(101L), days(rows));
  }

  @Test
  void put_manyKeysPastSeveralGrowths_everyKeyKeptOnceAndRemovalsHonoured() {
    OtherShardRows rows = new OtherShardRows();
    for (int i = 0; i < 20_000; i++) {
      rows.put("S" + i, i);
    }
    for (int i = 0; i < 20_000; i += 2) {
      rows.remove("S" + i);
    }
    for (int i = 0; i < 20_000; i += 4) {
      rows.put("S" + i, i);
    }
    List<Long> expected = new ArrayList<>();
    for (long i = 0; i < 20_000; i++) {
      if (i % 2 == 1 || i % 4 == 0) {
        expected.add(i);
      }
    }
    assertEquals(expected, days(rows));
  }

  @Test
  void fingerprint_idsDifferingInTheLastCharacter_differInTheLowBits() {
    long a = OtherShardRows.fingerprint("S00000001");
    long b = OtherShardRows.fingerprint("S00000002");
    assertNotEquals(a & 0xffff, b & 0xffff);
    assertEquals(a, OtherShardRows.fingerprint("S00000001"));
  }
}
