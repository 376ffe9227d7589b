package org.recoveryreview.model;

/** Everything a patient's PDF shows: the period's figures and the history behind the charts. */
public record PatientReview(PatientMetrics metrics, PatientHistory history) {}
