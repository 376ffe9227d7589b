package org.recoveryreview.model;

import java.time.LocalDate;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One dated assessment of a patient's arm and hand; every measure is optional but one is present.
 * The ARAT subtests are {@link AratParts#NONE} where the export has none.
 */
public record Assessment(
    String patientId,
    LocalDate date,
    Optional<String> assessor,
    OptionalInt brunnstromArm,
    OptionalInt brunnstromHand,
    OptionalInt fmaA,
    OptionalInt fmaB,
    OptionalInt fmaC,
    OptionalInt fmaD,
    OptionalInt arat,
    AratParts aratParts) {

  /** Maximum of Fugl-Meyer part A (shoulder, elbow, forearm). */
  public static final int FMA_A_MAX = 36;

  /** Maximum of Fugl-Meyer part B (wrist). */
  public static final int FMA_B_MAX = 10;

  /** Maximum of Fugl-Meyer part C (hand). */
  public static final int FMA_C_MAX = 14;

  /** Maximum of Fugl-Meyer part D (coordination and speed). */
  public static final int FMA_D_MAX = 6;

  /** Maximum of the Fugl-Meyer upper-extremity motor total. */
  public static final int FMA_TOTAL_MAX = 66;

  /** Maximum of the Action Research Arm Test. */
  public static final int ARAT_MAX = 57;

  /** The Fugl-Meyer motor total A+B+C+D, present only when all four parts are. */
  public OptionalInt fmaTotal() {
    if (fmaA.isPresent() && fmaB.isPresent() && fmaC.isPresent() && fmaD.isPresent()) {
      return OptionalInt.of(fmaA.getAsInt() + fmaB.getAsInt() + fmaC.getAsInt() + fmaD.getAsInt());
    }
    return OptionalInt.empty();
  }
}
