package org.recoveryreview.report;

import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.PdfStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * The CIDs present in an embedded font program, for the font descriptor's CIDSet. OpenPDF 2.0.5
 * lists only the glyphs the text uses, but its subsets keep every glyph slot (empty ones included)
 * and add the parts of composite glyphs; PDF/UA-1 (ISO 32000-1 via veraPDF rule 7.21.4.2) wants the
 * CIDSet to list every CID the program holds, used or not.
 */
final class CidSets {
  private CidSets() {}

  private static final PdfName CFF_CID = new PdfName("CIDFontType0C");

  // The CIDs of a TrueType subset by the tables OpenPDF copies unchanged from the whole font. Its
  // subsets keep every glyph slot, so maxp's glyph count, and so the CIDs, are the whole font's:
  // the same for every document, where inflating each program again took 2-3% of the reviews
  // stage (JFR). A handful of fonts per process.
  private static final ConcurrentMap<String, Optional<BitSet>> TRUE_TYPE =
      new ConcurrentHashMap<>();

  /**
   * The compressed bytes of a font file stream as OpenPDF writes it (TrueType /FontFile2 with
   * /Length1, or a CID-keyed CFF /FontFile3); empty for any other stream.
   */
  static Optional<byte[]> program(PdfStream stream) {
    if (!isTrueType(stream) && !CFF_CID.equals(stream.getAsName(PdfName.SUBTYPE))) {
      return Optional.empty();
    }
    try {
      // A compressed stream keeps its bytes where only writeContent reaches them.
      ByteArrayOutputStream raw = new ByteArrayOutputStream();
      stream.writeContent(raw);
      return Optional.of(raw.toByteArray());
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /**
   * The CIDs of a font file stream whose compressed {@link #program} is {@code compressed}; empty
   * for a program it cannot read. The result is shared: callers must not change it.
   */
  static Optional<BitSet> of(PdfStream fontFile, byte[] compressed) {
    try {
      if (!isTrueType(fontFile)) {
        return cff(PdfReader.FlateDecode(compressed));
      }
      Optional<String> font = copiedTables(compressed);
      if (font.isEmpty()) {
        return trueType(PdfReader.FlateDecode(compressed));
      }
      return TRUE_TYPE.computeIfAbsent(
          font.get(), k -> trueType(PdfReader.FlateDecode(compressed)));
    } catch (RuntimeException e) {
      // A program this cannot parse keeps OpenPDF's own CIDSet.
      return Optional.empty();
    }
  }

  /** {@link #of(PdfStream, byte[])} for any stream: empty when it is no font program. */
  static Optional<BitSet> of(PdfStream fontFile) {
    return program(fontFile).flatMap(compressed -> of(fontFile, compressed));
  }

  private static boolean isTrueType(PdfStream fontFile) {
    return fontFile.get(PdfName.LENGTH1) != null;
  }

  /**
   * What identifies the whole font of a compressed TrueType subset: the tag, checksum and length of
   * each table OpenPDF copies unchanged (all but glyf and loca, which it rebuilds), read from the
   * table directory at the start of the program, so only those bytes are inflated. Empty when the
   * directory cannot be read.
   */
  static Optional<String> copiedTables(byte[] compressed) {
    Inflater inflater = new Inflater();
    try {
      inflater.setInput(compressed);
      byte[] head = inflate(inflater, 12);
      int tables = u16(head, 4);
      if (tables == 0 || tables > 64) {
        return Optional.empty();
      }
      byte[] directory = inflate(inflater, 16 * tables);
      HexFormat hex = HexFormat.of();
      StringBuilder key = new StringBuilder();
      for (int t = 0; t < tables; t++) {
        int rec = 16 * t;
        String tag = new String(directory, rec, 4, StandardCharsets.ISO_8859_1);
        if (!tag.equals("glyf") && !tag.equals("loca")) {
          // Tag, checksum; the offset (rec + 8) moves with the glyphs kept; the length.
          key.append(hex.formatHex(directory, rec, rec + 8))
              .append(hex.formatHex(directory, rec + 12, rec + 16))
              .append(';');
        }
      }
      return Optional.of(key.toString());
    } catch (DataFormatException | RuntimeException e) {
      return Optional.empty();
    } finally {
      inflater.end();
    }
  }

  /** The next {@code n} inflated bytes; fails when the stream ends first. */
  private static byte[] inflate(Inflater inflater, int n) throws DataFormatException {
    byte[] out = new byte[n];
    int got = 0;
    while (got < n) {
      int k = inflater.inflate(out, got, n - got);
      if (k == 0 && (inflater.finished() || inflater.needsInput() || inflater.needsDictionary())) {
        throw new DataFormatException("the program ends within its table directory");
      }
      got += k;
    }
    return out;
  }

  /** The CIDSet stream's bytes: one bit per CID, high bit first. */
  static byte[] bits(BitSet cids) {
    byte[] out = new byte[Math.max(1, (cids.length() + 7) / 8)];
    // By runs, whole bytes at once: a CJK font's set is tens of thousands of CIDs in a few runs.
    for (int from = cids.nextSetBit(0); from >= 0; from = cids.nextSetBit(from)) {
      int to = cids.nextClearBit(from);
      int c = from;
      for (; c < to && c % 8 != 0; c++) {
        out[c / 8] |= (byte) (0x80 >>> (c % 8));
      }
      if (to - c >= 8) {
        Arrays.fill(out, c / 8, to / 8, (byte) 0xFF);
        c = to - to % 8;
      }
      for (; c < to; c++) {
        out[c / 8] |= (byte) (0x80 >>> (c % 8));
      }
      from = to;
    }
    return out;
  }

  /** TrueType with an identity CID-to-GID map: every glyph index below maxp's numGlyphs. */
  static Optional<BitSet> trueType(byte[] f) {
    int tables = u16(f, 4);
    for (int t = 0; t < tables; t++) {
      int rec = 12 + 16 * t;
      if (f[rec] == 'm' && f[rec + 1] == 'a' && f[rec + 2] == 'x' && f[rec + 3] == 'p') {
        int numGlyphs = u16(f, (int) u32(f, rec + 8) + 4);
        BitSet all = new BitSet(numGlyphs);
        all.set(0, numGlyphs);
        return Optional.of(all);
      }
    }
    return Optional.empty();
  }

  /** A CID-keyed CFF: CID 0 and the CIDs its charset gives the glyphs. */
  static Optional<BitSet> cff(byte[] f) {
    int nameIndex = f[2] & 0xff;
    int topIndex = skipIndex(f, nameIndex);
    int[] top = firstEntry(f, topIndex);
    int charStrings = -1;
    int charset = 0;
    int p = top[0];
    int operands = 0;
    long last = 0;
    while (p < top[1]) {
      int b = f[p] & 0xff;
      if (b <= 21) {
        int op = b == 12 ? 1200 + (f[p + 1] & 0xff) : b;
        p += b == 12 ? 2 : 1;
        if (op == 17) {
          charStrings = (int) last;
        } else if (op == 15) {
          charset = (int) last;
        }
        operands = 0;
        continue;
      }
      long[] v = operand(f, p);
      last = v[0];
      p = (int) v[1];
      operands++;
    }
    if (charStrings < 0 || charset <= 2) {
      return Optional.empty();
    }
    int glyphs = u16(f, charStrings);
    BitSet cids = new BitSet();
    cids.set(0);
    int format = f[charset] & 0xff;
    int q = charset + 1;
    int seen = 1;
    while (seen < glyphs) {
      if (format == 0) {
        cids.set(u16(f, q));
        q += 2;
        seen++;
      } else {
        int first = u16(f, q);
        int left = format == 1 ? f[q + 2] & 0xff : u16(f, q + 2);
        q += format == 1 ? 3 : 4;
        cids.set(first, first + left + 1);
        seen += left + 1;
      }
    }
    return operands >= 0 ? Optional.of(cids) : Optional.empty();
  }

  /** A DICT operand at {@code p}: its value (0 for reals, unused here) and the next position. */
  private static long[] operand(byte[] f, int p) {
    int b = f[p] & 0xff;
    if (b >= 32 && b <= 246) {
      return new long[] {b - 139, p + 1};
    }
    if (b >= 247 && b <= 250) {
      return new long[] {(b - 247) * 256L + (f[p + 1] & 0xff) + 108, p + 2};
    }
    if (b >= 251 && b <= 254) {
      return new long[] {-(b - 251) * 256L - (f[p + 1] & 0xff) - 108, p + 2};
    }
    if (b == 28) {
      return new long[] {(short) u16(f, p + 1), p + 3};
    }
    if (b == 29) {
      return new long[] {(int) u32(f, p + 1), p + 5};
    }
    // 30: a real, nibbles up to an 0xf nibble.
    int q = p + 1;
    while ((f[q] & 0x0f) != 0x0f && (f[q] & 0xf0) != 0xf0) {
      q++;
    }
    return new long[] {0, q + 1};
  }

  private static int skipIndex(byte[] f, int at) {
    int count = u16(f, at);
    if (count == 0) {
      return at + 2;
    }
    int offSize = f[at + 2] & 0xff;
    int offsets = at + 3;
    int dataStart = offsets + (count + 1) * offSize - 1;
    return dataStart + offset(f, offsets + count * offSize, offSize);
  }

  private static int[] firstEntry(byte[] f, int at) {
    int offSize = f[at + 2] & 0xff;
    int offsets = at + 3;
    int count = u16(f, at);
    int dataStart = offsets + (count + 1) * offSize - 1;
    return new int[] {
      dataStart + offset(f, offsets, offSize), dataStart + offset(f, offsets + offSize, offSize)
    };
  }

  private static int offset(byte[] f, int at, int size) {
    int v = 0;
    for (int i = 0; i < size; i++) {
      v = (v << 8) | (f[at + i] & 0xff);
    }
    return v;
  }

  private static int u16(byte[] f, int at) {
    return ((f[at] & 0xff) << 8) | (f[at + 1] & 0xff);
  }

  private static long u32(byte[] f, int at) {
    return ((long) u16(f, at) << 16) | u16(f, at + 2);
  }
}
