package org.recoveryreview.report;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.ExceptionConverter;
import com.lowagie.text.Image;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.ByteBuffer;
import com.lowagie.text.pdf.OutputStreamCounter;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfDictionary;
import com.lowagie.text.pdf.PdfDocument;
import com.lowagie.text.pdf.PdfIndirectObject;
import com.lowagie.text.pdf.PdfIndirectReference;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfNumber;
import com.lowagie.text.pdf.PdfObject;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPCellEvent;
import com.lowagie.text.pdf.PdfPRow;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfPTableEvent;
import com.lowagie.text.pdf.PdfStream;
import com.lowagie.text.pdf.PdfString;
import com.lowagie.text.pdf.PdfStructureElement;
import com.lowagie.text.pdf.PdfTemplate;
import com.lowagie.text.pdf.PdfWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.commons.io.output.UnsynchronizedByteArrayOutputStream;

/**
 * The one owner of tagging (PDF/UA-1, PDF/A-1a): builds the structure tree of a document while
 * OpenPDF lays it out and wraps every piece of page content in a marked-content sequence, either
 * tied to a structure element or marked as an artifact.
 *
 * <p>OpenPDF 2.0.5 writes a structure tree only for content its caller marks on a {@link
 * PdfContentByte}; its own {@link Paragraph}, {@link PdfPTable} and image layout tag nothing, and
 * write paragraphs into a text layer and images into a graphics layer that no API exposes. This
 * class is the small helper that fills the gap: a {@link PdfDocument} subclass reaches those
 * layers, a {@link Document} subclass sees each element added, and cell and table events mark where
 * each table cell's content ends so the table's text canvas can be wrapped cell by cell before
 * OpenPDF merges it into the page.
 */
final class Tagging {
  /** What an element is in the structure tree, where its type alone does not say. */
  enum Role {
    H1,
    H2,
    H3,
    P,
    /** The bullet of a list item: its row is a list item, its table a list. */
    LABEL,
    ARTIFACT
  }

  private static final PdfName DOCUMENT = new PdfName("Document");
  private static final PdfName LBL = new PdfName("Lbl");
  private static final PdfName LBODY = new PdfName("LBody");
  private static final PdfName SCOPE = new PdfName("Scope");
  private static final PdfName COLUMN = new PdfName("Column");
  private static final PdfName ROW = new PdfName("TR");
  private static final PdfName COL_SPAN = new PdfName("ColSpan");
  private static final PdfName ROW_SPAN = new PdfName("RowSpan");
  private static final PdfName OWNER_TABLE = new PdfName("Table");
  private static final byte[] ARTIFACT_BMC = ascii("/Artifact BMC\n");
  private static final byte[] EMC = ascii("EMC\n");

  private final PdfWriter writer;
  private final Layers pdf;
  private final Doc doc;
  private Optional<PdfStructureElement> root = Optional.empty();
  private final String language;
  private final Map<Object, Role> hints = new IdentityHashMap<>();
  private final Map<PdfTemplate, String> alts = new IdentityHashMap<>();
  private final Set<PdfPTable> prepared = Collections.newSetFromMap(new IdentityHashMap<>());
  private final Set<CellMark> done = Collections.newSetFromMap(new IdentityHashMap<>());
  private final List<Mark> marks = new ArrayList<>();
  private final Map<PdfContentByte, Integer> ends = new IdentityHashMap<>();

  /** The text element being laid out and where its content starts in the text layer. */
  private Optional<PdfStructureElement> open = Optional.empty();

  private boolean openIsArtifact;
  private int openFrom;
  private Optional<PdfStructureElement> list = Optional.empty();
  private Optional<Image> drawing = Optional.empty();
  private Optional<PdfStructureElement> drawingFigure = Optional.empty();
  private int drawingFrom;

  /** Where a table cell's content ends in its table's text canvas. */
  private record Mark(PdfContentByte canvas, int end, Kind kind, Optional<PdfStructureElement> e) {}

  /** What a cell's content becomes: tagged, page furniture, or kept as is (already tagged). */
  private enum Kind {
    TAG,
    ARTIFACT,
    KEEP
  }

  /**
   * A cell's event: OpenPDF copies cells and tables as it lays them out, but the copies keep the
   * events, so the event is what identifies a cell.
   */
  private final class CellMark implements PdfPCellEvent {
    final CellInfo info;

