package org.recoveryreview.ingest;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.recoveryreview.model.GoalRating;
import org.recoveryreview.model.InputLimits;

/**
 * Checks goals rows (one goal of one patient at one review) and resolves re-exports of the same
 * review by patient_id + goal_id + review_date, exactly as sessions are resolved by session_id.
 */
final class GoalRows extends RowRules implements RowChecker<GoalRating> {
  private static final int PATIENT_ID = 0;
  private static final int GOAL_ID = 1;
  private static final int SET_ON = 2;
  private static final int REVIEW_DATE = 3;
  private static final int DOMAIN = 4;
  private static final int DESCRIPTION = 5;
  private static final int BASELINE = 6;
  private static final int ATTAINMENT = 7;
  private static final int IMPORTANCE = 8;
  private static final int DIFFICULTY = 9;
  private static final int TARGET_DATE = 10;
  private static final int MAX_ID = 64;

  private final PatientRows patients;
  private final GoalDomains domains;

  /** A checker for one file; {@code patients} must be complete and is only read. */
  GoalRows(
      DateParser dates,
      Vocabulary vocabulary,
      GoalDomains domains,
      InputLimits limits,
      PatientRows patients) {
    super(Schema.GOALS, dates, vocabulary, limits);
    this.patients = patients;
    this.domains = domains;
  }

  @Override
  public String key(GoalRating g) {
    return keyOf(g);
  }

  static String keyOf(GoalRating g) {
    return g.patientId() + " " + g.goalId() + " " + g.reviewDate();
  }

  @Override
  public GoalRating check(CsvFile.Row row) throws Reject {
    checkWidth(row);
    String patientId = SessionRows.knownPatient(this, patients, row, PATIENT_ID);
    String goalId = goalId(row);
    LocalDate setOn = requiredDate(row, SET_ON);
    LocalDate review = requiredDate(row, REVIEW_DATE);
    notInFuture(
        row,
        REVIEW_DATE,
        review,
        "correct review_date in the export (a mistyped year?); a review is exported once held");
    if (review.isBefore(setOn)) {
      throw new Reject(
          "review_date",
          row.get(REVIEW_DATE),
          "review before set_on",
          "review_date "
              + review
              + " is before set_on "
              + setOn
              + "; a goal can only be reviewed on or after the day it was set");
    }
    Optional<String> domain = domain(row);
    String description = required(row, DESCRIPTION);
    int baseline =
        optionalInt(row, BASELINE, GoalRating.MIN_LEVEL, GoalRating.MAX_LEVEL)
            .orElse(GoalRating.DEFAULT_BASELINE);
    OptionalInt attainment =
        optionalInt(row, ATTAINMENT, GoalRating.MIN_LEVEL, GoalRating.MAX_LEVEL);
    OptionalInt importance = optionalInt(row, IMPORTANCE, 0, GoalRating.MAX_WEIGHT_RATING);
    OptionalInt difficulty = optionalInt(row, DIFFICULTY, 0, GoalRating.MAX_WEIGHT_RATING);
    Optional<LocalDate> target = optionalDate(row, TARGET_DATE);
    if (target.isPresent() && target.get().isBefore(setOn)) {
      throw new Reject(
          "target_date",
          row.get(TARGET_DATE),
          "target before set_on",
          "target_date "
              + target.get()
              + " is before set_on "
              + setOn
              + "; expected the date by which the goal should be reached, on or after set_on");
    }
    return new GoalRating(
        patientId,
        goalId,
        setOn,
        review,
        domain,
        vocabulary.text(description).orElseThrow(),
        baseline,
        attainment,
        importance,
        difficulty,
        target);
  }

  private String goalId(CsvFile.Row row) throws Reject {
    String v = required(row, GOAL_ID);
    if (v.codePointCount(0, v.length()) > MAX_ID) {
      throw new Reject(
          "goal_id",
          v,
          "too long",
          "goal_id '"
              + v
              + "' is "
              + v.codePointCount(0, v.length())
              + " characters long; expected 1 to "
              + MAX_ID
              + " characters");
    }
    return v;
  }

  private Optional<String> domain(CsvFile.Row row) throws Reject {
    String v = row.get(DOMAIN);
    Optional<String> d = domains.domain(v);
    if (!v.isEmpty() && d.isEmpty()) {
      throw new Reject(
          "domain",
          v,
          "invalid domain",
          "domain '"
              + v
              + "' has no letters or digits; expected an activity area such as "
              + String.join(", ", GoalDomains.KNOWN)
              + " (or leave it blank)");
    }
    return d;
  }

  /** patient_id, goal_id and review_date as written (the parsed date when valid). */
  @Override
  public String rejectedKey(CsvFile.Row row) {
    String id = row.get(PATIENT_ID);
    String goal = row.get(GOAL_ID);
    String date = row.get(REVIEW_DATE);
    LocalDate d = date.isEmpty() ? null : dates.parse(date);
    StringBuilder key = new StringBuilder(id);
    for (String part : new String[] {goal, d == null ? date : d.toString()}) {
      if (!part.isEmpty()) {
        key.append(key.length() == 0 ? "" : " ").append(part);
      }
    }
    return key.toString();
  }

  static List<String> changed(GoalRating a, GoalRating b) {
    List<String> c = new ArrayList<>();
    PatientRows.diff(c, "set_on", a.setOn(), b.setOn());
    PatientRows.diff(c, "domain", a.domain(), b.domain());
    PatientRows.diff(c, "description", a.description(), b.description());
    PatientRows.diff(c, "baseline", a.baseline(), b.baseline());
    PatientRows.diff(c, "attainment", a.attainment(), b.attainment());
    PatientRows.diff(c, "importance", a.importance(), b.importance());
    PatientRows.diff(c, "difficulty", a.difficulty(), b.difficulty());
    PatientRows.diff(c, "target_date", a.targetDate(), b.targetDate());
    return c;
  }
}
