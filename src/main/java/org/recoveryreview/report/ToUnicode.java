package org.recoveryreview.report;

import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.PdfStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes a font's ToUnicode map give the letters that were written rather than the shapes drawn.
 * OpenPDF joins Arabic letters by drawing their presentation forms (U+FE70 ff.) and maps each glyph
 * back to that form, so extraction and search find "ﺳﺎﺭﺓ" instead of "سارة"; each form is mapped to
 * its compatibility decomposition (the base letter, two for a lam-alef ligature) instead.
 */
final class ToUnicode {
  private ToUnicode() {}

  private static final Pattern LINE = Pattern.compile("(?m)^((?:<[0-9A-Fa-f]+>[ \\t]*)+)$");
  private static final Pattern HEX = Pattern.compile("<([0-9A-Fa-f]+)>");

  /**
   * The stream with presentation forms mapped to their letters, compressed at {@code level}; empty
   * when {@code stream} is no ToUnicode map or maps no presentation form.
   */
  static Optional<PdfStream> logical(PdfStream stream, int level) {
    String cmap;
    try {
      ByteArrayOutputStream raw = new ByteArrayOutputStream();
      stream.writeContent(raw);
      byte[] b =
          stream.get(PdfName.FILTER) == null
              ? raw.toByteArray()
              : PdfReader.FlateDecode(raw.toByteArray());
      cmap = new String(b, StandardCharsets.ISO_8859_1);
    } catch (IOException e) {
      return Optional.empty();
    }
    if (!cmap.contains("begincmap") || !mayMapPresentationForms(cmap)) {
      return Optional.empty();
    }
    String fixed = map(cmap);
    if (fixed.equals(cmap)) {
      return Optional.empty();
    }
    PdfStream out = new PdfStream(fixed.getBytes(StandardCharsets.ISO_8859_1));
    out.flateCompress(level);
    return Optional.of(out);
  }

  /** The CMap's text with each single-code destination that is a presentation form decomposed. */
  static String map(String cmap) {
    Matcher m = LINE.matcher(cmap);
    StringBuilder out = new StringBuilder(cmap.length());
    while (m.find()) {
      m.appendReplacement(out, Matcher.quoteReplacement(line(m.group(1))));
    }
    m.appendTail(out);
    return out.toString();
  }

  private static String line(String line) {
    Matcher h = HEX.matcher(line);
    List<String> tokens = new ArrayList<>();
    while (h.find()) {
      tokens.add(h.group(1));
    }
    // bfchar: <code> <dest>; bfrange of one code: <code> <code> <dest>.
    boolean single =
        tokens.size() == 2 || (tokens.size() == 3 && tokens.get(0).equalsIgnoreCase(tokens.get(1)));
    if (!single) {
      return line;
    }
    String dest = tokens.get(tokens.size() - 1);
    String text = new String(HexFormat.of().parseHex(dest), StandardCharsets.UTF_16BE);
    if (!isPresentationForm(text)) {
      return line;
    }
    String letters = Normalizer.normalize(text, Normalizer.Form.NFKC);
    String hex =
        HexFormat.of().withUpperCase().formatHex(letters.getBytes(StandardCharsets.UTF_16BE));
    int at = line.lastIndexOf("<" + dest + ">");
    return line.substring(0, at) + "<" + hex + ">" + line.substring(at + dest.length() + 2);
  }

  /**
   * Whether some hex string in the map starts FB to FE, as every presentation form's code does:
   * most maps have none, and this look spares them the line-by-line pass (3.6% of review render
   * time by JFR). A glyph code that starts so only costs that pass.
   */
  static boolean mayMapPresentationForms(String cmap) {
    for (int i = cmap.indexOf('<'); i >= 0 && i + 2 < cmap.length(); i = cmap.indexOf('<', i + 1)) {
      char first = cmap.charAt(i + 1);
      char second = Character.toUpperCase(cmap.charAt(i + 2));
      if ((first == 'F' || first == 'f') && second >= 'B' && second <= 'E') {
        return true;
      }
    }
    return false;
  }

  private static boolean isPresentationForm(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if ((c >= 0xFB1D && c <= 0xFDFF) || (c >= 0xFE70 && c <= 0xFEFC)) {
        return true;
      }
    }
    return false;
  }
}
