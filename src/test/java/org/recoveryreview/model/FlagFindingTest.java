package org.recoveryreview.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Flag names, finding tiers, bullets and the "not reassessed" lines. */
class FlagFindingTest {
  private static final ReviewPeriod OCT = new ReviewPeriod(YearMonth.of(2026, 10));

  @Test
  void label_everyFlag_oneDistinctNameAndDropOffIsStoppedAttending() {
    Set<String> names = new HashSet<>();
    for (Flag f : Flag.values()) {
      assertTrue(names.add(f.label()), f.code());
    }
    assertEquals("Stopped attending", Flag.DROP_OFF.label());
    assertEquals("Goal below baseline", Flag.GOAL_BELOW_BASELINE.label());
  }

  @Test
  void ofFindings_downgradedRegressionOnly_tier2() {
    FlagFinding r = new FlagFinding(Flag.STAGE_REGRESSION, "x").withTier(FollowUpTier.DISCUSS);
    assertEquals(Optional.of(FollowUpTier.DISCUSS), FollowUpTier.ofFindings(List.of(r)));
    assertEquals(
        Optional.of(FollowUpTier.ACT_NOW),
        FollowUpTier.ofFindings(List.of(new FlagFinding(Flag.STAGE_REGRESSION, "x"))));
  }

  @Test
  void bullets_findingShownWithAnother_leftOut() {
    List<FlagFinding> all =
        List.of(
            new FlagFinding(Flag.DROP_OFF, "d"),
            new FlagFinding(Flag.LOW_ADHERENCE, "l").shownWith(Flag.DROP_OFF));
    assertEquals(List.of(new FlagFinding(Flag.DROP_OFF, "d")), FlagFinding.bullets(all));
  }

  @Test
  void namesIn_stageRegressionInTiers1And2WithTheirCondition() {
    assertTrue(
        Flag.namesIn(FollowUpTier.ACT_NOW)
            .startsWith("Stopped attending, Fugl-Meyer decline, Stage regression (two stages"));
    assertTrue(
        Flag.namesIn(FollowUpTier.DISCUSS)
            .startsWith("Stage regression (one stage, not confirmed by Fugl-Meyer), Goal below"));
    assertEquals("Assessment overdue, Data query", Flag.namesIn(FollowUpTier.CHECK));
  }

  @Test
  void notReassessedLines_scalesGroupedByDateOldestFirst() {
    LastMeasured m =
        new LastMeasured(
            Optional.of(LocalDate.of(2026, 7, 31)),
            Optional.of(LocalDate.of(2026, 7, 31)),
            Optional.of(LocalDate.of(2026, 10, 5)),
            Optional.of(LocalDate.of(2026, 9, 30)));
    assertEquals(
        List.of(
            "Brunnstrom arm and Fugl-Meyer not reassessed since 31 Jul 2026 (92 days)",
            "ARAT not reassessed since 30 Sep 2026 (31 days)"),
        m.notReassessedLines(OCT));
    assertEquals(List.of(), LastMeasured.none().notReassessedLines(OCT));
  }
}
