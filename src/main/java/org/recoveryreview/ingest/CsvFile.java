package org.recoveryreview.ingest;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.io.ByteOrderMark;
import org.apache.commons.io.input.BOMInputStream;
import org.apache.commons.io.input.BoundedInputStream;
import org.recoveryreview.model.ExitCode;
import org.recoveryreview.model.Hashing;
import org.recoveryreview.model.InputLimits;
import org.recoveryreview.model.JobFailure;
import org.recoveryreview.model.Printable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads one export file: checksums the raw bytes, unzips within bounds, skips a byte-order mark
 * (decoding UTF-16 and UTF-32 by it), decodes strictly, takes the delimiter from an Excel {@code
 * sep=} line or detects it, maps the header and hands each non-empty data row, with the line it
 * starts on, to a consumer; records are bounded in length.
 */
final class CsvFile {
  private static final Logger LOG = LoggerFactory.getLogger(CsvFile.class);
  private static final int BUFFER = 1 << 16;
  private static final int DETECT_LIMIT = 1 << 16;
  // Longest first: a UTF-32LE mark begins with the UTF-16LE one.
  private static final ByteOrderMark[] BOMS = {
    ByteOrderMark.UTF_32LE,
    ByteOrderMark.UTF_32BE,
    ByteOrderMark.UTF_8,
    ByteOrderMark.UTF_16LE,
    ByteOrderMark.UTF_16BE
  };
  // Excel writes "sep=;" as the first line to name the delimiter, sometimes quoted.
  private static final Pattern SEP_LINE =
      Pattern.compile("\"?sep=([^\r\n\"])\"?(\r\n|\n|\r)", Pattern.CASE_INSENSITIVE);

  /** What reading a file produced besides its rows. */
  record Result(String sha256, long sizeBytes, long rowsRead) {}

  /** Receives each data row; the row object is reused, so consumers copy what they keep. */
  interface RowConsumer {
    void accept(Row row);
  }

  /** One data row as the contract's columns, values trimmed, absent cells blank. */
  static final class Row {
    private CSVRecord record;
    private List<String> header;
    private int[] index;
    private int headerSize;
    private long line;
    private int tooLong = -1;

    /** The trimmed value of a contract column; "" when blank or absent. */
    String get(int column) {
      int i = index[column];
      if (i < 0 || i >= record.size()) {
        return "";
      }
      // Only ASCII spaces here: Commons CSV already trimmed Unicode spaces outside quotes, and
      // spaces inside quotes are part of the value. Control characters such as NUL are escaped
      // here, once, so none reaches a report, a CSV or a terminal.
      return Printable.escapeKeepingLineBreaks(record.get(i).trim());
    }

    /** The first cell longer than the value limit, or -1 when there is none. */
    int tooLongCell() {
      return tooLong;
    }

    /** A cell as written, untrimmed. */
    String cell(int i) {
      return record.get(i);
    }

    /** The contract column a cell holds, else its header name, else "column N". */
    String cellName(int cell, List<String> columns) {
      for (int c = 0; c < index.length; c++) {
        if (index[c] == cell) {
          return columns.get(c);
        }
      }
      return cell < header.size() && !header.get(cell).isEmpty()
          ? header.get(cell)
          : "column " + (cell + 1);
    }

    /** 1-based line on which the record starts. */
    long line() {
      return line;
    }

    /** Number of values beyond the header's columns that are not blank. */
    int extraValues() {
      int extra = 0;
      for (int i = headerSize; i < record.size(); i++) {
        if (!record.get(i).isBlank()) {
          extra++;
        }
      }
      return extra;
    }

    int size() {
      return record.size();
    }

    int headerSize() {
      return headerSize;
    }
  }

  private final Charset charset;
  private final Optional<Character> delimiter;
  private final InputLimits limits;

  CsvFile(Charset charset, Optional<Character> delimiter, InputLimits limits) {
    this.charset = charset;
    this.delimiter = delimiter;
    this.limits = limits;
  }

  Result read(Path path, Schema schema, Map<String, Integer> aliases, RowConsumer consumer) {
    return new Reading(path).read(schema, aliases, consumer);
  }

