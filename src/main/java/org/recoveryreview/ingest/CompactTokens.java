package org.recoveryreview.ingest;

import java.lang.reflect.Field;
import java.util.Optional;
import org.apache.commons.csv.CSVParser;

/**
 * Gives Commons CSV's reused token buffer a fresh, compact one after a record with characters
 * beyond Latin-1, so one therapist's name in Chinese or Arabic does not slow the rest of the file.
 *
 * <p>Why: the parser builds every field in one {@code StringBuilder} it reuses for the whole file.
 * Once a character beyond Latin-1 has passed through it, the builder keeps two bytes a character
 * for good, and each later field's {@code toString} copies and re-compresses it (JFR: 15% of {@code
 * validate}'s samples on the bench data, where such names occur from the first rows). The builder
 * is private to the parser, so it is replaced by reflection; should a later Commons CSV rename the
 * fields, nothing is replaced and parsing is as before, only slower. {@code CompactTokensTest}
 * checks both that values are unchanged and that the buffer is replaced.
 */
final class CompactTokens {
  private static final Optional<Fields> FIELDS = Fields.find();

  private final Optional<Object> token;

  private CompactTokens(Optional<Object> token) {
    this.token = token;
  }

  /** The parser's token, if this Commons CSV has it where it is expected. */
  static CompactTokens of(CSVParser parser) {
    return new CompactTokens(FIELDS.flatMap(f -> f.token(parser)));
  }

  /**
   * Call when the parser has handed out a record: replaces the buffer when the record before it
   * held a character beyond Latin-1 ({@link LineTrackingReader#wideBetween} the two records'
   * starts). The record just handed out may have been built in that wide buffer (the same values,
   * only slower); if it holds such a character itself, the next call replaces the buffer again.
   */
  void afterRecord(boolean previousWide) {
    if (previousWide && FIELDS.isPresent() && token.isPresent()) {
      FIELDS.get().fresh(token.get());
    }
  }

  /** The parser's current buffer, where it can be reached (for tests). */
  Optional<Object> buffer() {
    return FIELDS.flatMap(f -> token.flatMap(f::content));
  }

  /** The two private fields: the parser's reused token and the token's content buffer. */
  private record Fields(Field token, Field content) {
    static Optional<Fields> find() {
      try {
        Field token = CSVParser.class.getDeclaredField("reusableToken");
        Field content = token.getType().getDeclaredField("content");
        if (content.getType() != StringBuilder.class) {
          return Optional.empty();
        }
        token.setAccessible(true);
        content.setAccessible(true);
        return Optional.of(new Fields(token, content));
      } catch (ReflectiveOperationException | RuntimeException e) {
        return Optional.empty();
      }
    }

    Optional<Object> token(CSVParser parser) {
      try {
        return Optional.ofNullable(token.get(parser));
      } catch (IllegalAccessException | RuntimeException e) {
        return Optional.empty();
      }
    }

    Optional<Object> content(Object reusable) {
      try {
        return Optional.ofNullable(content.get(reusable));
      } catch (IllegalAccessException | RuntimeException e) {
        return Optional.empty();
      }
    }

    void fresh(Object reusable) {
      try {
        content.set(reusable, new StringBuilder(64));
      } catch (IllegalAccessException | RuntimeException e) {
        // Parsing goes on with the wide buffer: the same values, only slower.
      }
    }
  }
}
