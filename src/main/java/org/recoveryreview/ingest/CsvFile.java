package org.recoveryreview.ingest;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
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
  static final int BUFFER = 1 << 16;
  // Longest first: a UTF-32LE mark begins with the UTF-16LE one.
  static final ByteOrderMark[] BOMS = {
    ByteOrderMark.UTF_32LE,
    ByteOrderMark.UTF_32BE,
    ByteOrderMark.UTF_8,
    ByteOrderMark.UTF_16LE,
    ByteOrderMark.UTF_16BE
  };

  /** What reading a file produced besides its rows. */
  record Result(String sha256, long sizeBytes, long rowsRead) {}

  /** Receives each data row; the row object is reused, so consumers copy what they keep. */
  interface RowConsumer {
    void accept(Row row);
  }

  /** One data row as the contract's columns, values trimmed, absent cells blank. */
  static final class Row {
    /** The current data record; the header record until the first one. */
    private CSVRecord record;

    private final List<String> header;
    private final int[] index;
    private final int headerSize;
    private long line;
    private int tooLong = -1;
    // Whether the record may hold a control character (the reader saw one since it started).
    private boolean mayHoldControls = true;

    private Row(CSVRecord headerRecord, List<String> header, int[] index) {
      this.record = headerRecord;
      this.header = header;
      this.index = index;
      this.headerSize = header.size();
    }

    /** The trimmed value of a contract column; "" when blank or absent. */
    String get(int column) {
      int i = index[column];
      if (i < 0 || i >= record.size()) {
        return "";
      }
      // Only ASCII spaces here: Commons CSV already trimmed Unicode spaces outside quotes, and
      // spaces inside quotes are part of the value. Control characters such as NUL are escaped
      // here, once, so none reaches a report, a CSV or a terminal; scanning every value for them
      // was 15% of parsing, so only a record the reader saw one in is scanned.
      String value = record.get(i).trim();
      return mayHoldControls ? Printable.escapeKeepingLineBreaks(value) : value;
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
        throw failure(
            Objects.requireNonNull(e.getCause(), "an UncheckedIOException wraps an IOException"));
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
      Optional<Character> excel = Delimiters.excelSeparator(reader);
      if (excel.isPresent()) {
        linesBefore = 1;
        recordLine = 2;
        if (delimiter.isPresent() && !delimiter.get().equals(excel.get())) {
          LOG.warn(
              "{}: its first line sep={} names the delimiter, which is used instead of {} '{}'",
              name,
              Delimiters.printable(excel.get()),
              Ingestor.CONFIG_DELIMITER,
              Delimiters.printable(delimiter.get()));
        }
        return excel.get();
      }
      return delimiter.isPresent() ? delimiter.get() : Delimiters.detect(reader);
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
      CompactTokens tokens = CompactTokens.of(parser);
      Row row = null; // made from the header line
      long rows = 0;
      // The reader bounds memory but counts a record only roughly (it cannot see where the parser
      // is); each record's exact length is checked here, once the next one starts.
      long previousStart = -1;
      long previousLine = 0;
      while (records.hasNext()) {
        CSVRecord record = records.next();
        tracked.recordDone();
        long start = record.getCharacterPosition();
        // Known once the next record starts: where the record before this one ended.
        tokens.afterRecord(tracked.wideBetween(Math.max(previousStart, 0), start));
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
        if (row == null) {
          row = header(record, line, sep, schema, aliases);
          continue;
        }
        row.record = record;
        row.line = line;
        row.mayHoldControls = tracked.controlSince(start);
        row.tooLong = tooLong(record);
        rows++;
        consumer.accept(row);
      }
      if (previousStart >= 0) {
        checkLength(tracked.lengthToEnd(previousStart), previousLine);
      }
      if (row == null) {
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

    /** The row of the file's data records, once its header line checks out. */
    private Row header(
        CSVRecord record, long line, char sep, Schema schema, Map<String, Integer> aliases) {
      List<String> header = new ArrayList<>(record.size());
      List<String> shown = new ArrayList<>(record.size());
      for (String cell : record) {
        header.add(trim(cell));
        shown.add(Printable.escape(shortened(trim(cell))));
      }
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
      int[] index = schema.map(header, aliases);
      List<String> missing = schema.missing(index);
      if (!missing.isEmpty()) {
        throw missingColumns(name, line, missing, shown);
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
      LOG.debug("{}: delimiter '{}', header {}", name, Delimiters.printable(sep), shown);
      return new Row(record, shown, index);
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
      return ReadFailures.of(path, name, effective, cause);
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

  static CharsetDecoder strictDecoder(Charset charset) {
    return charset
        .newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
  }

  private static JobFailure missingColumns(
      String name, long line, List<String> missing, List<String> header) {
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
}
