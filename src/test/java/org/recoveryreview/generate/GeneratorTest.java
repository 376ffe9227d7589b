package org.recoveryreview.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.recoveryreview.generate.GeneratedData.Row;
import org.recoveryreview.model.ExitCode;
import org.recoveryreview.model.JobFailure;

class GeneratorTest {
  private static final YearMonth END = YearMonth.of(2026, 10);
  private static final Set<String> SETTINGS = Set.of("clinic", "tele", "home");
  private static final Set<String> CLINIC_THERAPIES =
      Set.of(
          "occupational_therapy",
          "physical_therapy",
          "neuromuscular_reeducation",
          "acupuncture",
          "massage");
  private static final Set<String> HOME_THERAPIES =
      Set.of("range_of_motion", "strength_training", "task_practice");
  private static final Set<String> CANONICAL_OUTCOMES =
      Set.of("completed", "partial", "missed", "late_cancel", "cancelled", "clinic_cancelled");
  private static final String[] FMA_PARTS = {"fma_a", "fma_b", "fma_c", "fma_d"};
  private static final int[] FMA_MAX = {36, 10, 14, 6};

  /** A cohort large enough for population properties, generated once for the read-only tests. */
  @TempDir static Path cohortDir;

  private static GeneratedData cohort;

  @BeforeAll
  static void generateCohort() throws IOException {
    Generator.generate(cohortDir, 400, 12, END, 20261124L);
    cohort = new GeneratedData(cohortDir);
  }

  @Test
  void generate_outputUnderAFile_exit73NamingTheFolderAndAdvice(@TempDir Path tmp)
      throws IOException {
    Path file = Files.writeString(tmp.resolve("plain"), "x");
    Path out = file.resolve("data");

    JobFailure f =
        assertThrows(
            JobFailure.class, () -> Generator.generate(out, 5, 1, YearMonth.of(2026, 10), 1));

    assertEquals(ExitCode.CANNOT_WRITE, f.exitCode());
    assertTrue(
        f.getMessage().startsWith("Cannot create the output directory " + out + ": "),
        f.getMessage());
    assertTrue(
        f.getMessage().endsWith(". Choose a writable location with --output."), f.getMessage());
  }

  @Test
  void generate_sameSeed_writesSameBytes(@TempDir Path tmp) throws IOException {
    Path a = tmp.resolve("a");
    Path b = tmp.resolve("b");
    Generator.generate(a, 30, 3, END, 42L);
    Generator.generate(b, 30, 3, END, 42L);
    List<String> names = fileNames(a);
    assertEquals(names, fileNames(b));
    assertEquals(6, names.size());
    for (String name : names) {
      assertEquals(-1L, Files.mismatch(a.resolve(name), b.resolve(name)), name);
    }
  }

  @Test
  void generate_sameSeedMessy_writesSameBytes(@TempDir Path tmp) throws IOException {
    Path a = tmp.resolve("a");
    Path b = tmp.resolve("b");
    Generator.generate(a, 30, 3, END, 42L, true);
    Generator.generate(b, 30, 3, END, 42L, true);
    for (String name : fileNames(a)) {
      assertEquals(-1L, Files.mismatch(a.resolve(name), b.resolve(name)), name);
    }
  }

  @Test
  void generate_differentSeed_writesDifferentBytes(@TempDir Path tmp) throws IOException {
    Path a = tmp.resolve("a");
    Path b = tmp.resolve("b");
    Generator.generate(a, 30, 3, END, 42L);
    Generator.generate(b, 30, 3, END, 43L);
    for (String name : fileNames(a)) {
      assertNotEquals(-1L, Files.mismatch(a.resolve(name), b.resolve(name)), name);
    }
  }

  @Test
  void generate_morePatients_keepsEarlierPatientsIdentical(@TempDir Path tmp) throws IOException {
    Generator.generate(tmp.resolve("small"), 5, 2, END, 7L);
    Generator.generate(tmp.resolve("large"), 60, 2, END, 7L);
    GeneratedData small = new GeneratedData(tmp.resolve("small"));
    GeneratedData large = new GeneratedData(tmp.resolve("large"));
    assertEquals(small.patients.get("P00003"), large.patients.get("P00003"));
    List<Map<String, String>> smallSessions = sessionsOf(small, "P00003");
    assertFalse(smallSessions.isEmpty());
    assertEquals(smallSessions, sessionsOf(large, "P00003"));
  }

