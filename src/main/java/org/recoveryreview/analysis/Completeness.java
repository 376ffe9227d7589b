package org.recoveryreview.analysis;

import java.util.List;
import org.recoveryreview.model.Adherence;
import org.recoveryreview.model.Assessment;
import org.recoveryreview.model.DataCompleteness;
import org.recoveryreview.model.PatientReview;
import org.recoveryreview.model.PeriodGroupCounts;
import tech.tablesaw.aggregate.AggregateFunctions;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * What the period's figures rest on, beyond the per-file accounting: the {@code period_assessments}
 * table (one row per assessment dated in the period of a patient in review, with a 0/1 column for a
 * missing Fugl-Meyer part and one for a missing ARAT), summed with {@code summarize(...,
 * sum).apply()}, beside the session counts the {@code patients} table already sums.
 */
final class Completeness {
  static final String PATIENT_ID = "patient_id";
  static final String MISSING_FMA_PART = "missing_fma_part";
  static final String MISSING_ARAT = "missing_arat";

  private Completeness() {}

  /** One row per assessment dated in the period, of the patients in review, in review order. */
  static Table periodAssessments(List<PatientReview> reviews) {
    StringColumn id = StringColumn.create(PATIENT_ID);
    IntColumn fma = IntColumn.create(MISSING_FMA_PART);
    IntColumn arat = IntColumn.create(MISSING_ARAT);
    for (PatientReview r : reviews) {
      for (Assessment a : r.history().periodAssessments()) {
        id.append(a.patientId());
        fma.append(a.fmaTotal().isPresent() ? 0 : 1);
        arat.append(a.arat().isPresent() ? 0 : 1);
      }
    }
    return Table.create("period_assessments", id, fma, arat);
  }

  /**
   * The completeness figures from the period's assessments table, the patients table's summed
   * adherence and period counts, and the patients with a data query.
   */
  static DataCompleteness of(
      Table periodAssessments,
      Adherence overall,
      PeriodGroupCounts programme,
      int patientsInReview,
      int dataQueries) {
    long[] t = tally(periodAssessments);
    return of(t[0], t[1], t[2], overall, programme, patientsInReview, dataQueries);
  }

  /**
   * The period's assessments, those missing a Fugl-Meyer part and those missing ARAT: {@code
   * summarize(missing columns, sum)} over the period's assessments table. Tallies of disjoint
   * patients add up.
   */
  static long[] tally(Table periodAssessments) {
    long missingFma = 0;
    long missingArat = 0;
    if (!periodAssessments.isEmpty()) {
      Table sums =
          periodAssessments
              .summarize(MISSING_FMA_PART, MISSING_ARAT, AggregateFunctions.sum)
              .apply();
      missingFma = Math.round(sums.numberColumn(PatientMonth.sum(MISSING_FMA_PART)).getDouble(0));
      missingArat = Math.round(sums.numberColumn(PatientMonth.sum(MISSING_ARAT)).getDouble(0));
    }
    return new long[] {periodAssessments.rowCount(), missingFma, missingArat};
  }

  /** The completeness figures from the tallied assessments and the programme's counts. */
  static DataCompleteness of(
      long assessments,
      long missingFma,
      long missingArat,
      Adherence overall,
      PeriodGroupCounts programme,
      int patientsInReview,
      int dataQueries) {
    return new DataCompleteness(
        overall.sessionsDone(),
        programme.imputedMinutesSessions(),
        overall.clinicScheduled() + programme.clinicCancelledSessions(),
        programme.clinicCancelledSessions(),
        assessments,
        missingFma,
        missingArat,
        patientsInReview,
        dataQueries);
  }
}
