package org.recoveryreview.report;

import com.lowagie.text.pdf.PdfDictionary;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfObject;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import org.recoveryreview.model.Hashing;

/**
 * Makes the random parts of OpenPDF's output a function of the document's content, so the same
 * inputs give byte-identical PDFs: OpenPDF 2.0.5 names font subsets at random and builds the
 * trailer's /ID from the clock, with no API to set either. Subset names are replaced as the font
 * dictionaries are written ({@link Subsets}); the /ID, fixed-length, is rewritten in place once the
 * document is complete, so no offset in the cross-reference table moves.
 */
final class Reproducible {
  private Reproducible() {}

  private static final byte[] ID_KEY = ascii("/ID [<");
  private static final int PREFIX = 6;
  private static final int ID_HEX = 32;

  /** Rewrites the finished {@code pdf}'s /ID in place and returns it. */
  static byte[] fix(byte[] pdf) {
    fixId(pdf);
    return pdf;
  }

  /**
   * One document's subset names: replaces each subset prefix ("ABCDEF+" before a font name) by one
   * derived from the font name and the subset's program, so distinct subsets get distinct names
   * here and in any document that later imports them (a therapist's bundle of reviews), as ISO
   * 32000 asks. OpenPDF writes a subset's program just before its descriptor, so the program
   * offered last names the next new prefix; without one the subset's order among the font's stands
   * in. Not thread-safe: one per document.
   */
  static final class Subsets {
    private static final PdfName[] KEYS = {PdfName.BASEFONT, PdfName.FONTNAME};
    // OpenPDF's random prefix -> ours.
    private final Map<String, String> renamed = new HashMap<>();
    private final Map<String, Integer> perFont = new HashMap<>();
    private Optional<String> program = Optional.empty();

    /** The font program about to be described: its compressed bytes name its subset. */
    void program(byte[] compressed) {
      program = Optional.of(Hashing.sha256Hex(compressed));
    }

    /** Renames the subset in a font, CID font or font descriptor dictionary about to be written. */
    void rename(PdfObject object) {
      if (!(object instanceof PdfDictionary d)) {
        return;
      }
      for (PdfName key : KEYS) {
        if (d.get(key) instanceof PdfName name) {
          rename(d, key, name.getBytes());
        }
      }
    }

    private void rename(PdfDictionary d, PdfName key, byte[] name) {
      // name is the written form, "/ABCDEF+Font".
      if (!isPrefix(name, 1)) {
        return;
      }
      String prefix = new String(name, 1, PREFIX, StandardCharsets.ISO_8859_1);
      if (renamed.containsValue(prefix)) {
        return; // offered twice: already ours
      }
      String replacement =
          renamed.computeIfAbsent(
              prefix,
              p -> {
                String font = nameAt(name, PREFIX + 2);
                String subset =
                    program.orElseGet(() -> String.valueOf(perFont.merge(font, 1, Integer::sum)));
                program = Optional.empty();
                return new String(
                    letters(sha256(font + "#" + subset)), StandardCharsets.ISO_8859_1);
              });
      byte[] out = name.clone();
      System.arraycopy(replacement.getBytes(StandardCharsets.ISO_8859_1), 0, out, 1, PREFIX);
      d.put(key, new PdfName(out));
    }
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