  @Test
  void generate_threeMonths_writesOneSessionsFilePerMonthWithContractHeaders(@TempDir Path tmp)
      throws IOException {
    Generator.generate(tmp, 5, 3, END, 1L);
    assertEquals(
        List.of(
            "assessments.csv",
            "goals.csv",
            "patients.csv",
            "sessions-2026-08.csv",
            "sessions-2026-09.csv",
            "sessions-2026-10.csv"),
        fileNames(tmp));
    GeneratedData data = new GeneratedData(tmp);
    assertEquals(
        List.of(
            "patient_id",
            "name",
            "birth_date",
            "sex",
            "affected_side",
            "diagnosis",
            "onset_date",
            "clinic",
            "therapist",
            "program_start",
            "discharge_date",
            "language"),
        data.patientsHeader);
    assertEquals(
        List.of(
            "patient_id",
            "date",
            "assessor",
            "brunnstrom_arm",
            "brunnstrom_hand",
            "fma_a",
            "fma_b",
            "fma_c",
            "fma_d",
            "arat",
            "arat_grasp",
            "arat_grip",
            "arat_pinch",
            "arat_gross"),
        data.assessmentsHeader);
    for (List<String> header : data.sessionsHeaders.values()) {
      assertEquals(
          List.of(
              "session_id",
              "patient_id",
              "date",
              "setting",
              "therapy",
              "status",
              "planned_minutes",
              "actual_minutes",
              "therapist"),
          header);
    }
  }

  @Test
  void generate_patients_haveValidRequiredFields() {
    assertEquals(400, cohort.patients.size());
    for (Row p : cohort.patients.values()) {
      String id = p.get("patient_id");
      assertTrue(id.matches("P\\d{5}"), id);
      assertFalse(p.get("name").isBlank(), id);
      assertFalse(p.get("clinic").isBlank(), id);
      assertFalse(p.get("therapist").isBlank(), id);
      assertTrue(Set.of("left", "right").contains(p.get("affected_side")), id);
      LocalDate onset = p.date("onset_date");
      LocalDate start = p.date("program_start");
      assertTrue(p.date("birth_date").isBefore(onset.minusYears(17)), id);
      assertFalse(start.isBefore(onset.plusDays(7)), id);
      assertFalse(start.isAfter(END.atEndOfMonth()), id);
      if (!p.get("discharge_date").isEmpty()) {
        assertTrue(p.date("discharge_date").isAfter(start), id);
      }
    }
  }

  @Test
  void generate_cohort_mixesSubacuteAndChronicAndSomeDischarged() {
    LocalDate end = END.atEndOfMonth();
    long subacute =
        cohort.patients.values().stream()
            .filter(p -> ChronoUnit.DAYS.between(p.date("onset_date"), end) < 180)
            .count();
    long discharged =
        cohort.patients.values().stream().filter(p -> !p.get("discharge_date").isEmpty()).count();
    long clinics = cohort.patients.values().stream().map(p -> p.get("clinic")).distinct().count();
    assertTrue(subacute >= 80 && subacute <= 220, "subacute " + subacute);
    assertTrue(discharged >= 5 && discharged <= 60, "discharged " + discharged);
    assertTrue(clinics >= 3 && clinics <= 5, "clinics " + clinics);
  }

  @Test
  void generate_names_comeFromSeveralScripts() {
    Set<Character.UnicodeScript> scripts = new HashSet<>();
    int accentedLatin = 0;
    int latin = 0;
    for (Row p : cohort.patients.values()) {
      String name = p.get("name");
      Character.UnicodeScript script =
          Character.UnicodeScript.of(
              name.codePoints().filter(Character::isLetter).findFirst().orElseThrow());
      scripts.add(script);
      if (script == Character.UnicodeScript.LATIN) {
        latin++;
        if (name.chars().anyMatch(c -> c > 0x7f)) {
          accentedLatin++;
        }
      }
    }
    assertTrue(
        scripts.containsAll(
            Set.of(
                Character.UnicodeScript.LATIN,
                Character.UnicodeScript.GREEK,
                Character.UnicodeScript.CYRILLIC,
                Character.UnicodeScript.HAN,
                Character.UnicodeScript.HANGUL,
                Character.UnicodeScript.ARABIC,
                Character.UnicodeScript.HEBREW)),
        scripts.toString());
    assertTrue(latin > 400 / 2, "mostly Latin: " + latin);
    assertTrue(accentedLatin > 20, "accented Latin: " + accentedLatin);
  }

