package org.recoveryreview.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.recoveryreview.model.ChangeLabel;
import org.recoveryreview.model.Flag;

/** One test per rule of docs/handout.md, in English. */
class HandoutContentTest {
  private static final HandoutBundles BUNDLES = HandoutBundles.load(Optional.empty());
  private static final HandoutText EN = BUNDLES.text(Optional.of("en"));
  private static final String NONE =
      "Getting better takes time, and every session helps. Your care team is here to help you"
          + " with the next step.";

  private static HandoutContent content(HandoutSituation s) {
    return HandoutContent.of(s.build(), ReportFixtures.ANALYSIS, EN);
  }

  private static boolean anyContains(List<String> lines, String part) {
    return lines.stream().anyMatch(l -> l.contains(part));
  }

  @Test
  void of_dropOff_missedYouFirstAndNeverKeepDoing() {
    HandoutContent c = content(new HandoutSituation().flag(Flag.DROP_OFF));
    assertEquals(
        Optional.of(
            "We missed you at Łódź Rehabilitacja in the last 14 days. Please contact Łódź"
                + " Rehabilitacja to book your next session."),
        c.contact());
    assertEquals(
        List.of("When you come back, your therapist will plan the next steps with you."), c.next());
  }

  @Test
  void of_lowClinicAttendance_missedYouWithTheCountNotASuccess() {
    HandoutContent c = content(new HandoutSituation().clinic(7, 17));
    assertEquals(
        Optional.of(
            "We missed you at Łódź Rehabilitacja this month: you came to 7 of your 17 sessions."
                + " Please contact Łódź Rehabilitacja to book your next session."),
        c.contact());
    assertFalse(anyContains(c.wentWell(), "You came to"), c.wentWell().toString());
    assertFalse(anyContains(c.next(), "Keep doing"), c.next().toString());
  }

  @Test
  void of_partialClinicAttendance_noContactNoSuccessNoKeepDoing() {
    // 6 of 10 is in the partial band: not low enough to ask them to book, not a success either.
    HandoutContent c = content(new HandoutSituation().clinic(6, 10).home(3, 8));
    assertEquals(Optional.empty(), c.contact());
    assertEquals(List.of(NONE), c.wentWell());
    assertEquals(
        List.of("Try to do every planned session, at the clinic and at home. Every session helps."),
        c.next());
  }

  @Test
  void of_dischargedWithLowAttendance_noBookingRequest() {
    HandoutContent c = content(new HandoutSituation().clinic(2, 10).discharged());
    assertEquals(Optional.empty(), c.contact());
  }

  @Test
  void of_attendanceAndHomeAtTarget_listedWithCounts() {
    HandoutContent c = content(new HandoutSituation().clinic(8, 10).home(7, 8));
    assertEquals(
        List.of(
            "You came to 8 of your 10 sessions at the clinic.",
            "You did 7 of your 8 planned home exercise sessions."),
        c.wentWell());
    assertEquals(List.of("Keep doing your exercises the way you do now."), c.next());
  }

  @Test
  void of_everySessionDone_saysAll() {
    HandoutContent c = content(new HandoutSituation().clinic(12, 12).home(9, 9));
    assertEquals(
        List.of(
            "You came to all 12 of your sessions at the clinic.",
            "You did all 9 of your planned home exercise sessions."),
        c.wentWell());
  }

  @Test
  void of_homeBelowTarget_notListedAndNothingElse_encouragingSentence() {
    HandoutContent c = content(new HandoutSituation().clinic(3, 10).home(1, 8));
    assertFalse(anyContains(c.wentWell(), "home"), c.wentWell().toString());
    assertEquals(List.of(NONE), c.wentWell());
  }

  @Test
  void of_stageGained_listed() {
    HandoutContent c = content(new HandoutSituation().clinic(3, 10).home(1, 8).armStageGained());
    assertEquals(List.of("The movement of your arm has moved up a step."), c.wentWell());
  }

