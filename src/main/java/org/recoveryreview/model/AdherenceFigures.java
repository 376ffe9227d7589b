package org.recoveryreview.model;

/**
 * A patient's adherence for the review: the period's and the previous month's counts, their bands,
 * and the sessions behind the minutes that were assumed or cancelled by the clinic.
 *
 * @param period adherence counts inside the period
 * @param previousMonth adherence counts of the month before the period
 * @param band band of {@code period.overallRate()}
 * @param previousBand band of {@code previousMonth.overallRate()}
 * @param clinicCancelledSessions sessions in the period cancelled by the clinic
 * @param imputedMinutesSessions counted completed sessions in the period whose actual minutes were
 *     blank and taken as planned
 * @param imputedMinutes the planned minutes of those sessions: the part of {@code
 *     period.actualMinutes()} assumed from the plan rather than recorded
 * @param previousImputedMinutes the same for the month before the period
 */
public record AdherenceFigures(
    Adherence period,
    Adherence previousMonth,
    AdherenceBand band,
    AdherenceBand previousBand,
    long clinicCancelledSessions,
    long imputedMinutesSessions,
    long imputedMinutes,
    long previousImputedMinutes) {}