  @Test
  void generate_smallSample_stillHasNamesInEveryScript(@TempDir Path tmp) throws IOException {
    Generator.generate(tmp, 25, 1, END, 99L);
    Set<Character.UnicodeScript> scripts = new HashSet<>();
    for (Row p : new GeneratedData(tmp).patients.values()) {
      p.get("name")
          .codePoints()
          .filter(Character::isLetter)
          .forEach(c -> scripts.add(Character.UnicodeScript.of(c)));
    }
    assertTrue(
        scripts.containsAll(
            Set.of(
                Character.UnicodeScript.LATIN,
                Character.UnicodeScript.GREEK,
                Character.UnicodeScript.CYRILLIC,
                Character.UnicodeScript.HAN,
                Character.UnicodeScript.HANGUL,
                Character.UnicodeScript.ARABIC,
                Character.UnicodeScript.HEBREW)),
        scripts.toString());
  }

  @Test
  void generate_sessions_stayWithinContract() {
    assertTrue(cohort.sessions.size() > 50_000, "rows " + cohort.sessions.size());
    for (Row s : cohort.sessions) {
      String where = s.file() + " " + s.get("session_id");
      Row patient = cohort.patients.get(s.get("patient_id"));
      assertTrue(patient != null, where);
      LocalDate date = s.date("date");
      assertEquals("sessions-" + YearMonth.from(date) + ".csv", s.file(), where);
      assertFalse(date.isBefore(patient.date("program_start")), where);
      String setting = s.get("setting");
      assertTrue(SETTINGS.contains(setting), where);
      Set<String> therapies = setting.equals("home") ? HOME_THERAPIES : CLINIC_THERAPIES;
      assertTrue(therapies.contains(s.get("therapy")), where);
      assertTrue(CANONICAL_OUTCOMES.contains(s.get("status")), where);
      int planned = Integer.parseInt(s.get("planned_minutes"));
      if (setting.equals("home")) {
        assertTrue(planned >= 15 && planned <= 30, where);
        assertEquals("", s.get("therapist"), where);
      } else {
        assertTrue(planned >= 30 && planned <= 60, where);
        assertFalse(s.get("therapist").isEmpty(), where);
      }
      if (!s.get("actual_minutes").isEmpty()) {
        int actual = Integer.parseInt(s.get("actual_minutes"));
        assertTrue(actual >= 0 && actual <= 720, where);
      }
    }
  }

  @Test
  void generate_partialSessions_haveActualMinutesBelowPlanned() {
    int partial = 0;
    for (Row s : cohort.sessions) {
      if (s.get("status").equals("partial")) {
        partial++;
        assertFalse(s.get("actual_minutes").isEmpty(), s.get("session_id"));
        int actual = Integer.parseInt(s.get("actual_minutes"));
        assertTrue(actual > 0 && actual < Integer.parseInt(s.get("planned_minutes")));
      }
    }
    assertTrue(partial > 100, "partial " + partial);
  }

  @Test
  void generate_completedSessions_haveBlankOrNearPlannedActualMinutes() {
    int blank = 0;
    int over = 0;
    for (Row s : cohort.sessions) {
      if (!s.get("status").equals("completed")) {
        continue;
      }
      if (s.get("actual_minutes").isEmpty()) {
        blank++;
        continue;
      }
      int planned = Integer.parseInt(s.get("planned_minutes"));
      int actual = Integer.parseInt(s.get("actual_minutes"));
      assertTrue(actual >= planned - 10 && actual <= planned + 20, s.get("session_id"));
      if (actual > planned) {
        over++;
      }
    }
    assertTrue(blank > 100, "blank " + blank);
    assertTrue(over > 100, "over " + over);
  }

  @Test
  void generate_sessionsPerWeek_matchClinicAndHomeProgrammes() {
    // Active patient-weeks: clinic visits 2-3 a week, home sessions about 5 a week.
    Map<String, int[]> perPatient = new HashMap<>();
    for (Row s : cohort.sessions) {
      int[] counts = perPatient.computeIfAbsent(s.get("patient_id"), k -> new int[2]);
      counts[s.get("setting").equals("home") ? 1 : 0]++;
    }
    double clinicWeeks = 0;
    double homeWeeks = 0;
    double weeks = 0;
    LocalDate first = END.minusMonths(11).atDay(1);
    LocalDate last = END.atEndOfMonth();
    for (Row p : cohort.patients.values()) {
      LocalDate from = p.date("program_start").isAfter(first) ? p.date("program_start") : first;
      LocalDate to = p.get("discharge_date").isEmpty() ? last : p.date("discharge_date");
      int[] counts = perPatient.getOrDefault(p.get("patient_id"), new int[2]);
      clinicWeeks += counts[0];
      homeWeeks += counts[1];
      weeks += (ChronoUnit.DAYS.between(from, to) + 1) / 7.0;
    }
    double clinicPerWeek = clinicWeeks / weeks;
    double homePerWeek = homeWeeks / weeks;
    // Clinic rows count each therapy of a visit: 2-3 visits of 1-3 therapies.
    assertTrue(clinicPerWeek > 2.5 && clinicPerWeek < 6, "clinic " + clinicPerWeek);
    assertTrue(homePerWeek > 4.5 && homePerWeek < 6, "home " + homePerWeek);
  }

