package org.recoveryreview.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.recoveryreview.analysis.Fixtures.analyze;
import static org.recoveryreview.analysis.Fixtures.d;
import static org.recoveryreview.analysis.Fixtures.dataset;
import static org.recoveryreview.analysis.Fixtures.patient;
import static org.recoveryreview.analysis.Fixtures.s;
import static org.recoveryreview.analysis.Fixtures.stages;
import static org.recoveryreview.model.Setting.CLINIC;
import static org.recoveryreview.model.Setting.HOME;
import static org.recoveryreview.model.Setting.TELE;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.recoveryreview.model.Adherence;
import org.recoveryreview.model.AdherenceBand;
import org.recoveryreview.model.AratParts;
import org.recoveryreview.model.Assessment;
import org.recoveryreview.model.BrunnstromScale;
import org.recoveryreview.model.DataCompleteness;
import org.recoveryreview.model.DataIssue;
import org.recoveryreview.model.Dataset;
import org.recoveryreview.model.FileKind;
import org.recoveryreview.model.FileQuality;
import org.recoveryreview.model.FileQuality.ProblemCount;
import org.recoveryreview.model.Flag;
import org.recoveryreview.model.FollowUp;
import org.recoveryreview.model.FollowUpTier;
import org.recoveryreview.model.InputFile;
import org.recoveryreview.model.IssueAction;
import org.recoveryreview.model.Patient;
import org.recoveryreview.model.PeriodGroupCounts;
import org.recoveryreview.model.ProgramReview;
import org.recoveryreview.model.ReviewPeriod;
import org.recoveryreview.model.RollupRow;
import org.recoveryreview.model.RollupRow.Dimension;
import org.recoveryreview.model.StageOnset;
import org.recoveryreview.model.Status;

class ProgramAnalysisTest {
  private static final YearMonth OCT = YearMonth.of(2026, 10);
  private static final YearMonth SEP = YearMonth.of(2026, 9);
  private static final YearMonth NOV_2025 = YearMonth.of(2025, 11);

  private static ProgramReview rollupProgramme() {
    return analyze(
            dataset(
                List.of(
                    patient("P1", "2025-01-01", "North", "Ann", Optional.empty()),
                    patient("P2", "2025-01-01", "South", "Bob", Optional.empty()),
                    patient("P3", "2025-01-01", "North", "Bob", Optional.empty())),
                List.of(
                    s("P1", "2026-10-01", CLINIC, "cimt", Status.COMPLETED, 60, null),
                    s("P1", "2026-10-02", HOME, "mirror", Status.MISSED, 30, null),
                    s("P1", "2026-09-10", HOME, "mirror", Status.COMPLETED, 30, 40),
                    s("P2", "2026-10-05", TELE, "cimt", Status.PARTIAL, 60, 30),
                    s("P2", "2026-10-06", CLINIC, "cimt", Status.CLINIC_CANCELLED, 60, null),
                    s("P3", "2025-10-15", HOME, "mirror", Status.COMPLETED, 30, null),
                    s("P3", "2025-11-02", HOME, "mirror", Status.COMPLETED, 30, null)),
                List.of()))
        .program();
  }

  private static RollupRow row(ProgramReview p, Dimension dim, String group, YearMonth month) {
    return p.rollups().stream()
        .filter(r -> r.dimension() == dim && r.group().equals(group) && r.month().equals(month))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no row " + dim + " " + group + " " + month));
  }

  @Test
  void analyze_rollups_programmeRowsPerMonth() {
    ProgramReview p = rollupProgramme();
    // Period counts: P1 and P2 were never assessed (tier 3), P2 has a clinic cancellation, P1 a
    // completed session without actual minutes.
    assertEquals(
        new RollupRow(Dimension.PROGRAM, "all", OCT, new Adherence(2, 2, 1, 0, 150, 90, 90), 2)
            .withPeriodCounts(new PeriodGroupCounts(0, 0, 2, 0, 0, 1, 1)),
        row(p, Dimension.PROGRAM, "all", OCT));
    assertEquals(
        new RollupRow(Dimension.PROGRAM, "all", SEP, new Adherence(0, 0, 1, 1, 30, 40, 30), 1),
        row(p, Dimension.PROGRAM, "all", SEP));
    // P3 is not in review in October but had sessions in November 2025, inside the 12 months.
    assertEquals(
        new RollupRow(Dimension.PROGRAM, "all", NOV_2025, new Adherence(0, 0, 1, 1, 30, 30, 30), 1),
        row(p, Dimension.PROGRAM, "all", NOV_2025));
  }

