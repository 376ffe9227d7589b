package org.recoveryreview.report;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Random;
import org.recoveryreview.analysis.Windows;
import org.recoveryreview.model.Adherence;
import org.recoveryreview.model.AdherenceBand;
import org.recoveryreview.model.AnalysisSettings;
import org.recoveryreview.model.Assessment;
import org.recoveryreview.model.AssessmentPoint;
import org.recoveryreview.model.BrunnstromScale;
import org.recoveryreview.model.ChangeLabel;
import org.recoveryreview.model.DataCompleteness;
import org.recoveryreview.model.FileKind;
import org.recoveryreview.model.FileQuality;
import org.recoveryreview.model.Flag;
import org.recoveryreview.model.FlagFinding;
import org.recoveryreview.model.FmaCourse;
import org.recoveryreview.model.FmaWindow;
import org.recoveryreview.model.FollowUp;
import org.recoveryreview.model.FollowUpTier;
import org.recoveryreview.model.InputFile;
import org.recoveryreview.model.IssueAction;
import org.recoveryreview.model.MetricsFixture;
import org.recoveryreview.model.MonthWindow;
import org.recoveryreview.model.Patient;
import org.recoveryreview.model.PatientHistory;
import org.recoveryreview.model.PatientMetrics;
import org.recoveryreview.model.PatientReview;
import org.recoveryreview.model.PeriodGroupCounts;
import org.recoveryreview.model.Phase;
import org.recoveryreview.model.ProgramHeadline;
import org.recoveryreview.model.ProgramReview;
import org.recoveryreview.model.ReviewPeriod;
import org.recoveryreview.model.RollupRow;
import org.recoveryreview.model.RollupRow.Dimension;
import org.recoveryreview.model.SessionSummary;
import org.recoveryreview.model.Setting;
import org.recoveryreview.model.StageOnset;
import org.recoveryreview.model.StageTransition;
import org.recoveryreview.model.Status;
import org.recoveryreview.model.TherapyMinutes;
import org.recoveryreview.model.TransitionMatrix;
import org.recoveryreview.model.WeekAdherence;

/**
 * Hand-built analysis results for report tests, since the analysis stage is built in parallel.
 * Figures are written out, not computed by project code.
 */
final class ReportFixtures {
  private ReportFixtures() {}

  static final ReviewPeriod PERIOD = new ReviewPeriod(YearMonth.of(2026, 10));
  static final AnalysisSettings ANALYSIS = AnalysisSettings.defaults();
  static final ReportContext CONTEXT =
      new ReportContext(
          PERIOD, LocalDate.of(2026, 10, 30), Instant.parse("2026-10-30T00:00:00Z"), ANALYSIS);

  static Patient patient(String id, String name, String clinic, String therapist) {
    return new Patient(
        id,
        name,
        Optional.of(LocalDate.of(1958, 3, 14)),
        Optional.of("female"),
        Optional.of("left"),
        Optional.of("Ischaemic stroke, right MCA"),
        LocalDate.of(2026, 5, 20),
        clinic,
        therapist,
        Optional.of(LocalDate.of(2026, 6, 1)),
        Optional.empty(),
        Optional.empty());
  }

  static Assessment assessment(
      LocalDate d, int arm, int hand, int a, int b, int c, int dd, int arat) {
    return new Assessment(
        "x",
        d,
        Optional.of("Dr. Nowak"),
        OptionalInt.of(arm),
        OptionalInt.of(hand),
        OptionalInt.of(a),
        OptionalInt.of(b),
        OptionalInt.of(c),
        OptionalInt.of(dd),
        OptionalInt.of(arat),
        org.recoveryreview.model.AratParts.NONE);
  }

  static AssessmentPoint point(Assessment a) {
    return new AssessmentPoint(
        a,
        OptionalDouble.of(a.fmaA().getAsInt() * 100.0 / 36),
        OptionalDouble.of(a.fmaB().getAsInt() * 100.0 / 10),
        OptionalDouble.of(a.fmaC().getAsInt() * 100.0 / 14),
        OptionalDouble.of(a.fmaD().getAsInt() * 100.0 / 6),
        a.fmaTotal(),
        0L,
        OptionalInt.empty(),
        Optional.empty());
  }

