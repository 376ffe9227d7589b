package org.recoveryreview.ingest;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.recoveryreview.model.DataIssue;
import org.recoveryreview.model.Dataset;
import org.recoveryreview.model.InputFile;
import org.recoveryreview.model.InputOptions;

/** Writes small export files into a temporary folder and ingests them. */
final class TestInput {
  static final String PATIENTS_HEADER =
      "patient_id,name,birth_date,sex,affected_side,diagnosis,onset_date,clinic,therapist,"
          + "program_start,discharge_date";
  static final String P1 = "P1,Ana Silva,1960-05-01,F,left,stroke,2026-01-10,North,Kim,2026-01-20,";
  static final String P2 = "P2,王伟,1955-02-03,M,right,stroke,2025-11-02,South,Lee,,";
  static final String SESSIONS_HEADER =
      "session_id,patient_id,date,setting,therapy,status,planned_minutes,actual_minutes,therapist";
  static final String ASSESSMENTS_HEADER =
      "patient_id,date,assessor,brunnstrom_arm,brunnstrom_hand,fma_a,fma_b,fma_c,fma_d,arat";

  final Path dir;

  TestInput(Path dir) {
    this.dir = dir;
  }

  /** Writes lines joined by LF, with a final LF, as UTF-8. */
  TestInput file(String name, String... lines) {
    return text(name, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
  }

  TestInput text(String name, String content, Charset charset) {
    return bytes(name, content.getBytes(charset));
  }

  TestInput bytes(String name, byte[] content) {
    try {
      Files.write(dir.resolve(name), content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }

  TestInput gzip(String name, String content) {
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(dir.resolve(name)))) {
      out.write(content.getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }

  /** The two standard patients in patients.csv. */
  TestInput patients() {
    return file("patients.csv", PATIENTS_HEADER, P1, P2);
  }

  /** patients.csv plus sessions.csv with the given data rows. */
  TestInput sessions(String... rows) {
    patients();
    return file("sessions.csv", concat(SESSIONS_HEADER, rows));
  }

  /** patients.csv, an empty sessions.csv and assessments.csv with the given data rows. */
  TestInput assessments(String... rows) {
    patients();
    file("sessions.csv", SESSIONS_HEADER);
    return file("assessments.csv", concat(ASSESSMENTS_HEADER, rows));
  }

  static String[] concat(String header, String... rows) {
    String[] all = new String[rows.length + 1];
    all[0] = header;
    System.arraycopy(rows, 0, all, 1, rows.length);
    return all;
  }

  Dataset ingest() {
    return ingest(InputOptions.defaults());
  }

  /** Ingests as a run on {@code today} does (rows dated after it are rejected). */
  Dataset ingestOn(java.time.LocalDate today) {
    Dataset d = new Ingestor(InputOptions.defaults(), 2, today).ingest(dir);
    assertAccounted(d);
    return d;
  }

  Dataset ingest(InputOptions options) {
    Dataset d = new Ingestor(options).ingest(dir);
    assertAccounted(d);
    return d;
  }

  /** The invariant every test relies on: per file, rows read = used + listed issues. */
  static void assertAccounted(Dataset d) {
    for (InputFile f : d.inputFiles()) {
      long listed = d.issues().stream().filter(i -> i.file().equals(f.file())).count();
      if (f.rowsRead() != f.used() + listed) {
        throw new AssertionError(
            f.file() + ": read " + f.rowsRead() + " but used " + f.used() + " + listed " + listed);
      }
    }
  }

  static InputFile file(Dataset d, String name) {
    return d.inputFiles().stream()
        .filter(f -> f.file().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no input file " + name));
  }

  /** The only issue of a data set, failing when there is not exactly one. */
  static DataIssue only(Dataset d) {
    List<DataIssue> issues = d.issues();
    if (issues.size() != 1) {
      throw new AssertionError("expected one issue, got " + issues);
    }
    return issues.get(0);
  }
}
