package org.recoveryreview.report;

import com.lowagie.text.DocumentException;
import com.lowagie.text.Paragraph;
import java.util.ArrayList;
import java.util.List;
import org.recoveryreview.model.Adherence;
import org.recoveryreview.model.Flag;
import org.recoveryreview.model.GoalProgress;
import org.recoveryreview.model.Patient;
import org.recoveryreview.model.PatientMetrics;
import org.recoveryreview.model.PatientReview;
import org.recoveryreview.report.DocFonts.Style;

/**
 * One page for the patient and family in their language: what went well, home exercise per week,
 * the goals in the patient's words and what to focus on next month, in plain words at 12 pt or
 * more. Lists are capped so the page stays one page.
 */
final class HandoutLayout implements PdfFrame.Body {
  private static final int MAX_WELL = 5;
  private static final int MAX_GOALS = 4;
  private static final int MAX_NEXT = 3;

  private final PatientReview review;
  private final PatientMetrics m;
  private final ReportContext ctx;
  private final HandoutText text;
  private final HandoutChart chart;

  HandoutLayout(PatientReview review, ReportContext ctx, HandoutText text, HandoutChart chart) {
    this.review = review;
    this.m = review.metrics();
    this.ctx = ctx;
    this.text = text;
    this.chart = chart;
  }

  @Override
  public void write(PdfFrame f) throws DocumentException {
    Patient p = m.patient();
    f.doc.add(para(f, text.get("title", p.name()), Style.HANDOUT_TITLE, 0, 2));
    f.doc.add(
        para(
            f,
            text.get("subtitle", text.month(ctx.period().month()), p.clinic()),
            Style.HANDOUT_NOTE,
            0,
            6));
    f.doc.add(para(f, text.get("intro"), Style.HANDOUT_BODY, 0, 4));

    heading(f, "well.heading");
    bullets(f, wentWell());

    heading(f, "chart.heading");
    f.doc.add(f.chart(chart.homeExercise(review, text, f.fonts), f.width(), 150));
    f.doc.add(para(f, text.get("chart.note"), Style.HANDOUT_NOTE, 2, 0));

    List<GoalProgress> goals = m.goals().goals();
    if (!goals.isEmpty()) {
      heading(f, "goals.heading");
      List<String> lines = new ArrayList<>();
      for (GoalProgress g : goals.subList(0, Math.min(MAX_GOALS, goals.size()))) {
        lines.add(
            g.description() + "  —  " + text.get(g.achieved() ? "goals.reached" : "goals.working"));
      }
      bullets(f, lines);
    }

    heading(f, "next.heading");
    bullets(f, next());

    f.doc.add(para(f, text.get("footer", p.therapist(), p.clinic()), Style.HANDOUT_BODY, 14, 2));
    f.doc.add(para(f, text.get("footer.private"), Style.HANDOUT_NOTE, 0, 0));
  }

  /** Sessions and home exercise done, a step up, clear progress and goals reached. */
  private List<String> wentWell() {
    List<String> out = new ArrayList<>();
    Adherence a = m.period();
    if (a.clinicAttended() > 0) {
      out.add(
          a.clinicAttended() == a.clinicScheduled()
              ? text.get("well.clinic.all", a.clinicAttended())
              : text.get("well.clinic", a.clinicAttended(), a.clinicScheduled()));
    }
    if (a.homeCompleted() > 0) {
      out.add(text.get("well.home", a.homeCompleted()));
    }
    if (m.brunnstromArmChange().isPresent() && m.brunnstromArmChange().getAsInt() > 0) {
      out.add(text.get("well.arm"));
    }
    if (m.brunnstromHandChange().isPresent() && m.brunnstromHandChange().getAsInt() > 0) {
      out.add(text.get("well.hand"));
    }
    if (m.flags().contains(Flag.FMA_GAIN)) {
      out.add(text.get("well.gain"));
    }
    for (GoalProgress g : m.goals().goals()) {
      if (g.achieved()) {
        out.add(text.get("well.goal", g.description()));
      }
    }
    if (out.isEmpty()) {
      out.add(text.get("well.default"));
    }
    return out.subList(0, Math.min(MAX_WELL, out.size()));
  }

  /**
   * The flags in plain, calm words: low adherence points at the part (home or clinic) with the
   * lower rate, a low home programme at the home exercises; regression and decline become "tell
   * your therapist about changes"; then a goal not yet reached. Never more than three; "keep going"
   * when there is nothing to change.
   */
  private List<String> next() {
    List<String> out = new ArrayList<>();
    if (m.flags().contains(Flag.LOW_ADHERENCE)) {
      Adherence a = m.period();
      double home = a.homeCompletionRate().orElse(1);
      double clinic = a.attendanceRate().orElse(1);
      out.add(text.get(home <= clinic ? "next.home" : "next.clinic"));
    } else if (m.flags().contains(Flag.HOME_PROGRAMME_LOW)) {
      // Clinic attendance can hide an abandoned home programme (part 8): say the home part.
      out.add(text.get("next.home"));
    }
    if (m.flags().contains(Flag.STAGE_REGRESSION) || m.flags().contains(Flag.FMA_DECLINE)) {
      out.add(text.get("next.change"));
    }
    if (m.flags().contains(Flag.PLATEAU)) {
      out.add(text.get("next.plateau"));
    }
    if (m.flags().contains(Flag.ASSESSMENT_OVERDUE)) {
      out.add(text.get("next.check"));
    }
    for (GoalProgress g : m.goals().goals()) {
      if (!g.achieved()) {
        out.add(text.get("next.goal", g.description()));
        break;
      }
    }
    if (out.isEmpty()) {
      out.add(text.get("next.keep"));
    }
    return out.subList(0, Math.min(MAX_NEXT, out.size()));
  }

  private void heading(PdfFrame f, String key) throws DocumentException {
    f.doc.add(para(f, text.get(key), Style.HANDOUT_HEAD, 10, 3));
  }

  private void bullets(PdfFrame f, List<String> lines) throws DocumentException {
    for (String line : lines) {
      Paragraph p = para(f, "•  " + line, Style.HANDOUT_BODY, 1, 1);
      p.setIndentationLeft(14);
      p.setFirstLineIndent(-11);
      f.doc.add(p);
    }
  }

  private static Paragraph para(PdfFrame f, String s, Style style, float before, float after) {
    Paragraph p = new Paragraph(f.fonts.phrase(s, style));
    p.setSpacingBefore(before);
    p.setSpacingAfter(after);
    return p;
  }
}