  /** The state of reading one file, kept so that a failure can say where it happened. */
  private final class Reading {
    private final Path path;
    private final String name;
    private Charset effective = charset;
    // Line on which the record being parsed starts: one past the last line of the previous one.
    private long recordLine = 1;
    private long linesBefore;

    Reading(Path path) {
      this.path = path;
      this.name = Printable.escape(path.getFileName().toString());
    }

    Result read(Schema schema, Map<String, Integer> aliases, RowConsumer consumer) {
      MessageDigest sha = Hashing.sha256();
      long size;
      long rows;
      try (InputStream raw = Files.newInputStream(path);
          DigestInputStream digesting =
              new DigestInputStream(new BufferedInputStream(raw, BUFFER), sha)) {
        size = Files.size(path);
        BufferedReader buffered = decoded(digesting);
        char sep = separator(buffered);
        LineTrackingReader tracked =
            new LineTrackingReader(buffered, linesBefore, limits.maxRecordChars());
        rows = parse(tracked, sep, schema, aliases, consumer);
        // Hash every byte of the file, including any the decoder or gzip did not need to read.
        digesting.transferTo(OutputStream.nullOutputStream());
      } catch (UncheckedIOException e) {
        throw failure(e.getCause());
      } catch (IOException e) {
        throw failure(e);
      }
      return new Result(HexFormat.of().formatHex(sha.digest()), size, rows);
    }

    /** The file's characters: unzipped, inflation bounded, byte-order mark skipped, decoded. */
    private BufferedReader decoded(InputStream digesting) throws IOException {
      InputStream in = digesting;
      if (isGzip(name)) {
        BoundedInputStream compressed =
            BoundedInputStream.builder().setInputStream(digesting).get();
        in =
            new InflationGuard(
                new GZIPInputStream(compressed, BUFFER),
                compressed::getCount,
                limits.maxInflatedBytes(),
                limits.maxGzipRatio());
      }
      BOMInputStream bom =
          BOMInputStream.builder().setInputStream(in).setByteOrderMarks(BOMS).get();
      ByteOrderMark mark = bom.getBOM();
      if (mark != null && !ByteOrderMark.UTF_8.equals(mark)) {
        // A UTF-16 or UTF-32 byte-order mark names the encoding beyond doubt.
        effective = Charset.forName(mark.getCharsetName());
        LOG.info(
            "{} starts with a {} byte-order mark and is read as {}", name, effective, effective);
      } else if (mark != null && !StandardCharsets.UTF_8.equals(charset)) {
        LOG.warn(
            "{} starts with a UTF-8 byte-order mark but is read as {} ({}); set {} to UTF-8 if"
                + " names look garbled",
            name,
            charset.name(),
            Ingestor.CONFIG_CHARSET,
            Ingestor.CONFIG_CHARSET);
      }
      return new BufferedReader(new InputStreamReader(bom, strictDecoder(effective)), BUFFER);
    }

    /**
     * The delimiter: from an Excel {@code sep=} first line (which is then skipped), else the
     * configured one, else detected from the header.
     */
    private char separator(BufferedReader reader) throws IOException {
      Optional<Character> excel = excelSeparator(reader);
      if (excel.isPresent()) {
        linesBefore = 1;
        recordLine = 2;
        if (delimiter.isPresent() && !delimiter.get().equals(excel.get())) {
          LOG.warn(
              "{}: its first line sep={} names the delimiter, which is used instead of {} '{}'",
              name,
              printable(excel.get()),
              Ingestor.CONFIG_DELIMITER,
              printable(delimiter.get()));
        }
        return excel.get();
      }
      return delimiter.isPresent() ? delimiter.get() : detectDelimiter(reader);
    }