  /** Sessions and assessments in September and October, one patient assessed only in September. */
  private static Dataset twoMonths() {
    return dataset(
        List.of(
            patient("P1", "2026-06-01", "North", "Ann", Optional.empty()),
            patient("P2", "2026-06-01", "South", "Bob", Optional.empty()),
            patient("P3", "2026-06-01", "North", "Bob", Optional.empty())),
        List.of(
            s("P1", "2026-09-03", CLINIC, "cimt", Status.COMPLETED, 60, null),
            s("P1", "2026-09-10", HOME, "mirror", Status.MISSED, 30, null),
            s("P1", "2026-10-01", CLINIC, "cimt", Status.COMPLETED, 60, 60),
            s("P2", "2026-09-06", CLINIC, "cimt", Status.CLINIC_CANCELLED, 60, null),
            s("P2", "2026-10-05", TELE, "cimt", Status.PARTIAL, 60, 30)),
        List.of(
            Fixtures.fma("P1", "2026-07-01", 20),
            Fixtures.fma("P1", "2026-09-15", 40),
            Fixtures.fma("P1", "2026-10-15", 25),
            stages("P3", "2026-09-20", 3, 2)));
  }

  @Test
  void analyze_previousMonth_sameHeadlineAsARunForThatMonth() {
    Dataset d = twoMonths();
    ProgramReview oct = analyze(d).program();
    ProgramReview sep = analyze(d, new ReviewPeriod(SEP), Set.of()).program();

    assertEquals(sep.headline(), oct.previousMonth());
    // P1 (sessions), P2 (a cancelled session is a session) and P3 (an assessment only).
    assertEquals(3, oct.previousMonth().patientsInReview());
    // P1 gained 20 points by September (MCID reached), only 5 by October's latest total.
    assertEquals(1, oct.previousMonth().clinic("North").patientsMcidReached());
    assertEquals(0, oct.headline().clinic("North").patientsMcidReached());
    assertEquals(1, oct.previousMonth().clinic("South").clinicCancelledSessions());
    assertEquals(new Adherence(1, 1, 1, 0, 90, 60, 60), oct.previousMonth().overall());
    assertEquals(2, oct.headline().patientsInReview());
  }

  @Test
  void analyze_trendWindow_twelveMonthsEndingWithPeriodSameAsRollups() {
    ProgramReview p = rollupProgramme();
    assertEquals(12, p.trendWindow().months().size());
    assertEquals(NOV_2025, p.trendWindow().months().get(0));
    assertEquals(OCT, p.trendWindow().last());
    assertEquals("Nov 2025", p.trendWindow().labels().get(0));
    assertEquals("Oct 2026", p.trendWindow().label(OCT));
    assertEquals(
        p.trendWindow().months(),
        p.rollups().stream()
            .filter(r -> r.dimension() == Dimension.PROGRAM)
            .map(RollupRow::month)
            .toList());
  }

  @Test
  void rollupRow_fewPatients_oneToFourOnly() {
    Adherence a = Adherence.NONE;
    assertEquals(false, new RollupRow(Dimension.PROGRAM, "all", OCT, a, 0).fewPatients());
    assertEquals(true, new RollupRow(Dimension.PROGRAM, "all", OCT, a, 1).fewPatients());
    assertEquals(true, new RollupRow(Dimension.PROGRAM, "all", OCT, a, 4).fewPatients());
    assertEquals(false, new RollupRow(Dimension.PROGRAM, "all", OCT, a, 5).fewPatients());
  }