    CellMark(CellInfo info) {
      this.info = info;
    }

    @Override
    public void cellLayout(PdfPCell cell, Rectangle position, PdfContentByte[] canvases) {
      cellWritten(this, cell, canvases[PdfPTable.TEXTCANVAS]);
    }
  }

  /** A top-level table's event: wraps what its rows wrote on this page before OpenPDF merges it. */
  private final class TableMark implements PdfPTableEvent {
    @Override
    public void tableLayout(
        PdfPTable table,
        float[][] widths,
        float[] heights,
        int headerRows,
        int rowStart,
        PdfContentByte[] canvases) {
      tableWritten(canvases);
    }
  }

  /** A cell's place: its table, row and whether it is a header cell. */
  private record CellInfo(TableInfo table, int row, boolean header) {}

  /** A table's structure elements, made as its cells are written. */
  private static final class TableInfo {
    final boolean data;
    final boolean list;
    Optional<PdfStructureElement> element = Optional.empty();
    Optional<PdfStructureElement> row = Optional.empty();
    int rowIndex = -1;

    TableInfo(boolean data, boolean list) {
      this.data = data;
      this.list = list;
    }
  }

  private Tagging(PdfWriter writer, Layers pdf, Doc doc, String language) {
    this.writer = writer;
    this.pdf = pdf;
    this.doc = doc;
    this.language = language;
  }

  /**
   * A tagged document writing to {@code out}, in {@code language} (a BCP 47 tag such as "en"). The
   * catalog gets the language, and OpenPDF marks the document as tagged.
   */
  static Tagging open(
      Rectangle pageSize,
      float marginX,
      float marginTop,
      float marginBottom,
      UnsynchronizedByteArrayOutputStream out,
      String language)
      throws DocumentException {
    Layers pdf = new Layers();
    Doc doc = new Doc(pageSize, marginX, marginX, marginTop, marginBottom);
    pdf.setTextRenderingOptions(doc.getTextRenderingOptions());
    doc.addDocListener(pdf);
    PdfWriter writer = new Writer(pdf, out);
    pdf.addWriter(writer);
    writer.setTagged();
    writer.getExtraCatalog().put(PdfName.LANG, new PdfString(language));
    Tagging t = new Tagging(writer, pdf, doc, language);
    pdf.tags = Optional.of(t);
    doc.tags = Optional.of(t);
    return t;
  }

  Document document() {
    return doc;
  }

  PdfWriter writer() {
    return writer;
  }

  /** The root element, under which a copied document's structure may hang (the bundle). */
  PdfStructureElement root() {
    // Made on first use: OpenPDF can only make the tree's root once the document is open.
    if (root.isEmpty()) {
      root = Optional.of(new PdfStructureElement(writer.getStructureTreeRoot(), DOCUMENT));
    }
    return root.get();
  }

  /** A new section under the document's root, e.g. one patient's review in a bundle. */
  PdfStructureElement section() {
    list = Optional.empty();
    return new PdfStructureElement(root(), new PdfName("Sect"));
  }

  /** Says what {@code element} (a paragraph, table, or a cell's phrase) is. */
  void hint(Object element, Role role) {
    hints.put(element, role);
  }

  /** The alternative text of the chart drawn into {@code template}. */
  void alt(PdfTemplate template, String text) {
    alts.put(template, text);
  }

  /** Wraps page furniture drawn by {@code drawing} on {@code cb} as an artifact. */
  static void artifact(PdfContentByte cb, Runnable drawing) {
    cb.getInternalBuffer().append(ARTIFACT_BMC);
    drawing.run();
    cb.getInternalBuffer().append(EMC);
  }

  // ---------------------------------------------------------------- elements added to the page

  private boolean add(Element e, Adder adder) throws DocumentException {
    if (e instanceof PdfPTable t) {
      prepare(t);
      list = Optional.empty();
      return adder.add();
    }
    if (e instanceof Paragraph p) {
      return addText(p, adder);
    }
    return adder.add();
  }

  private boolean addText(Paragraph p, Adder adder) throws DocumentException {
    pdf.flush();
    Role role = hints.getOrDefault(p, Role.P);
    String content = p.getContent();
    if (role == Role.ARTIFACT) {
      open = Optional.empty();
      openIsArtifact = true;
    } else {
      open = Optional.of(textElement(role, content));
      openIsArtifact = false;
    }
    openFrom = pdf.textLayer().getInternalBuffer().size();
    boolean added = adder.add();
    pdf.flush();
    closeOpen();
    open = Optional.empty();
    openIsArtifact = false;
    return added;
  }