  @Test
  void generate_homeAdherence_spreadsFromPoorToExcellent() {
    Map<String, int[]> home = new HashMap<>();
    for (Row s : cohort.sessions) {
      if (s.get("setting").equals("home")) {
        int[] c = home.computeIfAbsent(s.get("patient_id"), k -> new int[2]);
        c[1]++;
        if (s.get("status").equals("completed") || s.get("status").equals("partial")) {
          c[0]++;
        }
      }
    }
    int poor = 0;
    int excellent = 0;
    for (int[] c : home.values()) {
      if (c[1] >= 40) {
        double rate = c[0] / (double) c[1];
        poor += rate < 0.3 ? 1 : 0;
        excellent += rate > 0.85 ? 1 : 0;
      }
    }
    assertTrue(poor >= 20, "poor " + poor);
    assertTrue(excellent >= 10, "excellent " + excellent);
  }

  @Test
  void generate_nonMessy_sessionIdsAreUnique() {
    Set<String> ids = new HashSet<>();
    for (Row s : cohort.sessions) {
      assertTrue(ids.add(s.get("session_id")), s.get("session_id"));
    }
  }

  @Test
  void generate_dischargedPatients_haveNoSessionsOrAssessmentsAfterDischarge() {
    Map<String, LocalDate> discharge = new HashMap<>();
    for (Row p : cohort.patients.values()) {
      if (!p.get("discharge_date").isEmpty()) {
        discharge.put(p.get("patient_id"), p.date("discharge_date"));
      }
    }
    assertFalse(discharge.isEmpty());
    int checked = 0;
    for (Row s : cohort.sessions) {
      LocalDate d = discharge.get(s.get("patient_id"));
      if (d != null) {
        checked++;
        assertFalse(s.date("date").isAfter(d), s.get("session_id") + " after " + d);
      }
    }
    for (Row a : cohort.assessments) {
      LocalDate d = discharge.get(a.get("patient_id"));
      if (d != null) {
        assertFalse(a.date("date").isAfter(d), a.get("patient_id") + " " + a.get("date"));
      }
    }
    assertTrue(checked > 0);
  }

  @Test
  void generate_assessments_stayWithinContractRanges() {
    assertTrue(cohort.assessments.size() > 1000, "rows " + cohort.assessments.size());
    int blanks = 0;
    for (Row a : cohort.assessments) {
      String where = a.get("patient_id") + " " + a.get("date");
      assertTrue(cohort.patients.containsKey(a.get("patient_id")), where);
      assertFalse(a.date("date").isAfter(END.atEndOfMonth()), where);
      int present = 0;
      for (String column :
          List.of(
              "brunnstrom_arm", "brunnstrom_hand", "fma_a", "fma_b", "fma_c", "fma_d", "arat")) {
        if (a.get(column).isEmpty()) {
          blanks++;
          continue;
        }
        present++;
        int v = Integer.parseInt(a.get(column));
        int max = column.startsWith("brunnstrom") ? 6 : (column.equals("arat") ? 57 : 66);
        int min = column.startsWith("brunnstrom") ? 1 : 0;
        assertTrue(v >= min && v <= max, where + " " + column + "=" + v);
      }
      assertTrue(present > 0, where);
    }
    assertTrue(blanks > 0, "some measure is sometimes left blank");
  }

  @Test
  void generate_fmaParts_stayWithinTheirMaxima() {
    int[] highest = new int[4];
    for (Row a : cohort.assessments) {
      for (int k = 0; k < 4; k++) {
        String v = a.get(FMA_PARTS[k]);
        if (!v.isEmpty()) {
          int score = Integer.parseInt(v);
          assertTrue(score >= 0 && score <= FMA_MAX[k], FMA_PARTS[k] + "=" + score);
          highest[k] = Math.max(highest[k], score);
        }
      }
    }
    // The full range is used: mild patients reach the maxima.
    assertEquals(36, highest[0]);
    assertEquals(10, highest[1]);
    assertEquals(14, highest[2]);
    assertEquals(6, highest[3]);
  }

