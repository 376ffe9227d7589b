package org.recoveryreview.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.recoveryreview.analysis.Fixtures.OCT_2026;
import static org.recoveryreview.analysis.Fixtures.d;
import static org.recoveryreview.analysis.Fixtures.patient;
import static org.recoveryreview.analysis.Fixtures.s;
import static org.recoveryreview.analysis.Fixtures.stages;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.recoveryreview.model.Adherence;
import org.recoveryreview.model.AdherenceBand;
import org.recoveryreview.model.Assessment;
import org.recoveryreview.model.BrunnstromScale;
import org.recoveryreview.model.Patient;
import org.recoveryreview.model.RollupRow;
import org.recoveryreview.model.RollupRow.Dimension;
import org.recoveryreview.model.Session;
import org.recoveryreview.model.Setting;
import org.recoveryreview.model.StageOnset;
import org.recoveryreview.model.StageTransition;
import org.recoveryreview.model.Status;
import org.recoveryreview.model.TransitionMatrix;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** Pins the fact tables and each Tablesaw aggregate over them, on hand-made rows. */
class FactTablesTest {

  /** Both fact tables of the session pass: patient_month, then patient_month_therapy. */
  private static List<Table> facts(List<Patient> ps, List<Session> ss) {
    PatientIndex index = PatientIndex.build(ps, Set.of());
    SessionGroups groups = SessionGroups.build(ss, index);
    PatientMonth.Rows months = new PatientMonth.Rows();
    PatientMonth.Rows details = new PatientMonth.Rows();
    SessionPass pass = new SessionPass(groups, index, OCT_2026, months, details);
    for (int p = 0; p < index.size(); p++) {
      pass.run(p, false);
    }
    return List.of(
        PatientMonth.patientMonth(List.of(months), index),
        PatientMonth.patientMonthTherapy(List.of(details), index, groups.therapies));
  }

  @Test
  void patientMonth_sessions_oneRowPerPatientMonthTherapySettingWithCountedSessionsOnly() {
    List<Table> facts =
        facts(
            List.of(patient("P1", "2026-01-01", "North", "Ann", Optional.empty())),
            List.of(
                s("P1", "2026-10-01", Setting.CLINIC, "cimt", Status.COMPLETED, 60, 70),
                s("P1", "2026-10-02", Setting.CLINIC, "cimt", Status.MISSED, 60, null),
                s("P1", "2026-10-03", Setting.HOME, "cimt", Status.COMPLETED, 30, 20),
                s("P1", "2026-10-04", Setting.CLINIC, "cimt", Status.CLINIC_CANCELLED, 60, 0),
                s("P1", "2026-09-30", Setting.CLINIC, "cimt", Status.PARTIAL, 60, 30),
                s("P1", "2026-11-01", Setting.CLINIC, "cimt", Status.COMPLETED, 60, 60)));
    Table months = facts.get(0);
    assertEquals(List.of("2026-09", "2026-10"), months.stringColumn("month").asList());
    assertEquals(List.of("North", "North"), months.stringColumn("clinic").asList());
    assertEquals(List.of("Ann", "Ann"), months.stringColumn("therapist").asList());
    assertEquals(List.of(1L, 2L), months.longColumn("clinic_scheduled").asList());
    assertEquals(List.of(0L, 1L), months.longColumn("home_prescribed").asList());
    assertEquals(List.of(30L, 80L), months.longColumn("credited_minutes").asList());
    Table t = facts.get(1);
    assertEquals(3, t.rowCount(), t.print());
    assertEquals(List.of("2026-09", "2026-10", "2026-10"), t.stringColumn("month").asList());
    assertEquals(List.of("clinic", "clinic", "home"), t.stringColumn("setting").asList());
    assertEquals(List.of("cimt", "cimt", "cimt"), t.stringColumn("therapy").asList());
    // October clinic: completed (60 planned, 70 actual, 60 credited) + missed (60, 0, 0).
    assertEquals(List.of(1L, 2L, 0L), t.longColumn("clinic_scheduled").asList());
    assertEquals(List.of(1L, 1L, 0L), t.longColumn("clinic_attended").asList());
    assertEquals(List.of(0L, 0L, 1L), t.longColumn("home_prescribed").asList());
    assertEquals(List.of(60L, 120L, 30L), t.longColumn("planned_minutes").asList());
    assertEquals(List.of(30L, 70L, 20L), t.longColumn("actual_minutes").asList());
    assertEquals(List.of(30L, 60L, 20L), t.longColumn("credited_minutes").asList());
  }

