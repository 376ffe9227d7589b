package org.recoveryreview.shard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.recoveryreview.model.GoalProgress;

class SharedValuesTest {
  private static final String GOAL_A =
      "{\"goalId\":\"G1\",\"domain\":\"hand\",\"description\":\"Fold the laundry\","
          + "\"setOn\":\"2026-05-04\",\"targetDate\":\"2026-11-30\",\"baseline\":-2,"
          + "\"reviews\":[{\"date\":\"2026-10-01\",\"attainment\":0}],\"latest\":0,"
          + "\"weight\":1.0,\"importance\":null,\"difficulty\":2}";
  private static final String GOAL_B =
      "{\"goalId\":\"G2\",\"domain\":\"hand\",\"description\":\"Fold the laundry\","
          + "\"setOn\":\"2026-05-04\",\"targetDate\":null,\"baseline\":-2,"
          + "\"reviews\":[{\"date\":\"2026-10-01\",\"attainment\":0},"
          + "{\"date\":\"2026-10-02\",\"attainment\":1}],\"latest\":1,"
          + "\"weight\":1.0,\"importance\":null,\"difficulty\":2}";

  private static List<GoalProgress> read(ObjectMapper json, String... lines) throws Exception {
    ObjectReader reader = json.readerFor(GoalProgress.class);
    return List.of(reader.readValue(lines[0]), reader.readValue(lines[1]));
  }

  @Test
  void read_equalValuesInTwoRecords_sharesOneInstance() throws Exception {
    List<GoalProgress> goals = read(PartialResults.readerForOneMerge(), GOAL_A, GOAL_B);
    GoalProgress a = goals.get(0);
    GoalProgress b = goals.get(1);
    assertSame(a.description(), b.description());
    assertSame(a.domain(), b.domain());
    assertSame(a.setOn(), b.setOn());
    assertSame(a.difficulty(), b.difficulty());
    assertSame(a.reviews().get(0), b.reviews().get(0));
    assertSame(a.setOn(), a.setOn());
  }

  @Test
  void read_differentValues_stayDifferentAndEqualToAPlainRead() throws Exception {
    List<GoalProgress> shared = read(PartialResults.readerForOneMerge(), GOAL_A, GOAL_B);
    List<GoalProgress> plain =
        read(
            new ObjectMapper()
                .registerModule(new Jdk8Module())
                .registerModule(new JavaTimeModule()),
            GOAL_A,
            GOAL_B);
    assertEquals(plain, shared);
    assertNotSame(shared.get(1).reviews().get(0), shared.get(1).reviews().get(1));
    assertEquals(OptionalInt.of(1), shared.get(1).latest());
    assertEquals(Optional.empty(), shared.get(1).targetDate());
    assertEquals(OptionalInt.empty(), shared.get(0).importance());
    assertEquals(LocalDate.of(2026, 10, 2), shared.get(1).reviews().get(1).date());
  }

  @Test
  void read_twoMerges_doNotShareTheirValues() throws Exception {
    GoalProgress first = read(PartialResults.readerForOneMerge(), GOAL_A, GOAL_B).get(0);
    GoalProgress second = read(PartialResults.readerForOneMerge(), GOAL_A, GOAL_B).get(0);
    assertEquals(first, second);
    assertNotSame(first.setOn(), second.setOn());
  }
}
