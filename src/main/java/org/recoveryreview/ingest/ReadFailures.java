package org.recoveryreview.ingest;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import org.apache.commons.io.input.BOMInputStream;
import org.recoveryreview.model.ExitCode;
import org.recoveryreview.model.JobFailure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Why a file could not be read, as the run reports it: an undecodable byte (with its line), a
 * broken gzip stream, a file that cannot be opened, or any other I/O error.
 */
final class ReadFailures {
  // CsvFile's logger: the debug line belongs to reading the file.
  private static final Logger LOG = LoggerFactory.getLogger(CsvFile.class);

  private ReadFailures() {}

  /** The failure to report for {@code cause}, met while reading {@code path}. */
  static JobFailure of(Path path, String name, Charset effective, Throwable cause) {
    if (cause instanceof JobFailure jf) {
      return jf;
    }
    if (cause instanceof CharacterCodingException) {
      return undecodable(path, name, effective, cause);
    }
    if (cause instanceof ZipException || (CsvFile.isGzip(name) && cause instanceof EOFException)) {
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
  private static JobFailure undecodable(
      Path path, String name, Charset effective, Throwable cause) {
    String where = "";
    try (InputStream raw = new BufferedInputStream(Files.newInputStream(path), CsvFile.BUFFER)) {
      InputStream in = CsvFile.isGzip(name) ? new GZIPInputStream(raw, CsvFile.BUFFER) : raw;
      BOMInputStream bom =
          BOMInputStream.builder().setInputStream(in).setByteOrderMarks(CsvFile.BOMS).get();
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
    CharsetDecoder decoder = CsvFile.strictDecoder(effective);
    ByteBuffer bytes = ByteBuffer.allocate(CsvFile.BUFFER);
    CharBuffer chars = CharBuffer.allocate(CsvFile.BUFFER);
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