  @Test
  void patientMonth_sessionBeforeRollupWindow_noRowInEitherTable() {
    List<Table> facts =
        facts(
            List.of(patient("P1", "2025-01-01")),
            List.of(
                // 2025-10 is the 13th month before 2026-10: outside the 12-month window.
                s("P1", "2025-10-31", Setting.HOME, "cimt", Status.COMPLETED, 30, 30),
                s("P1", "2025-11-01", Setting.HOME, "cimt", Status.COMPLETED, 30, 30)));
    assertEquals(List.of("2025-11"), facts.get(0).stringColumn("month").asList());
    assertEquals(List.of("2025-11"), facts.get(1).stringColumn("month").asList());
    assertEquals(List.of(0), facts.get(1).intColumn("patient").asList());
  }

  @Test
  void perPatient_monthRows_sumsAllTherapiesAndSettingsOfThatMonthOnly() {
    List<Patient> ps =
        List.of(
            patient("P1", "2026-01-01"), patient("P2", "2026-01-01"), patient("P3", "2026-01-01"));
    Table t =
        facts(
                ps,
                List.of(
                    s("P1", "2026-10-01", Setting.CLINIC, "cimt", Status.COMPLETED, 60, 60),
                    s("P1", "2026-10-02", Setting.HOME, "mirror", Status.MISSED, 30, null),
                    s("P1", "2026-09-02", Setting.HOME, "mirror", Status.COMPLETED, 30, 30),
                    s("P2", "2026-09-02", Setting.TELE, "mirror", Status.COMPLETED, 45, 50)))
            .get(0);
    PatientIndex index = PatientIndex.build(ps, Set.of());
    Adherence[] oct = Aggregates.perPatient(t, YearMonth.of(2026, 10), index);
    assertEquals(new Adherence(1, 1, 1, 0, 90, 60, 60), oct[0]);
    assertEquals(Adherence.NONE, oct[1]);
    assertEquals(Adherence.NONE, oct[2]);
    Adherence[] sep = Aggregates.perPatient(t, YearMonth.of(2026, 9), index);
    assertEquals(new Adherence(0, 0, 1, 1, 30, 30, 30), sep[0]);
    assertEquals(new Adherence(1, 1, 0, 0, 45, 50, 45), sep[1]);
  }

  @Test
  void rollups_patientInTwoTherapiesAndSettings_countedOncePerGroupMonth() {
    List<Table> t =
        facts(
            List.of(
                patient("P1", "2026-01-01", "North", "Ann", Optional.empty()),
                patient("P2", "2026-01-01", "South", "Ann", Optional.empty())),
            List.of(
                s("P1", "2026-10-01", Setting.CLINIC, "cimt", Status.COMPLETED, 60, 60),
                s("P1", "2026-10-02", Setting.HOME, "cimt", Status.COMPLETED, 30, 30),
                s("P1", "2026-10-03", Setting.HOME, "mirror", Status.MISSED, 30, null),
                s("P2", "2026-10-03", Setting.HOME, "mirror", Status.COMPLETED, 30, 30),
                // Outside the 12-month window ending 2026-10: left out of every roll-up.
                s("P2", "2025-10-31", Setting.HOME, "mirror", Status.COMPLETED, 30, 30)));
    List<RollupRow> rows = Aggregates.rollups(t.get(0), t.get(1), YearMonth.of(2026, 10));
    assertEquals(12 * (1 + 2 + 1 + 2 + 2), rows.size());
    RollupRow program = find(rows, Dimension.PROGRAM, "all", 10);
    assertEquals(2, program.patients());
    assertEquals(new Adherence(1, 1, 3, 2, 150, 120, 120), program.adherence());
    assertEquals(1, find(rows, Dimension.THERAPY, "cimt", 10).patients());
    assertEquals(2, find(rows, Dimension.THERAPY, "mirror", 10).patients());
    assertEquals(2, find(rows, Dimension.SETTING, "home", 10).patients());
    assertEquals(1, find(rows, Dimension.CLINIC, "North", 10).patients());
    assertEquals(2, find(rows, Dimension.THERAPIST, "Ann", 10).patients());
    assertEquals(Adherence.NONE, find(rows, Dimension.PROGRAM, "all", 9).adherence());
    assertEquals(YearMonth.of(2025, 11), rows.get(0).month());
  }