    private long parse(
        LineTrackingReader tracked,
        char sep,
        Schema schema,
        Map<String, Integer> aliases,
        RowConsumer consumer)
        throws IOException {
      CSVParser parser = CSVParser.builder().setReader(tracked).setFormat(format(sep)).get();
      Iterator<CSVRecord> records = parser.iterator();
      Row row = new Row();
      long rows = 0;
      // The reader bounds memory but counts a record only roughly (it cannot see where the parser
      // is); each record's exact length is checked here, once the next one starts.
      long previousStart = -1;
      long previousLine = 0;
      while (records.hasNext()) {
        CSVRecord record = records.next();
        tracked.recordDone();
        long start = record.getCharacterPosition();
        long line = tracked.lineOf(start);
        if (previousStart >= 0) {
          checkLength(tracked.lengthBefore(previousStart), previousLine);
        }
        previousStart = start;
        previousLine = line;
        recordLine = linesBefore + parser.getCurrentLineNumber() + 1;
        if (isBlank(record)) {
          continue;
        }
        if (row.header == null) {
          header(row, record, line, sep, schema, aliases);
          continue;
        }
        row.record = record;
        row.line = line;
        row.tooLong = tooLong(record);
        rows++;
        consumer.accept(row);
      }
      if (previousStart >= 0) {
        checkLength(tracked.lengthToEnd(previousStart), previousLine);
      }
      if (row.header == null) {
        throw new JobFailure(
            ExitCode.DATA_ERROR,
            name
                + " is empty: it has no header line. Export it again with the header "
                + String.join(",", schema.columns)
                + ", or remove it from the input folder.");
      }
      return rows;
    }

    private static CSVFormat format(char sep) {
      return CSVFormat.RFC4180
          .builder()
          .setDelimiter(sep)
          // Empty lines are dropped in parse instead: with Commons CSV skipping them, the next
          // record's character position would point at the blank line.
          .setIgnoreEmptyLines(false)
          .setIgnoreSurroundingSpaces(true)
          .get();
    }

    /** The record limit, exactly: a record of the limit passes, one character more does not. */
    private void checkLength(long chars, long line) throws IOException {
      if (chars > limits.maxRecordChars()) {
        recordLine = line;
        throw new LineTrackingReader.RecordTooLongException(limits.maxRecordChars());
      }
    }

    private void header(
        Row row,
        CSVRecord record,
        long line,
        char sep,
        Schema schema,
        Map<String, Integer> aliases) {
      List<String> header = new ArrayList<>(record.size());
      List<String> shown = new ArrayList<>(record.size());
      for (String cell : record) {
        header.add(trim(cell));
        shown.add(Printable.escape(shortened(trim(cell))));
      }
      row.header = shown;
      if (String.join("", header).indexOf('\u0000') >= 0) {
        // ASCII text in UTF-16 or UTF-32 is valid UTF-8 with NULs between the letters.
        throw new JobFailure(
            ExitCode.DATA_ERROR,
            name
                + " line "
                + line
                + ": the header holds NUL characters (header found: "
                + String.join(" | ", shown)
                + "), so the file is probably UTF-16 or UTF-32 without a byte-order mark. Export"
                + " it again as UTF-8, or as UTF-16 with a byte-order mark.");
      }
      row.index = schema.map(header, aliases);
      row.headerSize = header.size();
      List<String> missing = schema.missing(row.index);
      if (!missing.isEmpty()) {
        throw missingColumns(name, line, schema, missing, shown);
      }
      List<String> twice = schema.ambiguous(header);
      if (!twice.isEmpty()) {
        throw new JobFailure(
            ExitCode.DATA_ERROR,
            name
                + " line "
                + line
                + ": the header names "
                + Printable.escape(shortened(String.join("; ", twice)))
                + ", so it is unclear which to read. Rename or remove one of them in the"
                + " export.");
      }
      LOG.debug("{}: delimiter '{}', header {}", name, printable(sep), shown);
    }

    /** The first cell longer than the value limit, or -1. */
    private int tooLong(CSVRecord record) {
      int max = limits.maxValueChars();
      for (int i = 0; i < record.size(); i++) {
        if (record.get(i).length() > max) {
          return i;
        }
      }
      return -1;
    }

