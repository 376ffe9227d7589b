package org.recoveryreview;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.recoveryreview.model.Dataset;
import org.recoveryreview.model.PatientReview;
import org.recoveryreview.model.ProgramParts;
import org.recoveryreview.model.ProgramReview;
import org.recoveryreview.model.ReviewPeriod;
import org.recoveryreview.report.ReportContext;

/**
 * What the analysis of one run hands to rendering and publishing: the row accounting ({@code data}
 * holds no rows), the patients it renders (all, the {@code --patient} ones, or a shard's), the
 * programme view (absent for a shard that owns no patient), every patient of the selected patients'
 * caseloads (a selective run), the programme view's partial results (which a shard writes for the
 * merge) and the report context.
 */
record Reviewed(
    Path input,
    Dataset data,
    ReviewPeriod period,
    List<PatientReview> patients,
    Optional<ProgramReview> program,
    List<PatientReview> caseloads,
    ProgramParts parts,
    ReportContext context) {

  Reviewed {
    patients = List.copyOf(patients);
    caseloads = List.copyOf(caseloads);
  }
}
