package org.recoveryreview.generate;

import java.io.IOException;
import java.time.LocalDate;
import java.util.SplittableRandom;
import org.apache.commons.csv.CSVPrinter;
import org.recoveryreview.model.FileKind;

/**
 * Writes one patient's assessments: a baseline when the programme starts, then one every four to
 * six weeks (with long gaps for patients whose reassessments are overdue) and one at discharge.
 */
final class AssessmentSimulator {
  static final String[] HEADER = FileKind.ASSESSMENTS.columns().toArray(String[]::new);

  private static final int BLANK = -1;

  private final long seed;
  private final boolean messy;
  private final LocalDate lastMonth;
  private final String[] values = new String[HEADER.length];
  private final double[] truth = new double[4];

  AssessmentSimulator(long seed) {
    this(seed, false, LocalDate.MAX);
  }

  /**
   * With {@code messy}, the patient of {@link Situations#inconsistentRecord} gets one assessment in
   * the month of {@code rangeEnd} whose arm stage contradicts the rest of the record.
   */
  AssessmentSimulator(long seed, boolean messy, LocalDate rangeEnd) {
    this.seed = seed;
    this.messy = messy;
    this.lastMonth = rangeEnd.withDayOfMonth(1);
  }

  /** Writes the patient's rows and returns how many were written. */
  int write(SimPatient p, CSVPrinter out) throws IOException {
    SplittableRandom r = Rng.stream(seed, Rng.ASSESSMENTS, p.index, 0);
    long last = p.lastActiveDay;
    LocalDate date = Cohort.weekday(p.programStart);
    int armStage = 0;
    int handStage = 0;
    int rows = 0;
    long lastWritten = Long.MIN_VALUE;
    boolean corrupt = messy && Situations.inconsistentRecord(p.index);
    while (date.toEpochDay() <= last) {
      boolean wrong = corrupt && !date.isBefore(lastMonth);
      corrupt &= !wrong;
      int[] stages = writeOne(p, r, date, armStage, handStage, wrong, out);
      armStage = stages[0];
      handStage = stages[1];
      lastWritten = date.toEpochDay();
      rows++;
      int interval = 28 + r.nextInt(15);
      if (p.overdueAssessments && r.nextDouble() < 0.4) {
        interval += 30 + r.nextInt(45);
      }
      date = Cohort.weekday(date.plusDays(interval));
    }
    if (p.discharge.isPresent() && lastWritten < last - 7) {
      writeOne(p, r, p.discharge.get(), armStage, handStage, false, out);
      rows++;
      lastWritten = p.discharge.get().toEpochDay();
    }
    LocalDate extra = Cohort.weekday(lastMonth.plusDays(20));
    if (corrupt && extra.toEpochDay() > lastWritten && extra.toEpochDay() <= last) {
      // No regular visit fell in the last month: the inconsistent record is an extra one.
      writeOne(p, r, extra, armStage, handStage, true, out);
      rows++;
    }
    return rows;
  }

  /**
   * Writes one row; returns the Brunnstrom stages reported, which the next visit starts from. A
   * {@code wrong} row records an arm stage far from the true one (I for a stage IV-VI arm, VI for a
   * stage I-III arm): a slip of the kind a data query must catch.
   */
  private int[] writeOne(
      SimPatient p,
      SplittableRandom r,
      LocalDate date,
      int prevArm,
      int prevHand,
      boolean wrong,
      CSVPrinter out)
      throws IOException {
    Recovery.parts(p, date.toEpochDay(), truth);
    double a = truth[0];
    double b = truth[1];
    double c = truth[2];
    double d = truth[3];
    // Inter-rater and test-retest noise of about a point (See 2013: MDC 3.2 on the total).
    int fa = measure(r, a, 0.9, Recovery.MAX[0]);
    int fb = measure(r, b, 0.5, Recovery.MAX[1]);
    int fc = measure(r, c, 0.5, Recovery.MAX[2]);
    int fd = measure(r, d, 0.4, Recovery.MAX[3]);
    int arat = Rng.clamp((int) Math.round(Recovery.arat(a, b, c) + Rng.normal(r, 0, 2.0)), 0, 57);

    int arm = nextStage(r, prevArm, Recovery.armStage(a));
    int hand = nextStage(r, prevHand, Recovery.handStage(c));
    // The hand stage lags the arm stage (distal after proximal).
    hand = Math.min(hand, arm);

    int bArm = wrong ? (arm <= 3 ? 6 : 1) : arm;
    int bHand = hand;
    double skip = r.nextDouble();
    if (skip < 0.04) {
      // A part left blank now and then: not tested that day, or not entered.
      switch (r.nextInt(4)) {
        case 0 -> fb = BLANK;
        case 1 -> fc = BLANK;
        case 2 -> fd = BLANK;
        default -> bHand = BLANK;
      }
    }
    if (r.nextDouble() < 0.08) {
      arat = BLANK;
    }
    String assessor = assessor(r, p);

    values[0] = p.id;
    values[1] = date.toString();
    values[2] = assessor;
    values[3] = text(bArm);
    values[4] = text(bHand);
    values[5] = text(fa);
    values[6] = text(fb);
    values[7] = text(fc);
    values[8] = text(fd);
    values[9] = text(arat);
    aratSubtests(arat, a, b, c);
    out.printRecord((Object[]) values);
    return new int[] {arm, hand};
  }

  /** Mostly the patient's own therapist, otherwise a colleague at the clinic. */
  private static String assessor(SplittableRandom r, SimPatient p) {
    return r.nextDouble() < 0.75
        ? p.therapist
        : p.clinicTherapists[r.nextInt(p.clinicTherapists.length)];
  }

  /** Subtests in column order (grasp, grip, pinch, gross); blank with a blank total. */
  private void aratSubtests(int arat, double a, double b, double c) {
    int[] parts = arat == BLANK ? null : Recovery.aratParts(arat, a, b, c);
    values[10] = parts == null ? "" : text(parts[1]);
    values[11] = parts == null ? "" : text(parts[2]);
    values[12] = parts == null ? "" : text(parts[3]);
    values[13] = parts == null ? "" : text(parts[0]);
  }

  private static int measure(SplittableRandom r, double truth, double sd, int max) {
    return Rng.clamp((int) Math.round(truth + Rng.normal(r, 0, sd)), 0, max);
  }

  /**
   * Brunnstrom stages move mostly one step per visit even when the Fugl-Meyer jumps, and
   * occasionally fall back one step (fatigue, spasticity, a bad day).
   */
  private static int nextStage(SplittableRandom r, int previous, int suggested) {
    if (previous == 0) {
      return suggested;
    }
    double u = r.nextDouble();
    if (u < 0.025 && previous > 1) {
      return previous - 1;
    }
    if (suggested > previous) {
      return suggested >= previous + 2 && u > 0.9 ? previous + 2 : previous + 1;
    }
    return previous;
  }

  private static String text(int v) {
    return v == BLANK ? "" : SessionSimulator.number(v);
  }
}
