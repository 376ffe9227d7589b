package org.recoveryreview.ingest;

/**
 * An open-addressing map from a row key to a non-negative int. A HashMap of boxed Integers costs
 * about 50 bytes per entry more, which matters at millions of session keys.
 */
final class KeyIndex {
  private String[] keys = new String[1 << 10];
  private int[] values = new int[1 << 10];
  private int size;

  /** The value stored for {@code key}, or -1. */
  int get(String key) {
    int mask = keys.length - 1;
    for (int i = spread(key.hashCode()) & mask; ; i = (i + 1) & mask) {
      String k = keys[i];
      if (k == null) {
        return -1;
      }
      if (k.equals(key)) {
        return values[i];
      }
    }
  }

  /** Stores {@code value} for a key that is not present yet. */
  void putNew(String key, int value) {
    if (2 * (size + 1) > keys.length) {
      grow();
    }
    insert(keys, values, key, value);
    size++;
  }

  private void grow() {
    String[] newKeys = new String[keys.length * 2];
    int[] newValues = new int[keys.length * 2];
    for (int i = 0; i < keys.length; i++) {
      if (keys[i] != null) {
        insert(newKeys, newValues, keys[i], values[i]);
      }
    }
    keys = newKeys;
    values = newValues;
  }

  private static void insert(String[] keys, int[] values, String key, int value) {
    int mask = keys.length - 1;
    int i = spread(key.hashCode()) & mask;
    while (keys[i] != null) {
      i = (i + 1) & mask;
    }
    keys[i] = key;
    values[i] = value;
  }

  private static int spread(int h) {
    h *= 0x9E3779B9;
    return h ^ (h >>> 16);
  }
}
