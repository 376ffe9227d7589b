package org.recoveryreview.model;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/**
 * How to read the input files: charset, delimiter (detected when empty), an extra date pattern,
 * header aliases per file kind (alias to canonical column), extra status aliases (alias to status)
 * extra goal domain aliases (alias to domain) and the size limits.
 */
public record InputOptions(
    Charset charset,
    Optional<Character> delimiter,
    Optional<String> datePattern,
    Map<FileKind, Map<String, String>> headerAliases,
    Map<String, Status> statusAliases,
    Map<String, String> goalDomainAliases,
    InputLimits limits) {

  public InputOptions {
    headerAliases = Map.copyOf(headerAliases);
    statusAliases = Map.copyOf(statusAliases);
    goalDomainAliases = Map.copyOf(goalDomainAliases);
  }

  /** With the default limits and no goal domain aliases. */
  public InputOptions(
      Charset charset,
      Optional<Character> delimiter,
      Optional<String> datePattern,
      Map<FileKind, Map<String, String>> headerAliases,
      Map<String, Status> statusAliases) {
    this(
        charset,
        delimiter,
        datePattern,
        headerAliases,
        statusAliases,
        Map.of(),
        InputLimits.defaults());
  }

  /** With the given limits and no goal domain aliases. */
  public InputOptions(
      Charset charset,
      Optional<Character> delimiter,
      Optional<String> datePattern,
      Map<FileKind, Map<String, String>> headerAliases,
      Map<String, Status> statusAliases,
      InputLimits limits) {
    this(charset, delimiter, datePattern, headerAliases, statusAliases, Map.of(), limits);
  }

  /** UTF-8, detected delimiter, built-in date formats and aliases only, default limits. */
  public static InputOptions defaults() {
    return new InputOptions(
        StandardCharsets.UTF_8, Optional.empty(), Optional.empty(), Map.of(), Map.of());
  }

  /** These options with other limits. */
  public InputOptions withLimits(InputLimits newLimits) {
    return new InputOptions(
        charset, delimiter, datePattern, headerAliases, statusAliases, newLimits);
  }
}
