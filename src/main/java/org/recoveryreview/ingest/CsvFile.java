package org.recoveryreview.ingest;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.io.input.BOMInputStream;
import org.recoveryreview.model.ExitCode;
import org.recoveryreview.model.JobFailure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads one export file: checksums the raw bytes, unzips, skips a byte-order mark, decodes
 * strictly, detects the delimiter, maps the header and hands each non-empty data row, with the line
 * it starts on, to a consumer.
 */
final class CsvFile {
  private static final Logger LOG = LoggerFactory.getLogger(CsvFile.class);
  private static final int BUFFER = 1 << 16;
  private static final int DETECT_LIMIT = 1 << 16;

  /** What reading a file produced besides its rows. */
  record Result(String sha256, long sizeBytes, long rowsRead) {}

  /** Receives each data row; the row object is reused, so consumers copy what they keep. */
  interface RowConsumer {
    void accept(Row row);
  }

  /** One data row as the contract's columns, values trimmed, absent cells blank. */
  static final class Row {
    private CSVRecord record;
    private int[] index;
    private int headerSize;
    private long line;

    /** The trimmed value of a contract column; "" when blank or absent. */
    String get(int column) {
      int i = index[column];
      if (i < 0 || i >= record.size()) {
        return "";
      }
      return record.get(i).trim();
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

  CsvFile(Charset charset, Optional<Character> delimiter) {
    this.charset = charset;
    this.delimiter = delimiter;
  }

  Result read(Path path, Schema schema, Map<String, Integer> aliases, RowConsumer consumer) {
    String name = path.getFileName().toString();
    MessageDigest sha = sha256();
    long size;
    long rows = 0;
    LineTrackingReader tracked = null;
    try (InputStream raw = Files.newInputStream(path);
        DigestInputStream digesting =
            new DigestInputStream(new BufferedInputStream(raw, BUFFER), sha)) {
      size = Files.size(path);
      InputStream in = isGzip(name) ? new GZIPInputStream(digesting, BUFFER) : digesting;
      BOMInputStream bom = BOMInputStream.builder().setInputStream(in).get();
      if (bom.hasBOM() && !StandardCharsets.UTF_8.equals(charset)) {
        LOG.warn(
            "{} starts with a UTF-8 byte-order mark but is read as {} ({}); set {} to UTF-8 if"
                + " names look garbled",
            name,
            charset.name(),
            Ingestor.CONFIG_CHARSET,
            Ingestor.CONFIG_CHARSET);
      }
      BufferedReader buffered =
          new BufferedReader(new InputStreamReader(bom, strictDecoder()), BUFFER);
      char sep = delimiter.isPresent() ? delimiter.get() : detectDelimiter(buffered);
      tracked = new LineTrackingReader(buffered);
      CSVFormat format =
          CSVFormat.RFC4180
              .builder()
              .setDelimiter(sep)
              // Empty lines are dropped below instead: with Commons CSV skipping them, the next
              // record's character position would point at the blank line.
              .setIgnoreEmptyLines(false)
              .setIgnoreSurroundingSpaces(true)
              .get();
      CSVParser parser = CSVParser.builder().setReader(tracked).setFormat(format).get();
      Iterator<CSVRecord> records = parser.iterator();
      Row row = new Row();
      List<String> header = null;
      while (records.hasNext()) {
        CSVRecord record = records.next();
        long line = tracked.lineOf(record.getCharacterPosition());
        if (isBlank(record)) {
          continue;
        }
        if (header == null) {
          header = record.toList();
          row.index = schema.map(header, aliases);
          row.headerSize = header.size();
          List<String> missing = schema.missing(row.index);
          if (!missing.isEmpty()) {
            throw missingColumns(name, line, schema, missing, header);
          }
          List<String> twice = schema.ambiguous(header);
          if (!twice.isEmpty()) {
            throw new JobFailure(
                ExitCode.DATA_ERROR,
                name
                    + " line "
                    + line
                    + ": the header names "
                    + String.join("; ", twice)
                    + ", so it is unclear which to read. Rename or remove one of them in the"
                    + " export.");
          }
          LOG.debug("{}: delimiter '{}', header {}", name, printable(sep), header);
          continue;
        }
        row.record = record;
        row.line = line;
        rows++;
        consumer.accept(row);
      }
      if (header == null) {
        throw new JobFailure(
            ExitCode.DATA_ERROR,
            name
                + " is empty: it has no header line. Export it again with the header "
                + String.join(",", schema.columns)
                + ", or remove it from the input folder.");
      }
      // Hash every byte of the file, including any the decoder or gzip did not need to read.
      digesting.transferTo(OutputStream.nullOutputStream());
    } catch (UncheckedIOException e) {
      throw readFailure(path, name, e.getCause(), tracked);
    } catch (IOException e) {
      throw readFailure(path, name, e, tracked);
    }
    return new Result(HexFormat.of().formatHex(sha.digest()), size, rows);
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
    return name.toLowerCase(java.util.Locale.ROOT).endsWith(".gz");
  }

  private CharsetDecoder strictDecoder() {
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

  private JobFailure readFailure(
      Path path, String name, Throwable cause, LineTrackingReader tracked) {
    if (cause instanceof JobFailure jf) {
      return jf;
    }
    if (cause instanceof CharacterCodingException) {
      return undecodable(path, name, cause);
    }
    if (cause instanceof ZipException || (isGzip(name) && cause instanceof java.io.EOFException)) {
      return new JobFailure(
          ExitCode.DATA_ERROR,
          name
              + " is not a complete gzip file ("
              + cause.getMessage()
              + "); compress it again or provide it uncompressed as .csv.",
          cause);
    }
    if (cause instanceof org.apache.commons.csv.CSVException) {
      String near = tracked == null ? "" : " near line " + tracked.currentLine();
      return new JobFailure(
          ExitCode.DATA_ERROR,
          name
              + " is not valid CSV"
              + near
              + " ("
              + cause.getMessage()
              + "); a value containing a quote must be quoted as a whole with the quote doubled,"
              + " and every opening quote needs a closing one.",
          cause);
    }
    if (cause instanceof java.nio.file.NoSuchFileException
        || cause instanceof java.nio.file.AccessDeniedException) {
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
  private JobFailure undecodable(Path path, String name, Throwable cause) {
    String where = "";
    try (InputStream raw = new BufferedInputStream(Files.newInputStream(path), BUFFER)) {
      InputStream in = isGzip(name) ? new GZIPInputStream(raw, BUFFER) : raw;
      BOMInputStream bom = BOMInputStream.builder().setInputStream(in).get();
      where = locateMalformed(bom);
    } catch (IOException e) {
      LOG.debug("could not locate the undecodable bytes of {}", name, e);
    }
    return new JobFailure(
        ExitCode.DATA_ERROR,
        name
            + where
            + " holds bytes that are not valid "
            + charset.name()
            + ". Set "
            + Ingestor.CONFIG_CHARSET
            + " in the configuration to the file's real encoding (for example windows-1252 or"
            + " GBK), or export the file again as UTF-8.",
        cause);
  }

  private String locateMalformed(InputStream in) throws IOException {
    CharsetDecoder decoder = strictDecoder();
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

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
