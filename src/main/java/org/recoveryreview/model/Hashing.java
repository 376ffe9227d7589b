package org.recoveryreview.model;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The one place a message digest is created: SHA-256 for file and settings hashes, shard assignment
 * and short file-name hashes, and the digests the PDF identifiers need.
 */
public final class Hashing {
  private Hashing() {}

  /** A new SHA-256 digest, for hashing in blocks. */
  public static MessageDigest sha256() {
    return digest("SHA-256");
  }

  /** The SHA-256 of {@code data}. */
  public static byte[] sha256(byte[] data) {
    return sha256().digest(data);
  }

  /** The SHA-256 of {@code data} as lower-case hex. */
  public static String sha256Hex(byte[] data) {
    return HexFormat.of().formatHex(sha256(data));
  }

  /** The SHA-256 of {@code text}'s UTF-8 bytes as lower-case hex. */
  public static String sha256Hex(String text) {
    return sha256Hex(text.getBytes(StandardCharsets.UTF_8));
  }

  /** The {@code algorithm} digest (a name every Java runtime has, e.g. MD5) of {@code data}. */
  public static byte[] digest(String algorithm, byte[] data) {
    return digest(algorithm).digest(data);
  }

  private static MessageDigest digest(String algorithm) {
    try {
      return MessageDigest.getInstance(algorithm);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(algorithm + " is part of every Java runtime", e);
    }
  }
}
