package org.recoveryreview.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class PopulationReferenceTest {
  private static final LocalDate ONSET = LocalDate.of(2026, 5, 20);
  private static final LocalDate CHART_FROM = LocalDate.of(2026, 5, 1);
  private static final LocalDate CHART_TO = LocalDate.of(2026, 10, 31);
  private static final List<String> DEFAULTS = PopulationReference.DEFAULT_DIAGNOSES;

  private static Patient patient(Optional<String> diagnosis) {
    return new Patient(
        "P1",
        "Name",
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        diagnosis,
        ONSET,
        "Clinic",
        "Therapist",
        Optional.empty(),
        Optional.empty(),
        Optional.empty());
  }

  /** A complete FMA total of {@code total} on {@code date}. */
  private static Optional<AssessmentPoint> first(LocalDate date, int total) {
    Assessment a =
        new Assessment(
            "P1",
            date,
            Optional.empty(),
            OptionalInt.empty(),
            OptionalInt.empty(),
            OptionalInt.of(total),
            OptionalInt.of(0),
            OptionalInt.of(0),
            OptionalInt.of(0),
            OptionalInt.empty(),
            AratParts.NONE);
    return Optional.of(
        new AssessmentPoint(
            a,
            OptionalDouble.empty(),
            OptionalDouble.empty(),
            OptionalDouble.empty(),
            OptionalDouble.empty(),
            OptionalInt.of(total),
            java.time.temporal.ChronoUnit.DAYS.between(ONSET, date),
            OptionalInt.empty(),
            Optional.empty()));
  }

  private static PopulationReference of(Optional<String> diagnosis, Optional<AssessmentPoint> f) {
    return PopulationReference.of(patient(diagnosis), f, CHART_FROM, CHART_TO, DEFAULTS);
  }

  @Test
  void of_ischaemicStrokeFirstOnDay13_drawnFromDay90ToChartEnd() {
    PopulationReference r =
        of(Optional.of("Ischaemic stroke, right MCA"), first(ONSET.plusDays(13), 14));
    assertTrue(r.drawn());
    assertEquals(50.4, r.value().get(), 1e-9);
    assertEquals(ONSET.plusDays(90), r.from());
    assertEquals(CHART_TO, r.to()); // day 180 is 16 Nov, after the chart
  }

  @Test
  void of_haemorrhagicAndUnspecifiedStroke_drawnByDefault() {
    assertTrue(of(Optional.of("haemorrhagic stroke"), first(ONSET.plusDays(5), 20)).drawn());
    assertTrue(of(Optional.of("Stroke"), first(ONSET.plusDays(5), 20)).drawn());
  }

  @Test
  void of_traumaticBrainInjury_absentWithReason() {
    PopulationReference r = of(Optional.of("traumatic brain injury"), first(ONSET.plusDays(5), 20));
    assertFalse(r.drawn());
    assertTrue(r.value().isEmpty());
    assertEquals(
        "Population reference (proportional recovery) not drawn: it describes recovery after"
            + " stroke, not traumatic brain injury.",
        r.reason().get());
  }

  @Test
  void of_unknownDiagnosis_absentWithReason() {
    PopulationReference blank = of(Optional.of("  "), first(ONSET.plusDays(5), 20));
    PopulationReference none = of(Optional.empty(), first(ONSET.plusDays(5), 20));
    assertFalse(blank.drawn());
    assertTrue(none.reason().get().contains("no diagnosis recorded"));
    assertEquals(blank.reason(), none.reason());
  }

  @Test
  void of_ischaemicOnlyList_haemorrhagicStrokeAbsent() {
    PopulationReference r =
        PopulationReference.of(
            patient(Optional.of("haemorrhagic stroke")),
            first(ONSET.plusDays(5), 20),
            CHART_FROM,
            CHART_TO,
            List.of("ischaemic stroke", "ischemic stroke"));
    assertFalse(r.drawn());
    assertTrue(r.reason().get().endsWith("not haemorrhagic stroke."));
  }

  @Test
  void applies_wholeWordsIgnoringCase() {
    assertTrue(PopulationReference.applies("ISCHAEMIC STROKE (left MCA)", DEFAULTS));
    assertFalse(PopulationReference.applies("non-stroke hemiparesis", DEFAULTS));
    assertFalse(PopulationReference.applies("strokes", List.of("stroke")));
    assertFalse(PopulationReference.applies("stroke", List.of()));
  }

  @Test
  void of_firstTotalOnDay30Or31_drawnOnlyUpToDay30() {
    assertTrue(of(Optional.of("stroke"), first(ONSET.plusDays(30), 20)).drawn());
    PopulationReference late = of(Optional.of("stroke"), first(ONSET.plusDays(31), 20));
    assertFalse(late.drawn());
    assertTrue(late.reason().get().contains("(first here: day 31)"), late.reason().get());
    assertTrue(
        of(Optional.of("stroke"), Optional.empty()).reason().get().contains("none recorded"));
  }

  @Test
  void of_windowAfterTheChart_absentAndTheLineGivesValueAndWindow() {
    PopulationReference r =
        PopulationReference.of(
            patient(Optional.of("stroke")),
            first(ONSET.plusDays(10), 30),
            CHART_FROM,
            ONSET.plusDays(60),
            DEFAULTS);
    assertFalse(r.drawn());
    assertEquals(55.2, r.value().get(), 1e-9);
    assertTrue(
        r.reason().get().contains("about 55.2 of 66 in months 3–6 after onset (18 Aug 2026"),
        r.reason().get());
  }
}