  @Test
  void analyze_completeness_countsGapsOfPatientsInReviewThisMonth() {
    Assessment withArat =
        new Assessment(
            "P1",
            d("2026-10-20"),
            Optional.empty(),
            OptionalInt.of(3),
            OptionalInt.of(3),
            OptionalInt.of(20),
            OptionalInt.of(5),
            OptionalInt.of(5),
            OptionalInt.of(3),
            OptionalInt.of(30),
            AratParts.NONE);
    ProgramReview p =
        analyze(
                dataset(
                    List.of(
                        patient("P1", "2026-06-01", "North", "Ann", Optional.empty()),
                        patient("P2", "2026-06-01", "South", "Bob", Optional.empty())),
                    List.of(
                        s("P1", "2026-10-01", CLINIC, "cimt", Status.COMPLETED, 60, null),
                        s("P1", "2026-10-02", CLINIC, "cimt", Status.COMPLETED, 60, 50),
                        s("P1", "2026-10-03", CLINIC, "cimt", Status.CLINIC_CANCELLED, 60, null),
                        s("P2", "2026-10-05", HOME, "mirror", Status.MISSED, 30, null)),
                    List.of(
                        withArat,
                        // Stages only: no FMA total, no ARAT.
                        stages("P1", "2026-10-05", 3, 3),
                        // Part D missing, before the period: not counted.
                        Fixtures.a("P2", "2026-09-05", null, null, 20, 5, 5, null),
                        // Part D missing, in the period.
                        Fixtures.a("P2", "2026-10-06", null, null, 20, 5, 5, null))))
            .program();
    // Done: P1's two completed sessions, one without actual minutes; 2 clinic sessions
    // scheduled + 1 cancelled by the clinic = 3 booked; 3 assessments in October.
    assertEquals(new DataCompleteness(2, 1, 3, 1, 3, 2, 2, 2, 0), p.completeness());
  }

  @Test
  void analyze_rollups_byClinicAndTherapist() {
    ProgramReview p = rollupProgramme();
    assertEquals(
        new Adherence(1, 1, 1, 0, 90, 60, 60), row(p, Dimension.CLINIC, "North", OCT).adherence());
    assertEquals(1, row(p, Dimension.CLINIC, "North", OCT).patients());
    assertEquals(
        new Adherence(1, 1, 0, 0, 60, 30, 30), row(p, Dimension.CLINIC, "South", OCT).adherence());
    assertEquals(
        new RollupRow(Dimension.CLINIC, "South", SEP, Adherence.NONE, 0),
        row(p, Dimension.CLINIC, "South", SEP));
    assertEquals(
        new Adherence(0, 0, 1, 1, 30, 30, 30),
        row(p, Dimension.CLINIC, "North", NOV_2025).adherence());
    assertEquals(
        new Adherence(1, 1, 1, 0, 90, 60, 60), row(p, Dimension.THERAPIST, "Ann", OCT).adherence());
    assertEquals(
        new Adherence(1, 1, 0, 0, 60, 30, 30), row(p, Dimension.THERAPIST, "Bob", OCT).adherence());
    assertEquals(1, row(p, Dimension.THERAPIST, "Bob", NOV_2025).patients());
  }

  @Test
  void analyze_periodCounts_onClinicAndProgrammeRowsOfThePeriodOnly() {
    ProgramReview p = rollupProgramme();
    assertEquals(
        Optional.of(new PeriodGroupCounts(0, 0, 1, 0, 0, 0, 1)),
        row(p, Dimension.CLINIC, "North", OCT).periodCounts());
    assertEquals(
        Optional.of(new PeriodGroupCounts(0, 0, 1, 0, 0, 1, 0)),
        row(p, Dimension.CLINIC, "South", OCT).periodCounts());
    assertEquals(Optional.empty(), row(p, Dimension.CLINIC, "North", SEP).periodCounts());
    assertEquals(Optional.empty(), row(p, Dimension.THERAPIST, "Ann", OCT).periodCounts());
    assertEquals(Optional.empty(), row(p, Dimension.SETTING, "home", OCT).periodCounts());
  }