  private PdfStructureElement textElement(Role role, String content) {
    if (content.startsWith("•")) {
      PdfStructureElement l = list.orElseGet(() -> new PdfStructureElement(root(), PdfName.L));
      list = Optional.of(l);
      PdfStructureElement body =
          new PdfStructureElement(new PdfStructureElement(l, PdfName.LI), LBODY);
      return describe(body, content);
    }
    list = Optional.empty();
    return describe(new PdfStructureElement(root(), name(role)), content);
  }

  private static PdfName name(Role role) {
    return switch (role) {
      case H1 -> PdfName.H1;
      case H2 -> PdfName.H2;
      case H3 -> PdfName.H3;
      default -> PdfName.P;
    };
  }

  /**
   * Gives an element the logical text of a right-to-left run as /ActualText (OpenPDF draws it
   * reordered and shaped) and the language of text in another script than the document's.
   */
  private PdfStructureElement describe(PdfStructureElement e, String content) {
    String text = content.strip();
    if (DrawnText.hasRightToLeft(text)) {
      e.put(PdfName.ACTUALTEXT, new PdfString(text, PdfObject.TEXT_UNICODE));
    }
    spanLanguage(text)
        .filter(l -> !l.equals(language))
        .ifPresent(l -> e.put(PdfName.LANG, new PdfString(l)));
    return e;
  }

  private void closeOpen() {
    if (open.isPresent()) {
      wrap(pdf.textLayer(), openFrom, open);
    } else if (openIsArtifact) {
      wrap(pdf.textLayer(), openFrom, Optional.empty());
    }
  }

  /** Called by the document before a page ends: the open element's lines so far get marked. */
  private void pageEnding() {
    try {
      pdf.flush();
    } catch (DocumentException e) {
      throw new ExceptionConverter(e);
    }
    closeOpen();
    closeImage();
  }

  private void pageStarted() {
    openFrom = pdf.textLayer().getInternalBuffer().size();
    drawingFrom = pdf.graphicsLayer().getInternalBuffer().size();
  }

  private void image(Image image, Adder adder) throws DocumentException {
    if (drawing.isPresent()) {
      adder.add();
      return;
    }
    drawing = Optional.of(image);
    drawingFrom = pdf.graphicsLayer().getInternalBuffer().size();
    try {
      adder.add();
      closeImage();
    } finally {
      drawing = Optional.empty();
      drawingFigure = Optional.empty();
    }
  }

  /**
   * Marks what the image being added drew on the graphics layer so far. OpenPDF may start a page
   * after drawing an image, so this runs both at the page's end and after the image is added.
   */
  private void closeImage() {
    if (drawing.isEmpty()) {
      return;
    }
    PdfContentByte g = pdf.graphicsLayer();
    if (g.getInternalBuffer().size() > drawingFrom) {
      list = Optional.empty();
      if (drawingFigure.isEmpty()) {
        drawingFigure = Optional.of(figure(root(), drawing.get()));
      }
      wrap(g, drawingFrom, drawingFigure);
    }
    drawingFrom = g.getInternalBuffer().size();
  }

  private PdfStructureElement figure(PdfStructureElement parent, Image image) {
    PdfStructureElement f = new PdfStructureElement(parent, PdfName.FIGURE);
    PdfTemplate template = image.getTemplateData();
    String alt = template == null ? null : alts.get(template);
    f.put(PdfName.ALT, new PdfString(alt == null ? "Chart" : alt, PdfObject.TEXT_UNICODE));
    return f;
  }

  /**
   * Puts {@code layer}'s content from {@code from} on into one marked-content sequence: of {@code
   * element}, or an artifact when empty.
   */
  private void wrap(PdfContentByte layer, int from, Optional<PdfStructureElement> element) {
    ByteBuffer buf = layer.getInternalBuffer();
    if (buf.size() <= from) {
      return;
    }
    byte[] all = buf.toByteArray();
    buf.reset();
    buf.append(all, 0, from);
    buf.append(begin(element));
    buf.append(all, from, all.length - from);
    buf.append(EMC);
  }

