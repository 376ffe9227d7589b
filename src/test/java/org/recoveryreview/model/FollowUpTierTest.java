package org.recoveryreview.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FollowUpTierTest {

  @Test
  void of_actNowFlagAmongOthers_tier1() {
    for (Flag f : List.of(Flag.STAGE_REGRESSION, Flag.DROP_OFF, Flag.FMA_DECLINE)) {
      assertEquals(
          Optional.of(FollowUpTier.ACT_NOW),
          FollowUpTier.of(List.of(Flag.ASSESSMENT_OVERDUE, Flag.PLATEAU, f)),
          f.code());
    }
  }

  @Test
  void of_discussFlags_tier2() {
    for (Flag f : List.of(Flag.LOW_ADHERENCE, Flag.HOME_PROGRAMME_LOW, Flag.PLATEAU)) {
      assertEquals(
          Optional.of(FollowUpTier.DISCUSS),
          FollowUpTier.of(List.of(Flag.DATA_QUERY, f, Flag.FMA_GAIN)),
          f.code());
    }
  }

  @Test
  void of_checkFlags_tier3() {
    assertEquals(Optional.of(FollowUpTier.CHECK), FollowUpTier.of(List.of(Flag.DATA_QUERY)));
    assertEquals(
        Optional.of(FollowUpTier.CHECK), FollowUpTier.of(List.of(Flag.ASSESSMENT_OVERDUE)));
  }

  @Test
  void of_gainOnlyOrNothing_noTier() {
    assertEquals(Optional.empty(), FollowUpTier.of(List.of(Flag.FMA_GAIN)));
    assertEquals(Optional.empty(), FollowUpTier.of(List.of()));
  }
}
