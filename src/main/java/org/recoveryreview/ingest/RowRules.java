package org.recoveryreview.ingest;

import java.time.LocalDate;
import java.util.Optional;
import java.util.OptionalInt;
import org.recoveryreview.model.InputLimits;

/**
 * The checks shared by every file kind; a failed check throws {@link Reject}, so a row reader reads
 * as the list of contract rules in column order and the first broken rule names the row's problem.
 */
abstract class RowRules {
  /**
   * A broken contract rule; stackless because rejected rows can be many and the trace is unused.
   */
  static final class Reject extends Exception {
    private static final long serialVersionUID = 1L;
    final String column;
    final String value;
    final String problem;

    Reject(String column, String value, String problem, String reason) {
      // A long value is echoed shortened: thousands of such rows must not hold megabytes each.
      super(
          value.length() > 200 ? reason.replace(value, CsvFile.shortened(value)) : reason,
          null,
          false,
          false);
      this.column = column;
      this.value = CsvFile.shortened(value);
      this.problem = problem;
    }
  }

  final Schema schema;
  final DateParser dates;
  final Vocabulary vocabulary;
  final InputLimits limits;

  RowRules(Schema schema, DateParser dates, Vocabulary vocabulary, InputLimits limits) {
    this.schema = schema;
    this.dates = dates;
    this.vocabulary = vocabulary;
    this.limits = limits;
  }

  final String name(int column) {
    return schema.columns.get(column);
  }

  /**
   * The checks on the row as a whole, before any value is read: no value over the length limit
   * (checked first, so an enormous value is never echoed in full), no values beyond the header.
   */
  final void checkWidth(CsvFile.Row row) throws Reject {
    int cell = row.tooLongCell();
    if (cell >= 0) {
      String column = row.cellName(cell, schema.columns);
      int length = row.cell(cell).length();
      throw new Reject(
          column,
          CsvFile.shortened(row.cell(cell)),
          "value too long",
          column
              + " is "
              + length
              + " characters long; expected at most "
              + limits.maxValueChars()
              + " (raise "
              + Ingestor.CONFIG_MAX_VALUE
              + " if such values are real)");
    }
    if (row.extraValues() > 0) {
      throw new Reject(
          "",
          "",
          "too many values",
          "the row has "
              + row.size()
              + " values but the header has "
              + row.headerSize()
              + " columns; a value that contains the delimiter must be quoted");
    }
  }

  final String required(CsvFile.Row row, int column) throws Reject {
    String v = row.get(column);
    if (v.isEmpty()) {
      throw new Reject(
          name(column), "", "missing value", name(column) + " is blank; a value is required");
    }
    return v;
  }

  final LocalDate requiredDate(CsvFile.Row row, int column) throws Reject {
    return date(column, required(row, column));
  }

  final Optional<LocalDate> optionalDate(CsvFile.Row row, int column) throws Reject {
    String v = row.get(column);
    return v.isEmpty() ? Optional.empty() : Optional.of(date(column, v));
  }

  private LocalDate date(int column, String v) throws Reject {
    LocalDate d = dates.parse(v);
    if (d == null) {
      throw new Reject(
          name(column),
          v,
          "invalid date",
          name(column)
              + " '"
              + v
              + "' is not a valid date; expected "
              + dates.expected()
              + " with a real day of the month");
    }
    return d;
  }

  /**
   * Rejects {@code date} (the value of {@code column}) when it is after the day of the run: a
   * mistyped year would otherwise make {@code --period latest} name a month that has not begun.
   * {@code fix} says what to correct.
   */
  final void notInFuture(CsvFile.Row row, int column, LocalDate date, String fix) throws Reject {
    if (date.isAfter(dates.today())) {
      String v = row.get(column);
      throw new Reject(
          name(column),
          v,
          "date in the future",
          name(column)
              + " '"
              + v
              + "' is a date in the future (after "
              + dates.today()
              + ", the day of the run); "
              + fix);
    }
  }

  final int requiredInt(CsvFile.Row row, int column, int min, int max) throws Reject {
    return integer(column, required(row, column), min, max);
  }

  final OptionalInt optionalInt(CsvFile.Row row, int column, int min, int max) throws Reject {
    String v = row.get(column);
    return v.isEmpty() ? OptionalInt.empty() : Vocabulary.minutesOrOf(integer(column, v, min, max));
  }

  private int integer(int column, String v, int min, int max) throws Reject {
    int n = Vocabulary.integer(v);
    if (n == Vocabulary.NOT_AN_INTEGER) {
      throw new Reject(
          name(column),
          v,
          "not an integer",
          name(column)
              + " '"
              + v
              + "' is not a whole number; expected an integer from "
              + min
              + " to "
              + max);
    }
    if (n < min || n > max) {
      throw new Reject(
          name(column),
          v,
          "out of range",
          name(column)
              + " '"
              + v
              + "' is out of range; expected an integer from "
              + min
              + " to "
              + max);
    }
    return n;
  }

  /** A patient_id as the contract allows it: present and 1–64 characters (configurable). */
  final String patientId(CsvFile.Row row, int column) throws Reject {
    String v = required(row, column);
    int max = limits.maxIdChars();
    if (v.length() > max && v.codePointCount(0, v.length()) > max) {
      String shown = CsvFile.shortened(v);
      throw new Reject(
          name(column),
          shown,
          "too long",
          name(column)
              + " '"
              + shown
              + "' is "
              + v.codePointCount(0, v.length())
              + " characters long; expected 1 to "
              + max
              + " characters ("
              + Ingestor.CONFIG_MAX_ID
              + ")");
    }
    return v;
  }
}
