package org.recoveryreview.model;

import java.util.List;

/**
 * The series behind a patient's charts and tables: weekly adherence from programme start (or first
 * session) to the period's end, minutes per therapy per month, every assessment, every stage
 * transition, and the period's sessions and assessments.
 */
public record PatientHistory(
    List<WeekAdherence> weeks,
    List<TherapyMinutes> therapyMinutes,
    List<AssessmentPoint> assessments,
    List<StageTransition> transitions,
    List<SessionSummary> periodSessions,
    List<Assessment> periodAssessments) {

  public PatientHistory {
    weeks = List.copyOf(weeks);
    therapyMinutes = List.copyOf(therapyMinutes);
    assessments = List.copyOf(assessments);
    transitions = List.copyOf(transitions);
    periodSessions = List.copyOf(periodSessions);
    periodAssessments = List.copyOf(periodAssessments);
  }

  /** No history at all. */
  public static PatientHistory empty() {
    return new PatientHistory(List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
  }
}
