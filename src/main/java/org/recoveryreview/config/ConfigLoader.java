package org.recoveryreview.config;

import static org.recoveryreview.config.ConfigKeys.*;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.recoveryreview.model.AnalysisSettings;
import org.recoveryreview.model.FlagSettings;
import org.recoveryreview.model.Hashing;
import org.recoveryreview.model.InputLimits;
import org.recoveryreview.model.InputOptions;
import org.recoveryreview.model.PublishSettings;
import org.recoveryreview.model.ReportSettings;
import org.recoveryreview.model.Settings;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;

/**
 * Reads the YAML configuration file into {@link Settings}, refusing unknown keys, wrong types and
 * impossible values with a message that names the key, the file and line, and what is allowed.
 *
 * <p>The file is read as a node tree rather than bound to classes so that every error can point at
 * the line the operator has to edit; which keys exist, their types, ranges and defaults are the one
 * table in {@link ConfigKeys}.
 */
public final class ConfigLoader {

  /**
   * A configuration is a page of settings; anything larger is a wrong path (or a hostile file) and
   * is refused before the YAML parser, whose cost grows faster than the size, sees it.
   */
  static final int MAX_CONFIG_BYTES = 1 << 20;

  private static final int MIB = 1 << 20;

  private ConfigLoader() {}

  /** Built-in defaults when no file is given, else the file's settings on top of the defaults. */
  public static Settings load(Optional<Path> file) {
    if (file.isEmpty()) {
      return Settings.defaults();
    }
    YamlNodes yaml = new YamlNodes(file.get());
    byte[] bytes = readBytes(yaml.file());
    Values values = new Values(yaml);
    compose(yaml.file(), bytes)
        .ifPresent(root -> values.readSection(yaml.mapping(root, "the top level"), ""));
    return values.settings(Optional.of(sha256(bytes)));
  }