  @Test
  void generate_aratSubtests_sumToTheTotalWithinTheirMaxima() {
    String[] parts = {"arat_gross", "arat_grasp", "arat_grip", "arat_pinch"};
    int[] max = {9, 18, 12, 18};
    int withParts = 0;
    for (Row a : cohort.assessments) {
      String where = a.get("patient_id") + " " + a.get("date");
      if (a.get("arat").isEmpty()) {
        for (String p : parts) {
          assertEquals("", a.get(p), where + " " + p + " without a total");
        }
        continue;
      }
      int sum = 0;
      for (int k = 0; k < 4; k++) {
        int v = Integer.parseInt(a.get(parts[k]));
        assertTrue(v >= 0 && v <= max[k], where + " " + parts[k] + "=" + v);
        sum += v;
      }
      assertEquals(Integer.parseInt(a.get("arat")), sum, where);
      withParts++;
    }
    assertTrue(withParts > 1000, "rows with subtests " + withParts);
  }

  @Test
  void generate_aratSubtests_fineRecoversAfterGross() {
    // Mean % of maximum over rows whose total is mid-range (neither floor nor ceiling):
    // gross movement ahead of grasp, grasp of grip, grip of pinch.
    String[] parts = {"arat_gross", "arat_grasp", "arat_grip", "arat_pinch"};
    int[] max = {9, 18, 12, 18};
    double[] sum = new double[4];
    int n = 0;
    for (Row a : cohort.assessments) {
      String t = a.get("arat");
      if (t.isEmpty() || Integer.parseInt(t) < 10 || Integer.parseInt(t) > 45) {
        continue;
      }
      for (int k = 0; k < 4; k++) {
        sum[k] += 100.0 * Integer.parseInt(a.get(parts[k])) / max[k];
      }
      n++;
    }
    assertTrue(n > 200, "mid-range rows " + n);
    for (int k = 1; k < 4; k++) {
      assertTrue(
          sum[k - 1] / n > sum[k] / n + 3,
          parts[k - 1] + " " + sum[k - 1] / n + "% vs " + parts[k] + " " + sum[k] / n + "%");
    }
  }

  @Test
  void generate_cohort_proximalPartRecoversBeforeDistalPart() {
    // For each recovering patient: days from onset until part A (shoulder/elbow) and part C (hand)
    // first reach half of their observed gain. Twitchell's proximal-to-distal order says A first.
    double sumA = 0;
    double sumC = 0;
    int patients = 0;
    int aFirst = 0;
    int cFirst = 0;
    for (Map.Entry<String, List<Row>> e : assessmentsByPatient().entrySet()) {
      List<Row> rows = e.getValue();
      LocalDate onset = cohort.patients.get(e.getKey()).date("onset_date");
      long dayA = halfGainDay(rows, "fma_a", onset);
      long dayC = halfGainDay(rows, "fma_c", onset);
      if (dayA < 0 || dayC < 0) {
        continue;
      }
      patients++;
      sumA += dayA;
      sumC += dayC;
      aFirst += dayA < dayC ? 1 : 0;
      cFirst += dayC < dayA ? 1 : 0;
    }
    assertTrue(patients >= 20, "patients " + patients);
    assertTrue(sumA / patients < sumC / patients, "A " + sumA / patients + " C " + sumC / patients);
    assertTrue(aFirst > 2 * cFirst, "A first " + aFirst + ", C first " + cFirst);
  }

  @Test
  void generate_earlyBaselines_followProportionalRecoveryForMost() {
    // Patients first assessed within 5 weeks of onset and followed for 5+ months: most regain a
    // large share of what they could (about 70% from onset; a little less from a later
    // baseline), while some severe patients (non-fitters) regain almost nothing.
    List<Double> ratios = new ArrayList<>();
    int severeLow = 0;
    for (Map.Entry<String, List<Row>> e : assessmentsByPatient().entrySet()) {
      List<Row> rows = e.getValue();
      LocalDate onset = cohort.patients.get(e.getKey()).date("onset_date");
      Row first = rows.get(0);
      Row last = rows.get(rows.size() - 1);
      int t0 = total(first);
      int t1 = total(last);
      if (t0 < 0 || t1 < 0 || t0 > 50) {
        continue;
      }
      if (ChronoUnit.DAYS.between(onset, first.date("date")) > 35
          || ChronoUnit.DAYS.between(onset, last.date("date")) < 150) {
        continue;
      }
      double ratio = (t1 - t0) / (double) (66 - t0);
      ratios.add(ratio);
      if (t0 < 20 && ratio < 0.2) {
        severeLow++;
      }
    }
    assertTrue(ratios.size() >= 20, "patients " + ratios.size());
    long proportional = ratios.stream().filter(r -> r >= 0.35 && r <= 0.95).count();
    assertTrue(proportional > ratios.size() / 2, proportional + " of " + ratios.size());
    assertTrue(severeLow >= 1, "non-fitters " + severeLow);
  }

