package org.recoveryreview.generate;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.io.input.BOMInputStream;

/** A generated data set read back with Commons CSV, independently of the generator's code. */
final class GeneratedData {
  /** One parsed row: its file, its header order, and its values by column name. */
  record Row(String file, Map<String, String> values) {
    String get(String column) {
      return values.get(column);
    }

    LocalDate date(String column) {
      return LocalDate.parse(values.get(column));
    }
  }

  final Path dir;
  final List<String> patientsHeader;
  final List<String> assessmentsHeader;
  final Map<String, List<String>> sessionsHeaders = new LinkedHashMap<>();
  final Map<String, Row> patients = new LinkedHashMap<>();
  final List<Row> sessions = new ArrayList<>();
  final List<Row> assessments = new ArrayList<>();
  final List<Row> goals = new ArrayList<>();

  GeneratedData(Path dir) throws IOException {
    this.dir = dir;
    patientsHeader = read(dir.resolve("patients.csv"), null);
    for (Row r : readRows(dir.resolve("patients.csv"))) {
      patients.put(r.get("patient_id"), r);
    }
    assessmentsHeader = read(dir.resolve("assessments.csv"), assessments);
    if (Files.exists(dir.resolve("goals.csv"))) {
      read(dir.resolve("goals.csv"), goals);
    }
    for (Path f : sessionFiles(dir)) {
      sessionsHeaders.put(f.getFileName().toString(), read(f, sessions));
    }
  }

  static List<Path> sessionFiles(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files
          .filter(f -> f.getFileName().toString().startsWith("sessions-"))
          .sorted()
          .toList();
    }
  }

  private static List<Row> readRows(Path file) throws IOException {
    List<Row> rows = new ArrayList<>();
    read(file, rows);
    return rows;
  }

  private static List<String> read(Path file, List<Row> into) throws IOException {
    CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();
    try (InputStream in =
            BOMInputStream.builder().setInputStream(Files.newInputStream(file)).get();
        Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8);
        CSVParser parser = CSVParser.builder().setReader(reader).setFormat(format).get()) {
      List<String> header = parser.getHeaderNames();
      for (CSVRecord record : parser) {
        if (into != null) {
          Map<String, String> values = new LinkedHashMap<>();
          for (String column : header) {
            values.put(column, record.get(column));
          }
          into.add(new Row(file.getFileName().toString(), values));
        }
      }
      return header;
    }
  }
}