  /** The operator that opens a sequence of {@code element}, taking the page's next MCID. */
  private byte[] begin(Optional<PdfStructureElement> element) {
    if (element.isEmpty()) {
      return ARTIFACT_BMC;
    }
    PdfContentByte scratch = writer.getDirectContent().getDuplicate();
    scratch.beginMarkedContentSequence(element.get());
    return scratch.getInternalBuffer().toByteArray();
  }

  // ---------------------------------------------------------------------------------- tables

  private void prepare(PdfPTable table) {
    if (!prepared.add(table)) {
      return;
    }
    // Nested tables too: OpenPDF writes each into canvases of its own, merged into its cell.
    table.setTableEvent(new TableMark());
    boolean listTable = false;
    for (PdfPRow row : table.getRows()) {
      for (PdfPCell c : row.getCells()) {
        if (c != null && c.getPhrase() != null && hints.get(c.getPhrase()) == Role.LABEL) {
          listTable = true;
        }
      }
    }
    TableInfo info = new TableInfo(table.getHeaderRows() > 0 && !listTable, listTable);
    List<PdfPRow> rows = table.getRows();
    for (int r = 0; r < rows.size(); r++) {
      for (PdfPCell c : rows.get(r).getCells()) {
        if (c == null) {
          continue;
        }
        c.setCellEvent(new CellMark(new CellInfo(info, r, r < table.getHeaderRows())));
        if (c.getTable() != null) {
          prepare(c.getTable());
        }
        // A copied cell keeps the table OpenPDF really writes among its composite elements.
        if (c.getCompositeElements() != null) {
          for (Object o : c.getCompositeElements()) {
            if (o instanceof PdfPTable nested) {
              prepare(nested);
            }
          }
        }
      }
    }
  }

  private void tableWritten(PdfContentByte[] canvases) {
    PdfContentByte text = canvases[PdfPTable.TEXTCANVAS];
    ByteBuffer buf = text.getInternalBuffer();
    byte[] all = buf.toByteArray();
    buf.reset();
    int from = 0;
    for (Iterator<Mark> it = marks.iterator(); it.hasNext(); ) {
      Mark m = it.next();
      if (m.canvas() != text) {
        continue;
      }
      it.remove();
      int to = Math.min(m.end(), all.length);
      if (to <= from) {
        continue;
      }
      switch (m.kind()) {
        case TAG -> {
          buf.append(begin(m.e()));
          buf.append(all, from, to - from);
          buf.append(EMC);
        }
        case ARTIFACT -> appendArtifact(buf, all, from, to);
        case KEEP -> buf.append(all, from, to - from);
      }
      from = to;
    }
    ends.remove(text);
    if (from < all.length) {
      appendArtifact(buf, all, from, all.length);
    }
    // Cell backgrounds and rules: drawn before the text, merged by OpenPDF after this event.
    artifactAll(canvases[PdfPTable.BACKGROUNDCANVAS]);
    artifactAll(canvases[PdfPTable.LINECANVAS]);
  }

  private void artifactAll(PdfContentByte canvas) {
    if (!isBlank(canvas.getInternalBuffer().toByteArray(), 0, canvas.getInternalBuffer().size())) {
      wrap(canvas, 0, Optional.empty());
    }
  }

  /**
   * Decides what a cell's content (from the previous cell's end on its canvas) becomes, and makes
   * its structure element now, so the tree follows the order OpenPDF writes the cells in.
   */
  private void cellWritten(CellMark event, PdfPCell cell, PdfContentByte text) {
    int from = ends.getOrDefault(text, 0);
    int to = text.getInternalBuffer().size();
    ends.put(text, to);
    byte[] all = text.getInternalBuffer().getBuffer();
    boolean blank = isBlank(all, from, to);
    Kind kind;
    Optional<PdfStructureElement> e = Optional.empty();
    if (cell.getTable() != null) {
      // A nested table's content arrives tagged by its own table event.
      kind = Kind.KEEP;
    } else if (!done.add(event)) {
      // A header row repeated on a later page.
      kind = Kind.ARTIFACT;
    } else {
      e = element(cell, event.info, blank);
      kind = blank ? Kind.KEEP : e.isPresent() ? Kind.TAG : Kind.ARTIFACT;
    }
    marks.add(new Mark(text, to, kind, e));
  }

