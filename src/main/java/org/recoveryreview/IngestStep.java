package org.recoveryreview;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;
import org.recoveryreview.ingest.Ingestor;
import org.recoveryreview.model.DataIssue;
import org.recoveryreview.model.Dataset;
import org.recoveryreview.model.Evidence;
import org.recoveryreview.model.ExitCode;
import org.recoveryreview.model.IssueAction;
import org.recoveryreview.model.JobFailure;
import org.recoveryreview.model.RunStats;
import org.recoveryreview.shard.Shard;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Step: reads the input (a shard keeps only its patients' rows) and applies the rejected limit. */
final class IngestStep {
  private static final Logger LOG = LoggerFactory.getLogger(IngestStep.class);

  private final JobExecution execution;

  IngestStep(JobExecution execution) {
    this.execution = execution;
  }

  /**
   * The input's rows; a shard keeps its own patients' rows and, of the others, the dates from
   * {@code otherDatesFrom} on.
   */
  Dataset read(Optional<LocalDate> otherDatesFrom) {
    JobOptions options = execution.options();
    long t = RunStats.Counter.start();
    Dataset data =
        new Ingestor(options.settings().input(), options.jobs(), LocalDate.now(execution.clock()))
            .ingest(options.input(), ours(options), otherDatesFrom);
    execution.stats().time(RunStats.Stage.INGEST, t);
    long setAside = JobExecution.setAside(data);
    LOG.info(
        "Read {} rows from {} files: {} used, {} set aside ({} rejected).",
        data.rowsRead(),
        data.inputFiles().size(),
        data.rowsRead() - setAside,
        setAside,
        data.rowsRejected());
    checkRejected(data);
    return data;
  }

  /** The patients whose rows the run keeps: all, or a shard's ({@link Shard#rowFilter}). */
  private static Predicate<String> ours(JobOptions options) {
    return options.shard().<Predicate<String>>map(Shard::rowFilter).orElse(id -> true);
  }

  private void checkRejected(Dataset data) {
    JobOptions options = execution.options();
    long read = data.rowsRead();
    long rejected = data.rowsRejected();
    if (read == 0 || rejected == 0) {
      return;
    }
    double percent = 100.0 * rejected / read;
    if (percent > options.maxRejectedPercent()) {
      int shown = 0;
      for (DataIssue i : data.issues()) {
        if (i.action() == IssueAction.REJECTED && shown++ < 5) {
          LOG.warn("{} line {} column {}: {}", i.file(), i.line(), i.column(), i.reason());
        }
      }
      throw new JobFailure(
          ExitCode.DATA_ERROR,
          String.format(
              Locale.ROOT,
              "%d of %d rows (%.1f%%) were rejected, above --max-rejected-percent %s; run"
                  + " 'validate --input %s' to list every problem, fix the exports, or raise the"
                  + " limit.",
              rejected,
              read,
              percent,
              Evidence.number(options.maxRejectedPercent()),
              options.input()));
    }
  }
}