  @Test
  void rollups_eachTherapistAtOneClinic_therapistRowsAreTheirOwnSums() {
    List<Table> t =
        facts(
            List.of(
                patient("P1", "2026-01-01", "North", "Ann", Optional.empty()),
                patient("P2", "2026-01-01", "North", "Ann", Optional.empty()),
                patient("P3", "2026-01-01", "South", "Bo", Optional.empty())),
            List.of(
                s("P1", "2026-10-01", Setting.CLINIC, "cimt", Status.COMPLETED, 60, 60),
                s("P2", "2026-10-02", Setting.HOME, "cimt", Status.MISSED, 30, null),
                s("P2", "2026-09-02", Setting.HOME, "cimt", Status.COMPLETED, 30, 30),
                s("P3", "2026-10-03", Setting.CLINIC, "mirror", Status.COMPLETED, 45, 40)));
    List<RollupRow> rows = Aggregates.rollups(t.get(0), t.get(1), YearMonth.of(2026, 10));
    RollupRow ann = find(rows, Dimension.THERAPIST, "Ann", 10);
    assertEquals(2, ann.patients());
    assertEquals(new Adherence(1, 1, 1, 0, 90, 60, 60), ann.adherence());
    assertEquals(1, find(rows, Dimension.THERAPIST, "Ann", 9).patients());
    RollupRow bo = find(rows, Dimension.THERAPIST, "Bo", 10);
    assertEquals(1, bo.patients());
    assertEquals(new Adherence(1, 1, 0, 0, 45, 40, 40), bo.adherence());
    assertEquals(Adherence.NONE, find(rows, Dimension.THERAPIST, "Bo", 9).adherence());
    assertEquals(3, find(rows, Dimension.PROGRAM, "all", 10).patients());
    assertEquals(12 * (1 + 2 + 2 + 2 + 2), rows.size());
  }

  private static RollupRow find(List<RollupRow> rows, Dimension d, String group, int month) {
    return rows.stream()
        .filter(
            r ->
                r.dimension() == d
                    && r.group().equals(group)
                    && r.month().equals(YearMonth.of(2026, month)))
        .findFirst()
        .orElseThrow();
  }

  private static Table stagesTable(List<Patient> ps, List<Assessment> as) {
    PatientIndex index = PatientIndex.build(ps, Set.of());
    List<List<Assessment>> sorted = new ArrayList<>();
    for (Patient p : index.patients) {
      sorted.add(as.stream().filter(a -> a.patientId().equals(p.patientId())).toList());
    }
    return AssessmentFacts.stages(index, sorted, OCT_2026.end());
  }

