package org.recoveryreview.model;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/** All settings in effect for a run, with the config file they came from (empty for defaults). */
public record Settings(
    InputOptions input,
    AnalysisSettings analysis,
    ReportSettings report,
    Optional<Path> configFile,
    Optional<String> configSha256) {

  public Settings {
    Objects.requireNonNull(input, "input");
    Objects.requireNonNull(analysis, "analysis");
    Objects.requireNonNull(report, "report");
    Objects.requireNonNull(configFile, "configFile");
    Objects.requireNonNull(configSha256, "configSha256");
  }

  /** Built-in defaults, no config file. */
  public static Settings defaults() {
    return new Settings(
        InputOptions.defaults(),
        AnalysisSettings.defaults(),
        ReportSettings.defaults(),
        Optional.empty(),
        Optional.empty());
  }
}
