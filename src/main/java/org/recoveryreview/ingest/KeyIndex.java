package org.recoveryreview.ingest;

/**
 * An open-addressing map from a row key to a non-negative int, for millions of session keys. Each
 * slot is a (hash, value) pair of ints in one array, so a probe touches one cache line; the key
 * itself is not stored but looked up from the value by the caller, and compared only when the full
 * 32-bit hashes match. A HashMap of boxed Integers costs about 60 bytes per entry more.
 */
final class KeyIndex {
  /** The key stored under a value. */
  interface Keys {
    String keyOf(int value);
  }

  private final Keys keys;
  // slots[2i] = mixed hash, slots[2i+1] = value + 1 (0 marks an empty slot).
  private int[] slots = new int[2 << 10];
  private int size;

  KeyIndex(Keys keys) {
    this.keys = keys;
  }

  /**
   * The value stored for {@code key}; when there is none, stores {@code value} for it and returns
   * -1.
   */
  int putIfAbsent(String key, int value) {
    if (2 * (size + 1) > slots.length / 2) {
      grow();
    }
    return probe(key, value);
  }

  /** The value stored for {@code key}, or -1 when there is none. */
  int get(String key) {
    int h = spread(key.hashCode());
    int mask = slots.length / 2 - 1;
    for (int i = h & mask; ; i = (i + 1) & mask) {
      int v = slots[2 * i + 1];
      if (v == 0) {
        return -1;
      }
      if (slots[2 * i] == h && keys.keyOf(v - 1).equals(key)) {
        return v - 1;
      }
    }
  }

  /** Makes room for {@code extra} more keys at once, so a big file grows the table only once. */
  void ensureRoom(int extra) {
    while (2 * ((long) size + extra) > slots.length / 2 && slots.length < (1 << 30)) {
      grow();
    }
  }

  private int probe(String key, int value) {
    int h = spread(key.hashCode());
    int mask = slots.length / 2 - 1;
    for (int i = h & mask; ; i = (i + 1) & mask) {
      int v = slots[2 * i + 1];
      if (v == 0) {
        slots[2 * i] = h;
        slots[2 * i + 1] = value + 1;
        size++;
        return -1;
      }
      if (slots[2 * i] == h && keys.keyOf(v - 1).equals(key)) {
        return v - 1;
      }
    }
  }

  private void grow() {
    int[] old = slots;
    slots = new int[old.length * 2];
    int mask = slots.length / 2 - 1;
    for (int j = 0; j < old.length; j += 2) {
      if (old[j + 1] != 0) {
        int i = old[j] & mask;
        while (slots[2 * i + 1] != 0) {
          i = (i + 1) & mask;
        }
        slots[2 * i] = old[j];
        slots[2 * i + 1] = old[j + 1];
      }
    }
  }

  // Murmur3's finaliser: ids such as S00000001, S00000002 have hash codes that differ only in low
  // bits, which cluster under linear probing unless every bit is mixed.
  private static int spread(int h) {
    h ^= h >>> 16;
    h *= 0x85ebca6b;
    h ^= h >>> 13;
    h *= 0xc2b2ae35;
    return h ^ (h >>> 16);
  }
}