  @Test
  void generate_brunnstromStages_riseMostlyOneStepAndHandLagsArm() {
    int steps = 0;
    int bigSteps = 0;
    int regressions = 0;
    for (List<Row> rows : assessmentsByPatient().values()) {
      for (Row r : rows) {
        if (!r.get("brunnstrom_arm").isEmpty() && !r.get("brunnstrom_hand").isEmpty()) {
          assertTrue(
              Integer.parseInt(r.get("brunnstrom_hand"))
                  <= Integer.parseInt(r.get("brunnstrom_arm")),
              r.get("patient_id") + " " + r.get("date"));
        }
      }
      for (int i = 1; i < rows.size(); i++) {
        String before = rows.get(i - 1).get("brunnstrom_arm");
        String after = rows.get(i).get("brunnstrom_arm");
        int change = Integer.parseInt(after) - Integer.parseInt(before);
        steps++;
        if (Math.abs(change) > 1) {
          bigSteps++;
        }
        assertTrue(change >= -1, "a regression is at most one stage");
        if (change < 0) {
          regressions++;
        }
      }
    }
    assertTrue(bigSteps * 50 < steps, bigSteps + " jumps of " + steps);
    assertTrue(regressions > 0 && regressions * 10 < steps, regressions + " of " + steps);
  }

  @Test
  void generate_arat_tracksDistalRecovery() {
    // Mean ARAT of assessments with little hand function versus good hand function.
    double lowSum = 0;
    int low = 0;
    double highSum = 0;
    int high = 0;
    for (Row a : cohort.assessments) {
      if (a.get("arat").isEmpty() || a.get("fma_c").isEmpty()) {
        continue;
      }
      int c = Integer.parseInt(a.get("fma_c"));
      int arat = Integer.parseInt(a.get("arat"));
      if (c <= 3) {
        lowSum += arat;
        low++;
      } else if (c >= 11) {
        highSum += arat;
        high++;
      }
    }
    assertTrue(low > 50 && high > 50);
    assertTrue(lowSum / low < 15, "low " + lowSum / low);
    assertTrue(highSum / high > 35, "high " + highSum / high);
  }

  private static final Set<String> DONE = Set.of("completed", "partial");
  private static final Set<String> COUNTED =
      Set.of("completed", "partial", "missed", "late_cancel", "cancelled");

  /** Situation patients: every 40th patient from the given offset (P00007 is index 6). */
  private static List<String> situation(int offset) {
    List<String> ids = new ArrayList<>();
    for (int i = offset; i < 400; i += 40) {
      ids.add(String.format("P%05d", i + 1));
    }
    return ids;
  }

  @Test
  void generate_homeAbandonment_homeBelowHalfWhileClinicAttendanceHigh() {
    LocalDate from = END.atDay(1);
    int clinic = 0;
    int clinicDone = 0;
    for (String id : situation(Situations.HOME_ABANDONED)) {
      int home = 0;
      int homeDone = 0;
      for (Row s : cohort.sessions) {
        if (!s.get("patient_id").equals(id)
            || s.date("date").isBefore(from)
            || !COUNTED.contains(s.get("status"))) {
          continue;
        }
        boolean done = DONE.contains(s.get("status"));
        if (s.get("setting").equals("home")) {
          home++;
          homeDone += done ? 1 : 0;
        } else {
          clinic++;
          clinicDone += done ? 1 : 0;
        }
      }
      assertTrue(home >= 4 && homeDone < 0.5 * home, id + ": home " + homeDone + "/" + home);
    }
    // Across them, clinic attendance stays high (one patient's month can dip by chance).
    assertTrue(clinicDone >= 0.75 * clinic, "clinic " + clinicDone + "/" + clinic);
  }

  @Test
  void generate_twoWeekDropOff_sessionsDueButNoneDoneInLast14Days() {
    LocalDate from = END.atEndOfMonth().minusDays(13);
    for (String id : situation(Situations.STOPPED_COMING)) {
      List<Row> window =
          cohort.sessions.stream()
              .filter(s -> s.get("patient_id").equals(id) && !s.date("date").isBefore(from))
              .filter(s -> COUNTED.contains(s.get("status")))
              .toList();
      assertTrue(window.size() >= 3, id + ": " + window.size() + " due");
      assertTrue(window.stream().noneMatch(s -> DONE.contains(s.get("status"))), id);
    }
  }