    private JobFailure failure(Throwable cause) {
      if (cause instanceof LineTrackingReader.RecordTooLongException) {
        return new JobFailure(
            ExitCode.DATA_ERROR,
            name
                + ": the record starting on line "
                + recordLine
                + " is longer than "
                + limits.maxRecordChars()
                + " characters, probably because of an unclosed quote on that line (every"
                + " opening quote needs a closing one). Correct the export, or raise "
                + Ingestor.CONFIG_MAX_RECORD
                + " if such records are real.",
            cause);
      }
      if (cause instanceof InflationGuard.TooLargeException) {
        return new JobFailure(
            ExitCode.DATA_ERROR,
            name
                + " is refused while reading the record starting on line "
                + recordLine
                + ": "
                + cause.getMessage()
                + ", which no real export does. Compress a genuine export again, provide it"
                + " uncompressed as .csv, or raise the limit named.",
            cause);
      }
      if (cause instanceof CSVException) {
        return new JobFailure(
            ExitCode.DATA_ERROR,
            name
                + " is not valid CSV in the record starting on line "
                + recordLine
                + " ("
                + Printable.escape(String.valueOf(cause.getMessage()))
                + "); probably an unclosed quote: a value containing a quote must be quoted as a"
                + " whole with the quote doubled, and every opening quote needs a closing one.",
            cause);
      }
      return readFailure(path, name, effective, cause);
    }
  }

  private static String trim(String value) {
    int start = 0;
    int end = value.length();
    while (start < end && isSpace(value.charAt(start))) {
      start++;
    }
    while (end > start && isSpace(value.charAt(end - 1))) {
      end--;
    }
    return start == 0 && end == value.length() ? value : value.substring(start, end);
  }

  /** ASCII controls and spaces (as {@link String#trim}), Unicode spaces and byte-order marks. */
  private static boolean isSpace(char c) {
    return c <= ' ' || c == '\uFEFF' || Character.isSpaceChar(c);
  }

  /** At most the first 200 characters, for echoing a cell that may be enormous. */
  static String shortened(String value) {
    return value.length() <= 200
        ? value
        : value.substring(0, 60) + "… (" + value.length() + " characters)";
  }

  /**
   * The delimiter named by an Excel {@code sep=X} first line, consumed; else empty and nothing
   * consumed.
   */
  static Optional<Character> excelSeparator(BufferedReader reader) throws IOException {
    reader.mark(16);
    char[] head = new char[8];
    int n = reader.read(head, 0, head.length);
    String start = n <= 0 ? "" : new String(head, 0, n);
    Matcher m = SEP_LINE.matcher(start);
    reader.reset();
    if (!m.lookingAt()) {
      return Optional.empty();
    }
    long consumed = reader.skip(m.end());
    if (consumed != m.end()) {
      throw new IOException("could not skip the sep= line");
    }
    return Optional.of(m.group(1).charAt(0));
  }

  private static boolean isBlank(CSVRecord record) {
    for (int i = 0; i < record.size(); i++) {
      if (!record.get(i).isBlank()) {
        return false;
      }
    }
    return true;
  }

  static boolean isGzip(String name) {
    return name.toLowerCase(Locale.ROOT).endsWith(".gz");
  }

  private static CharsetDecoder strictDecoder(Charset charset) {
    return charset
        .newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
  }

  /**
   * The delimiter among comma, semicolon and tab that occurs most often outside quotes in the first
   * non-blank line; comma on a tie or when none occurs.
   */
  static char detectDelimiter(BufferedReader reader) throws IOException {
    reader.mark(DETECT_LIMIT + 1);
    int comma = 0;
    int semicolon = 0;
    int tab = 0;
    boolean quoted = false;
    boolean content = false;
    for (int n = 0; n < DETECT_LIMIT; n++) {
      int c = reader.read();
      if (c < 0) {
        break;
      }
      if (c == '"') {
        quoted = !quoted;
      } else if (!quoted) {
        if (c == '\n' || c == '\r') {
          if (content) {
            break;
          }
        } else if (c == ',') {
          comma++;
        } else if (c == ';') {
          semicolon++;
        } else if (c == '\t') {
          tab++;
        }
      }
      if (!Character.isWhitespace(c)) {
        content = true;
      }
    }
    reader.reset();
    char best = ',';
    int bestCount = comma;
    if (semicolon > bestCount) {
      best = ';';
      bestCount = semicolon;
    }
    return tab > bestCount ? '\t' : best;
  }

  private static String printable(char c) {
    return c == '\t' ? "tab" : String.valueOf(c);
  }

