package org.recoveryreview.report;

import com.lowagie.text.pdf.PdfWriter;
import com.lowagie.text.pdf.PdfWriter.PdfBody.PdfCrossReference;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Writes a document's cross-reference table without {@code String.format}: the same 20 bytes per
 * object that OpenPDF 2.0.5 writes, about 8% of a tagged review's render time less.
 *
 * <p>Why reflection: OpenPDF formats each entry with {@code String.format("%010d %05d %c \n")}
 * (JFR: 6.6% of the review threads' samples, 285 objects a review, tens of thousands a bundle), and
 * keeps the entries in a private field with no hook; newer versions that might have one need Java
 * 21. Just before the table is written, the entries are swapped for equal ones (same object number,
 * offset and generation, so the same order and bytes) whose {@code toPdf} writes the digits
 * directly. Should a later OpenPDF rename those fields, nothing is swapped and OpenPDF's own code
 * writes the table: the same bytes, only slower. {@code CrossReferencesTest} compares both.
 */
final class CrossReferences {
  private static final Optional<Fields> FIELDS = Fields.find();

  private CrossReferences() {}

  /** Swaps the body's entries for ones that format themselves quickly, if OpenPDF allows. */
  static boolean formatQuickly(PdfWriter.PdfBody body) {
    return FIELDS.map(f -> f.swap(body)).orElse(false);
  }

  /** One entry, written as OpenPDF writes it: offset, generation, in use ('n') or free ('f'). */
  static final class Entry extends PdfCrossReference {
    private final long offset;
    private final int generation;

    Entry(int type, int refnum, long offset, int generation) {
      super(type, refnum, offset, generation);
      this.offset = offset;
      this.generation = generation;
    }

    @Override
    public void toPdf(OutputStream os) throws IOException {
      byte[] line = new byte[20];
      digits(line, 0, 10, offset);
      line[10] = ' ';
      digits(line, 11, 5, generation);
      line[16] = ' ';
      line[17] = (byte) (generation == PdfWriter.GENERATION_MAX ? 'f' : 'n');
      line[18] = ' ';
      line[19] = '\n';
      os.write(line);
    }

    // Zero-padded to width, as %010d and %05d pad every offset and generation a PDF can hold.
    private static void digits(byte[] into, int from, int width, long value) {
      long v = value;
      for (int i = from + width - 1; i >= from; i--) {
        into[i] = (byte) ('0' + v % 10);
        v /= 10;
      }
    }
  }

  /** OpenPDF's private fields this needs, looked up once. */
  private record Fields(Field xrefs, Field type, Field refnum, Field offset, Field generation) {
    static Optional<Fields> find() {
      try {
        Class<?> entry = PdfCrossReference.class;
        return Optional.of(
            new Fields(
                open(PdfWriter.PdfBody.class.getDeclaredField("xrefs")),
                open(entry.getDeclaredField("type")),
                open(entry.getDeclaredField("refnum")),
                open(entry.getDeclaredField("offset")),
                open(entry.getDeclaredField("generation"))));
      } catch (ReflectiveOperationException | RuntimeException e) {
        return Optional.empty();
      }
    }

    private static Field open(Field f) {
      f.setAccessible(true);
      return f;
    }

    boolean swap(PdfWriter.PdfBody body) {
      try {
        @SuppressWarnings("unchecked")
        TreeSet<PdfCrossReference> set = (TreeSet<PdfCrossReference>) xrefs.get(body);
        List<PdfCrossReference> quick = new ArrayList<>(set.size());
        for (PdfCrossReference e : set) {
          quick.add(
              e instanceof Entry
                  ? e
                  : new Entry(
                      type.getInt(e), refnum.getInt(e), offset.getLong(e), generation.getInt(e)));
        }
        // Equal object numbers compare equal, so the set keeps its order and size.
        set.clear();
        set.addAll(quick);
        return true;
      } catch (IllegalAccessException | RuntimeException e) {
        return false;
      }
    }
  }
}
