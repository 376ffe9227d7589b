package org.recoveryreview.generate;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The clinics, their therapists and the patients of one generated data set. Each patient is drawn
 * from its own stream (seed, patient index), so patient 7 is the same whether 10 or 10,000 are
 * generated, apart from which therapist of the clinic they get.
 */
final class Cohort {
  /**
   * A clinic of the network; {@code boostCulture} is the naming culture most of its patients have.
   */
  record Clinic(String name, double weight, int boostCulture, String[] therapists) {}

  private static final String[] CLINIC_NAMES = {
    "Harbourside Rehabilitation Centre",
    "Riverside Neuro Rehab",
    "Klinika Rehabilitacji Neurologicznej Łódź",
    "Κέντρο Αποκατάστασης Θεσσαλονίκης"
  };
  private static final double[] CLINIC_WEIGHTS = {0.34, 0.28, 0.22, 0.16};
  private static final String[] CLINIC_CULTURE = {"english", "english", "polish", "greek"};

  private static final String[] DIAGNOSES = {
    "ischaemic stroke",
    "haemorrhagic stroke",
    "subarachnoid haemorrhage",
    "traumatic brain injury",
    "brain tumour resection"
  };
  private static final double[] DIAGNOSIS_WEIGHTS = {62, 20, 5, 10, 3};
  private static final int TBI = 3;

  static final String[] CLINIC_THERAPIES = {
    "occupational_therapy",
    "physical_therapy",
    "neuromuscular_reeducation",
    "acupuncture",
    "massage"
  };
  static final String[] HOME_THERAPIES = {"range_of_motion", "strength_training", "task_practice"};

  /** Two-a-week patterns; three-a-week patients come Monday, Wednesday and Friday. */
  private static final int[] TWICE_WEEKLY = {0b01010, 0b01001, 0b10100};

  private static final int MON_WED_FRI = 0b10101;

  /** A caseload of about this many patients per therapist sets the number of therapists. */
  private static final int CASELOAD = 35;

  final List<Clinic> clinics;
  final SimPatient[] patients;
  final LocalDate rangeStart;
  final LocalDate rangeEnd;

  private Cohort(List<Clinic> clinics, SimPatient[] patients, LocalDate start, LocalDate end) {
    this.clinics = clinics;
    this.patients = patients;
    this.rangeStart = start;
    this.rangeEnd = end;
  }

  static Cohort build(long seed, int count, LocalDate rangeStart, LocalDate rangeEnd) {
    List<Clinic> clinics = buildClinics(seed, count);
    SimPatient[] patients = new SimPatient[count];
    for (int i = 0; i < count; i++) {
      patients[i] = patient(seed, i, clinics, rangeStart, rangeEnd);
    }
    return new Cohort(clinics, patients, rangeStart, rangeEnd);
  }

  private static List<Clinic> buildClinics(long seed, int patientCount) {
    Set<String> used = new HashSet<>(); // membership only; never iterated
    List<Clinic> clinics = new ArrayList<>();
    for (int c = 0; c < CLINIC_NAMES.length; c++) {
      int expected = (int) Math.ceil(patientCount * CLINIC_WEIGHTS[c]);
      int staff = Rng.clamp(Math.round(expected / (float) CASELOAD), 3, 400);
      int culture = Names.cultureIndex(CLINIC_CULTURE[c]);
      SplittableRandom r = Rng.stream(seed, Rng.STAFF, c, 0);
      String[] names = new String[staff];
      for (int k = 0; k < staff; k++) {
        String name;
        int attempts = 0;
        do {
          name = Names.staff(r, r.nextDouble() < 0.7, culture);
          // Large networks exhaust the name pools; an initial keeps staff names distinct.
          if (++attempts > 20) {
            name = name + " " + (char) ('A' + r.nextInt(26)) + ".";
          }
        } while (!used.add(name));
        names[k] = name;
      }
      clinics.add(new Clinic(CLINIC_NAMES[c], CLINIC_WEIGHTS[c], culture, names));
    }
    return List.copyOf(clinics);
  }

