package org.recoveryreview.report;

import java.time.Instant;
import java.time.LocalDate;
import org.recoveryreview.model.AnalysisSettings;
import org.recoveryreview.model.ReviewPeriod;

/**
 * What every document of a run shares: the period, the "data as of" date, the timestamp written
 * into PDF metadata (derived from the data, never the wall clock, so output is reproducible) and
 * the thresholds drawn as target lines.
 */
public record ReportContext(
    ReviewPeriod period, LocalDate dataAsOf, Instant documentTime, AnalysisSettings analysis) {}
