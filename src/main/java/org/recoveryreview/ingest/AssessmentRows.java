package org.recoveryreview.ingest;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.recoveryreview.model.Assessment;
import org.recoveryreview.model.InputLimits;

/** Checks assessments rows and resolves repeats of one patient's assessment on one date. */
final class AssessmentRows extends RowRules implements RowChecker<Assessment> {
  private static final int PATIENT_ID = 0;
  private static final int DATE = 1;
  private static final int ASSESSOR = 2;
  private static final int BRUNNSTROM_ARM = 3;
  private static final int BRUNNSTROM_HAND = 4;
  private static final int FMA_A = 5;
  private static final int FMA_B = 6;
  private static final int FMA_C = 7;
  private static final int FMA_D = 8;
  private static final int ARAT = 9;

  private final PatientRows patients;

  /** A checker for one file; {@code patients} must be complete and is only read. */
  AssessmentRows(
      DateParser dates, Vocabulary vocabulary, InputLimits limits, PatientRows patients) {
    super(Schema.ASSESSMENTS, dates, vocabulary, limits);
    this.patients = patients;
  }

  @Override
  public String key(Assessment a) {
    return keyOf(a);
  }

  static String keyOf(Assessment a) {
    return a.patientId() + " " + a.date();
  }

  @Override
  public Assessment check(CsvFile.Row row) throws Reject {
    checkWidth(row);
    String patientId = SessionRows.knownPatient(this, patients, row, PATIENT_ID);
    LocalDate date = requiredDate(row, DATE);
    Optional<String> assessor = vocabulary.text(row.get(ASSESSOR));
    OptionalInt arm = optionalInt(row, BRUNNSTROM_ARM, 1, 6);
    OptionalInt hand = optionalInt(row, BRUNNSTROM_HAND, 1, 6);
    OptionalInt fmaA = optionalInt(row, FMA_A, 0, Assessment.FMA_A_MAX);
    OptionalInt fmaB = optionalInt(row, FMA_B, 0, Assessment.FMA_B_MAX);
    OptionalInt fmaC = optionalInt(row, FMA_C, 0, Assessment.FMA_C_MAX);
    OptionalInt fmaD = optionalInt(row, FMA_D, 0, Assessment.FMA_D_MAX);
    OptionalInt arat = optionalInt(row, ARAT, 0, Assessment.ARAT_MAX);
    if (arm.isEmpty()
        && hand.isEmpty()
        && fmaA.isEmpty()
        && fmaB.isEmpty()
        && fmaC.isEmpty()
        && fmaD.isEmpty()
        && arat.isEmpty()) {
      throw new Reject(
          "",
          "",
          "no measure",
          "the assessment has no measure; expected at least one of "
              + String.join(", ", schema.anyOf));
    }
    return new Assessment(patientId, date, assessor, arm, hand, fmaA, fmaB, fmaC, fmaD, arat);
  }

  /** patient_id and date as written (the parsed date when valid), for rejected rows. */
  @Override
  public String rejectedKey(CsvFile.Row row) {
    String id = row.get(PATIENT_ID);
    if (id.isEmpty()) {
      return "";
    }
    String date = row.get(DATE);
    if (date.isEmpty()) {
      return id;
    }
    LocalDate d = dates.parse(date);
    return id + " " + (d == null ? date : d.toString());
  }

  static List<Assessment> finish(Latest<Assessment> latest) {
    List<Assessment> used = new ArrayList<>(latest.size());
    for (int i = 0; i < latest.size(); i++) {
      used.add(latest.value(i));
    }
    return used;
  }

  static List<String> changed(Assessment a, Assessment b) {
    List<String> c = new ArrayList<>();
    PatientRows.diff(c, "assessor", a.assessor(), b.assessor());
    PatientRows.diff(c, "brunnstrom_arm", a.brunnstromArm(), b.brunnstromArm());
    PatientRows.diff(c, "brunnstrom_hand", a.brunnstromHand(), b.brunnstromHand());
    PatientRows.diff(c, "fma_a", a.fmaA(), b.fmaA());
    PatientRows.diff(c, "fma_b", a.fmaB(), b.fmaB());
    PatientRows.diff(c, "fma_c", a.fmaC(), b.fmaC());
    PatientRows.diff(c, "fma_d", a.fmaD(), b.fmaD());
    PatientRows.diff(c, "arat", a.arat(), b.arat());
    return c;
  }
}
