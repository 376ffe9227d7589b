package org.recoveryreview.ingest;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.recoveryreview.model.InputLimits;
import org.recoveryreview.model.IssueAction;
import org.recoveryreview.model.Patient;

/** Checks patients rows; the first row of a patient_id is kept and a different repeat rejected. */
final class PatientRows extends RowRules {
  private static final int PATIENT_ID = 0;
  private static final int NAME = 1;
  private static final int BIRTH_DATE = 2;
  private static final int SEX = 3;
  private static final int AFFECTED_SIDE = 4;
  private static final int DIAGNOSIS = 5;
  private static final int ONSET_DATE = 6;
  private static final int CLINIC = 7;
  private static final int THERAPIST = 8;
  private static final int PROGRAM_START = 9;
  private static final int DISCHARGE_DATE = 10;
  private static final int LANGUAGE = 11;

  private record Kept(Patient patient, int file, long line) {}

  private final Map<String, Kept> byId = new LinkedHashMap<>();
  private final Set<String> rejectedIds = new HashSet<>();

  private final Ledger ledger;

  PatientRows(Ledger ledger, DateParser dates, Vocabulary vocabulary, InputLimits limits) {
    super(Schema.PATIENTS, dates, vocabulary, limits);
    this.ledger = ledger;
  }

  void accept(CsvFile.Row row, int file) {
    Patient p;
    try {
      p = patient(row);
    } catch (Reject r) {
      String id = row.get(PATIENT_ID);
      if (!id.isEmpty()) {
        rejectedIds.add(id);
      }
      ledger.reject(file, row.line(), id, r);
      return;
    }
    keepFirst(p, file, row.line());
  }

  private Patient patient(CsvFile.Row row) throws Reject {
    checkWidth(row);
    String id = patientId(row, PATIENT_ID);
    String name = required(row, NAME);
    var birth = optionalDate(row, BIRTH_DATE);
    if (birth.isPresent()) {
      notInFuture(row, BIRTH_DATE, birth.get(), "correct birth_date in the export");
    }
    var sex = vocabulary.text(row.get(SEX));
    var side = side(row);
    var diagnosis = vocabulary.text(row.get(DIAGNOSIS));
    var onset = requiredDate(row, ONSET_DATE);
    notInFuture(
        row,
        ONSET_DATE,
        onset,
        "correct onset_date in the export (the date of the stroke or injury, a mistyped year?)");
    String clinic = vocabulary.text(required(row, CLINIC)).orElseThrow();
    String therapist = vocabulary.text(required(row, THERAPIST)).orElseThrow();
    var start = optionalDate(row, PROGRAM_START);
    var discharge = optionalDate(row, DISCHARGE_DATE);
    var language = Languages.code(row.get(LANGUAGE));
    return new Patient(
        id, name, birth, sex, side, diagnosis, onset, clinic, therapist, start, discharge,
        language);
  }

  /**
   * Keeps the first row of each patient_id; a repeat with the same values is a duplicate, one with
   * different values is rejected.
   */
  private void keepFirst(Patient p, int file, long line) {
    Kept kept = byId.get(p.patientId());
    if (kept == null) {
      byId.put(p.patientId(), new Kept(p, file, line));
    } else if (kept.patient().equals(p)) {
      ledger.duplicate(file, line, p.patientId(), kept.file(), kept.line());
    } else {
      ledger.add(
          file,
          line,
          p.patientId(),
          "patient_id",
          p.patientId(),
          IssueAction.REJECTED,
          "patient_id '"
              + p.patientId()
              + "' already appeared with different values in "
              + ledger.where(kept.file(), kept.line())
              + " (differs in: "
              + String.join(", ", changed(kept.patient(), p))
              + "); the first row is kept, so correct or remove this one",
          "repeated patient_id");
    }
  }

  private Optional<String> side(CsvFile.Row row) throws Reject {
    String v = row.get(AFFECTED_SIDE);
    if (v.isEmpty()) {
      return Optional.empty();
    }
    String side = Vocabulary.side(v);
    if (side == null) {
      throw new Reject(
          "affected_side",
          v,
          "unknown affected side",
          "affected_side '" + v + "' is not a known side; expected left or right");
    }
    return Optional.of(side);
  }

  /** The kept patient with this id, for sharing its id string; null when there is none. */
  @Nullable Patient find(String id) {
    Kept k = byId.get(id);
    return k == null ? null : k.patient();
  }

  /** True when a row with this patient_id was rejected, to explain rows that refer to it. */
  boolean wasRejected(String id) {
    return rejectedIds.contains(id);
  }

  List<Patient> patients() {
    List<Patient> result = new ArrayList<>(byId.size());
    byId.values().forEach(k -> result.add(k.patient()));
    return result;
  }

  static List<String> changed(Patient a, Patient b) {
    List<String> c = new ArrayList<>();
    diff(c, "name", a.name(), b.name());
    diff(c, "birth_date", a.birthDate(), b.birthDate());
    diff(c, "sex", a.sex(), b.sex());
    diff(c, "affected_side", a.affectedSide(), b.affectedSide());
    diff(c, "diagnosis", a.diagnosis(), b.diagnosis());
    diff(c, "onset_date", a.onsetDate(), b.onsetDate());
    diff(c, "clinic", a.clinic(), b.clinic());
    diff(c, "therapist", a.therapist(), b.therapist());
    diff(c, "program_start", a.programStart(), b.programStart());
    diff(c, "discharge_date", a.dischargeDate(), b.dischargeDate());
    diff(c, "language", a.language(), b.language());
    return c;
  }

  static void diff(List<String> changed, String column, Object a, Object b) {
    if (!Objects.equals(a, b)) {
      changed.add(column);
    }
  }
}