  @Test
  void generate_nearCeiling_latestCompleteFmaAtLeast60() {
    for (String id : situation(Situations.NEAR_CEILING)) {
      int latest = -1;
      for (Row a : cohort.assessments) {
        if (a.get("patient_id").equals(id) && !a.get("fma_d").isEmpty()) {
          if (!a.get("fma_a").isEmpty() && !a.get("fma_b").isEmpty() && !a.get("fma_c").isEmpty()) {
            latest =
                Integer.parseInt(a.get("fma_a"))
                    + Integer.parseInt(a.get("fma_b"))
                    + Integer.parseInt(a.get("fma_c"))
                    + Integer.parseInt(a.get("fma_d"));
          }
        }
      }
      assertTrue(latest >= 60 && latest <= 66, id + ": " + latest);
    }
  }

  @Test
  void generate_messy_oneInconsistentArmStageInLastMonth(@TempDir Path tmp) throws IOException {
    Generator.generate(tmp.resolve("messy"), 40, 3, END, 20261124L, true);
    Generator.generate(tmp.resolve("clean"), 40, 3, END, 20261124L, false);
    assertEquals(1, bigArmJumpsInLastMonth(new GeneratedData(tmp.resolve("messy")), "P00022"));
    assertEquals(0, bigArmJumpsInLastMonth(new GeneratedData(tmp.resolve("clean")), "P00022"));
  }

  /** Assessments in END whose arm stage differs by 3 or more from the one before. */
  private static int bigArmJumpsInLastMonth(GeneratedData data, String id) {
    int previous = 0;
    int jumps = 0;
    for (Row a : data.assessments) {
      if (!a.get("patient_id").equals(id) || a.get("brunnstrom_arm").isEmpty()) {
        continue;
      }
      int stage = Integer.parseInt(a.get("brunnstrom_arm"));
      if (previous != 0
          && Math.abs(stage - previous) >= 3
          && YearMonth.from(a.date("date")).equals(END)) {
        jumps++;
      }
      previous = stage;
    }
    return jumps;
  }

  @Test
  void generate_nonMessy_hasNoBomNoIgnoredStatusesAndNoAliases() throws IOException {
    for (Path f : GeneratedData.sessionFiles(cohortDir)) {
      byte[] head = new byte[3];
      try (var in = Files.newInputStream(f)) {
        assertEquals(3, in.read(head));
      }
      assertEquals(
          "ses", new String(head, java.nio.charset.StandardCharsets.US_ASCII), f.toString());
    }
    assertTrue(
        cohort.sessions.stream().allMatch(s -> CANONICAL_OUTCOMES.contains(s.get("status"))));
  }

  @Test
  void generate_messy_writesOverlapsSupersededAliasesIgnoredAndInvalidRows(@TempDir Path tmp)
      throws IOException {
    Generator.generate(tmp, 60, 4, END, 5L, true);
    List<Path> files = GeneratedData.sessionFiles(tmp);
    assertTrue(startsWithBom(files.get(0)));
    for (Path f : files.subList(1, files.size())) {
      assertFalse(startsWithBom(f), f.toString());
    }
    GeneratedData data = new GeneratedData(tmp);
    Map<String, List<Row>> byId = new HashMap<>();
    Map<String, Integer> statuses = new HashMap<>();
    for (Row s : data.sessions) {
      byId.computeIfAbsent(s.get("session_id"), k -> new ArrayList<>()).add(s);
      statuses.merge(s.get("status"), 1, Integer::sum);
    }
    int repeatedAcrossFiles = 0;
    int bookedThenOutcome = 0;
    for (List<Row> versions : byId.values()) {
      if (versions.size() > 1) {
        assertEquals(2, versions.size());
        assertNotEquals(versions.get(0).file(), versions.get(1).file());
        repeatedAcrossFiles++;
        if (versions.get(0).get("status").equals("booked")
            && !versions.get(1).get("status").equals("booked")) {
          bookedThenOutcome++;
        }
      }
    }
    assertTrue(repeatedAcrossFiles > 100, "repeated " + repeatedAcrossFiles);
    assertTrue(bookedThenOutcome > 5, "superseded " + bookedThenOutcome);
    assertTrue(statuses.containsKey("scheduled"), statuses.toString());
    assertTrue(
        statuses.containsKey("void") || statuses.containsKey("entered_in_error"),
        statuses.toString());
    for (String alias : List.of("no_show", "Arrived", "Late Cancellation")) {
      assertTrue(statuses.containsKey(alias), alias + " in " + statuses);
    }
    // The handful of invalid rows: one bad date, one unknown status, one unknown patient, one
    // partial without minutes, one non-integer minutes.
    assertEquals(1, count(data, s -> s.get("date").endsWith("-02-30")));
    assertEquals(1, count(data, s -> s.get("status").equals("tentative")));
    assertEquals(1, count(data, s -> !data.patients.containsKey(s.get("patient_id"))));
    assertEquals(
        1,
        count(data, s -> s.get("status").equals("partial") && s.get("actual_minutes").isEmpty()));
    assertEquals(1, count(data, s -> !s.get("planned_minutes").matches("\\d+")));
  }

