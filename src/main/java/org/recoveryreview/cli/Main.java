package org.recoveryreview.cli;

import java.io.PrintWriter;
import org.recoveryreview.ReviewJob;
import org.recoveryreview.model.ExitCode;
import org.recoveryreview.model.JobFailure;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Entry point of {@code recovery-review}: parses the command line and maps failures to exit codes.
 */
@Command(
    name = "recovery-review",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = {
      "Turns rehabilitation clinic CSV exports into a monthly PDF review per patient and a"
          + " programme summary.",
      "Without a subcommand it runs 'run' with all defaults."
    },
    subcommands = {RunCommand.class, ValidateCommand.class, GenerateCommand.class},
    footerHeading = "%nExit codes:%n",
    footer = {
      "  0  success",
      "  2  usage error (bad option or configuration file)",
      " 65  data error (missing column, undecodable bytes, too many rejected rows)",
      " 66  input missing (no input folder, patients file or sessions file)",
      " 70  unexpected internal error (rerun with --verbose and report it)",
      " 73  cannot write output",
      " 75  another run holds the output lock",
      ""
    })
public final class Main implements Runnable {

  /** Runs the command line and exits the JVM with its exit code. */
  public static void main(String[] args) {
    System.exit(
        execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
  }

  /** Runs the command line in-process and returns the exit code (used by tests). */
  public static int execute(String[] args, PrintWriter out, PrintWriter err) {
    String[] effective = args.length == 0 ? new String[] {"run"} : args;
    CommandLine cl = new CommandLine(new Main());
    cl.setOut(out);
    cl.setErr(err);
    cl.setExecutionExceptionHandler(
        (e, commandLine, parseResult) -> {
          boolean verbose = LogSetup.verbose();
          if (e instanceof JobFailure jf) {
            err.println("recovery-review: " + jf.getMessage());
            if (verbose) {
              jf.printStackTrace(err);
            }
            err.flush();
            return jf.exitCode().code();
          }
          err.println(
              "recovery-review: unexpected internal error ("
                  + e
                  + "); rerun with --verbose for the stack trace and report it with the input that"
                  + " caused it.");
          if (verbose) {
            e.printStackTrace(err);
          }
          err.flush();
          return ExitCode.SOFTWARE.code();
        });
    return cl.execute(effective);
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(
        new CommandLine(this), "Choose a subcommand: run, validate or generate.");
  }

  /** Prints the version from the jar's resources. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"recovery-review " + ReviewJob.version()};
    }
  }
}
