package org.recoveryreview.model;

import java.util.List;

/**
 * The series behind a patient's charts and tables: weekly adherence from programme start (or first
 * session) to the period's end, minutes per therapy per month, every assessment up to the period's
 * end, every stage transition and those dated in the period, the period's sessions and assessments,
 * and the windows the charts show.
 */
public record PatientHistory(
    List<WeekAdherence> weeks,
    List<TherapyMinutes> therapyMinutes,
    List<AssessmentPoint> assessments,
    List<StageTransition> transitions,
    List<SessionSummary> periodSessions,
    List<Assessment> periodAssessments,
    List<StageTransition> periodTransitions,
    ChartWindows windows) {

  public PatientHistory {
    weeks = List.copyOf(weeks);
    therapyMinutes = List.copyOf(therapyMinutes);
    assessments = List.copyOf(assessments);
    transitions = List.copyOf(transitions);
    periodSessions = List.copyOf(periodSessions);
    periodAssessments = List.copyOf(periodAssessments);
    periodTransitions = List.copyOf(periodTransitions);
  }
}
