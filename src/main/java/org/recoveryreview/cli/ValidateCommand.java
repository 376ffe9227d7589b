package org.recoveryreview.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import org.recoveryreview.ReviewJob;
import org.recoveryreview.config.ConfigLoader;
import org.recoveryreview.model.DataIssue;
import org.recoveryreview.model.Dataset;
import org.recoveryreview.model.ExitCode;
import org.recoveryreview.model.InputFile;
import org.recoveryreview.model.Settings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code validate}: reads the input only and prints how every row ended; writes nothing. */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    description = {
      "Read the input only: print rows read/used/rejected/superseded/duplicate/ignored per file and"
          + " the first 20 problems. Writes nothing.",
      "Exit 0 when no row was rejected, 65 when any was."
    })
final class ValidateCommand implements Callable<Integer> {
  static final int PROBLEMS_SHOWN = 20;

  @Mixin LogSetup log;
  @Spec CommandSpec spec;

  @Option(
      names = "--input",
      paramLabel = "DIR",
      defaultValue = "sample-data",
      description = "Folder with the exports (default: ${DEFAULT-VALUE}).")
  Path input;

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description = "YAML configuration (see docs/configuration.md).")
  @Nullable Path config;

  @Override
  public Integer call() {
    log.apply();
    CompilerMode.applyFor(input);
    Settings settings = ConfigLoader.load(Optional.ofNullable(config));
    // The fonts a run would refuse (a file that is no font, a face number past the collection's).
    ReviewJob.checkReportSettings(settings.report());
    Dataset data =
        ReviewJob.ingestOnly(input, settings.input(), LocalDate.now(Clock.systemDefaultZone()));
    PrintWriter out = spec.commandLine().getOut();
    int width = "file".length();
    for (InputFile f : data.inputFiles()) {
      width = Math.max(width, f.file().length());
    }
    String fmt = "%-" + width + "s  %-11s %9s %9s %9s %10s %9s %9s%n";
    out.printf(
        fmt, "file", "kind", "read", "used", "rejected", "superseded", "duplicate", "ignored");
    long read = 0;
    long used = 0;
    long rejected = 0;
    long superseded = 0;
    long duplicate = 0;
    long ignored = 0;
    for (InputFile f : data.inputFiles()) {
      out.printf(
          fmt,
          f.file(),
          f.kind().code(),
          f.rowsRead(),
          f.used(),
          f.rejected(),
          f.superseded(),
          f.duplicate(),
          f.ignored());
      read += f.rowsRead();
      used += f.used();
      rejected += f.rejected();
      superseded += f.superseded();
      duplicate += f.duplicate();
      ignored += f.ignored();
    }
    out.printf(fmt, "total", "", read, used, rejected, superseded, duplicate, ignored);
    if (data.issues().isEmpty()) {
      out.println();
      out.println("Every row was used.");
    } else {
      out.println();
      out.printf(
          "First %d of %d rows set aside (file:line column: reason):%n",
          Math.min(PROBLEMS_SHOWN, data.issues().size()), data.issues().size());
      data.issues().stream().limit(PROBLEMS_SHOWN).forEach(i -> out.println("  " + describe(i)));
    }
    out.flush();
    return rejected > 0 ? ExitCode.DATA_ERROR.code() : ExitCode.OK.code();
  }

  static String describe(DataIssue i) {
    return i.file()
        + ":"
        + i.line()
        + (i.column().isEmpty() ? "" : " " + i.column())
        + " ["
        + i.action().code()
        + "] "
        + i.reason();
  }
}