  /**
   * A history as analysis hands it over: the points relabelled (days since onset, Fugl-Meyer change
   * against the previous complete total with the MDC 3.2 and MCID 9 of these fixtures), the
   * period's transitions and the chart windows decided by {@link Windows}.
   */
  static PatientHistory history(
      Patient p,
      List<WeekAdherence> weeks,
      List<TherapyMinutes> minutes,
      List<AssessmentPoint> points,
      List<StageTransition> tr,
      List<SessionSummary> sessions,
      List<Assessment> periodAssessments) {
    List<AssessmentPoint> labelled = new ArrayList<>();
    OptionalInt previous = OptionalInt.empty();
    for (AssessmentPoint x : points) {
      OptionalInt change = OptionalInt.empty();
      Optional<ChangeLabel> label = Optional.empty();
      if (x.fmaTotal().isPresent() && previous.isPresent()) {
        int c = x.fmaTotal().getAsInt() - previous.getAsInt();
        change = OptionalInt.of(c);
        label = Optional.of(ChangeLabel.of(c, 3.2, 9));
      }
      if (x.fmaTotal().isPresent()) {
        previous = x.fmaTotal();
      }
      labelled.add(
          new AssessmentPoint(
              x.assessment(),
              x.fmaAPercent(),
              x.fmaBPercent(),
              x.fmaCPercent(),
              x.fmaDPercent(),
              x.fmaTotal(),
              ChronoUnit.DAYS.between(p.onsetDate(), x.date()),
              change,
              label));
    }
    return new PatientHistory(
        weeks,
        minutes,
        labelled,
        tr,
        sessions,
        periodAssessments,
        tr.stream().filter(t -> PERIOD.contains(t.date())).toList(),
        Windows.of(p, PERIOD, weeks, labelled));
  }