  private static byte[] readBytes(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      // Read one byte past the limit instead of trusting the size: the path may be a pipe.
      byte[] bytes = in.readNBytes(MAX_CONFIG_BYTES + 1);
      if (bytes.length > MAX_CONFIG_BYTES) {
        throw YamlNodes.usage(
            "Config file "
                + file
                + " is larger than 1 MiB, so it cannot be a configuration; check the --config"
                + " path (a configuration is a few dozen lines, see docs/configuration.md).");
      }
      return bytes;
    } catch (NoSuchFileException e) {
      throw YamlNodes.usage("Config file " + file + " does not exist; check the --config path.");
    } catch (IOException e) {
      throw YamlNodes.usage("Cannot read config file " + file + ": " + e.getMessage() + ".");
    }
  }

  /** The file's node tree; empty for an empty file. */
  private static Optional<Node> compose(Path file, byte[] bytes) {
    try (Reader reader =
        new InputStreamReader(new ByteArrayInputStream(bytes), StandardCharsets.UTF_8)) {
      LoaderOptions options = new LoaderOptions();
      options.setAllowDuplicateKeys(false);
      options.setCodePointLimit(MAX_CONFIG_BYTES);
      return Optional.ofNullable(new Yaml(options).compose(reader));
    } catch (MarkedYAMLException e) {
      throw YamlNodes.usage(
          "Config file "
              + file
              + " line "
              + (e.getProblemMark().getLine() + 1)
              + " is not valid YAML: "
              + e.getProblem()
              + ".");
    } catch (YAMLException | IOException e) {
      throw YamlNodes.usage("Config file " + file + " is not valid YAML: " + e.getMessage());
    }
  }

  /** The values the file sets, with the node of each key and section for error messages. */
  private static final class Values {
    private final YamlNodes yaml;
    private final Settings defaults = Settings.defaults();
    private final Map<String, Object> values = new HashMap<>();
    private final Map<String, Node> nodes = new HashMap<>();

    Values(YamlNodes yaml) {
      this.yaml = yaml;
    }

    /** Reads the mapping of {@code section} ("" at the top) against the table of keys. */
    void readSection(MappingNode map, String section) {
      String prefix = section.isEmpty() ? "" : section + ".";
      List<String> allowed = ConfigKeys.allowedIn(section);
      Set<String> seen = new HashSet<>();
      for (NodeTuple t : map.getValue()) {
        String key = yaml.scalar(t.getKeyNode(), section.isEmpty() ? "a key" : prefix);
        if (!seen.add(key)) {
          throw yaml.atLine(t.getKeyNode(), "key '" + prefix + key + "' appears twice; keep one.");
        }
        if (!allowed.contains(key)) {
          throw yaml.atLine(
              t.getKeyNode(),
              "unknown key '"
                  + prefix
                  + key
                  + "'; allowed here: "
                  + String.join(", ", allowed)
                  + " (see docs/configuration.md).");
        }
        String path = prefix + key;
        Node value = t.getValueNode();
        nodes.put(path, value);
        Optional<ConfigKey<?>> leaf = ConfigKeys.find(path);
        if (leaf.isPresent()) {
          values.put(path, leaf.get().type().read(value, path, yaml));
        } else {
          readSection(yaml.mapping(value, path), path);
        }
      }
    }

    /** The file's value of {@code key}, else its default. */
    <T> T get(ConfigKey<T> key) {
      @SuppressWarnings("unchecked") // put by readSection from key.type(), so of type T
      T v = (T) values.get(key.path());
      return v != null ? v : key.defaultValue().apply(defaults);
    }

    Settings settings(Optional<String> sha256) {
      return new Settings(
          input(),
          analysis(),
          new ReportSettings(
              get(ORGANISATION),
              get(THERAPIES),
              get(PAGE_SIZE),
              get(FONT),
              get(CJK_FONT),
              get(REFERENCE_DIAGNOSES),
              get(HANDOUT_TEXT)),
          new PublishSettings(
              get(ALLOW_FEWER_PATIENTS),
              get(ALLOW_FEWER_SESSIONS),
              get(FOLDER_MODE),
              get(FILE_MODE),
              get(FSYNC)),
          Optional.of(yaml.file()),
          sha256);
    }

    private InputOptions input() {
      return new InputOptions(
          get(CHARSET),
          get(DELIMITER),
          get(DATE_PATTERN),
          get(HEADER_ALIASES),
          get(STATUS_ALIASES),
          get(GOAL_DOMAIN_ALIASES),
          new InputLimits(
              get(MAX_VALUE_CHARS),
              get(MAX_ID_CHARS),
              get(MAX_RECORD_CHARS),
              get(MAX_GZIP_RATIO),
              (long) get(MAX_INFLATED_MB) * MIB));
    }

    private AnalysisSettings analysis() {
      double target = get(TARGET);
      double partial = get(PARTIAL);
      if (partial > target) {
        Node at =
            Objects.requireNonNull(
                nodes.containsKey(PARTIAL.path())
                    ? nodes.get(PARTIAL.path())
                    : nodes.get(TARGET.path()),
                "the defaults are in order, so the file sets one of the two");
        throw yaml.atLine(
            at,
            "adherence.partial ("
                + partial
                + ") must not be above adherence.target ("
                + target
                + ").");
      }
      try {
        return new AnalysisSettings(
            target,
            partial,
            get(MCID_SUBACUTE),
            get(MCID_CHRONIC),
            get(SUBACUTE_DAYS),
            get(PLATEAU_DAYS),
            flags());
      } catch (IllegalArgumentException e) {
        // The one cross-key rule left after the per-key checks: early_subacute_days, low_stage
        // and high_stage have to be in order.
        String message =
            "recovery settings do not fit together: "
                + e.getMessage()
                + " (see docs/configuration.md).";
        Node recovery = nodes.get("recovery");
        throw recovery != null
            ? yaml.atLine(recovery, message)
            : YamlNodes.usage("Config file " + yaml.file() + ": " + message);
      }
    }

    private FlagSettings flags() {
      return new FlagSettings(
          get(EARLY_SUBACUTE_DAYS),
          get(FMA_MDC),
          get(ARAT_MCID_SUBACUTE),
          get(ARAT_MCID_CHRONIC),
          get(ARAT_MDC),
          get(PLATEAU_MIN_SPAN_DAYS),
          get(PLATEAU_CEILING),
          get(OVERDUE_EARLY),
          get(OVERDUE_LATE),
          get(OVERDUE_CHRONIC),
          get(DROP_OFF_DAYS),
          get(DROP_OFF_MIN_DUE),
          get(HOME_LOW_MIN_SESSIONS),
          get(HOME_LOW_RATE),
          new FlagSettings.DataQuerySettings(
              get(STAGE_JUMP),
              get(LOW_STAGE),
              get(HIGH_STAGE),
              get(FMA_A_AT_LOW_STAGE),
              get(FMA_A_AT_HIGH_STAGE),
              get(FMA_C_AT_LOW_STAGE),
              get(FMA_C_AT_HIGH_STAGE)));
    }
  }

  /** Hex SHA-256 of the file bytes, recorded in the manifest. */
  static String sha256(byte[] bytes) {
    return Hashing.sha256Hex(bytes);
  }
}