  /** The element a cell's content belongs to, made now so the tree follows the writing order. */
  private Optional<PdfStructureElement> element(PdfPCell cell, CellInfo info, boolean blank) {
    TableInfo t = info.table();
    Phrase phrase = cell.getPhrase();
    String content = phrase == null ? "" : phrase.getContent();
    if (t.data || t.list) {
      PdfStructureElement table =
          t.element.orElseGet(
              () -> new PdfStructureElement(root(), t.list ? PdfName.L : OWNER_TABLE));
      t.element = Optional.of(table);
      if (t.row.isEmpty() || t.rowIndex != info.row()) {
        t.row = Optional.of(new PdfStructureElement(table, t.list ? PdfName.LI : ROW));
        t.rowIndex = info.row();
      }
      PdfName type;
      if (t.list) {
        type = phrase != null && hints.get(phrase) == Role.LABEL ? LBL : LBODY;
      } else {
        type = info.header() ? PdfName.TH : PdfName.TD;
      }
      PdfStructureElement e = new PdfStructureElement(t.row.get(), type);
      if (!t.list) {
        tableAttributes(e, cell, info.header());
      }
      return Optional.of(describe(e, content));
    }
    if (blank) {
      return Optional.empty();
    }
    Optional<Image> image = image(cell);
    if (image.isPresent()) {
      return Optional.of(figure(root(), image.get()));
    }
    Role role = phrase == null ? Role.P : hints.getOrDefault(phrase, Role.P);
    if (role == Role.ARTIFACT) {
      return Optional.empty();
    }
    return Optional.of(textElement(role, content));
  }

  /** The image a cell shows: its own, or one placed as a chunk (OpenPDF's unscaled image cell). */
  private static Optional<Image> image(PdfPCell cell) {
    if (cell.getImage() != null) {
      return Optional.of(cell.getImage());
    }
    if (cell.getPhrase() != null) {
      for (Element e : cell.getPhrase()) {
        if (e instanceof Chunk c && c.getImage() != null) {
          return Optional.of(c.getImage());
        }
      }
    }
    return Optional.empty();
  }

  /** Header scope and spans, which PDF/UA needs to tie each data cell to its headers. */
  private static void tableAttributes(PdfStructureElement e, PdfPCell cell, boolean header) {
    PdfDictionary a = new PdfDictionary();
    a.put(PdfName.O, OWNER_TABLE);
    if (header) {
      a.put(SCOPE, COLUMN);
    }
    if (cell.getColspan() > 1) {
      a.put(COL_SPAN, new PdfNumber(cell.getColspan()));
    }
    if (cell.getRowspan() > 1) {
      a.put(ROW_SPAN, new PdfNumber(cell.getRowspan()));
    }
    if (a.size() > 1) {
      e.put(PdfName.A, a);
    }
  }

  private static void appendArtifact(ByteBuffer out, byte[] all, int from, int to) {
    out.append(ARTIFACT_BMC);
    out.append(all, from, to - from);
    out.append(EMC);
  }

  private static boolean isBlank(byte[] b, int from, int to) {
    for (int i = from; i < to; i++) {
      if (b[i] > ' ') {
        return false;
      }
    }
    return true;
  }

