package org.recoveryreview.generate;

import java.util.SplittableRandom;

/**
 * Personal names from several naming cultures and scripts, written in each culture's own order, so
 * reports and CSV handling meet accented Latin, Greek, Cyrillic, CJK, Arabic and Hebrew text as
 * clinics do.
 */
final class Names {
  /**
   * Patients: about four in five names in Latin script, the rest Greek, Cyrillic, CJK and the
   * right-to-left Arabic and Hebrew.
   */
  private static final double[] PATIENT_WEIGHTS = {30, 12, 12, 6, 6, 6, 6, 6, 4, 2, 2, 2, 1};

  /** Staff names: Latin-script cultures only. */
  private static final double[] STAFF_WEIGHTS = {40, 15, 15, 5, 5, 5, 0, 0, 0, 0, 0, 0, 0};

  private Names() {}

  /**
   * A patient's name; {@code boostCulture} (an index into the cultures, or -1) is weighted up so a
   * clinic in a given country sees more of its local names.
   */
  static String patient(SplittableRandom r, boolean female, int boostCulture) {
    return name(r, female, PATIENT_WEIGHTS, boostCulture);
  }

  /**
   * The culture fixed for a patient slot, or -1. Seven early slots get one script each, so even a
   * 25-patient sample has Chinese, Japanese, Korean, Greek, Cyrillic, Arabic and Hebrew names to
   * exercise fonts and right-to-left layout; random draws alone leave small samples without them
   * about half the time.
   */
  static int fixedCulture(int patientIndex) {
    return switch (patientIndex) {
      case 2 -> cultureIndex("arabic");
      case 7 -> cultureIndex("hebrew");
      case 4 -> cultureIndex("chinese");
      case 9 -> cultureIndex("japanese");
      case 14 -> cultureIndex("korean");
      case 19 -> cultureIndex("greek");
      case 24 -> cultureIndex("cyrillic");
      default -> -1;
    };
  }

  /** A name from the given culture. */
  static String patientOf(SplittableRandom r, boolean female, int culture) {
    double[] only = new double[NameCultures.ALL.length];
    only[culture] = 1;
    return name(r, female, only, -1);
  }

  static String staff(SplittableRandom r, boolean female, int boostCulture) {
    return name(r, female, STAFF_WEIGHTS, boostCulture);
  }

  static int cultureIndex(String label) {
    for (int i = 0; i < NameCultures.ALL.length; i++) {
      if (NameCultures.ALL[i].label().equals(label)) {
        return i;
      }
    }
    throw new IllegalArgumentException(label);
  }

  private static String name(SplittableRandom r, boolean female, double[] base, int boost) {
    double[] weights = base.clone();
    if (boost >= 0) {
      weights[boost] = Math.max(weights[boost], 5) * 6;
    }
    NameCultures.Culture c = NameCultures.ALL[Rng.weighted(r, weights)];
    String given = Rng.pick(r, female ? c.givenFemale() : c.givenMale());
    String[] families = female && c.familyFemale().length > 0 ? c.familyFemale() : c.familyMale();
    String family = Rng.pick(r, families);
    String[] middles = female ? c.middleFemale() : c.middleMale();
    if (middles.length > 0) {
      given = Rng.pick(r, middles) + " " + given;
    }
    return switch (c.order()) {
      case GIVEN_FAMILY -> given + " " + family;
      case FAMILY_GIVEN -> family + " " + given;
      case FAMILY_GIVEN_NO_SPACE -> family + given;
    };
  }
}
