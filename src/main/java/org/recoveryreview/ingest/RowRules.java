package org.recoveryreview.ingest;

import java.time.LocalDate;
import java.util.Optional;
import java.util.OptionalInt;

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
      super(reason, null, false, false);
      this.column = column;
      this.value = value;
      this.problem = problem;
    }
  }

  final Schema schema;
  final DateParser dates;
  final Vocabulary vocabulary;

  RowRules(Schema schema, DateParser dates, Vocabulary vocabulary) {
    this.schema = schema;
    this.dates = dates;
    this.vocabulary = vocabulary;
  }

  final String name(int column) {
    return schema.columns.get(column);
  }

  final void checkWidth(CsvFile.Row row) throws Reject {
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

  /** A patient_id as the contract allows it: present and 1–64 characters. */
  final String patientId(CsvFile.Row row, int column) throws Reject {
    String v = required(row, column);
    if (v.length() > 64 && v.codePointCount(0, v.length()) > 64) {
      throw new Reject(
          name(column),
          v,
          "too long",
          name(column)
              + " '"
              + v
              + "' is "
              + v.codePointCount(0, v.length())
              + " characters long; expected 1 to 64 characters");
    }
    return v;
  }
}
