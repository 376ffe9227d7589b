package org.recoveryreview.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.recoveryreview.model.FileKind;

class LatestTest {
  @Test
  void keptValues_supersededAndOtherShardVersions_latestOwnVersionPerKeyInFirstSeenOrder() {
    Ledger ledger = new Ledger();
    int file = ledger.addFile("goals.csv", FileKind.GOALS);
    // The key is the first letter; a value ending in "!" is another shard's row.
    Latest<String> latest =
        new Latest<>(
            ledger,
            (a, b) -> List.of("value"),
            v -> v.substring(0, 1),
            v -> !v.endsWith("!"),
            v -> OtherShardRows.NO_DAY);

    latest.offer("a1", file, 2);
    latest.offer("b1", file, 3);
    latest.offer("c1", file, 4);
    latest.offer("a2", file, 5);
    latest.offer("b2!", file, 6);

    assertEquals(List.of("a2", "c1"), latest.keptValues());
  }
}
