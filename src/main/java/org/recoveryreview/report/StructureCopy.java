package org.recoveryreview.report;

import com.lowagie.text.pdf.PdfArray;
import com.lowagie.text.pdf.PdfDictionary;
import com.lowagie.text.pdf.PdfImportedPage;
import com.lowagie.text.pdf.PdfIndirectReference;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfNull;
import com.lowagie.text.pdf.PdfNumber;
import com.lowagie.text.pdf.PdfObject;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.PdfStructureElement;
import com.lowagie.text.pdf.PdfWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Carries a tagged review's structure tree into the bundle that shows its pages as imported page
 * XObjects, which OpenPDF's page import drops: each imported page gets a /StructParents key (set on
 * the source page's content stream, whose keys OpenPDF copies into the XObject), and each copied
 * element points at its marked content inside that XObject (/Stm), so the review's headings, tables
 * and figures stay tagged in the bundle.
 */
final class StructureCopy {
  private static final PdfName[] KEPT = {
    PdfName.A, PdfName.ALT, PdfName.ACTUALTEXT, PdfName.LANG, PdfName.E, PdfName.T
  };
  private static final PdfName STM = new PdfName("Stm");

  private final PdfWriter writer;
  private final PdfReader reader;
  private final Map<Integer, Integer> pageOfObject = new HashMap<>();
  private final Map<Integer, Placed> placed = new HashMap<>();

  /**
   * Where one source page went: the bundle page, its XObject (both null until it is imported) and
   * its parent-tree entry.
   */
  private record Placed(
      @Nullable PdfIndirectReference page,
      @Nullable PdfIndirectReference form,
      PdfIndirectReference parents,
      List<PdfObject> elements) {}

  StructureCopy(PdfWriter writer, PdfReader reader) {
    this.writer = writer;
    this.reader = reader;
    for (int p = 1; p <= reader.getNumberOfPages(); p++) {
      pageOfObject.put(reader.getPageOrigRef(p).getNumber(), p);
    }
  }

  /** Call before importing source page {@code page}: gives its XObject a parent-tree key. */
  void beforeImport(int page) {
    PdfIndirectReference parents = writer.getPdfIndirectReference();
    int key = writer.getStructureTreeRoot().addExistingObject(parents);
    PdfObject contents = PdfReader.getPdfObject(reader.getPageN(page).get(PdfName.CONTENTS));
    if (contents instanceof PdfDictionary d) {
      d.put(PdfName.STRUCTPARENTS, new PdfNumber(key));
    }
    placed.put(page, new Placed(null, null, parents, new ArrayList<>()));
  }

  /** Call after drawing source page {@code page} as {@code imported} on the current page. */
  void imported(int page, PdfImportedPage imported) {
    Placed p = Objects.requireNonNull(placed.get(page), "beforeImport(page) comes first");
    placed.put(
        page,
        new Placed(
            writer.getCurrentPage(), imported.getIndirectReference(), p.parents(), p.elements()));
  }

  /**
   * Copies the source document's elements under {@code parent} and writes the parent-tree entries.
   * Call after every page is imported and before the reader is freed.
   */
  void copyUnder(PdfStructureElement parent) {
    PdfDictionary catalog = reader.getCatalog();
    PdfDictionary root = catalog.getAsDict(PdfName.STRUCTTREEROOT);
    if (root != null) {
      PdfObject k = PdfReader.getPdfObject(root.get(PdfName.K));
      // The source's Document element: its children become the section's.
      if (k instanceof PdfArray arr && arr.size() == 1) {
        k = PdfReader.getPdfObject(arr.getPdfObject(0));
      }
      if (k instanceof PdfDictionary doc) {
        children(doc, parent);
      }
    }
    for (Placed p : placed.values()) {
      PdfArray arr = new PdfArray();
      for (PdfObject o : p.elements()) {
        arr.add(o == null ? PdfNull.PDFNULL : o);
      }
      try {
        writer.addToBody(arr, p.parents());
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write the bundle's structure", e);
      }
    }
  }

  private void children(PdfDictionary src, PdfStructureElement parent) {
    PdfObject k = PdfReader.getPdfObject(src.get(PdfName.K));
    if (k instanceof PdfArray arr) {
      for (int i = 0; i < arr.size(); i++) {
        PdfObject kid = PdfReader.getPdfObject(arr.getPdfObject(i));
        if (kid instanceof PdfDictionary d && !PdfName.MCR.equals(d.getAsName(PdfName.TYPE))) {
          copy(d, parent);
        }
      }
    } else if (k instanceof PdfDictionary d) {
      copy(d, parent);
    }
  }

  private void copy(PdfDictionary src, PdfStructureElement parent) {
    PdfStructureElement e = new PdfStructureElement(parent, src.getAsName(PdfName.S));
    for (PdfName key : KEPT) {
      PdfObject v = PdfReader.getPdfObject(src.get(key));
      if (v != null) {
        e.put(key, v);
      }
    }
    PdfObject k = PdfReader.getPdfObject(src.get(PdfName.K));
    PdfArray marks = new PdfArray();
    PdfObject page = src.get(PdfName.PG);
    if (k instanceof PdfNumber n) {
      mark(e, page, n.intValue(), marks);
    } else if (k instanceof PdfArray arr) {
      for (int i = 0; i < arr.size(); i++) {
        PdfObject kid = PdfReader.getPdfObject(arr.getPdfObject(i));
        if (kid instanceof PdfNumber n) {
          mark(e, page, n.intValue(), marks);
        } else if (kid instanceof PdfDictionary d
            && PdfName.MCR.equals(d.getAsName(PdfName.TYPE))) {
          mark(e, d.get(PdfName.PG), d.getAsNumber(PdfName.MCID).intValue(), marks);
        } else if (kid instanceof PdfDictionary d) {
          copy(d, e);
        }
      }
    } else if (k instanceof PdfDictionary d) {
      copy(d, e);
    }
    if (!marks.isEmpty()) {
      e.put(PdfName.K, marks);
    }
  }

  private void mark(PdfStructureElement e, PdfObject srcPage, int mcid, PdfArray marks) {
    if (!(srcPage instanceof PdfIndirectReference ref)) {
      return;
    }
    Integer page = pageOfObject.get(ref.getNumber());
    Placed p = page == null ? null : placed.get(page);
    if (p == null || p.page() == null) {
      return;
    }
    PdfDictionary mcr = new PdfDictionary(PdfName.MCR);
    mcr.put(PdfName.PG, p.page());
    mcr.put(STM, p.form());
    mcr.put(PdfName.MCID, new PdfNumber(mcid));
    marks.add(mcr);
    while (p.elements().size() <= mcid) {
      p.elements().add(null);
    }
    p.elements().set(mcid, e.getReference());
  }
}
