package org.recoveryreview.report;

import com.lowagie.text.DocumentException;
import com.lowagie.text.Paragraph;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.recoveryreview.model.Evidence;
import org.recoveryreview.model.GoalGroup;
import org.recoveryreview.model.GoalProgress;
import org.recoveryreview.model.PatientGoals;
import org.recoveryreview.model.RollupRow.Dimension;
import org.recoveryreview.report.DocFonts.Style;
import org.recoveryreview.report.Tables.Row;

/**
 * The goal sections: each goal of a patient with its Goal Attainment Scaling history and T-score
 * (patient review), and goal attainment by clinic with n (programme summary). Neither appears when
 * there are no goals.
 */
final class GoalSection {
  private static final int HISTORY = 6;

  /** Where the summary's bold lead ends and its plain detail starts. */
  static final String SPLIT = "\u0000";

  private GoalSection() {}

  /** Writes the patient's goals; nothing when the patient has none. */
  static void patient(PdfFrame f, Tables tables, PatientGoals goals) throws DocumentException {
    if (goals.isEmpty()) {
      return;
    }
    f.section("Goals (Goal Attainment Scaling)", Math.min(80 + 16 * goals.goals().size(), 140));
    String[] summary = summary(goals).split(SPLIT, 2);
    Paragraph head = new Paragraph(f.fonts.phrase(summary[0], Style.BODY_BOLD));
    if (summary.length > 1) {
      head.addAll(f.fonts.phrase(summary[1], Style.BODY));
    }
    head.setSpacingAfter(6);
    f.doc.add(head);
    List<Row> rows = new ArrayList<>();
    for (GoalProgress g : goals.goals()) {
      String what =
          g.description()
              + "\nSet "
              + Fmt.date(g.setOn())
              + g.targetDate().map(t -> ", target " + Fmt.date(t)).orElse("");
      rows.add(
          new Row(
              List.of(
                  g.goalId(),
                  g.domain().map(Fmt::sentence).orElse(Fmt.NONE),
                  what,
                  level(OptionalInt.of(g.baseline())),
                  level(g.latest()),
                  g.achieved() ? "yes" : "not yet",
                  weight(g, goals.weighted()),
                  history(g))));
    }
    f.doc.add(
        tables.data(
            new float[] {0.45f, 0.8f, 2.6f, 0.75f, 0.6f, 0.5f, 0.8f, 2.25f},
            List.of(
                "Goal",
                "Domain",
                "Goal and dates",
                "Baseline",
                "Latest",
                "Met",
                "Weight",
                "Reviews"),
            Tables.numeric(8, 3, 4),
            rows,
            "No goals."));
    f.doc.add(
        new Paragraph(
            f.fonts.phrase(
                "Levels: −2 much less than expected, −1 less, 0 expected, +1 more, +2 much"
                    + " more; \"not rated\": reviewed without a level. Met: latest level 0 or"
                    + " better; reviews: the last six. Weight: importance × difficulty, or equal;"
                    + " 0 is not counted."
                    + " T 50 = goals met as expected (Kiresuk & Sherman 1968, ρ = 0.3;"
                    + " Turner-Stokes 2009).",
                Style.SMALL)));
  }

  /**
   * "GAS T-score 70.0, from 1 of 3 goals" (bold), then {@link #SPLIT} and " (importance ×
   * difficulty; weight 0, not counted: G2; not rated: G3); 1 of 2 rated achieved."
   */
  static String summary(PatientGoals goals) {
    int total = goals.goals().size();
    if (goals.gasT().isEmpty()) {
      return "GAS T-score: none yet (no goal has a rated latest review). Goals set: " + total + ".";
    }
    List<String> unrated = new ArrayList<>();
    List<String> zero = new ArrayList<>();
    for (GoalProgress g : goals.goals()) {
      if (!g.scored()) {
        unrated.add(g.goalId());
      } else if (g.weight() <= 0) {
        zero.add(g.goalId());
      }
    }
    return "GAS T-score "
        + t(goals.gasT())
        + ", from "
        + goals.counted()
        + " of "
        + total
        + (total == 1 ? " goal" : " goals")
        + SPLIT
        + (goals.weighted() ? " (importance × difficulty" : " (equal weights")
        + (zero.isEmpty() ? "" : "; weight 0, not counted: " + String.join(", ", zero))
        + (unrated.isEmpty() ? "" : "; not rated: " + String.join(", ", unrated))
        + "); "
        + goals.achieved()
        + " of "
        + goals.scored()
        + " rated achieved.";
  }