  private static SimPatient patient(
      long seed, int index, List<Clinic> clinics, LocalDate rangeStart, LocalDate rangeEnd) {
    SplittableRandom r = Rng.stream(seed, Rng.PROFILE, index, 0);
    SimPatient p = new SimPatient();
    p.index = index;
    p.number = String.format(Locale.ROOT, "%05d", index + 1);
    p.id = "P" + p.number;

    p.clinic = Rng.weighted(r, CLINIC_WEIGHTS);
    Clinic clinic = clinics.get(p.clinic);
    boolean female = r.nextDouble() < 0.45;
    p.sex = female ? "female" : "male";
    int fixed = Names.fixedCulture(index);
    p.name =
        fixed >= 0
            ? Names.patientOf(r, female, fixed)
            : Names.patient(r, female, clinic.boostCulture());
    int diagnosis = Rng.weighted(r, DIAGNOSIS_WEIGHTS);
    p.diagnosis = DIAGNOSES[diagnosis];
    p.affectedSide = r.nextBoolean() ? "left" : "right";
    int daysBeforeEnd = onsetAndBirth(r, p, diagnosis, rangeEnd);
    p.programStart = programStart(r, p.onset, daysBeforeEnd, rangeStart, rangeEnd);
    p.lastActiveDay = rangeEnd.toEpochDay();
    discharge(r, p, rangeStart, rangeEnd);
    p.onsetDay = p.onset.toEpochDay();
    p.programStartDay = p.programStart.toEpochDay();

    p.clinicTherapists = clinic.therapists();
    p.therapist = p.clinicTherapists[r.nextInt(p.clinicTherapists.length)];

    recovery(r, p);
    adherence(r, p);
    programme(r, p);
    Situations.apply(seed, p, rangeEnd);
    return p;
  }

  /**
   * Sets the onset and the birth date; returns the days from onset to the end of the range. About a
   * third are within 180 days of onset at the end of the range (subacute), the rest chronic with an
   * exponential tail of up to ten years.
   */
  private static int onsetAndBirth(
      SplittableRandom r, SimPatient p, int diagnosis, LocalDate rangeEnd) {
    int daysBeforeEnd;
    if (r.nextDouble() < 0.35) {
      daysBeforeEnd = 25 + r.nextInt(155);
    } else {
      double tail = -StrictMath.log(1.0 - r.nextDouble()) * 420.0;
      daysBeforeEnd = 180 + (int) Math.min(tail, 3470);
    }
    p.onset = rangeEnd.minusDays(daysBeforeEnd);
    double age =
        diagnosis == TBI
            ? Rng.clamp(Rng.normal(r, 42, 16), 18, 85)
            : Rng.clamp(Rng.normal(r, 67, 12), 28, 96);
    p.birthDate = p.onset.minusDays((long) (age * 365.25));
    return daysBeforeEnd;
  }

  /**
   * Outpatient programmes start a week or more after onset, once the patient leaves hospital;
   * long-chronic patients enrolled shortly before the range or join during it.
   */
  private static LocalDate programStart(
      SplittableRandom r,
      LocalDate onset,
      int daysBeforeEnd,
      LocalDate rangeStart,
      LocalDate rangeEnd) {
    int delay = 7 + r.nextInt(Math.min(29, daysBeforeEnd - 10));
    LocalDate start = onset.plusDays(delay);
    if (start.isBefore(rangeStart)) {
      long rangeDays = rangeEnd.toEpochDay() - rangeStart.toEpochDay();
      if (r.nextDouble() < 0.1 && rangeDays > 40) {
        start = rangeStart.plusDays(r.nextInt((int) rangeDays - 30));
      } else {
        LocalDate enrolled = rangeStart.minusDays(r.nextInt(61));
        start = enrolled.isAfter(start) ? enrolled : start;
      }
    }
    return start;
  }

  /**
   * {@code d} itself on a weekday, else the Monday after: clinics see patients Monday to Friday.
   */
  static LocalDate weekday(LocalDate d) {
    DayOfWeek dow = d.getDayOfWeek();
    return dow == DayOfWeek.SATURDAY
        ? d.plusDays(2)
        : (dow == DayOfWeek.SUNDAY ? d.plusDays(1) : d);
  }

  /** About 8% are discharged during the range, at least 60 days into the programme. */
  private static void discharge(
      SplittableRandom r, SimPatient p, LocalDate rangeStart, LocalDate rangeEnd) {
    LocalDate earliestDischarge = p.programStart.plusDays(60);
    LocalDate latestDischarge = rangeEnd.minusDays(3);
    if (r.nextDouble() < 0.08
        && earliestDischarge.isBefore(latestDischarge)
        && !latestDischarge.isBefore(rangeStart.plusDays(7))) {
      int span = (int) Math.min(240, latestDischarge.toEpochDay() - earliestDischarge.toEpochDay());
      LocalDate d = earliestDischarge.plusDays(r.nextInt(span + 1));
      if (d.isBefore(rangeStart.plusDays(7))) {
        d = rangeStart.plusDays(7 + r.nextInt(14));
      }
      p.discharge = Optional.of(d);
      p.lastActiveDay = d.toEpochDay();
    }
  }

