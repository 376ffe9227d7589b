package org.recoveryreview.model;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/** All settings in effect for a run, with the config file they came from (empty for defaults). */
public record Settings(
    InputOptions input,
    AnalysisSettings analysis,
    ReportSettings report,
    PublishSettings publish,
    Optional<Path> configFile,
    Optional<String> configSha256) {

  public Settings {
    Objects.requireNonNull(configSha256, "configSha256");
  }

  /** Settings with the default publishing behaviour. */
  public Settings(
      InputOptions input,
      AnalysisSettings analysis,
      ReportSettings report,
      Optional<Path> configFile,
      Optional<String> configSha256) {
    this(input, analysis, report, PublishSettings.defaults(), configFile, configSha256);
  }

  /** The same settings with {@code publish} in place. */
  public Settings withPublish(PublishSettings publish) {
    return new Settings(input, analysis, report, publish, configFile, configSha256);
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
