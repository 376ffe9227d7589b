package org.recoveryreview.ingest;

import java.util.function.LongConsumer;

/**
 * The latest version of each row key whose row belongs to another shard's patient, reduced to what
 * the {@link org.recoveryreview.model.Coverage} needs: a 64-bit fingerprint of the key and the
 * row's date (or none, for a void or scheduled session). 12 bytes per slot, 16–24 bytes per row,
 * instead of the row's few hundred, which is what lets a shard's memory fall with the number of
 * shards.
 *
 * <p>Only the coverage dates rest on fingerprints; a patient's own rows are resolved by their full
 * keys. Two of 15 million distinct keys share a fingerprint with probability about 10⁻⁵, and even
 * then only if the rows' dates differ would a shard's coverage differ, which the merge detects.
 */
final class OtherShardRows {
  /** A row that counts in no coverage (a void or scheduled session, a goal review). */
  static final int NO_DAY = Integer.MIN_VALUE;

  // Open addressing on the fingerprint; 0 marks an empty slot (a zero fingerprint is stored as 1).
  private long[] prints = new long[1024];
  private int[] days = new int[1024];
  private int used;

  /** Records {@code epochDay} (or {@link #NO_DAY}) as the latest version of {@code key}. */
  void put(String key, int epochDay) {
    long f = fingerprint(key);
    if (epochDay == NO_DAY && used == 0) {
      return;
    }
    // Up to three quarters full: the fingerprints are well mixed, so probes stay short, and these
    // arrays are most of a shard's memory for the other shards' rows.
    if (4L * (used + 1) > 3L * prints.length) {
      grow();
    }
    int mask = prints.length - 1;
    for (int i = (int) f & mask; ; i = (i + 1) & mask) {
      if (prints[i] == f) {
        days[i] = epochDay;
        return;
      }
      if (prints[i] == 0) {
        if (epochDay != NO_DAY) {
          prints[i] = f;
          days[i] = epochDay;
          used++;
        }
        return;
      }
    }
  }

  /** Forgets {@code key}: its latest version is now one of this shard's patients' rows. */
  void remove(String key) {
    if (used == 0) {
      return;
    }
    long f = fingerprint(key);
    int mask = prints.length - 1;
    for (int i = (int) f & mask; prints[i] != 0; i = (i + 1) & mask) {
      if (prints[i] == f) {
        // Kept as a tombstone so later keys in the same probe run stay reachable.
        days[i] = NO_DAY;
        return;
      }
    }
  }

  /** Offers the date of every key's latest version that counts. */
  void forEachDay(LongConsumer consumer) {
    for (int i = 0; i < prints.length; i++) {
      if (prints[i] != 0 && days[i] != NO_DAY) {
        consumer.accept(days[i]);
      }
    }
  }

  private void grow() {
    long[] oldPrints = prints;
    int[] oldDays = days;
    prints = new long[oldPrints.length * 2];
    days = new int[oldPrints.length * 2];
    int mask = prints.length - 1;
    used = 0;
    for (int j = 0; j < oldPrints.length; j++) {
      if (oldPrints[j] != 0 && oldDays[j] != NO_DAY) {
        int i = (int) oldPrints[j] & mask;
        while (prints[i] != 0) {
          i = (i + 1) & mask;
        }
        prints[i] = oldPrints[j];
        days[i] = oldDays[j];
        used++;
      }
    }
  }

  // 64-bit FNV-1a over the key's UTF-16 code units (no byte array per row: this runs for millions
  // of rows), then SplitMix64's finaliser so every bit of the slot index depends on every
  // character (ids such as S00000001, S00000002 differ only at the end).
  static long fingerprint(String key) {
    long h = 0xcbf29ce484222325L;
    for (int i = 0; i < key.length(); i++) {
      h ^= key.charAt(i);
      h *= 0x100000001b3L;
    }
    h = (h ^ (h >>> 30)) * 0xbf58476d1ce4e5b9L;
    h = (h ^ (h >>> 27)) * 0x94d049bb133111ebL;
    h ^= h >>> 31;
    return h == 0 ? 1 : h;
  }
}
