package org.recoveryreview.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.recoveryreview.model.FileKind;

class GoalGeneratorTest {
  private static final YearMonth END = YearMonth.of(2026, 10);

  @TempDir static Path cohortDir;
  private static GeneratedData cohort;

  @BeforeAll
  static void generateCohort() throws IOException {
    Generator.generate(cohortDir, 200, 6, END, 11L);
    cohort = new GeneratedData(cohortDir);
  }

  /** Goal rows per patient, then per goal id, in file order. */
  private static Map<String, Map<String, List<GeneratedData.Row>>> byPatientAndGoal() {
    Map<String, Map<String, List<GeneratedData.Row>>> out = new TreeMap<>();
    for (GeneratedData.Row r : cohort.goals) {
      out.computeIfAbsent(r.get("patient_id"), k -> new TreeMap<>())
          .computeIfAbsent(r.get("goal_id"), k -> new java.util.ArrayList<>())
          .add(r);
    }
    return out;
  }

  @Test
  void generate_goals_mostPatientsHaveTwoToFourGoals() {
    Map<String, Map<String, List<GeneratedData.Row>>> goals = byPatientAndGoal();
    double share = goals.size() / (double) cohort.patients.size();
    assertTrue(share > 0.7 && share < 0.95, "share of patients with goals " + share);
    for (var e : goals.entrySet()) {
      int n = e.getValue().size();
      assertTrue(n >= 2 && n <= 4, e.getKey() + " has " + n + " goals");
    }
  }

  @Test
  void generate_goals_useContractHeaderAndValidLevels() {
    assertEquals(FileKind.GOALS.columns(), List.copyOf(cohort.goals.get(0).values().keySet()));
    Set<String> levels = Set.of("", "-2", "-1", "0", "1", "2");
    for (GeneratedData.Row r : cohort.goals) {
      assertTrue(levels.contains(r.get("attainment")), r.toString());
      assertTrue(!r.date("review_date").isBefore(r.date("set_on")), r.toString());
    }
  }

  @Test
  void generate_goals_mostImproveAndSomeDoNot() {
    int improved = 0;
    int notImproved = 0;
    for (var goals : byPatientAndGoal().values()) {
      for (List<GeneratedData.Row> reviews : goals.values()) {
        List<Integer> rated =
            reviews.stream()
                .map(r -> r.get("attainment"))
                .filter(a -> !a.isEmpty())
                .map(Integer::parseInt)
                .toList();
        if (rated.size() < 2) {
          continue;
        }
        int baseline = Integer.parseInt(reviews.get(0).get("baseline"));
        if (rated.get(rated.size() - 1) > baseline) {
          improved++;
        } else {
          notImproved++;
        }
      }
    }
    assertTrue(improved > 2 * notImproved, improved + " improved, " + notImproved + " not");
    assertTrue(notImproved > 0, "every goal improved");
  }

  @Test
  void generate_goals_areWrittenInThePatientsLanguage() {
    Map<String, String> language = new HashMap<>();
    cohort.patients.forEach((id, r) -> language.put(id, r.get("language")));
    assertTrue(language.containsValue("zh") && language.containsValue("en"), language.toString());
    for (GeneratedData.Row r : cohort.goals) {
      boolean han = r.get("description").codePoints().anyMatch(c -> c >= 0x4E00 && c <= 0x9FFF);
      assertEquals(language.get(r.get("patient_id")).equals("zh"), han, r.toString());
    }
  }

  @Test
  void generate_patientLanguage_followsTheNamesScript() {
    assertEquals("zh", GoalSimulator.language("吴军"));
    assertEquals("ja", GoalSimulator.language("佐藤 浩"));
    assertEquals("ja", GoalSimulator.language("鈴木 さくら"));
    assertEquals("ko", GoalSimulator.language("최미숙"));
    assertEquals("en", GoalSimulator.language("Grażyna Król"));
  }

  @Test
  void generate_messy_writesRepeatedAndInvalidGoalRows(@TempDir Path tmp) throws IOException {
    Generator.generate(tmp, 200, 6, END, 11L, true);
    GeneratedData messy = new GeneratedData(tmp);
    Map<String, Long> keys =
        messy.goals.stream()
            .collect(
                Collectors.groupingBy(
                    r -> r.get("patient_id") + " " + r.get("goal_id") + " " + r.get("review_date"),
                    Collectors.counting()));
    assertTrue(keys.values().stream().anyMatch(c -> c > 1), "no repeated review");
    assertTrue(messy.goals.stream().anyMatch(r -> r.get("attainment").equals("3")));
    assertTrue(messy.goals.stream().anyMatch(r -> r.get("attainment").startsWith("+")));
    assertTrue(
        messy.goals.stream().anyMatch(r -> r.date("review_date").isBefore(r.date("set_on"))));
    assertTrue(
        messy.goals.stream().anyMatch(r -> !messy.patients.containsKey(r.get("patient_id"))));
  }
}