  /**
   * The language of text written wholly in one script other than Latin (a name in Arabic or Chinese
   * letters), as a BCP 47 tag; empty for Latin or mixed text.
   */
  static Optional<String> spanLanguage(String text) {
    Character.UnicodeScript only = null;
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      i += Character.charCount(cp);
      if (!Character.isLetter(cp)) {
        continue;
      }
      Character.UnicodeScript s = Character.UnicodeScript.of(cp);
      if (s == Character.UnicodeScript.HIRAGANA || s == Character.UnicodeScript.KATAKANA) {
        return Optional.of("ja");
      }
      if (only != null && only != s) {
        return Optional.empty();
      }
      only = s;
    }
    if (only == null) {
      return Optional.empty();
    }
    return Optional.ofNullable(
        switch (only) {
          case ARABIC -> "ar";
          case HEBREW -> "he";
          case HAN -> "zh";
          case HANGUL -> "ko";
          case CYRILLIC -> "ru";
          case GREEK -> "el";
          case THAI -> "th";
          case DEVANAGARI -> "hi";
          default -> null;
        });
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }

  // ------------------------------------------------------------- OpenPDF classes this reaches

  /** One step of OpenPDF's layout that may throw. */
  private interface Adder {
    boolean add() throws DocumentException;
  }

  /**
   * The writer; OpenPDF's only constructor taking a document of our own is protected. It also
   * completes each embedded font's CIDSet (see {@link CidSets}): OpenPDF writes a font's program
   * just before its descriptor, so the descriptor gets a CIDSet read from that program, and the
   * subset a name derived from it ({@link Reproducible.Subsets}).
   */
  private static final class Writer extends PdfWriter {
    private final Reproducible.Subsets subsets = new Reproducible.Subsets();
    private Optional<BitSet> lastProgram = Optional.empty();
    private boolean toUnicodeNext;

    Writer(PdfDocument pdf, UnsynchronizedByteArrayOutputStream out) {
      super(pdf, out);
      // DocWriter puts a BufferedOutputStream in front of the stream: one synchronized write per
      // PDF token, 4% of the review threads' samples (JFR). The document is built in memory, so
      // the writer writes straight into the unsynchronized buffer instead.
      os = new OutputStreamCounter(out);
    }

    @Override
    public PdfIndirectObject addToBody(PdfObject object) throws IOException {
      subsets.rename(object);
      if (object instanceof PdfStream s && toUnicodeNext) {
        // OpenPDF writes a font's ToUnicode map right after its descriptor.
        toUnicodeNext = false;
        Optional<PdfStream> logical = ToUnicode.logical(s, getCompressionLevel());
        if (logical.isPresent()) {
          return super.addToBody(logical.get());
        }
      } else if (object instanceof PdfStream s) {
        Optional<byte[]> program = CidSets.program(s);
        if (program.isPresent()) {
          subsets.program(program.get());
          Optional<BitSet> cids = CidSets.of(s, program.get());
          if (cids.isPresent()) {
            lastProgram = cids;
          }
        }
      } else if (object instanceof PdfDictionary d
          && PdfName.FONTDESCRIPTOR.equals(d.getAsName(PdfName.TYPE))
          && d.get(PdfName.CIDSET) != null
          && lastProgram.isPresent()) {
        PdfStream set = new PdfStream(CidSets.bits(lastProgram.get()));
        set.flateCompress(getCompressionLevel());
        d.put(PdfName.CIDSET, super.addToBody(set).getIndirectReference());
        lastProgram = Optional.empty();
        toUnicodeNext = true;
      }
      return super.addToBody(object);
    }

    @Override
    public PdfIndirectObject addToBody(PdfObject object, boolean inObjStm) throws IOException {
      PdfIndirectObject written = super.addToBody(object, inObjStm);
      if (object == getInfo()) {
        // The info dictionary is the last object close() adds before the cross-reference table.
        CrossReferences.formatQuickly(body);
      }
      return written;
    }

    // A font's Type0 dictionary comes with the reference its users hold. Objects a bundle imports
    // from reviews come by object number and keep their names: each review named its subsets by
    // their programs, so they already differ.
    @Override
    public PdfIndirectObject addToBody(PdfObject object, PdfIndirectReference ref)
        throws IOException {
      subsets.rename(object);
      return super.addToBody(object, ref);
    }
  }

  /** OpenPDF's document, opened up: its text and graphics layers and its page breaks. */
  private static final class Layers extends PdfDocument {
    Optional<Tagging> tags = Optional.empty();

    PdfContentByte textLayer() {
      return text;
    }

    PdfContentByte graphicsLayer() {
      return graphics;
    }

    void flush() throws DocumentException {
      flushLines();
    }

    @Override
    public boolean newPage() {
      tags.ifPresent(Tagging::pageEnding);
      boolean started = super.newPage();
      tags.ifPresent(Tagging::pageStarted);
      return started;
    }

    @Override
    protected void add(Image image) throws DocumentException {
      if (tags.isEmpty()) {
        super.add(image);
        return;
      }
      tags.get()
          .image(
              image,
              () -> {
                super.add(image);
                return true;
              });
    }
  }

  /** The document the layouts add to; every element passes through the tagging. */
  private static final class Doc extends Document {
    Optional<Tagging> tags = Optional.empty();

    Doc(Rectangle pageSize, float left, float right, float top, float bottom) {
      super(pageSize, left, right, top, bottom);
    }

    @Override
    public boolean add(Element element) throws DocumentException {
      if (tags.isEmpty() || !isOpen()) {
        return super.add(element);
      }
      return tags.get().add(element, () -> super.add(element));
    }
  }
}
