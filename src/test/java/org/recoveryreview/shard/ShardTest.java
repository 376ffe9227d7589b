package org.recoveryreview.shard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.recoveryreview.model.ExitCode;
import org.recoveryreview.model.JobFailure;

/** The shard assignment rule and the {@code --shard} syntax. */
class ShardTest {

  // Pinned with an independent implementation (Python: int.from_bytes(sha256(id.encode())
  // .digest()[:8], "big")), so a change of the rule, of the byte order or of the charset fails.
  @Test
  void hash_knownIds_matchFirstEightBytesOfSha256Unsigned() {
    assertEquals("12001574669781089224", Long.toUnsignedString(Shard.hash("P00001")));
    assertEquals("15501663269793096879", Long.toUnsignedString(Shard.hash("P00002")));
    assertEquals("5095425418962714264", Long.toUnsignedString(Shard.hash("P0042")));
    assertEquals("12464127362286361849", Long.toUnsignedString(Shard.hash("王小明")));
  }

  @Test
  void of_hashAboveLongMax_usesUnsignedRemainder() {
    // 12001574669781089224 is above Long.MAX_VALUE: a signed % would give another shard.
    assertEquals(1, Shard.of("P00001", 3));
    assertEquals(0, Shard.of("P00001", 4));
    assertEquals(3, Shard.of("P00002", 4));
    assertEquals(1, Shard.of("王小明", 3));
    assertEquals(0, Shard.of("anything", 1));
  }

  @Test
  void rowFilter_askedPerRow_answersAsOwns() {
    Shard shard = new Shard(1, 3);
    var filter = shard.rowFilter();
    for (int i = 0; i < 200; i++) {
      String id = "P" + i;
      assertEquals(shard.owns(id), filter.test(id), id);
      assertEquals(shard.owns(id), filter.test(id), id + " asked again");
    }
  }

  @Test
  void owns_everyPatient_exactlyOneShard() {
    List<Integer> counts = new ArrayList<>(List.of(0, 0, 0, 0));
    for (int i = 0; i < 4000; i++) {
      String id = "P" + i;
      int owners = 0;
      for (int s = 0; s < 4; s++) {
        if (new Shard(s, 4).owns(id)) {
          owners++;
          counts.set(s, counts.get(s) + 1);
        }
      }
      assertEquals(1, owners, id);
    }
    // Roughly even: each of 4 shards gets 1000 ± 15%.
    counts.forEach(c -> assertTrue(c > 850 && c < 1150, counts.toString()));
  }

  @Test
  void parse_validForms_giveIndexAndCount() {
    assertEquals(new Shard(0, 1), Shard.parse("0/1"));
    assertEquals(new Shard(2, 3), Shard.parse("2/3"));
    assertEquals(new Shard(7, 8), Shard.parse(" 7/8 "));
    assertEquals("shard-2-of-3", Shard.parse("2/3").label());
  }

  @ParameterizedTest
  @ValueSource(strings = {"3/3", "-1/2", "a/b", "1", "0/0", "1/2/3", "", "0 / 2", "+1/2", "1/-2"})
  void parse_badForms_usageErrorSayingWhatIsAllowed(String spec) {
    JobFailure e = assertThrows(JobFailure.class, () -> Shard.parse(spec));
    assertEquals(ExitCode.USAGE, e.exitCode());
    assertTrue(e.getMessage().contains("'" + spec + "'"), e.getMessage());
    assertTrue(e.getMessage().contains("i/N with 0 <= i < N"), e.getMessage());
  }

  @Test
  void constructor_indexOutOfRange_refused() {
    assertThrows(IllegalArgumentException.class, () -> new Shard(2, 2));
    assertThrows(IllegalArgumentException.class, () -> new Shard(-1, 2));
    assertFalse(new Shard(0, 2).owns("P00001") == new Shard(1, 2).owns("P00001"));
  }
}
