package org.recoveryreview.ingest;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.recoveryreview.model.AratPart;
import org.recoveryreview.model.AratParts;
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
  private static final int ARAT_GRASP = 10;

  /** The subtests in the order of their columns, from arat_grasp. */
  private static final AratPart[] ARAT_PARTS = {
    AratPart.GRASP, AratPart.GRIP, AratPart.PINCH, AratPart.GROSS
  };

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
    notInFuture(
        row,
        DATE,
        date,
        "correct the date in the export (a mistyped year?); an assessment is exported once done");
    Optional<String> assessor = vocabulary.text(row.get(ASSESSOR));
    OptionalInt arm = optionalInt(row, BRUNNSTROM_ARM, 1, 6);
    OptionalInt hand = optionalInt(row, BRUNNSTROM_HAND, 1, 6);
    OptionalInt fmaA = optionalInt(row, FMA_A, 0, Assessment.FMA_A_MAX);
    OptionalInt fmaB = optionalInt(row, FMA_B, 0, Assessment.FMA_B_MAX);
    OptionalInt fmaC = optionalInt(row, FMA_C, 0, Assessment.FMA_C_MAX);
    OptionalInt fmaD = optionalInt(row, FMA_D, 0, Assessment.FMA_D_MAX);
    OptionalInt arat = optionalInt(row, ARAT, 0, Assessment.ARAT_MAX);
    AratParts parts = aratParts(row);
    arat = aratTotal(arat, parts);
    if (arm.isEmpty()
        && hand.isEmpty()
        && fmaA.isEmpty()
        && fmaB.isEmpty()
        && fmaC.isEmpty()
        && fmaD.isEmpty()
        && arat.isEmpty()
        && !parts.any()) {
      throw new Reject(
          "",
          "",
          "no measure",
          "the assessment has no measure; expected at least one of "
              + String.join(", ", schema.anyOf));
    }
    return new Assessment(
        patientId, date, assessor, arm, hand, fmaA, fmaB, fmaC, fmaD, arat, parts);
  }

  private AratParts aratParts(CsvFile.Row row) throws Reject {
    Map<AratPart, OptionalInt> parts = new EnumMap<>(AratPart.class);
    // Read in column order, so the first broken rule named is the leftmost one.
    for (int i = 0; i < ARAT_PARTS.length; i++) {
      AratPart part = ARAT_PARTS[i];
      parts.put(part, optionalInt(row, ARAT_GRASP + i, 0, part.max()));
    }
    return AratParts.of(parts);
  }

  /**
   * The ARAT total checked against its subtests: with all four, a blank total is their sum and a
   * written one must equal it; with some blank, a written total must lie between the recorded
   * subtests' sum and that sum plus the blank subtests' maxima, and a blank total stays blank.
   */
  static OptionalInt aratTotal(OptionalInt total, AratParts parts) throws Reject {
    if (!parts.any()) {
      return total;
    }
    int sum = parts.recordedSum();
    if (total.isEmpty()) {
      return parts.complete() ? OptionalInt.of(sum) : total;
    }
    int t = total.getAsInt();
    if (parts.complete() && t != sum) {
      throw disagrees(
          t,
          " disagrees with the sum of its subtests, "
              + sum
              + " ("
              + described(parts)
              + "); correct the total or the subtests, or leave arat blank to use the sum");
    }
    if (!parts.complete() && (t < sum || t > sum + parts.blankMax())) {
      throw disagrees(
          t,
          " cannot be the total of its subtests: the recorded ones sum to "
              + sum
              + " ("
              + described(parts)
              + ") and the blank ones add at most "
              + parts.blankMax()
              + "; correct the total or the subtests");
    }
    return total;
  }

  /**
   * The rejection of an ARAT total of {@code t} that its subtests contradict as {@code why} says.
   */
  private static Reject disagrees(int t, String why) {
    return new Reject(
        "arat", Integer.toString(t), "total disagrees with subtests", "arat " + t + why);
  }

  private static String described(AratParts parts) {
    List<String> out = new ArrayList<>();
    for (AratPart p : ARAT_PARTS) {
      out.add(p.column() + " " + (parts.get(p).isPresent() ? parts.get(p).getAsInt() : "blank"));
    }
    return String.join(", ", out);
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
    for (AratPart p : ARAT_PARTS) {
      PatientRows.diff(c, p.column(), a.aratParts().get(p), b.aratParts().get(p));
    }
    return c;
  }
}