  @Test
  void generate_staleSessionsFileInOutput_failsWithUsageNamingIt(@TempDir Path tmp)
      throws IOException {
    Files.writeString(tmp.resolve("sessions-2020-01.csv"), "session_id\n");
    JobFailure failure =
        assertThrows(JobFailure.class, () -> Generator.generate(tmp, 5, 2, END, 1L));
    assertEquals(ExitCode.USAGE, failure.exitCode());
    assertTrue(failure.getMessage().contains("sessions-2020-01.csv"), failure.getMessage());
  }

  @Test
  void generate_rerunIntoSameDirectory_overwritesItsOwnFiles(@TempDir Path tmp) throws IOException {
    Generator.generate(tmp, 5, 2, END, 1L);
    byte[] before = Files.readAllBytes(tmp.resolve("patients.csv"));
    Generator.generate(tmp, 5, 2, END, 1L);
    assertEquals(-1L, Files.mismatch(tmp.resolve("patients.csv"), writeTemp(tmp, before)));
  }

  @Test
  void generate_zeroPatients_failsWithUsage(@TempDir Path tmp) {
    JobFailure failure =
        assertThrows(JobFailure.class, () -> Generator.generate(tmp, 0, 2, END, 1L));
    assertEquals(ExitCode.USAGE, failure.exitCode());
    assertTrue(failure.getMessage().contains("--patients"), failure.getMessage());
  }

  @Test
  void generate_zeroMonths_failsWithUsage(@TempDir Path tmp) {
    JobFailure failure =
        assertThrows(JobFailure.class, () -> Generator.generate(tmp, 5, 0, END, 1L));
    assertEquals(ExitCode.USAGE, failure.exitCode());
    assertTrue(failure.getMessage().contains("--months"), failure.getMessage());
  }

  private static Path writeTemp(Path dir, byte[] bytes) throws IOException {
    Path copy = dir.resolve("copy.bin");
    Files.write(copy, bytes);
    return copy;
  }

  private static long count(GeneratedData data, java.util.function.Predicate<Row> test) {
    return data.sessions.stream().filter(test).count();
  }

  private static boolean startsWithBom(Path file) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    return bytes.length >= 3
        && (bytes[0] & 0xff) == 0xEF
        && (bytes[1] & 0xff) == 0xBB
        && (bytes[2] & 0xff) == 0xBF;
  }

  private static List<String> fileNames(Path dir) throws IOException {
    try (var files = Files.list(dir)) {
      return files.map(f -> f.getFileName().toString()).sorted().toList();
    }
  }

  private static List<Map<String, String>> sessionsOf(GeneratedData data, String patientId) {
    return data.sessions.stream()
        .filter(s -> s.get("patient_id").equals(patientId))
        .map(Row::values)
        .toList();
  }

  private static Map<String, List<Row>> assessmentsByPatient() {
    Map<String, List<Row>> byPatient = new java.util.TreeMap<>();
    for (Row a : cohort.assessments) {
      byPatient.computeIfAbsent(a.get("patient_id"), k -> new ArrayList<>()).add(a);
    }
    return byPatient;
  }

  /** FMA-UE total, or -1 when a part is blank. */
  private static int total(Row a) {
    int sum = 0;
    for (String part : FMA_PARTS) {
      if (a.get(part).isEmpty()) {
        return -1;
      }
      sum += Integer.parseInt(a.get(part));
    }
    return sum;
  }

  /**
   * Days from onset to the first assessment where the part has made half of its gain from the first
   * to the best later score; -1 when the part gains fewer than 4 points or is ever blank.
   */
  private static long halfGainDay(List<Row> rows, String part, LocalDate onset) {
    if (rows.size() < 3 || rows.stream().anyMatch(r -> r.get(part).isEmpty())) {
      return -1;
    }
    int first = Integer.parseInt(rows.get(0).get(part));
    int best = rows.stream().mapToInt(r -> Integer.parseInt(r.get(part))).max().orElseThrow();
    if (best - first < 4) {
      return -1;
    }
    for (Row r : rows) {
      if (Integer.parseInt(r.get(part)) - first >= (best - first) / 2.0) {
        return ChronoUnit.DAYS.between(onset, r.date("date"));
      }
    }
    return -1;
  }
}
