package org.recoveryreview.generate;

import java.util.SplittableRandom;

/**
 * Seed derivation and the few distributions the generator draws from.
 *
 * <p>Every stream of random numbers is derived from (seed, purpose, patient index, and a time key)
 * so a patient's data does not depend on how many patients there are, in which order they are
 * written, or how the months are split into files. Only {@link SplittableRandom#nextDouble()},
 * {@code nextInt(bound)} and {@link StrictMath} are used, because their results are specified bit
 * for bit; {@code nextGaussian()} and {@code Math.pow} are not, and would let the same seed give
 * different bytes on another JDK or CPU.
 */
final class Rng {
  /** Purposes, so two uses of the same (patient, key) never share a stream. */
  static final long PROFILE = 0x70726f66L;

  static final long SESSIONS = 0x73657373L;
  static final long ASSESSMENTS = 0x61737365L;
  static final long AWAY = 0x61776179L;
  static final long CLINIC_CLOSED = 0x636c6f73L;
  static final long STAFF = 0x73746166L;
  static final long MESSY = 0x6d657373L;

  private Rng() {}

  /** SplitMix64's finaliser: a bijective mix with good avalanche. */
  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }

  static long derive(long seed, long purpose, long a, long b) {
    long h = mix(seed ^ mix(purpose * 0x9E3779B97F4A7C15L));
    h = mix(h + a * 0xC2B2AE3D27D4EB4FL);
    return mix(h + b * 0x165667B19E3779F9L);
  }

  static SplittableRandom stream(long seed, long purpose, long a, long b) {
    return new SplittableRandom(derive(seed, purpose, a, b));
  }

  /** A uniform double in [0, 1) decided by the keys alone, for decisions that need no stream. */
  static double uniform(long seed, long purpose, long a, long b) {
    return (derive(seed, purpose, a, b) >>> 11) * 0x1.0p-53;
  }

  static double uniform(SplittableRandom r, double lo, double hi) {
    return lo + (hi - lo) * r.nextDouble();
  }

  /** Standard normal by Box-Muller (one value per call; simplicity over speed, it is rare). */
  static double gaussian(SplittableRandom r) {
    double u1 = 1.0 - r.nextDouble(); // (0, 1], so the log is finite
    double u2 = r.nextDouble();
    return StrictMath.sqrt(-2.0 * StrictMath.log(u1)) * StrictMath.cos(2.0 * StrictMath.PI * u2);
  }

  static double normal(SplittableRandom r, double mean, double sd) {
    return mean + sd * gaussian(r);
  }

  static double clamp(double v, double lo, double hi) {
    return v < lo ? lo : (v > hi ? hi : v);
  }

  static int clamp(int v, int lo, int hi) {
    return v < lo ? lo : (v > hi ? hi : v);
  }

  /** Beta(a, b) from two gamma variates. */
  static double beta(SplittableRandom r, double a, double b) {
    double x = gamma(r, a);
    double y = gamma(r, b);
    return x / (x + y);
  }

  /** Gamma(shape, 1) by Marsaglia and Tsang (2000), with the usual boost for shape below 1. */
  static double gamma(SplittableRandom r, double shape) {
    if (shape < 1.0) {
      double u = 1.0 - r.nextDouble();
      return gamma(r, shape + 1.0) * StrictMath.pow(u, 1.0 / shape);
    }
    double d = shape - 1.0 / 3.0;
    double c = 1.0 / StrictMath.sqrt(9.0 * d);
    while (true) {
      double x = gaussian(r);
      double v = 1.0 + c * x;
      if (v <= 0) {
        continue;
      }
      v = v * v * v;
      double u = 1.0 - r.nextDouble();
      if (StrictMath.log(u) < 0.5 * x * x + d - d * v + d * StrictMath.log(v)) {
        return d * v;
      }
    }
  }

  /** Picks an index with probability proportional to its weight. */
  static int weighted(SplittableRandom r, double[] weights) {
    double total = 0;
    for (double w : weights) {
      total += w;
    }
    double u = r.nextDouble() * total;
    for (int i = 0; i < weights.length; i++) {
      u -= weights[i];
      if (u < 0) {
        return i;
      }
    }
    return weights.length - 1;
  }

  static <T> T pick(SplittableRandom r, T[] values) {
    return values[r.nextInt(values.length)];
  }
}
