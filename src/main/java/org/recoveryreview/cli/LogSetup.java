package org.recoveryreview.cli;

import picocli.CommandLine.Option;

/**
 * The {@code --quiet} and {@code --verbose} options every subcommand shares; they set the log level
 * before the first logger is created (slf4j-simple reads it once).
 */
public final class LogSetup {
  private static volatile boolean verbose;

  @Option(
      names = {"-q", "--quiet"},
      description = "Log only warnings and errors; no progress bar.")
  boolean quiet;

  @Option(
      names = {"-v", "--verbose"},
      description = "Log details and print stack traces on errors.")
  boolean verboseOption;

  /** Applies the chosen level; call first in every command. */
  void apply() {
    verbose = verboseOption;
    String level = verboseOption ? "debug" : quiet ? "warn" : "info";
    System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", level);
  }

  static boolean verbose() {
    return verbose;
  }
}