  /**
   * Initial impairment and the proportional recovery rule: fitters regain about 70% of 66 - FMA0
   * (Prabhakaran 2008; Winters 2015); a third of severe patients are non-fitters who regain far
   * less (Winters 2015; Kundert 2019). Severe paresis recovers more slowly (Nakayama 1994).
   */
  private static void recovery(SplittableRandom r, SimPatient p) {
    double u = r.nextDouble();
    if (u < 0.38) {
      p.fma0 = 19.0 * Rng.beta(r, 1.2, 1.6);
    } else if (u < 0.72) {
      p.fma0 = 20 + 25 * r.nextDouble();
    } else {
      p.fma0 = 46 + 16 * r.nextDouble();
    }
    double potential = 66 - p.fma0;
    p.nonFitter = p.fma0 < Recovery.SEVERE_BELOW && r.nextDouble() < 0.33;
    if (p.nonFitter) {
      p.gain = potential * Rng.uniform(r, 0.0, 0.18);
    } else {
      p.gain =
          Math.min(potential, potential * Rng.clamp(Rng.normal(r, 0.70, 0.07), 0.5, 0.9) + 0.4);
    }
    p.tauDays = (14 + 0.45 * potential) * Rng.uniform(r, 0.8, 1.25) * (p.nonFitter ? 1.3 : 1.0);
    p.chronicSlopePerDay = Rng.uniform(r, 0, p.nonFitter ? 1.5 : 5.0) / 365.0;
    p.overdueAssessments = r.nextDouble() < 0.15;
  }

  /** Home adherence spread from poor to excellent (Levy 2019: 28-74% adherent across studies). */
  private static void adherence(SplittableRandom r, SimPatient p) {
    p.homeAdherence = Rng.beta(r, 2.8, 1.1);
    p.clinicAttendance =
        Rng.clamp(0.55 + 0.4 * p.homeAdherence + Rng.normal(r, 0, 0.08), 0.25, 0.98);
    p.driftPerMonth = Rng.normal(r, -0.006, 0.015);
    if (r.nextDouble() < 0.08) {
      p.dropOffDay = p.programStartDay + 30 + r.nextInt(180);
      p.dropHomeFactor = Rng.uniform(r, 0.1, 0.4);
      p.dropClinicFactor = Rng.uniform(r, 0.5, 0.85);
    }
    p.awayWeekRate = Rng.uniform(r, 0.0, 0.06);
    p.blankActualRate = p.clinic == 0 ? Rng.uniform(r, 0.5, 0.9) : Rng.uniform(r, 0.05, 0.4);
    // One clinic's system writes 0 minutes for sessions that did not happen; the others leave it
    // blank.
    p.writesZeroForAbsent = p.clinic == 1;
  }

  private static void programme(SplittableRandom r, SimPatient p) {
    p.clinicDays =
        r.nextDouble() < 0.5 ? MON_WED_FRI : TWICE_WEEKLY[r.nextInt(TWICE_WEEKLY.length)];
    p.teleShare = r.nextDouble() < 0.25 ? Rng.uniform(r, 0.2, 0.8) : 0.0;

    List<String> therapies = new ArrayList<>();
    List<Integer> minutes = new ArrayList<>();
    therapies.add(CLINIC_THERAPIES[0]);
    minutes.add(Rng.pick(r, new Integer[] {30, 45, 45, 60}));
    if (r.nextDouble() < 0.8) {
      therapies.add(CLINIC_THERAPIES[1]);
      minutes.add(Rng.pick(r, new Integer[] {30, 45, 60, 60}));
    }
    if (r.nextDouble() < 0.4) {
      therapies.add(CLINIC_THERAPIES[2]);
      minutes.add(Rng.pick(r, new Integer[] {30, 45}));
    }
    if (r.nextDouble() < 0.15) {
      therapies.add(CLINIC_THERAPIES[3]);
      minutes.add(30);
    }
    if (r.nextDouble() < 0.15) {
      therapies.add(CLINIC_THERAPIES[4]);
      minutes.add(30);
    }
    p.clinicTherapies = therapies.toArray(new String[0]);
    p.clinicMinutes = minutes.stream().mapToInt(Integer::intValue).toArray();
    // Outpatient neuro-rehabilitation visits usually combine two therapies (e.g. OT then PT).
    p.secondTherapyRate = therapies.size() > 1 ? Rng.uniform(r, 0.3, 1.0) : 0.0;

    double u = r.nextDouble();
    int perWeek = u < 0.55 ? 5 : (u < 0.65 ? 4 : (u < 0.85 ? 6 : 7));
    int mask = 0;
    while (Integer.bitCount(mask) < perWeek) {
      mask |= 1 << r.nextInt(7);
    }
    p.homeDays = mask;

    List<String> home = new ArrayList<>();
    for (String t : HOME_THERAPIES) {
      if (r.nextDouble() < 0.6) {
        home.add(t);
      }
    }
    if (home.isEmpty()) {
      home.add(HOME_THERAPIES[r.nextInt(HOME_THERAPIES.length)]);
    }
    p.homeTherapies = home.toArray(new String[0]);
    p.homeMinutes = Rng.pick(r, new Integer[] {15, 20, 20, 30});
  }
}