  @Test
  void transitions_blankBetween_comparesWithPreviousNonBlankOfSameScaleAndPatient() {
    List<Patient> ps = List.of(patient("P1", "2026-01-01"), patient("P2", "2026-01-01"));
    Table stages =
        stagesTable(
            ps,
            List.of(
                stages("P1", "2026-02-01", 2, 1),
                stages("P1", "2026-03-01", null, 2),
                stages("P1", "2026-04-01", 3, null),
                stages("P1", "2026-05-01", 3, 1),
                stages("P1", "2026-11-01", 6, 6),
                stages("P2", "2026-02-01", 5, 5)));
    List<List<StageTransition>> t =
        AssessmentFacts.perPatient(AssessmentFacts.transitions(stages), 2);
    assertEquals(
        List.of(
            new StageTransition("P1", d("2026-03-01"), BrunnstromScale.HAND, 1, 2, 59),
            new StageTransition("P1", d("2026-04-01"), BrunnstromScale.ARM, 2, 3, 90),
            new StageTransition("P1", d("2026-05-01"), BrunnstromScale.HAND, 2, 1, 120)),
        t.get(0));
    // P2's first arm stage is not a transition from P1's last one.
    assertEquals(List.of(), t.get(1));
  }

  @Test
  void onsets_patientFirstSeenAtOrAboveStage_excludedFromThatStage() {
    List<Patient> ps =
        List.of(
            patient("P1", "2026-01-01"), patient("P2", "2026-01-01"), patient("P3", "2026-01-01"));
    List<StageOnset> onsets =
        AssessmentFacts.onsets(
            stagesTable(
                ps,
                List.of(
                    stages("P1", "2026-01-11", 3, null),
                    stages("P1", "2026-03-01", 5, null),
                    stages("P2", "2026-01-21", 3, null),
                    stages("P2", "2026-02-10", 4, null),
                    stages("P3", "2026-01-31", 4, null),
                    stages("P3", "2026-02-20", 5, null))));
    // Stage 3: every patient was first seen at or above it, so nobody is measured for it.
    assertEquals(
        new StageOnset(BrunnstromScale.ARM, 3, OptionalDouble.empty(), 0, 0), onsets.get(1));
    // Stage 4: P3 arrived at 4 and is left out; P2 reached it on day 40, P1 (skipping 4) on day
    // 59 with its stage 5: median of the even count = (40 + 59) / 2.
    assertEquals(
        new StageOnset(BrunnstromScale.ARM, 4, OptionalDouble.of(49.5), 2, 2), onsets.get(2));
    // Stage 5: all three were first seen below it; P1 on day 59, P3 on day 50, P2 not yet.
    assertEquals(
        new StageOnset(BrunnstromScale.ARM, 5, OptionalDouble.of(54.5), 2, 3), onsets.get(3));
    assertEquals(
        new StageOnset(BrunnstromScale.HAND, 3, OptionalDouble.empty(), 0, 0), onsets.get(6));
    assertEquals(10, onsets.size());
  }

  @Test
  void onsets_regressionThenRecovery_firstAssessmentAtOrAboveStageCounts() {
    List<Patient> ps = List.of(patient("P1", "2026-01-01"));
    List<StageOnset> onsets =
        AssessmentFacts.onsets(
            stagesTable(
                ps,
                List.of(
                    stages("P1", "2026-01-11", 2, null),
                    stages("P1", "2026-01-21", 3, null),
                    stages("P1", "2026-02-01", 2, null),
                    stages("P1", "2026-03-01", 3, null))));
    assertEquals(
        new StageOnset(BrunnstromScale.ARM, 3, OptionalDouble.of(20), 1, 1), onsets.get(1));
  }

  @Test
  void onsets_evenCount_medianIsMeanOfMiddleTwo() {
    List<Patient> ps = List.of(patient("P1", "2026-01-01"), patient("P2", "2026-01-01"));
    List<StageOnset> onsets =
        AssessmentFacts.onsets(
            stagesTable(
                ps,
                List.of(
                    stages("P1", "2026-01-11", null, 1),
                    stages("P1", "2026-01-21", null, 2),
                    stages("P2", "2026-01-06", null, 1),
                    stages("P2", "2026-02-03", null, 2))));
    assertEquals(
        new StageOnset(BrunnstromScale.HAND, 2, OptionalDouble.of(26.5), 2, 2), onsets.get(5));
  }