  @Test
  void analyze_periodCounts_twoFmaAndMcidReachedSinceFirstEver() {
    ProgramReview p =
        analyze(
                dataset(
                    List.of(
                        patient("A", "2026-06-01"),
                        patient("B", "2026-06-01"),
                        patient("C", "2026-06-01")),
                    List.of(),
                    List.of(
                        // A: 20 -> 29 since the first FMA ever, MCID 9 (late subacute): reached.
                        Fixtures.fma("A", "2026-06-15", 20),
                        Fixtures.fma("A", "2026-08-01", 24),
                        Fixtures.fma("A", "2026-10-05", 29),
                        // B: 20 -> 28: two FMAs, MCID not reached.
                        Fixtures.fma("B", "2026-06-15", 20),
                        Fixtures.fma("B", "2026-10-05", 28),
                        // C: one FMA only.
                        Fixtures.fma("C", "2026-10-05", 28))))
            .program();
    PeriodGroupCounts c = row(p, Dimension.PROGRAM, "all", OCT).periodCounts().orElseThrow();
    assertEquals(2, c.patientsWithTwoFma());
    assertEquals(1, c.patientsMcidReached());
  }

  @Test
  void analyze_rollups_byTherapyAndSetting() {
    ProgramReview p = rollupProgramme();
    assertEquals(
        new RollupRow(Dimension.THERAPY, "cimt", OCT, new Adherence(2, 2, 0, 0, 120, 90, 90), 2),
        row(p, Dimension.THERAPY, "cimt", OCT));
    assertEquals(
        new RollupRow(Dimension.THERAPY, "mirror", OCT, new Adherence(0, 0, 1, 0, 30, 0, 0), 1),
        row(p, Dimension.THERAPY, "mirror", OCT));
    assertEquals(
        new Adherence(1, 1, 0, 0, 60, 60, 60),
        row(p, Dimension.SETTING, "clinic", OCT).adherence());
    assertEquals(
        new Adherence(1, 1, 0, 0, 60, 30, 30), row(p, Dimension.SETTING, "tele", OCT).adherence());
    assertEquals(
        new Adherence(0, 0, 1, 0, 30, 0, 0), row(p, Dimension.SETTING, "home", OCT).adherence());
  }

  @Test
  void analyze_rollups_twelveMonthsPerGroupInOrder() {
    ProgramReview p = rollupProgramme();
    // 1 programme + 2 clinics + 2 therapists + 2 therapies + 3 settings, 12 months each.
    assertEquals(120, p.rollups().size());
    assertEquals(
        new RollupRow(Dimension.PROGRAM, "all", NOV_2025, p.rollups().get(0).adherence(), 1),
        p.rollups().get(0));
    assertEquals(OCT, p.rollups().get(11).month());
    assertEquals("North", p.rollups().get(12).group());
    assertEquals("South", p.rollups().get(24).group());
    assertEquals(
        List.of("clinic", "home", "tele"),
        p.rollups().stream()
            .filter(r -> r.dimension() == Dimension.SETTING)
            .map(RollupRow::group)
            .distinct()
            .toList());
  }

  @Test
  void analyze_programme_headlineCountsFollowUpsAndRates() {
    ProgramReview p = rollupProgramme();
    assertEquals(2, p.headline().patientsInReview());
    assertEquals(new Adherence(2, 2, 1, 0, 150, 90, 90), p.headline().overall());
    assertEquals(
        Map.of(
            AdherenceBand.ADHERENT,
            1,
            AdherenceBand.PARTIAL,
            1,
            AdherenceBand.LOW,
            0,
            AdherenceBand.NO_DATA,
            0),
        p.headline().patientsPerBand());
    Map<Flag, Integer> perFlag = new java.util.EnumMap<>(Flag.class);
    for (Flag f : Flag.values()) {
      perFlag.put(f, f == Flag.ASSESSMENT_OVERDUE ? 2 : 0);
    }
    assertEquals(perFlag, p.headline().patientsPerFlag());
    assertEquals(
        Map.of(FollowUpTier.ACT_NOW, 0, FollowUpTier.DISCUSS, 0, FollowUpTier.CHECK, 2),
        p.headline().patientsPerTier());
    assertEquals(List.of(0.5, 1.0), p.overallRates());
    assertEquals(List.of("P1", "P2"), p.followUps().stream().map(FollowUp::patientId).toList());
    assertEquals(FollowUpTier.CHECK, p.followUps().get(0).tier());
    assertEquals(List.of(Flag.ASSESSMENT_OVERDUE), p.followUps().get(0).flags());
    assertEquals(
        "no assessment recorded; chronic patients are reassessed at least every 90 days",
        p.followUps().get(0).findings().get(0).evidence());
  }

