package org.recoveryreview.report;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import org.recoveryreview.model.Hashing;

/**
 * Makes the random parts of OpenPDF's output a function of the document's content, so the same
 * inputs give byte-identical PDFs: OpenPDF 2.0.5 names font subsets with {@code Math.random()} and
 * builds the trailer's /ID from the clock, with no API to set either. Both are fixed-length, so
 * they are rewritten in place and no offset in the cross-reference table moves.
 */
final class Reproducible {
  private Reproducible() {}

  private static final byte[][] FONT_KEYS = {ascii("/BaseFont/"), ascii("/FontName/")};
  private static final byte[] ID_KEY = ascii("/ID [<");
  private static final int PREFIX = 6;
  private static final int ID_HEX = 32;

  /** Rewrites {@code pdf} in place and returns it. */
  static byte[] fix(byte[] pdf) {
    renameSubsets(pdf);
    fixId(pdf);
    return pdf;
  }

  /**
   * Replaces each subset prefix ("ABCDEF+" before a font name) by one derived from the font name
   * and its order of appearance, so two subsets of one font in a document stay distinct.
   */
  private static void renameSubsets(byte[] pdf) {
    Map<String, byte[]> renamed = new HashMap<>();
    Map<String, Integer> perFont = new HashMap<>();
    // One pass looking for '/' (rare in compressed data) rather than one search per key.
    for (int i = 0; i < pdf.length - 1; i++) {
      if (pdf[i] != '/') {
        continue;
      }
      byte[] key = pdf[i + 1] == 'B' ? FONT_KEYS[0] : pdf[i + 1] == 'F' ? FONT_KEYS[1] : null;
      if (key == null || !startsWith(pdf, i, key)) {
        continue;
      }
      int p = i + key.length;
      if (isPrefix(pdf, p)) {
        String prefix = new String(pdf, p, PREFIX, StandardCharsets.ISO_8859_1);
        byte[] replacement = renamed.get(prefix);
        if (replacement == null) {
          String font = nameAt(pdf, p + PREFIX + 1);
          int n = perFont.merge(font, 1, Integer::sum);
          replacement = letters(sha256(font + "#" + n));
          renamed.put(prefix, replacement);
        }
        System.arraycopy(replacement, 0, pdf, p, PREFIX);
      }
    }
  }

  private static boolean startsWith(byte[] data, int at, byte[] key) {
    if (at + key.length > data.length) {
      return false;
    }
    for (int k = 0; k < key.length; k++) {
      if (data[at + k] != key[k]) {
        return false;
      }
    }
    return true;
  }

  /** The trailer's /ID: both halves become the MD5 of the document with the ID blanked. */
  private static void fixId(byte[] pdf) {
    int at = lastIndexOf(pdf, ID_KEY);
    if (at < 0) {
      return;
    }
    int first = at + ID_KEY.length;
    int second = first + ID_HEX + 2;
    if (second + ID_HEX > pdf.length || pdf[first + ID_HEX] != '>' || pdf[second - 1] != '<') {
      return;
    }
    for (int k = 0; k < ID_HEX; k++) {
      pdf[first + k] = '0';
      pdf[second + k] = '0';
    }
    byte[] hex = ascii(HexFormat.of().formatHex(digest("MD5", pdf)));
    System.arraycopy(hex, 0, pdf, first, ID_HEX);
    System.arraycopy(hex, 0, pdf, second, ID_HEX);
  }

  private static boolean isPrefix(byte[] pdf, int p) {
    if (p + PREFIX >= pdf.length || pdf[p + PREFIX] != '+') {
      return false;
    }
    for (int k = 0; k < PREFIX; k++) {
      if (pdf[p + k] < 'A' || pdf[p + k] > 'Z') {
        return false;
      }
    }
    return true;
  }

  private static String nameAt(byte[] pdf, int p) {
    int end = p;
    while (end < pdf.length && end - p < 127 && isNameChar(pdf[end])) {
      end++;
    }
    return new String(pdf, p, end - p, StandardCharsets.ISO_8859_1);
  }

  private static boolean isNameChar(byte b) {
    return b > ' ' && b != '/' && b != '[' && b != ']' && b != '<' && b != '>' && b != '('
        && b != ')';
  }

  private static byte[] letters(byte[] hash) {
    byte[] out = new byte[PREFIX];
    for (int k = 0; k < PREFIX; k++) {
      out[k] = (byte) ('A' + Math.floorMod(hash[k], 26));
    }
    return out;
  }

  private static byte[] sha256(String s) {
    return digest("SHA-256", s.getBytes(StandardCharsets.UTF_8));
  }

  private static byte[] digest(String algorithm, byte[] data) {
    return Hashing.digest(algorithm, data);
  }

  private static int lastIndexOf(byte[] data, byte[] key) {
    outer:
    for (int i = data.length - key.length; i >= 0; i--) {
      for (int k = 0; k < key.length; k++) {
        if (data[i + k] != key[k]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }
}
