package com.lowagie.text.pdf;

import com.lowagie.text.DocumentException;
import java.io.IOException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.WeakHashMap;
import org.jspecify.annotations.Nullable;

/**
 * OpenPDF's Unicode TrueType/OpenType font, sharing across documents what OpenPDF 2.0.5 redoes for
 * each: an OpenType-CFF face's table, and a TrueType face's compressed subset programs.
 *
 * <p>OpenPDF copies the whole CFF table (about 16 MB for a Noto Sans CJK face) into a new array
 * every time a document embeds the face's subset ({@code TrueTypeFont.readCffFont}, called from
 * {@code TrueTypeFontUnicode.writeFont}), which was most of a CJK review's allocation. The
 * subsetter only reads that array ({@code new RandomAccessFileOrArray(byte[])} wraps it without a
 * copy), so one array serves every document and thread.
 *
 * <p>A TrueType subset's program is a function of the glyphs the document uses, and OpenPDF builds
 * and deflates it (66 KB for DejaVu Sans: its subsets keep every glyph slot) for each document:
 * about 2 ms, a quarter of the rendering threads' time. A third of the reviews and handouts use a
 * set of glyphs an earlier document used, so the compressed programs of recent sets are kept and
 * written again. Either way the embedded bytes are those OpenPDF writes. It lives in OpenPDF's
 * package because that font class and its constructor are package-private; {@code
 * report.ReportFonts} is its only user.
 */
public final class SharedFont extends TrueTypeFontUnicode {
  /**
   * CFF tables by the font file's bytes (by identity) and the table's offset and length: the faces
   * of one collection (Noto Sans CJK's Japanese, Korean and Chinese) share one 15 MB table.
   */
  private static final Map<byte[], Map<Long, byte[]>> TABLES = new WeakHashMap<>();

  // Compressed TrueType programs kept per face: about 22 KB each for DejaVu Sans, so 24 MB for
  // the two faces a review uses. At 1,000 patients this keeps 29% of the reviews' and handouts'
  // programs against 30% for an unbounded cache; 300 entries would keep 20%.
  private static final int PROGRAM_BYTES = 12 << 20;

  /**
   * The private methods of OpenPDF's font class that {@link #writeFont} calls as OpenPDF does; null
   * when a later OpenPDF no longer has them, and then OpenPDF writes every subset itself.
   */
  private static final @Nullable Internals OPENPDF = Internals.find();

  /** OpenPDF 2.0.5's private steps of writing a Unicode TrueType font. */
  private record Internals(
      MethodHandle cidFontType2, MethodHandle toUnicode, MethodHandle baseType) {
    static @Nullable Internals find() {
      try {
        MethodHandles.Lookup own =
            MethodHandles.privateLookupIn(TrueTypeFontUnicode.class, MethodHandles.lookup());
        return new Internals(
            own.findVirtual(
                TrueTypeFontUnicode.class,
                "getCIDFontType2",
                MethodType.methodType(
                    PdfDictionary.class, PdfIndirectReference.class, String.class, int[][].class)),
            own.findVirtual(
                TrueTypeFontUnicode.class,
                "getToUnicode",
                MethodType.methodType(PdfStream.class, int[][].class)),
            own.findVirtual(
                TrueTypeFontUnicode.class,
                "getFontBaseType",
                MethodType.methodType(
                    PdfDictionary.class,
                    PdfIndirectReference.class,
                    String.class,
                    PdfIndirectReference.class)));
      } catch (ReflectiveOperationException | RuntimeException e) {
        return null;
      }
    }
  }

  /** The whole font file, which the CFF table cache is keyed by. */
  private final byte[] file;

  /** This face's CFF table once read; then only read. */
  private volatile byte[] cffTable;

  /** Compressed subset programs by the glyphs they hold, least recently used first. */
  private final LinkedHashMap<String, Program> programs = new LinkedHashMap<>(64, 0.75f, true);

  private long programBytes;
  private final long programBudget;

  /** A compressed subset program and its length before compression. */
  private record Program(byte[] compressed, int length) {}

  private SharedFont(String name, byte[] bytes, long programBudget)
      throws DocumentException, IOException {
    super(name, BaseFont.IDENTITY_H, true, bytes, false);
    this.file = bytes;
    this.programBudget = programBudget;
  }

  /**
   * What {@code BaseFont.createFont(name, IDENTITY_H, true, false, bytes, null)} makes for a
   * TrueType, OpenType or collection face ({@code name} ends in .ttf, .otf or .ttc,N), uncached;
   * faces made from the same {@code bytes} array share their CFF table when it is the same.
   */
  public static BaseFont create(String name, byte[] bytes) throws DocumentException, IOException {
    return create(name, bytes, PROGRAM_BYTES);
  }

  /**
   * As {@link #create(String, byte[])}, keeping at most {@code programBudget} bytes of programs.
   */
  static BaseFont create(String name, byte[] bytes, long programBudget)
      throws DocumentException, IOException {
    BaseFont font = new SharedFont(name, bytes, programBudget);
    LayoutProcessor.loadFont(font, name);
    return font;
  }

  @Override
  protected byte[] readCffFont() throws IOException {
    byte[] table = cffTable;
    if (table != null) {
      return table;
    }
    synchronized (TABLES) {
      if (cffTable == null) {
        Map<Long, byte[]> ofFile = TABLES.computeIfAbsent(file, f -> new HashMap<>());
        long where = ((long) cffOffset << 32) | (cffLength & 0xFFFFFFFFL);
        byte[] read = ofFile.get(where);
        if (read == null) {
          read = super.readCffFont();
          ofFile.put(where, read);
        }
        cffTable = read;
      }
      return cffTable;
    }
  }