  /** Weekly rows from {@code first} to the period's last week with a fixed attendance pattern. */
  static List<WeekAdherence> weeks(LocalDate first, LocalDate last, int clinicDone, int homeDone) {
    List<WeekAdherence> out = new ArrayList<>();
    LocalDate monday = first.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    int i = 0;
    while (!monday.isAfter(last)) {
      int cd = Math.max(0, Math.min(3, clinicDone - (i % 3 == 0 ? 1 : 0)));
      int hd = Math.max(0, Math.min(4, homeDone - (i % 4 == 1 ? 2 : 0)));
      out.add(
          new WeekAdherence(
              monday,
              monday.get(IsoFields.WEEK_BASED_YEAR),
              monday.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR),
              new Adherence(3, cd, 4, hd, 7 * 45, cd * 45 + hd * 30, cd * 45 + hd * 30)));
      monday = monday.plusWeeks(1);
      i++;
    }
    return out;
  }

  static List<TherapyMinutes> minutes(YearMonth from, YearMonth to) {
    List<TherapyMinutes> out = new ArrayList<>();
    int i = 0;
    for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1), i++) {
      out.add(new TherapyMinutes(m, "occupational_therapy", 540, 420 + 20 * i));
      out.add(new TherapyMinutes(m, "physiotherapy", 540, 480 - 10 * i));
      out.add(new TherapyMinutes(m, "home_exercise", 600, 300 + 15 * i));
    }
    return out;
  }

  static List<SessionSummary> periodSessions() {
    return List.of(
        new SessionSummary("physiotherapy", Setting.CLINIC, Status.COMPLETED, 6, 270, 270),
        new SessionSummary("physiotherapy", Setting.CLINIC, Status.MISSED, 2, 90, 0),
        new SessionSummary("occupational_therapy", Setting.CLINIC, Status.COMPLETED, 4, 180, 175),
        new SessionSummary("occupational_therapy", Setting.TELE, Status.PARTIAL, 1, 45, 20),
        new SessionSummary("home_exercise", Setting.HOME, Status.COMPLETED, 10, 300, 300),
        new SessionSummary("home_exercise", Setting.HOME, Status.MISSED, 6, 180, 0));
  }

  /** Patient with low adherence and a plateau: 6 of 20 sessions done, FMA +2 in 90 days. */
  static PatientReview lowAdherencePlateau() {
    Patient p = patient("P001", "Anna Kowalska-Łęcka", "Łódź Rehabilitacja", "Paweł Wiśniewski");
    List<Assessment> as =
        List.of(
            assessment(LocalDate.of(2026, 6, 2), 2, 1, 10, 2, 1, 1, 8),
            assessment(LocalDate.of(2026, 7, 6), 3, 2, 16, 3, 3, 2, 15),
            assessment(LocalDate.of(2026, 8, 10), 4, 2, 20, 4, 4, 2, 20),
            assessment(LocalDate.of(2026, 9, 14), 4, 3, 21, 4, 4, 2, 21),
            assessment(LocalDate.of(2026, 10, 19), 4, 3, 22, 4, 5, 2, 23));
    List<StageTransition> tr =
        List.of(
            new StageTransition("P001", LocalDate.of(2026, 7, 6), BrunnstromScale.ARM, 2, 3, 47),
            new StageTransition("P001", LocalDate.of(2026, 7, 6), BrunnstromScale.HAND, 1, 2, 47),
            new StageTransition("P001", LocalDate.of(2026, 8, 10), BrunnstromScale.ARM, 3, 4, 82),
            new StageTransition(
                "P001", LocalDate.of(2026, 9, 14), BrunnstromScale.HAND, 2, 3, 117));
    PatientMetrics m =
        MetricsFixture.metrics(
            p,
            PERIOD,
            new Adherence(12, 4, 8, 2, 900, 410, 400),
            new Adherence(12, 9, 8, 6, 900, 760, 740),
            AdherenceBand.LOW,
            AdherenceBand.PARTIAL,
            OptionalInt.of(4),
            OptionalInt.of(0),
            OptionalInt.of(3),
            OptionalInt.of(0),
            OptionalInt.of(33),
            OptionalInt.of(2),
            9,
            Phase.LATE_SUBACUTE,
            163,
            0,
            List.of(
                new FlagFinding(Flag.LOW_ADHERENCE, "6 of 20 scheduled sessions done (30%)"),
                new FlagFinding(
                    Flag.PLATEAU,
                    "Fugl-Meyer 30 on 10 Aug 2026 → 33 on 19 Oct 2026 (+3 over 70 days, 3"
                        + " assessments), within measurement error (MDC 3.2; MCID 9); no"
                        + " Brunnstrom stage gained")),
            Optional.of(LocalDate.of(2026, 10, 19)),
            Optional.of(
                new FmaWindow(LocalDate.of(2026, 8, 10), 30, LocalDate.of(2026, 10, 19), 33, 3)),
            OptionalInt.of(23),
            OptionalInt.of(2),
            12,
            Optional.of(ChangeLabel.WITHIN_ERROR),
            Optional.of(FollowUpTier.DISCUSS),
            new FmaCourse(3, OptionalInt.of(8)),
            1,
            2,
            org.recoveryreview.model.PatientGoals.none());
    PatientHistory h =
        history(
            p,
            weeks(LocalDate.of(2026, 6, 1), PERIOD.end(), 2, 2),
            minutes(YearMonth.of(2026, 6), PERIOD.month()),
            as.stream().map(ReportFixtures::point).toList(),
            tr,
            periodSessions(),
            List.of(as.get(4)));
    return new PatientReview(m, h);
  }

  /** Chinese name and clinic, a gain at or above the MCID and a hand regression. */
  static PatientReview chineseGainRegression() {
    Patient p = patient("P002", "王秀英", "北京康复中心", "李娜");
    List<Assessment> as =
        List.of(
            assessment(LocalDate.of(2026, 8, 3), 3, 3, 14, 3, 4, 2, 18),
            assessment(LocalDate.of(2026, 9, 7), 3, 4, 18, 4, 6, 3, 24),
            assessment(LocalDate.of(2026, 10, 12), 4, 3, 26, 6, 6, 4, 30));
    List<StageTransition> tr =
        List.of(
            new StageTransition("P002", LocalDate.of(2026, 9, 7), BrunnstromScale.HAND, 3, 4, 110),
            new StageTransition("P002", LocalDate.of(2026, 10, 12), BrunnstromScale.ARM, 3, 4, 145),
            new StageTransition(
                "P002", LocalDate.of(2026, 10, 12), BrunnstromScale.HAND, 4, 3, 145));
    PatientMetrics m =
        MetricsFixture.metrics(
            p,
            PERIOD,
            new Adherence(10, 9, 12, 11, 1000, 960, 950),
            new Adherence(10, 8, 12, 9, 1000, 850, 850),
            AdherenceBand.ADHERENT,
            AdherenceBand.PARTIAL,
            OptionalInt.of(4),
            OptionalInt.of(1),
            OptionalInt.of(3),
            OptionalInt.of(-1),
            OptionalInt.of(42),
            OptionalInt.of(11),
            9,
            Phase.LATE_SUBACUTE,
            163,
            2,
            List.of(
                new FlagFinding(
                    Flag.FMA_GAIN,
                    "+11 to 42/66 since the last assessment before the period — clinically"
                        + " important change (MCID 9)"),
                new FlagFinding(Flag.STAGE_REGRESSION, "Brunnstrom hand IV → III on 12 Oct 2026")),
            Optional.of(LocalDate.of(2026, 10, 12)),
            Optional.empty(),
            OptionalInt.of(30),
            OptionalInt.of(12),
            12,
            Optional.of(ChangeLabel.IMPORTANT),
            Optional.of(FollowUpTier.ACT_NOW),
            new FmaCourse(3, OptionalInt.of(8)),
            1,
            2,
            org.recoveryreview.model.PatientGoals.none());
    PatientHistory h =
        history(
            p,
            weeks(LocalDate.of(2026, 7, 27), PERIOD.end(), 3, 4),
            minutes(YearMonth.of(2026, 8), PERIOD.month()),
            as.stream().map(ReportFixtures::point).toList(),
            tr,
            periodSessions(),
            List.of(as.get(2)));
    return new PatientReview(m, h);
  }

  /** Japanese name, sessions but no assessment ever: assessment overdue. */
  static PatientReview japaneseNoAssessments() {
    Patient p = patient("P003", "佐藤 はるか", "東京リハビリセンター", "鈴木 一郎");
    PatientMetrics m =
        MetricsFixture.metrics(
            p,
            PERIOD,
            new Adherence(8, 6, 8, 5, 700, 520, 510),
            new Adherence(8, 7, 8, 6, 700, 600, 600),
            AdherenceBand.PARTIAL,
            AdherenceBand.PARTIAL,
            OptionalInt.empty(),
            OptionalInt.empty(),
            OptionalInt.empty(),
            OptionalInt.empty(),
            OptionalInt.empty(),
            OptionalInt.empty(),
            9,
            Phase.LATE_SUBACUTE,
            163,
            0,
            List.of(
                new FlagFinding(
                    Flag.ASSESSMENT_OVERDUE,
                    "no assessment recorded; late subacute patients are reassessed at least"
                        + " every 42 days")),
            Optional.empty(),
            Optional.empty(),
            OptionalInt.empty(),
            OptionalInt.empty(),
            12,
            Optional.empty(),
            Optional.of(FollowUpTier.CHECK),
            new FmaCourse(3, OptionalInt.of(8)),
            1,
            2,
            org.recoveryreview.model.PatientGoals.none());
    PatientHistory h =
        history(
            p,
            weeks(LocalDate.of(2026, 8, 31), PERIOD.end(), 2, 3),
            minutes(YearMonth.of(2026, 9), PERIOD.month()),
            List.of(),
            List.of(),
            periodSessions(),
            List.of());
    return new PatientReview(m, h);
  }

  /** Korean name, an assessment in the period but no session: rates have no data. */
  static PatientReview koreanNoSessionsInPeriod() {
    Patient p = patient("P004", "김민준", "서울 재활병원", "박서연");
    Assessment a = assessment(LocalDate.of(2026, 10, 5), 5, 4, 30, 7, 9, 4, 40);
    Assessment before = assessment(LocalDate.of(2026, 8, 20), 5, 4, 29, 7, 8, 4, 38);
    PatientMetrics m =
        MetricsFixture.metrics(
            p,
            PERIOD,
            Adherence.NONE,
            new Adherence(6, 5, 4, 4, 450, 430, 430),
            AdherenceBand.NO_DATA,
            AdherenceBand.ADHERENT,
            OptionalInt.of(5),
            OptionalInt.of(0),
            OptionalInt.of(4),
            OptionalInt.of(0),
            OptionalInt.of(50),
            OptionalInt.of(2),
            5,
            Phase.CHRONIC,
            400,
            0,
            List.of(),
            Optional.of(LocalDate.of(2026, 10, 5)),
            Optional.empty(),
            OptionalInt.of(40),
            OptionalInt.of(2),
            6,
            Optional.empty(),
            Optional.empty(),
            new FmaCourse(3, OptionalInt.of(8)),
            1,
            2,
            org.recoveryreview.model.PatientGoals.none());
    PatientHistory h =
        history(
            p,
            weeks(LocalDate.of(2026, 7, 6), LocalDate.of(2026, 9, 27), 3, 3),
            minutes(YearMonth.of(2026, 7), YearMonth.of(2026, 9)),
            List.of(point(before), point(a)),
            List.of(),
            List.of(),
            List.of(a));
    return new PatientReview(m, h);
  }

  /** Vietnamese name, one week of data only (programme started in the period's last week). */
  static PatientReview vietnameseSingleWeek() {
    Patient p = patient("P005", "Nguyễn Thị Hằng", "Hà Nội Phục hồi", "Trần Văn Đức");
    LocalDate monday = LocalDate.of(2026, 10, 26);
    PatientMetrics m =
        MetricsFixture.metrics(
            p,
            PERIOD,
            new Adherence(2, 2, 3, 2, 180, 160, 160),
            Adherence.NONE,
            AdherenceBand.ADHERENT,
            AdherenceBand.NO_DATA,
            OptionalInt.empty(),
            OptionalInt.empty(),
            OptionalInt.empty(),
            OptionalInt.empty(),
            OptionalInt.empty(),
            OptionalInt.empty(),
            9,
            Phase.LATE_SUBACUTE,
            20,
            0,
            List.of(
                new FlagFinding(
                    Flag.ASSESSMENT_OVERDUE,
                    "no assessment recorded; late subacute patients are reassessed at least"
                        + " every 42 days")),
            Optional.empty(),
            Optional.empty(),
            OptionalInt.empty(),
            OptionalInt.empty(),
            12,
            Optional.empty(),
            Optional.of(FollowUpTier.CHECK),
            new FmaCourse(3, OptionalInt.of(8)),
            1,
            2,
            org.recoveryreview.model.PatientGoals.none());
    PatientHistory h =
        history(
            p,
            List.of(new WeekAdherence(monday, 2026, 44, new Adherence(2, 2, 3, 2, 180, 160, 160))),
            List.of(
                new TherapyMinutes(PERIOD.month(), "physiotherapy", 90, 90),
                new TherapyMinutes(PERIOD.month(), "home_exercise", 90, 70)),
            List.of(),
            List.of(),
            List.of(
                new SessionSummary("physiotherapy", Setting.CLINIC, Status.COMPLETED, 2, 90, 90),
                new SessionSummary("home_exercise", Setting.HOME, Status.COMPLETED, 2, 60, 60),
                new SessionSummary("home_exercise", Setting.HOME, Status.MISSED, 1, 30, 0)),
            List.of());
    return new PatientReview(m, h);
  }

  /** Greek, Cyrillic and an unsupported character (Egyptian hieroglyph U+13000). */
  static PatientReview named(String id, String name) {
    PatientReview base = lowAdherencePlateau();
    PatientMetrics o = base.metrics();
    Patient p = patient(id, name, o.patient().clinic(), o.patient().therapist());
    PatientMetrics m =
        new PatientMetrics(
            p,
            PERIOD,
            o.adherence(),
            o.recovery(),
            org.recoveryreview.model.PatientGoals.none(),
            o.signals());
    return new PatientReview(m, base.history());
  }

  static List<PatientReview> allScripts() {
    return List.of(
        lowAdherencePlateau(),
        chineseGainRegression(),
        japaneseNoAssessments(),
        koreanNoSessionsInPeriod(),
        vietnameseSingleWeek(),
        named("P006", "Γιώργος Παπαδόπουλος"),
        named("P007", "Ирина Смирнова"),
        named("P009", ARABIC_NAME),
        named("P010", HEBREW_NAME));
  }

  /** Right-to-left names: Arabic letters join and change shape, Hebrew ones only reorder. */
  static final String ARABIC_NAME = "محمد الأحمد";

  static final String HEBREW_NAME = "דוד כהן";

  /** A varied Latin-named patient for the benchmark, deterministic per index. */
  static PatientReview bench(int i) {
    Random r = new Random(i);
    String[] first = {"Anna", "Jan", "Maria", "Peter", "Sofia", "Lukas", "Emma", "Noah"};
    String[] last = {"Schmidt", "Novak", "García", "Müller", "Dubois", "Jensen", "Rossi"};
    Patient p =
        patient(
            String.format("B%05d", i),
            first[r.nextInt(first.length)] + " " + last[r.nextInt(last.length)],
            "Clinic " + (char) ('A' + r.nextInt(4)),
            "Therapist " + (1 + r.nextInt(9)));
    List<Assessment> as = new ArrayList<>();
    int fa = 6 + r.nextInt(10);
    for (int k = 0; k < 6; k++) {
      as.add(
          assessment(
              LocalDate.of(2026, 5, 25).plusWeeks(4L * k + r.nextInt(2)),
              Math.min(6, 2 + k / 2),
              Math.min(6, 1 + k / 2),
              Math.min(36, fa + 4 * k),
              Math.min(10, 2 + k),
              Math.min(14, 1 + 2 * k),
              Math.min(6, k),
              Math.min(57, 6 + 6 * k)));
    }
    int sched = 8 + r.nextInt(6);
    int done = r.nextInt(sched + 1);
    PatientMetrics m =
        MetricsFixture.metrics(
            p,
            PERIOD,
            new Adherence(sched, done, 10, r.nextInt(11), 1100, 800, 780),
            new Adherence(sched, Math.min(sched, done + 1), 10, 7, 1100, 900, 880),
            AdherenceBand.PARTIAL,
            AdherenceBand.ADHERENT,
            OptionalInt.of(4),
            OptionalInt.of(1),
            OptionalInt.of(3),
            OptionalInt.of(0),
            OptionalInt.of(40),
            OptionalInt.of(6),
            9,
            Phase.LATE_SUBACUTE,
            163,
            1,
            r.nextBoolean()
                ? List.of(new FlagFinding(Flag.LOW_ADHERENCE, "few sessions done"))
                : List.of(),
            Optional.of(as.get(5).date()),
            Optional.empty(),
            OptionalInt.of(30),
            OptionalInt.of(6),
            12,
            Optional.of(ChangeLabel.DETECTABLE),
            Optional.empty(),
            new FmaCourse(3, OptionalInt.of(8)),
            1,
            2,
            org.recoveryreview.model.PatientGoals.none());
    List<StageTransition> tr = new ArrayList<>();
    for (int k = 1; k < 6; k++) {
      if (as.get(k).brunnstromArm().getAsInt() != as.get(k - 1).brunnstromArm().getAsInt()) {
        tr.add(
            new StageTransition(
                p.patientId(),
                as.get(k).date(),
                BrunnstromScale.ARM,
                as.get(k - 1).brunnstromArm().getAsInt(),
                as.get(k).brunnstromArm().getAsInt(),
                30L * k));
      }
    }
    PatientHistory h =
        history(
            p,
            weeks(LocalDate.of(2026, 6, 1), PERIOD.end(), 1 + r.nextInt(3), 1 + r.nextInt(4)),
            minutes(YearMonth.of(2026, 6), PERIOD.month()),
            as.stream().map(ReportFixtures::point).toList(),
            tr,
            periodSessions(),
            as.stream().filter(a -> PERIOD.contains(a.date())).toList());
    return new PatientReview(m, h);
  }

  static ProgramReview program() {
    String[] clinics = {"Łódź Rehabilitacja", "北京康复中心", "Riverside Clinic", "서울 재활병원"};
    String[] therapists = {"Paweł Wiśniewski", "李娜", "Sarah O'Connor", "박서연", "Tom Berg"};
    List<RollupRow> rows = new ArrayList<>();
    for (int m = 0; m < 12; m++) {
      YearMonth month = PERIOD.month().minusMonths(11 - m);
      for (int c = 0; c < clinics.length; c++) {
        long sched = 200 + 10 * c;
        long done = Math.min(sched, 120 + 7 * m + 15 * c - (c == 1 && m > 8 ? 60 : 0));
        rows.add(
            new RollupRow(
                Dimension.CLINIC,
                clinics[c],
                month,
                new Adherence(
                    sched / 2, done / 2, sched / 2, done / 2, sched * 40, done * 40, done * 38),
                // Riverside Clinic's first three months rest on two patients each.
                c == 2 && m < 3 ? 2 : 20 + c));
      }
      if (m < 11) {
        rows.add(
            new RollupRow(
                Dimension.PROGRAM,
                "all",
                month,
                new Adherence(280, 180 + 3 * m, 200, 120 + 2 * m, 15000, 11000, 10800),
                75 + m));
      }
    }
    for (int t = 0; t < therapists.length; t++) {
      rows.add(
          new RollupRow(
              Dimension.THERAPIST,
              therapists[t],
              PERIOD.month(),
              new Adherence(60, 30 + 7 * t, 50, 20 + 7 * t, 4400, 3000 + 200 * t, 2900 + 200 * t),
              8));
    }
    String[] therapies = {"physiotherapy", "occupational_therapy", "home_exercise"};
    for (int t = 0; t < therapies.length; t++) {
      rows.add(
          new RollupRow(
              Dimension.THERAPY,
              therapies[t],
              PERIOD.month(),
              new Adherence(
                  t == 2 ? 0 : 150,
                  t == 2 ? 0 : 120,
                  t == 2 ? 220 : 0,
                  t == 2 ? 150 : 0,
                  6000,
                  4800,
                  4700),
              40));
    }
    for (Setting s : Setting.values()) {
      rows.add(
          new RollupRow(
              Dimension.SETTING,
              s.code(),
              PERIOD.month(),
              new Adherence(
                  s == Setting.HOME ? 0 : 140,
                  s == Setting.HOME ? 0 : 110,
                  s == Setting.HOME ? 220 : 0,
                  s == Setting.HOME ? 150 : 0,
                  5000,
                  4000,
                  3900),
              40));
    }
    rows.add(
        new RollupRow(
            Dimension.PROGRAM,
            "programme",
            PERIOD.month(),
            new Adherence(300, 230, 220, 150, 16000, 12500, 12100),
            86,
            Optional.of(new PeriodGroupCounts(2, 11, 5, 60, 21, 14, 9))));
    Map<AdherenceBand, Integer> bands = new EnumMap<>(AdherenceBand.class);
    bands.put(AdherenceBand.ADHERENT, 38);
    bands.put(AdherenceBand.PARTIAL, 31);
    bands.put(AdherenceBand.LOW, 14);
    bands.put(AdherenceBand.NO_DATA, 3);
    Map<Flag, Integer> flags = new EnumMap<>(Flag.class);
    flags.put(Flag.LOW_ADHERENCE, 14);
    flags.put(Flag.PLATEAU, 9);
    flags.put(Flag.ASSESSMENT_OVERDUE, 6);
    flags.put(Flag.STAGE_REGRESSION, 2);
    flags.put(Flag.FMA_GAIN, 17);
    int[][] arm = new int[6][6];
    arm[1][2] = 7;
    arm[2][3] = 11;
    arm[3][4] = 5;
    arm[4][5] = 2;
    arm[3][2] = 1;
    int[][] hand = new int[6][6];
    hand[0][1] = 4;
    hand[1][2] = 6;
    hand[2][3] = 3;
    hand[4][3] = 1;
    List<StageOnset> onsets = new ArrayList<>();
    for (int s = 2; s <= 6; s++) {
      onsets.add(
          new StageOnset(
              BrunnstromScale.ARM, s, OptionalDouble.of(12.0 + 21 * (s - 2)), 42 - 6 * s, 50));
      // Hand stage V rests on 2 patients (hidden), stage VI on none.
      onsets.add(
          new StageOnset(
              BrunnstromScale.HAND,
              s,
              s == 6 ? OptionalDouble.empty() : OptionalDouble.of(18.5 + 30 * (s - 2)),
              s == 5 ? 2 : s == 6 ? 0 : 30 - 5 * s,
              40));
    }
    List<FollowUp> follow =
        List.of(
            new FollowUp(
                "P002",
                "王秀英",
                clinics[1],
                therapists[1],
                FollowUpTier.ACT_NOW,
                List.of(
                    new FlagFinding(
                        Flag.STAGE_REGRESSION, "Brunnstrom hand IV → III on 12 Oct 2026"))),
            new FollowUp(
                "P001",
                "Anna Kowalska-Łęcka",
                clinics[0],
                therapists[0],
                FollowUpTier.DISCUSS,
                lowAdherencePlateau().metrics().signals().findings()),
            new FollowUp(
                "P004",
                "김민준",
                clinics[3],
                therapists[3],
                FollowUpTier.CHECK,
                List.of(
                    new FlagFinding(
                        Flag.ASSESSMENT_OVERDUE,
                        "last assessment 5 Aug 2026, 87 days before 31 Oct 2026"))));
    List<Double> rates = new ArrayList<>();
    Random r = new Random(7);
    for (int i = 0; i < 83; i++) {
      rates.add(Math.min(1.0, Math.max(0.0, 0.72 + 0.2 * r.nextGaussian())));
    }
    List<FileQuality> quality =
        List.of(
            new FileQuality(
                new InputFile(
                    "patients.csv", FileKind.PATIENTS, "ab12", 10_240, 90, 86, 2, 1, 0, 1),
                List.of(
                    new FileQuality.ProblemCount(
                        IssueAction.REJECTED, "onset_date", "invalid date", 2))),
            new FileQuality(
                new InputFile(
                    "sessions-2026.csv",
                    FileKind.SESSIONS,
                    "cd34",
                    2_400_000,
                    24_000,
                    23_100,
                    300,
                    120,
                    80,
                    400),
                List.of(
                    new FileQuality.ProblemCount(
                        IssueAction.REJECTED, "status", "unknown status", 210),
                    new FileQuality.ProblemCount(
                        IssueAction.REJECTED, "date", "invalid date", 90))),
            new FileQuality(
                new InputFile(
                    "assessments.csv", FileKind.ASSESSMENTS, "ef56", 40_000, 600, 596, 4, 0, 0, 0),
                List.of()));
    return new ProgramReview(
        rows,
        new TransitionMatrix(BrunnstromScale.ARM, arm),
        new TransitionMatrix(BrunnstromScale.HAND, hand),
        onsets,
        follow,
        rates,
        quality,
        java.util.List.of(),
        new ProgramHeadline(
            PERIOD,
            86,
            new Adherence(300, 230, 220, 150, 16000, 12500, 12100),
            bands,
            flags,
            Map.of(FollowUpTier.ACT_NOW, 2, FollowUpTier.DISCUSS, 11, FollowUpTier.CHECK, 5),
            new PeriodGroupCounts(2, 11, 5, 60, 21, 14, 9),
            clinicCounts(clinics)),
        previousMonth(clinics),
        window(),
        new DataCompleteness(380, 9, 314, 14, 61, 7, 12, 86, 3));
  }

  private static java.util.SortedMap<String, PeriodGroupCounts> clinicCounts(String[] clinics) {
    java.util.SortedMap<String, PeriodGroupCounts> byClinic = new java.util.TreeMap<>();
    for (int c = 0; c < clinics.length; c++) {
      byClinic.put(
          clinics[c], new PeriodGroupCounts(c == 1 ? 2 : 0, 3, 1, 15 + c, 5 + 2 * c, 3, 2));
    }
    return byClinic;
  }

  /** September's headline: fewer patients, a lower rate, one more tier-1 patient. */
  static ProgramHeadline previousMonth(String[] clinics) {
    Map<AdherenceBand, Integer> bands = new EnumMap<>(AdherenceBand.class);
    bands.put(AdherenceBand.ADHERENT, 33);
    bands.put(AdherenceBand.PARTIAL, 30);
    bands.put(AdherenceBand.LOW, 16);
    bands.put(AdherenceBand.NO_DATA, 2);
    java.util.SortedMap<String, PeriodGroupCounts> byClinic = new java.util.TreeMap<>();
    for (int c = 0; c < clinics.length; c++) {
      byClinic.put(clinics[c], new PeriodGroupCounts(1, 3, 1, 14 + c, 4 + c, 3, 2));
    }
    return new ProgramHeadline(
        PERIOD.previous(),
        81,
        new Adherence(290, 200, 210, 130, 15000, 11000, 10800),
        bands,
        Map.of(Flag.LOW_ADHERENCE, 16, Flag.PLATEAU, 8),
        Map.of(FollowUpTier.ACT_NOW, 3, FollowUpTier.DISCUSS, 12, FollowUpTier.CHECK, 4),
        new PeriodGroupCounts(3, 12, 4, 58, 18, 12, 8),
        byClinic);
  }

  /** The 12 months ending with the period, labelled as the analysis labels them. */
  static MonthWindow window() {
    List<YearMonth> months = new ArrayList<>();
    List<String> labels = new ArrayList<>();
    for (int m = 11; m >= 0; m--) {
      YearMonth month = PERIOD.month().minusMonths(m);
      months.add(month);
      labels.add(
          java.time.format.DateTimeFormatter.ofPattern("MMM yyyy", java.util.Locale.ENGLISH)
              .format(month));
    }
    return new MonthWindow(months, labels);
  }
}
