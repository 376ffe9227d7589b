package org.recoveryreview.generate;

/**
 * The arm-recovery model behind the assessments.
 *
 * <p>The Fugl-Meyer upper-extremity motor total approaches {@code FMA0 + gain} exponentially from
 * onset (proportional recovery, Prabhakaran 2008; time course after Nakayama 1994), with a slow
 * therapy-driven gain in the chronic phase. A total maps to parts through a latent recovery level x
 * in [0, 1]: each part is {@code max * x^k}, with a small exponent for the proximal part A (it
 * fills first) and larger ones for wrist, coordination and hand (gross before fine). Each part also
 * approaches its final level with its own time constant, shortest for A and longest for the hand,
 * so the shoulder and elbow return before the wrist and fingers (Twitchell 1951).
 */
final class Recovery {
  /** Patients starting below this FMA-UE total count as severe (about 20 of 66). */
  static final double SEVERE_BELOW = 20;

  static final int[] MAX = {36, 10, 14, 6};
  private static final double[] EXPONENT = {0.55, 1.15, 1.7, 1.35};
  private static final int A = 0;
  private static final int B = 1;
  private static final int C = 2;

  /** latent[i] is the level x whose parts sum to i / STEPS_PER_POINT points. */
  private static final int STEPS_PER_POINT = 20;

  private static final double[] LATENT = latentTable();

  private Recovery() {}

  /**
   * Relative time constants of the parts: the shoulder and elbow (A) approach their final level
   * fastest and the hand (C) slowest, so the hand returns weeks after the shoulder.
   */
  private static final double[] TIME_SCALE = {0.7, 1.1, 1.6, 1.3};

  /** The level the FMA-UE total approaches on a given day: proportional gain plus chronic gain. */
  static double targetTotal(SimPatient p, long day) {
    double v = p.fma0 + p.gain;
    double chronicFrom = Math.max(p.onsetDay + 180, p.programStartDay);
    if (day > chronicFrom) {
      v += p.chronicSlopePerDay * (day - chronicFrom);
    }
    return Math.min(66, v);
  }

  /**
   * The noiseless parts A, B, C, D on a given day. Each part moves its own latent level from the
   * onset level towards the target level with its own time constant; as all approach the same
   * target, the total still ends at FMA0 + gain (the proportional recovery rule).
   */
  static void parts(SimPatient p, long day, double[] out) {
    double t = Math.max(0, day - p.onsetDay);
    double x0 = latent(p.fma0);
    double x1 = latent(targetTotal(p, day));
    for (int k = 0; k < MAX.length; k++) {
      double reached = 1.0 - StrictMath.exp(-t / (p.tauDays * TIME_SCALE[k]));
      out[k] = part(k, x0 + (x1 - x0) * reached);
    }
  }

  /** The latent level whose parts add up to {@code total}. */
  static double latent(double total) {
    double pos = Rng.clamp(total, 0, 66) * STEPS_PER_POINT;
    int i = (int) pos;
    if (i >= LATENT.length - 1) {
      return 1.0;
    }
    double f = pos - i;
    return LATENT[i] * (1 - f) + LATENT[i + 1] * f;
  }

  /** Part k (0 = A ... 3 = D) at latent level x, unrounded. */
  static double part(int k, double x) {
    return MAX[k] * StrictMath.pow(x, EXPONENT[k]);
  }

  private static double sum(double x) {
    double s = 0;
    for (int k = 0; k < MAX.length; k++) {
      s += part(k, x);
    }
    return s;
  }

  private static double[] latentTable() {
    double[] table = new double[66 * STEPS_PER_POINT + 1];
    for (int i = 0; i < table.length; i++) {
      double target = i / (double) STEPS_PER_POINT;
      double lo = 0;
      double hi = 1;
      for (int it = 0; it < 50; it++) {
        double mid = (lo + hi) / 2;
        if (sum(mid) < target) {
          lo = mid;
        } else {
          hi = mid;
        }
      }
      table[i] = (lo + hi) / 2;
    }
    return table;
  }

  /**
   * The Brunnstrom arm stage the proximal part suggests (stage I flaccid ... VI isolated joint
   * movement); the assessment simulator then limits how far it moves between visits.
   */
  static int armStage(double fmaA) {
    return stage(fmaA / MAX[A], 0.06, 0.20, 0.42, 0.65, 0.86);
  }

  /**
   * The Brunnstrom hand stage the hand part suggests (I no hand movement ... VI isolated fingers).
   */
  static int handStage(double fmaC) {
    return stage(fmaC / MAX[C], 0.05, 0.18, 0.40, 0.62, 0.86);
  }

  private static int stage(double fraction, double... thresholds) {
    int s = 1;
    for (double t : thresholds) {
      if (fraction >= t) {
        s++;
      }
    }
    return s;
  }

  /**
   * ARAT is mostly grasp, grip and pinch, so it follows the distal parts (wrist and hand) with a
   * floor for patients without hand function and some reach from the proximal part.
   */
  static double arat(double fmaA, double fmaB, double fmaC) {
    double proximal = fmaA / MAX[A];
    double distal = (fmaB + fmaC) / (MAX[B] + MAX[C]);
    return 57.0 * (0.2 * StrictMath.pow(proximal, 1.5) + 0.8 * StrictMath.pow(distal, 1.25));
  }

  /** ARAT subtest maxima in gross-to-fine order: gross movement, grasp, grip, pinch. */
  static final int[] ARAT_PART_MAX = {9, 18, 12, 18};

  /** How late each subtest recovers: a higher exponent rises later (gross before fine). */
  private static final double[] ARAT_PART_EXPONENT = {0.8, 1.1, 1.5, 2.0};

  /**
   * Splits an ARAT total into subtests, gross movement, grasp, grip and pinch, that sum to it: each
   * in proportion to where its recovery curve stands (gross movement following the proximal part,
   * the others the distal parts, finer ones later), so fine recovers after gross. No random draw:
   * the rest of a generated set stays as it was before the subtests existed.
   */
  static int[] aratParts(int total, double fmaA, double fmaB, double fmaC) {
    double proximal = fmaA / MAX[A];
    double distal = (fmaB + fmaC) / (MAX[B] + MAX[C]);
    double[] expected = new double[4];
    double sum = 0;
    for (int k = 0; k < 4; k++) {
      double x = k == 0 ? proximal : distal;
      expected[k] = ARAT_PART_MAX[k] * StrictMath.pow(x, ARAT_PART_EXPONENT[k]);
      sum += expected[k];
    }
    int[] parts = new int[4];
    int left = total;
    for (int k = 0; k < 4 && sum > 0; k++) {
      parts[k] = Math.min(ARAT_PART_MAX[k], (int) Math.floor(expected[k] * total / sum));
      left -= parts[k];
    }
    // Rounding remainder (and any clamped excess) goes to the grossest subtest with room.
    for (int k = 0; k < 4 && left > 0; k++) {
      int add = Math.min(left, ARAT_PART_MAX[k] - parts[k]);
      parts[k] += add;
      left -= add;
    }
    return parts;
  }
}