  /**
   * {@code TrueTypeFontUnicode.writeFont} of OpenPDF 2.0.5, step for step, but for a TrueType
   * subset's program, which is taken from the programs kept when one holds the same glyphs. Any
   * other case (a CFF face, a font not subset or subset by ranges, an OpenPDF without those private
   * methods) is OpenPDF's own.
   */
  @Override
  @SuppressWarnings("unchecked")
  void writeFont(PdfWriter writer, PdfIndirectReference ref, Object[] params)
      throws DocumentException, IOException {
    Internals openPdf = OPENPDF;
    if (openPdf == null || cff || !subset || subsetRanges != null) {
      super.writeFont(writer, ref, params);
      return;
    }
    HashMap<Integer, int[]> longTag = (HashMap<Integer, int[]>) params[0];
    Map<Integer, int[]> fillerCmap = (Map<Integer, int[]>) params[2];
    addRangeUni(longTag, true, subset);
    int[][] metrics = longTag.values().toArray(new int[0][]);
    Arrays.sort(metrics, this);
    PdfIndirectReference cidset = null;
    if (includeCidSet
        || writer.getPDFXConformance() == PdfWriter.PDFA1A
        || writer.getPDFXConformance() == PdfWriter.PDFA1B) {
      cidset = writer.addToBody(cidSet(metrics)).getIndirectReference();
    }
    PdfIndirectReference indFont = writer.addToBody(program(longTag)).getIndirectReference();
    String subsetPrefix = createSubsetPrefix();
    PdfDictionary dic = getFontDescriptor(indFont, subsetPrefix, cidset);
    indFont = writer.addToBody(dic).getIndirectReference();
    PdfObject cidFont = (PdfObject) call(openPdf.cidFontType2(), indFont, subsetPrefix, metrics);
    indFont = writer.addToBody(cidFont).getIndirectReference();
    PdfObject toUnicode =
        (PdfObject)
            call(openPdf.toUnicode(), (Object) mergeMetricsAndFillerCmap(metrics, fillerCmap));
    PdfIndirectReference toUnicodeRef = null;
    if (toUnicode != null) {
      toUnicodeRef = writer.addToBody(toUnicode).getIndirectReference();
    }
    writer.addToBody(
        (PdfObject) call(openPdf.baseType(), indFont, subsetPrefix, toUnicodeRef), ref);
  }

  /** OpenPDF's CIDSet: one bit per glyph used, high bit first. */
  private PdfStream cidSet(int[][] metrics) {
    if (metrics.length == 0) {
      return new PdfStream(new byte[] {(byte) 0x80});
    }
    int top = metrics[metrics.length - 1][0];
    byte[] bt = new byte[top / 8 + 1];
    for (int[] metric : metrics) {
      int v = metric[0];
      bt[v / 8] |= (byte) (0x80 >>> (v % 8));
    }
    PdfStream stream = new PdfStream(bt);
    stream.flateCompress(compressionLevel);
    return stream;
  }

  /**
   * The font file stream OpenPDF writes for the subset of {@code longTag}'s glyphs: its {@code
   * StreamFont}, or the same dictionary and bytes from a program kept.
   */
  private PdfStream program(HashMap<Integer, int[]> longTag) throws IOException, DocumentException {
    String glyphs = glyphs(longTag);
    Program kept;
    synchronized (programs) {
      kept = programs.get(glyphs);
    }
    if (kept != null) {
      return new KeptProgram(kept);
    }
    byte[] b =
        new TrueTypeFontSubSet(
                fileName, new RandomAccessFileOrArray(rf), longTag, directoryOffset, false, false)
            .process();
    StreamFont made = new StreamFont(b, new int[] {b.length}, compressionLevel);
    keep(glyphs, new Program(compressed(made), b.length));
    return made;
  }

  private void keep(String glyphs, Program program) {
    synchronized (programs) {
      if (programs.put(glyphs, program) == null) {
        programBytes += program.compressed().length;
      }
      var eldest = programs.entrySet().iterator();
      while (programBytes > programBudget && eldest.hasNext()) {
        programBytes -= eldest.next().getValue().compressed().length;
        eldest.remove();
      }
    }
  }

  /** The bytes of the compressed programs kept, for tests. */
  long keptProgramBytes() {
    synchronized (programs) {
      return programBytes;
    }
  }

  /** The glyph ids, sorted, one char each (TrueType has at most 65,535 glyphs). */
  private static String glyphs(Map<Integer, int[]> longTag) {
    char[] ids = new char[longTag.size()];
    int i = 0;
    for (Integer g : longTag.keySet()) {
      ids[i++] = (char) g.intValue();
    }
    Arrays.sort(ids);
    return new String(ids);
  }

  private static byte[] compressed(PdfStream stream) throws IOException {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    stream.writeContent(out);
    return out.toByteArray();
  }

  /** Calls one of OpenPDF's private methods on this font. */
  private @Nullable Object call(MethodHandle method, @Nullable Object... args) {
    try {
      return method.bindTo(this).invokeWithArguments(args);
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Throwable e) {
      throw new com.lowagie.text.ExceptionConverter(new Exception(e));
    }
  }

  /** A kept program as OpenPDF's {@code StreamFont} would write it: the same keys and bytes. */
  private static final class KeptProgram extends PdfStream {
    KeptProgram(Program p) {
      bytes = p.compressed();
      put(PdfName.LENGTH, new PdfNumber(p.compressed().length));
      put(PdfName.LENGTH1, new PdfNumber(p.length()));
      put(PdfName.FILTER, PdfName.FLATEDECODE);
      compressed = true;
    }
  }
}