  @Test
  void onsets_fewerThanThreeReached_hiddenThreeShown() {
    List<Patient> ps =
        List.of(
            patient("P1", "2026-01-01"), patient("P2", "2026-01-01"), patient("P3", "2026-01-01"));
    List<StageOnset> onsets =
        AssessmentFacts.onsets(
            stagesTable(
                ps,
                List.of(
                    stages("P1", "2026-01-11", 2, null),
                    stages("P1", "2026-02-10", 4, null),
                    stages("P2", "2026-01-11", 2, null),
                    stages("P2", "2026-03-02", 4, null),
                    stages("P3", "2026-01-11", 2, null),
                    stages("P3", "2026-04-01", 3, null))));
    // Stage 3: days 40, 60 and 90, three patients: shown.
    assertEquals(
        new StageOnset(BrunnstromScale.ARM, 3, OptionalDouble.of(60), 3, 3), onsets.get(1));
    assertTrue(onsets.get(1).shown());
    // Stage 4: two of the three: computed, but hidden.
    assertEquals(
        new StageOnset(BrunnstromScale.ARM, 4, OptionalDouble.of(50), 2, 3), onsets.get(2));
    assertFalse(onsets.get(2).shown());
  }

  @Test
  void matrix_xTabOfOneScale_countsFromToCells() {
    Table stages =
        stagesTable(
            List.of(patient("P1", "2026-01-01"), patient("P2", "2026-01-01")),
            List.of(
                stages("P1", "2026-09-01", 1, 1),
                stages("P1", "2026-10-01", 6, 2),
                stages("P2", "2026-09-01", 1, 3),
                stages("P2", "2026-10-01", 6, 2)));
    Table transitions = AssessmentFacts.transitions(stages);
    TransitionMatrix arm = ProgramFigures.matrix(BrunnstromScale.ARM, transitions);
    TransitionMatrix hand = ProgramFigures.matrix(BrunnstromScale.HAND, transitions);
    assertEquals(2, arm.count(1, 6));
    assertEquals(2, arm.total());
    assertEquals(1, hand.count(1, 2));
    assertEquals(1, hand.count(3, 2));
    assertEquals(2, hand.total());
  }

  @Test
  void patientsTable_bandsFlagsFollowUps_countByAndSums() {
    Table patients =
        Table.create(
            "patients",
            StringColumn.create("patient_id", "P3", "P1", "P2"),
            StringColumn.create("clinic", "North", "North", "Ash"),
            StringColumn.create("therapist", "Bo", "Al", "Al"),
            StringColumn.create("band", "LOW", "LOW", "ADHERENT"),
            DoubleColumn.create("overall_rate", 0.1, 0.2, 0.9));
    for (org.recoveryreview.model.Flag f : org.recoveryreview.model.Flag.values()) {
      int v = f == org.recoveryreview.model.Flag.LOW_ADHERENCE ? 1 : 0;
      patients.addColumns(IntColumn.create(f.code(), v, v, 0));
    }
    Map<AdherenceBand, Integer> bands = ProgramFigures.perBand(patients);
    assertEquals(2, bands.get(AdherenceBand.LOW));
    assertEquals(1, bands.get(AdherenceBand.ADHERENT));
    assertEquals(0, bands.get(AdherenceBand.PARTIAL));
    assertEquals(0, bands.get(AdherenceBand.NO_DATA));
    assertEquals(
        2, ProgramFigures.perFlag(patients).get(org.recoveryreview.model.Flag.LOW_ADHERENCE));
    assertEquals(0, ProgramFigures.perFlag(patients).get(org.recoveryreview.model.Flag.PLATEAU));
    assertEquals(List.of(0.1, 0.2, 0.9), ProgramFigures.overallRates(patients));
  }
}