  private static JobFailure missingColumns(
      String name, long line, Schema schema, List<String> missing, List<String> header) {
    return new JobFailure(
        ExitCode.DATA_ERROR,
        name
            + ": the header on line "
            + line
            + " lacks the required column"
            + (missing.size() == 1 ? " " : "s ")
            + String.join("; ", missing)
            + " (header found: "
            + String.join(" | ", header)
            + "). Rename the column"
            + (missing.size() == 1 ? "" : "s")
            + " in the export, or map the export's names onto them with "
            + Ingestor.CONFIG_HEADER_ALIASES
            + " in the configuration."
            + (header.size() == 1
                ? " The header was read as a single column: check the delimiter, or set "
                    + Ingestor.CONFIG_DELIMITER
                    + "."
                : ""));
  }

  private JobFailure readFailure(Path path, String name, Charset effective, Throwable cause) {
    if (cause instanceof JobFailure jf) {
      return jf;
    }
    if (cause instanceof CharacterCodingException) {
      return undecodable(path, name, effective, cause);
    }
    if (cause instanceof ZipException || (isGzip(name) && cause instanceof EOFException)) {
      return new JobFailure(
          ExitCode.DATA_ERROR,
          name
              + " is not a complete gzip file ("
              + cause.getMessage()
              + "); compress it again or provide it uncompressed as .csv.",
          cause);
    }
    if (cause instanceof NoSuchFileException || cause instanceof AccessDeniedException) {
      return new JobFailure(
          ExitCode.NO_INPUT,
          "Cannot open "
              + path
              + " ("
              + cause.getClass().getSimpleName()
              + "); check that the file exists and that this job may read it.",
          cause);
    }
    return new JobFailure(
        ExitCode.NO_INPUT,
        "Cannot read " + path + ": " + cause.getMessage() + "; check the file and the disk.",
        cause);
  }

  /**
   * Names the exact line of the first undecodable bytes by decoding the file again on this rare
   * path; the reader that failed had read ahead by several kilobytes.
   */
  private JobFailure undecodable(Path path, String name, Charset effective, Throwable cause) {
    String where = "";
    try (InputStream raw = new BufferedInputStream(Files.newInputStream(path), BUFFER)) {
      InputStream in = isGzip(name) ? new GZIPInputStream(raw, BUFFER) : raw;
      BOMInputStream bom =
          BOMInputStream.builder().setInputStream(in).setByteOrderMarks(BOMS).get();
      where = locateMalformed(bom, effective);
    } catch (IOException e) {
      LOG.debug("could not locate the undecodable bytes of {}", name, e);
    }
    return new JobFailure(
        ExitCode.DATA_ERROR,
        name
            + where
            + " holds bytes that are not valid "
            + effective.name()
            + ". Set "
            + Ingestor.CONFIG_CHARSET
            + " in the configuration to the file's real encoding (for example windows-1252 or"
            + " GBK), or export the file again as UTF-8.",
        cause);
  }

  private static String locateMalformed(InputStream in, Charset effective) throws IOException {
    CharsetDecoder decoder = strictDecoder(effective);
    ByteBuffer bytes = ByteBuffer.allocate(BUFFER);
    CharBuffer chars = CharBuffer.allocate(BUFFER);
    long line = 1;
    boolean previousCr = false;
    boolean eof = false;
    while (true) {
      if (!eof) {
        int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
        if (n < 0) {
          eof = true;
        } else {
          bytes.position(bytes.position() + n);
        }
      }
      bytes.flip();
      CoderResult result = decoder.decode(bytes, chars, eof);
      chars.flip();
      while (chars.hasRemaining()) {
        char c = chars.get();
        if (c == '\r' || (c == '\n' && !previousCr)) {
          line++;
        }
        previousCr = c == '\r';
      }
      chars.clear();
      if (result.isError()) {
        StringBuilder hex = new StringBuilder();
        for (int i = 0; i < result.length() && bytes.position() + i < bytes.limit(); i++) {
          hex.append(i == 0 ? "" : " ")
              .append(String.format("0x%02X", bytes.get(bytes.position() + i) & 0xff));
        }
        return " line " + line + (hex.length() > 0 ? " (bytes " + hex + ")" : "");
      }
      bytes.compact();
      if (eof && result.isUnderflow()) {
        return "";
      }
    }
  }
}