  @Test
  void analyze_followUps_rankedByTierFlagCountRateThenId() {
    Patient discharged =
        new Patient(
            "F",
            "Name F",
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            d("2025-01-01"),
            "North",
            "Ann",
            Optional.empty(),
            Optional.of(d("2026-10-15")),
            Optional.empty());
    ProgramReview p =
        analyze(
                dataset(
                    List.of(
                        patient("A", "2025-01-01"),
                        patient("B", "2025-01-01"),
                        patient("C", "2025-01-01"),
                        patient("D", "2025-01-01"),
                        patient("E", "2025-01-01"),
                        discharged,
                        patient("G", "2025-01-01"),
                        patient("H", "2025-01-01")),
                    List.of(
                        // A: low adherence and never assessed: tier 2, two flags.
                        s("A", "2026-10-01", HOME, Status.MISSED, 30, null),
                        // B and H: low adherence only: tier 2, one flag, same rate: by id.
                        s("B", "2026-10-01", HOME, Status.MISSED, 30, null),
                        s("H", "2026-10-01", HOME, Status.MISSED, 30, null),
                        // C: partial adherence and a regression with a Fugl-Meyer fall: tier 1.
                        s("C", "2026-10-01", CLINIC, Status.MISSED, 30, null),
                        s("C", "2026-10-02", CLINIC, Status.COMPLETED, 30, null),
                        // D (rate 1.0) and E (rate 0.5): overdue only, tier 3, lower rate first.
                        s("D", "2026-10-01", HOME, Status.COMPLETED, 30, null),
                        s("E", "2026-10-01", HOME, Status.COMPLETED, 30, null),
                        s("E", "2026-10-02", HOME, Status.MISSED, 30, null),
                        // F: discharged in the period: flagged but not listed.
                        s("F", "2026-10-01", HOME, Status.MISSED, 30, null)),
                    List.of(
                        stages("B", "2026-10-05", 3, 3),
                        stages("H", "2026-10-05", 3, 3),
                        Fixtures.a("C", "2026-09-01", 3, 3, 20, 2, 2, 2),
                        Fixtures.a("C", "2026-10-05", 2, 3, 16, 2, 2, 2), // FMA 26 -> 22
                        // G: no session (no rate) and a record to check: tier 3, listed last.
                        Fixtures.a("G", "2026-10-05", 1, 3, 27, 2, 2, 2))))
            .program();
    assertEquals(
        List.of("C", "A", "B", "H", "E", "D", "G"),
        p.followUps().stream().map(FollowUp::patientId).toList());
    assertEquals(
        List.of(
            FollowUpTier.ACT_NOW,
            FollowUpTier.DISCUSS,
            FollowUpTier.DISCUSS,
            FollowUpTier.DISCUSS,
            FollowUpTier.CHECK,
            FollowUpTier.CHECK,
            FollowUpTier.CHECK),
        p.followUps().stream().map(FollowUp::tier).toList());
    assertEquals(List.of(Flag.DATA_QUERY), p.followUps().get(6).flags());
    assertEquals(1, p.headline().patientsPerFlag().get(Flag.STAGE_REGRESSION));
    assertEquals(
        4, p.headline().patientsPerFlag().get(Flag.LOW_ADHERENCE)); // A, B, H and discharged F
  }

  private static ProgramReview stagesProgramme() {
    return analyze(
            dataset(
                List.of(
                    patient("Q1", "2026-01-01"),
                    patient("Q2", "2026-01-01"),
                    patient("Q3", "2026-01-01")),
                List.of(),
                List.of(
                    stages("Q1", "2026-02-01", 2, null),
                    stages("Q1", "2026-04-01", 3, null),
                    stages("Q1", "2026-10-05", 4, null),
                    stages("Q2", "2026-03-01", 3, 1),
                    stages("Q2", "2026-10-10", 2, 2),
                    stages("Q3", "2026-01-11", 2, null),
                    stages("Q3", "2026-10-20", 5, null),
                    stages("Q3", "2026-11-05", 6, null))))
        .program();
  }

