package org.recoveryreview.ingest;

/**
 * An open-addressing map from a row key to a non-negative int. A HashMap of boxed Integers costs
 * about 35 bytes per entry more, which matters at millions of session keys.
 */
final class KeyIndex {
  private String[] keys = new String[1 << 10];
  // Mixed hashes kept beside the keys so probing compares ints, not strings.
  private int[] hashes = new int[1 << 10];
  private int[] values = new int[1 << 10];
  private int size;

  /** The value stored for {@code key}, or -1. */
  int get(String key) {
    int h = spread(key.hashCode());
    int mask = keys.length - 1;
    for (int i = h & mask; ; i = (i + 1) & mask) {
      String k = keys[i];
      if (k == null) {
        return -1;
      }
      if (hashes[i] == h && k.equals(key)) {
        return values[i];
      }
    }
  }

  /** Stores {@code value} for a key that is not present yet. */
  void putNew(String key, int value) {
    if (2 * (size + 1) > keys.length) {
      grow();
    }
    insert(key, spread(key.hashCode()), value);
    size++;
  }

  private void grow() {
    String[] oldKeys = keys;
    int[] oldHashes = hashes;
    int[] oldValues = values;
    keys = new String[oldKeys.length * 2];
    hashes = new int[oldKeys.length * 2];
    values = new int[oldKeys.length * 2];
    for (int i = 0; i < oldKeys.length; i++) {
      if (oldKeys[i] != null) {
        insert(oldKeys[i], oldHashes[i], oldValues[i]);
      }
    }
  }

  private void insert(String key, int hash, int value) {
    int mask = keys.length - 1;
    int i = hash & mask;
    while (keys[i] != null) {
      i = (i + 1) & mask;
    }
    keys[i] = key;
    hashes[i] = hash;
    values[i] = value;
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