  @Test
  void of_gainAtOrAboveMdc_listedAndWithinError_not() {
    assertTrue(
        content(new HandoutSituation().clinic(3, 10).home(1, 8).fma(4, ChangeLabel.DETECTABLE))
            .wentWell()
            .contains("Your arm check-up shows real progress."));
    assertEquals(
        List.of(NONE),
        content(new HandoutSituation().clinic(3, 10).home(1, 8).fma(2, ChangeLabel.WITHIN_ERROR))
            .wentWell());
    // A fall labelled detectable is no success.
    assertEquals(
        List.of(NONE),
        content(new HandoutSituation().clinic(3, 10).home(1, 8).fma(-5, ChangeLabel.DETECTABLE))
            .wentWell());
  }

  @Test
  void of_goalMet_listedInTheirWordsAndUnmetGoalNext() {
    HandoutContent c =
        content(
            new HandoutSituation()
                .clinic(3, 10)
                .home(1, 8)
                .goal("Brush my teeth on my own", true)
                .goal("Hold a cup", false));
    assertEquals(List.of("You reached your goal: “Brush my teeth on my own”"), c.wentWell());
    assertEquals(
        List.of("Brush my teeth on my own  —  Reached", "Hold a cup  —  Still working on it"),
        c.goals());
    assertEquals(List.of("Keep working on: “Hold a cup”"), c.next());
  }

  @Test
  void of_noHomeProgramme_oneSentenceAndNoChart() {
    HandoutContent c = content(new HandoutSituation().noHomeProgramme());
    assertFalse(c.showChart());
    assertEquals(
        Optional.of(
            "No home exercises were planned for you in the last 8 weeks. Ask your therapist if"
                + " there are exercises you can do at home."),
        c.noHomeProgramme());
    assertFalse(anyContains(c.wentWell(), "home"), c.wentWell().toString());
  }

  @Test
  void of_homeProgramme_chartAndNoSentence() {
    HandoutContent c = content(new HandoutSituation());
    assertTrue(c.showChart());
    assertEquals(Optional.empty(), c.noHomeProgramme());
  }

  @Test
  void of_lowAdherenceHomeWeaker_homeAdviceAndDeclineTellTherapist() {
    HandoutContent c =
        content(
            new HandoutSituation()
                .clinic(6, 10)
                .home(1, 8)
                .flag(Flag.LOW_ADHERENCE)
                .flag(Flag.FMA_DECLINE));
    assertEquals(
        List.of(
            "Practise the home exercises on more days. A few minutes every day helps.",
            "Tell your therapist about any change you notice in your arm or hand."),
        c.next());
  }

  @Test
  void of_lowAdherenceClinicWeakerAfterContact_clinicAdviceNotRepeated() {
    HandoutContent c =
        content(new HandoutSituation().clinic(2, 10).home(8, 8).flag(Flag.LOW_ADHERENCE));
    assertTrue(c.contact().isPresent());
    assertFalse(anyContains(c.next(), "come to every planned session"), c.next().toString());
  }

  @Test
  void get_counts_agreeInNumber() {
    assertEquals("You came to 1 of your 1 session at the clinic.", EN.get("well.clinic", 1, 1));
    assertEquals("You came to your session at the clinic.", EN.get("well.clinic.all", 1));
    assertEquals("You came to all 2 of your sessions at the clinic.", EN.get("well.clinic.all", 2));
    assertTrue(
        EN.get("home.none", 1)
            .startsWith("No home exercises were planned for you in the last week."));
    HandoutText es = BUNDLES.text(Optional.of("es-MX"));
    assertEquals("Vino a 1 de sus 1 sesión en la clínica.", es.get("well.clinic", 1, 1));
    assertEquals("Vino a 2 de sus 3 sesiones en la clínica.", es.get("well.clinic", 2, 3));
  }

  @Test
  void get_arabicCounts_allSixPluralForms() {
    HandoutText ar = BUNDLES.text(Optional.of("ar"));
    assertTrue(ar.get("well.clinic", 1, 1).contains("جلسة واحدة"));
    assertTrue(ar.get("well.clinic", 1, 2).contains("جلستين"));
    assertTrue(ar.get("well.clinic", 1, 3).contains("3 جلسات"));
    assertTrue(ar.get("well.clinic", 1, 11).contains("11 جلسة"));
    assertTrue(ar.get("well.clinic", 1, 100).contains("100 جلسة"));
    // Latin digits, as on the chart's axis.
    assertFalse(ar.get("well.clinic", 1, 3).contains("٣"));
  }
}