  @Test
  void analyze_transitionMatrices_onlyTransitionsInPeriod() {
    ProgramReview p = stagesProgramme();
    int[][] arm = new int[6][6];
    arm[2][3] = 1; // 3 -> 4
    arm[2][1] = 1; // 3 -> 2
    arm[1][4] = 1; // 2 -> 5
    assertArrayEquals(arm, p.armTransitions().counts());
    assertEquals(1, p.handTransitions().count(1, 2));
    assertEquals(1, p.handTransitions().total());
  }

  @Test
  void analyze_stageOnsets_medianDaysToReachStageOfPatientsFirstSeenBelowIt() {
    List<StageOnset> on = stagesProgramme().stageOnsets();
    assertEquals(10, on.size());
    // Q1 and Q3 arrived at arm stage 2, Q2 at 3: nobody was first seen below stage 2.
    assertEquals(new StageOnset(BrunnstromScale.ARM, 2, OptionalDouble.empty(), 0, 0), on.get(0));
    // Stage 3: Q1 on day 90, Q3 on day 292 (with its 5).
    assertEquals(new StageOnset(BrunnstromScale.ARM, 3, OptionalDouble.of(191), 2, 2), on.get(1));
    // Stage 4: all three first seen below; Q1 day 277, Q3 day 292, Q2 fell back to 2.
    assertEquals(new StageOnset(BrunnstromScale.ARM, 4, OptionalDouble.of(284.5), 2, 3), on.get(2));
    assertEquals(new StageOnset(BrunnstromScale.ARM, 5, OptionalDouble.of(292), 1, 3), on.get(3));
    // Stage 6 only after the period's end: not counted.
    assertEquals(new StageOnset(BrunnstromScale.ARM, 6, OptionalDouble.empty(), 0, 3), on.get(4));
    assertEquals(new StageOnset(BrunnstromScale.HAND, 2, OptionalDouble.of(282), 1, 1), on.get(5));
    assertEquals(new StageOnset(BrunnstromScale.HAND, 3, OptionalDouble.empty(), 0, 1), on.get(6));
  }

  @Test
  void analyze_dataQuality_topThreeProblemsPerFileTiesAlphabetical() {
    InputFile patients =
        new InputFile("patients.csv", FileKind.PATIENTS, "x", 10, 3, 3, 0, 0, 0, 0);
    InputFile sessions =
        new InputFile("sessions.csv", FileKind.SESSIONS, "y", 99, 17, 10, 4, 2, 0, 1);
    List<DataIssue> issues =
        List.of(
            issue(IssueAction.REJECTED, "status", "unknown status"),
            issue(IssueAction.REJECTED, "date", "bad date"),
            issue(IssueAction.IGNORED, "status", "void"),
            issue(IssueAction.DUPLICATE, "", "duplicate session"),
            issue(IssueAction.REJECTED, "status", "unknown status"),
            issue(IssueAction.DUPLICATE, "", "duplicate session"),
            issue(IssueAction.REJECTED, "date", "bad date"));
    ProgramReview p =
        analyze(dataset(List.of(), List.of(), List.of(), List.of(patients, sessions), issues))
            .program();
    assertEquals(
        List.of(
            new FileQuality(patients, List.of()),
            new FileQuality(
                sessions,
                List.of(
                    new ProblemCount(IssueAction.DUPLICATE, "", "duplicate session", 2),
                    new ProblemCount(IssueAction.REJECTED, "date", "bad date", 2),
                    new ProblemCount(IssueAction.REJECTED, "status", "unknown status", 2)))),
        p.dataQuality());
  }

  @Test
  void analyze_noPatients_emptyProgrammeWithAllBandsAndFlags() {
    ProgramReview p = analyze(dataset(List.of(), List.of(), List.of())).program();
    assertEquals(0, p.headline().patientsInReview());
    assertEquals(4, p.headline().patientsPerBand().size());
    assertEquals(Flag.values().length, p.headline().patientsPerFlag().size());
    assertEquals(3, p.headline().patientsPerTier().size());
    assertEquals(12, p.rollups().size());
    assertEquals(d("2026-10-01"), p.rollups().get(11).month().atDay(1));
  }

  private static DataIssue issue(IssueAction action, String column, String problem) {
    return new DataIssue(
        "sessions.csv", 2, FileKind.SESSIONS, "k", column, "v", action, problem + " ...", problem);
  }
}