  /**
   * The goal's weight as the T-score uses it: "6 = 3 × 2" (importance × difficulty), "0 = 3 × 0:
   * not counted", or "equal" (equal weights, 1 each).
   */
  static String weight(GoalProgress g, boolean weighted) {
    if (!weighted) {
      return "equal";
    }
    String factors =
        g.importance().isPresent() && g.difficulty().isPresent()
            ? g.importance().getAsInt() + " × " + g.difficulty().getAsInt()
            : "not rated";
    String w = Evidence.number(g.weight());
    return g.weight() <= 0 ? "0 = " + factors + ": not counted" : w + " = " + factors;
  }

  /** "12 Aug −1 · 9 Sep 0 · 7 Oct +1", oldest first; the last six reviews. */
  private static String history(GoalProgress g) {
    List<String> parts = new ArrayList<>();
    int skipped = 0;
    for (GoalProgress.Review r : g.reviews()) {
      if (r.date().equals(g.setOn()) && r.attainment().isEmpty()) {
        continue;
      }
      parts.add(Fmt.dayMonth(r.date()) + " " + level(r.attainment()));
    }
    if (parts.size() > HISTORY) {
      skipped = parts.size() - HISTORY;
      parts = parts.subList(skipped, parts.size());
    }
    return parts.isEmpty()
        ? "not reviewed yet"
        : (skipped > 0 ? "… " : "") + String.join(" · ", parts);
  }

  /** A GAS level with its sign and a true minus; "not rated" when empty. */
  static String level(OptionalInt v) {
    if (v.isEmpty()) {
      return "not rated";
    }
    int x = v.getAsInt();
    return x > 0 ? "+" + x : x < 0 ? "−" + (-x) : "0";
  }

  static String t(OptionalDouble t) {
    return t.isPresent() ? Evidence.tScore(t.getAsDouble()) : Fmt.NONE;
  }

  /** Goal attainment by clinic for the programme summary; nothing without goals. */
  static void program(PdfFrame f, Tables tables, List<GoalGroup> groups) throws DocumentException {
    if (groups.isEmpty()) {
      return;
    }
    f.section("Goal attainment by clinic", Math.min(70 + 14 * groups.size(), 140));
    List<Row> rows = new ArrayList<>();
    for (GoalGroup g : groups) {
      boolean all = g.dimension() == Dimension.PROGRAM;
      rows.add(
          new Row(
              List.of(
                  all ? "All clinics" : g.group(),
                  Integer.toString(g.patientsWithGoals()),
                  t(g.meanGasT()),
                  Integer.toString(g.goalsScored()),
                  Integer.toString(g.goalsAchieved()),
                  Evidence.pct(g.achievedShare())),
              all,
              null));
    }
    f.doc.add(
        tables.data(
            new float[] {2.6f, 1.1f, 0.9f, 0.9f, 0.9f, 1f},
            List.of(
                "Clinic", "Patients (n)", "Mean T", "Goals scored", "Achieved", "Share achieved"),
            Tables.numeric(6, 1, 2, 3, 4, 5),
            rows,
            "No goals."));
    f.doc.add(
        new Paragraph(
            f.fonts.phrase(
                "Patients in review with a Goal Attainment Scaling T-score; mean T over them (50 ="
                    + " goals met as expected); achieved = latest level 0 or better. See"
                    + " docs/metrics.md.",
                Style.SMALL)));
  }
}
