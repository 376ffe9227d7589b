package org.recoveryreview.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.recoveryreview.model.AnalysisSettings;
import org.recoveryreview.model.Codes;
import org.recoveryreview.model.ExitCode;
import org.recoveryreview.model.FileKind;
import org.recoveryreview.model.FlagSettings;
import org.recoveryreview.model.FontFile;
import org.recoveryreview.model.InputLimits;
import org.recoveryreview.model.InputOptions;
import org.recoveryreview.model.JobFailure;
import org.recoveryreview.model.PopulationReference;
import org.recoveryreview.model.PublishSettings;
import org.recoveryreview.model.ReportSettings;
import org.recoveryreview.model.Settings;
import org.recoveryreview.model.Status;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * Reads the YAML configuration file into {@link Settings}, refusing unknown keys, wrong types and
 * impossible values with a message that names the key, the file and line, and what is allowed.
 *
 * <p>The file is read as a node tree rather than bound to classes so that every error can point at
 * the line the operator has to edit.
 */
public final class ConfigLoader {

  private static final List<String> TOP_KEYS =
      List.of("organisation", "adherence", "recovery", "input", "therapies", "report", "publish");
  private static final List<String> ADHERENCE_KEYS =
      List.of(
          "target",
          "partial",
          "home_low_min_sessions",
          "home_low_rate",
          "drop_off_days",
          "drop_off_min_due");
  private static final List<String> RECOVERY_KEYS =
      List.of(
          "mcid_subacute",
          "mcid_chronic",
          "subacute_days",
          "early_subacute_days",
          "fma_mdc",
          "arat_mcid_subacute",
          "arat_mcid_chronic",
          "arat_mdc",
          "plateau_days",
          "plateau_min_span_days",
          "plateau_ceiling",
          "overdue_days_early_subacute",
          "overdue_days_late_subacute",
          "overdue_days_chronic",
          "data_query");
  private static final List<String> DATA_QUERY_KEYS =
      List.of(
          "stage_jump",
          "low_stage",
          "high_stage",
          "fma_a_at_low_stage",
          "fma_a_at_high_stage",
          "fma_c_at_low_stage",
          "fma_c_at_high_stage");
  private static final List<String> INPUT_KEYS =
      List.of(
          "charset",
          "delimiter",
          "date_pattern",
          "header_aliases",
          "status_aliases",
          "max_value_chars",
          "max_id_chars",
          "max_record_chars",
          "max_gzip_ratio",
          "max_inflated_mb",
          "goal_domain_aliases");

  /**
   * A configuration is a page of settings; anything larger is a wrong path (or a hostile file) and
   * is refused before the YAML parser, whose cost grows faster than the size, sees it.
   */
  static final int MAX_CONFIG_BYTES = 1 << 20;

  private static final int MIB = 1 << 20;
  private static final List<String> REPORT_KEYS =
      List.of("page_size", "font", "cjk_font", "population_reference_diagnoses", "handout_text");
  private static final List<String> PUBLISH_KEYS =
      List.of("allow_fewer_patients", "allow_fewer_sessions", "folder_mode", "file_mode", "fsync");
  private static final List<String> PAGE_SIZES = List.of("A4", "LETTER");

  private ConfigLoader() {}

  /** Built-in defaults when no file is given, else the file's settings on top of the defaults. */
  public static Settings load(Optional<Path> file) {
    if (file.isEmpty()) {
      return Settings.defaults();
    }
    return new Reading(file.get()).read();
  }

  /** State of one read: the file for error messages and the values gathered so far. */
  private static final class Reading {
    private final Path file;
    private final AnalysisSettings defaults = AnalysisSettings.defaults();
    private String organisation = ReportSettings.defaults().organisation();
    private double target = defaults.adherenceTarget();
    private double partial = defaults.partialThreshold();
    private int mcidSubacute = defaults.mcidSubacute();
    private int mcidChronic = defaults.mcidChronic();
    private int subacuteDays = defaults.subacuteDays();
    private int plateauDays = defaults.plateauDays();
    private final FlagSettings flagDefaults = defaults.flags();
    private int earlySubacuteDays = flagDefaults.earlySubacuteDays();
    private double fmaMdc = flagDefaults.fmaMdc();
    private int aratMcidSubacute = flagDefaults.aratMcidSubacute();
    private int aratMcidChronic = flagDefaults.aratMcidChronic();
    private double aratMdc = flagDefaults.aratMdc();
    private int plateauMinSpanDays = flagDefaults.plateauMinSpanDays();
    private int plateauCeiling = flagDefaults.plateauCeiling();
    private int overdueEarly = flagDefaults.overdueEarlyDays();
    private int overdueLate = flagDefaults.overdueLateDays();
    private int overdueChronic = flagDefaults.overdueChronicDays();
    private int dropOffDays = flagDefaults.dropOffDays();
    private int dropOffMinDue = flagDefaults.dropOffMinDue();
    private int homeLowMinSessions = flagDefaults.homeLowMinSessions();
    private double homeLowRate = flagDefaults.homeLowRate();
    private final int[] dataQuery = dataQueryDefaults(flagDefaults.dataQuery());
    private Node recoveryNode;
    private Charset charset = StandardCharsets.UTF_8;
    private Optional<Character> delimiter = Optional.empty();
    private Optional<String> datePattern = Optional.empty();
    private InputLimits limits = InputLimits.defaults();
    private final Map<FileKind, Map<String, String>> headerAliases = new LinkedHashMap<>();
    private final Map<String, Status> statusAliases = new LinkedHashMap<>();
    private final Map<String, String> goalDomainAliases = new LinkedHashMap<>();
    private final Map<String, String> therapyNames = new LinkedHashMap<>();
    private String pageSize = "A4";
    private Optional<Path> latinFont = Optional.empty();
    private List<String> referenceDiagnoses = PopulationReference.DEFAULT_DIAGNOSES;
    private Optional<Path> cjkFont = Optional.empty();
    private Optional<Path> handoutText = Optional.empty();
    private boolean allowFewerPatients;
    private boolean allowFewerSessions;
    private int folderMode = PublishSettings.DEFAULT_FOLDER_MODE;
    private int fileMode = PublishSettings.DEFAULT_FILE_MODE;
    private boolean fsync = true;
    // The adherence.partial and adherence.target values, for the line of the rule between them.
    private Node partialNode;
    private Node targetNode;

    Reading(Path file) {
      this.file = file;
    }

    Settings read() {
      byte[] bytes;
      try (java.io.InputStream in = Files.newInputStream(file)) {
        // Read one byte past the limit instead of trusting the size: the path may be a pipe.
        bytes = in.readNBytes(MAX_CONFIG_BYTES + 1);
        if (bytes.length > MAX_CONFIG_BYTES) {
          throw usage(
              "Config file "
                  + file
                  + " is larger than 1 MiB, so it cannot be a configuration; check the --config"
                  + " path (a configuration is a few dozen lines, see docs/configuration.md).");
        }
      } catch (NoSuchFileException e) {
        throw usage("Config file " + file + " does not exist; check the --config path.");
      } catch (IOException e) {
        throw usage("Cannot read config file " + file + ": " + e.getMessage() + ".");
      }
      Node root;
      try (Reader reader =
          new java.io.InputStreamReader(
              new java.io.ByteArrayInputStream(bytes), StandardCharsets.UTF_8)) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setCodePointLimit(MAX_CONFIG_BYTES);
        root = new Yaml(options).compose(reader);
      } catch (MarkedYAMLException e) {
        throw usage(
            "Config file "
                + file
                + " line "
                + (e.getProblemMark().getLine() + 1)
                + " is not valid YAML: "
                + e.getProblem()
                + ".");
      } catch (YAMLException | IOException e) {
        throw usage("Config file " + file + " is not valid YAML: " + e.getMessage());
      }
      if (root != null) {
        MappingNode top = mapping(root, "the top level");
        forEach(top, "", TOP_KEYS, this::topKey);
      }
      if (partial > target) {
        throw usage(
            "Config file "
                + file
                + Optional.ofNullable(partialNode != null ? partialNode : targetNode)
                    .map(n -> " line " + line(n))
                    .orElse("")
                + ": adherence.partial ("
                + partial
                + ") must not be above adherence.target ("
                + target
                + ").");
      }
      AnalysisSettings analysis;
      try {
        analysis =
            new AnalysisSettings(
                target,
                partial,
                mcidSubacute,
                mcidChronic,
                subacuteDays,
                plateauDays,
                new FlagSettings(
                    earlySubacuteDays,
                    fmaMdc,
                    aratMcidSubacute,
                    aratMcidChronic,
                    aratMdc,
                    plateauMinSpanDays,
                    plateauCeiling,
                    overdueEarly,
                    overdueLate,
                    overdueChronic,
                    dropOffDays,
                    dropOffMinDue,
                    homeLowMinSessions,
                    homeLowRate,
                    new FlagSettings.DataQuerySettings(
                        dataQuery[0],
                        dataQuery[1],
                        dataQuery[2],
                        dataQuery[3],
                        dataQuery[4],
                        dataQuery[5],
                        dataQuery[6])));
      } catch (IllegalArgumentException e) {
        // The one cross-key rule left after the per-key checks: early_subacute_days, low_stage
        // and high_stage have to be in order.
        throw usage(
            "Config file "
                + file
                + (recoveryNode == null ? "" : " line " + line(recoveryNode))
                + ": recovery settings do not fit together: "
                + e.getMessage()
                + " (see docs/configuration.md).");
      }
      InputOptions input =
          new InputOptions(
              charset,
              delimiter,
              datePattern,
              headerAliases,
              statusAliases,
              goalDomainAliases,
              limits);
      ReportSettings report =
          new ReportSettings(
              organisation,
              therapyNames,
              pageSize,
              latinFont,
              cjkFont,
              referenceDiagnoses,
              handoutText);
      return new Settings(
          input,
          analysis,
          report,
          new PublishSettings(allowFewerPatients, allowFewerSessions, folderMode, fileMode, fsync),
          Optional.of(file),
          Optional.of(sha256(bytes)));
    }

    private void topKey(String key, Node value) {
      switch (key) {
        case "organisation" -> organisation = nonBlank(value, key);
        case "adherence" ->
            forEach(mapping(value, key), key + ".", ADHERENCE_KEYS, this::adherenceKey);
        case "recovery" -> {
          recoveryNode = value;
          forEach(mapping(value, key), key + ".", RECOVERY_KEYS, this::recoveryKey);
        }
        case "input" -> forEach(mapping(value, key), key + ".", INPUT_KEYS, this::inputKey);
        case "therapies" -> {
          MappingNode m = mapping(value, key);
          for (NodeTuple t : m.getValue()) {
            String code = scalar(t.getKeyNode(), key);
            therapyNames.put(Codes.therapy(code), nonBlank(t.getValueNode(), key + "." + code));
          }
        }
        case "report" -> forEach(mapping(value, key), key + ".", REPORT_KEYS, this::reportKey);
        case "publish" -> forEach(mapping(value, key), key + ".", PUBLISH_KEYS, this::publishKey);
        default -> throw new IllegalStateException(key);
      }
    }

    private void publishKey(String key, Node value) {
      String name = "publish." + key;
      switch (key) {
        case "allow_fewer_patients" -> allowFewerPatients = bool(value, name);
        case "allow_fewer_sessions" -> allowFewerSessions = bool(value, name);
        case "folder_mode" -> folderMode = mode(value, name, 0700, "rwx");
        case "file_mode" -> fileMode = mode(value, name, 0600, "rw");
        case "fsync" -> fsync = bool(value, name);
        default -> throw new IllegalStateException(key);
      }
    }

    /**
     * An octal permission mode such as 0750 (read as text: YAML would take 0750 for a number). The
     * owner needs {@code ownerNeeds} to write and later replace the reports; nobody else may write
     * (anyone could then plant or delete a report); a file is never executable.
     */
    private int mode(Node node, String name, int ownerNeeds, String ownerText) {
      String v = scalar(node, name).trim();
      String fix = "; expected an octal mode such as " + (ownerNeeds == 0700 ? "0750" : "0640");
      if (!v.matches("0?[0-7]{3}")) {
        throw invalid(node, name, "'" + v + "' is not an octal permission mode" + fix);
      }
      int m = Integer.parseInt(v, 8);
      if ((m & ownerNeeds) != ownerNeeds) {
        throw invalid(
            node, name, v + " takes from the owner " + ownerText + ", which the job needs" + fix);
      }
      if ((m & 0002) != 0) {
        throw invalid(node, name, v + " lets every local user write the reports" + fix);
      }
      if (ownerNeeds == 0600 && (m & 0111) != 0) {
        throw invalid(node, name, v + " makes the reports executable" + fix);
      }
      return m;
    }

    private void adherenceKey(String key, Node value) {
      String name = "adherence." + key;
      switch (key) {
        case "target" -> {
          target = fraction(value, name);
          targetNode = value;
        }
        case "partial" -> {
          partial = fraction(value, name);
          partialNode = value;
        }
        case "home_low_rate" -> homeLowRate = fraction(value, name);
        case "home_low_min_sessions" -> homeLowMinSessions = positiveInt(value, name, 1000);
        case "drop_off_days" -> dropOffDays = positiveInt(value, name, 366);
        case "drop_off_min_due" -> dropOffMinDue = positiveInt(value, name, 1000);
        default -> throw new IllegalStateException(key);
      }
    }

    private void recoveryKey(String key, Node value) {
      String name = "recovery." + key;
      switch (key) {
        case "mcid_subacute" -> mcidSubacute = positiveInt(value, name, 66);
        case "mcid_chronic" -> mcidChronic = positiveInt(value, name, 66);
        case "subacute_days" -> subacuteDays = positiveInt(value, name, 3650);
        case "early_subacute_days" -> earlySubacuteDays = positiveInt(value, name, 3650);
        case "fma_mdc" -> fmaMdc = positiveDecimal(value, name, 66);
        case "arat_mcid_subacute" -> aratMcidSubacute = positiveInt(value, name, 57);
        case "arat_mcid_chronic" -> aratMcidChronic = positiveInt(value, name, 57);
        case "arat_mdc" -> aratMdc = positiveDecimal(value, name, 57);
        case "plateau_days" -> plateauDays = positiveInt(value, name, 3650);
        case "plateau_min_span_days" -> plateauMinSpanDays = positiveInt(value, name, 3650);
        case "plateau_ceiling" -> plateauCeiling = positiveInt(value, name, 66);
        case "overdue_days_early_subacute" -> overdueEarly = positiveInt(value, name, 3650);
        case "overdue_days_late_subacute" -> overdueLate = positiveInt(value, name, 3650);
        case "overdue_days_chronic" -> overdueChronic = positiveInt(value, name, 3650);
        case "data_query" ->
            forEach(mapping(value, name), name + ".", DATA_QUERY_KEYS, this::dataQueryKey);
        default -> throw new IllegalStateException(key);
      }
    }

    private void dataQueryKey(String key, Node value) {
      String name = "recovery.data_query." + key;
      int max =
          switch (key) {
            case "stage_jump" -> 5;
            case "low_stage", "high_stage" -> 6;
            case "fma_a_at_low_stage", "fma_a_at_high_stage" -> 36;
            default -> 14;
          };
      dataQuery[DATA_QUERY_KEYS.indexOf(key)] = positiveInt(value, name, max);
    }

    private static int[] dataQueryDefaults(FlagSettings.DataQuerySettings d) {
      return new int[] {
        d.stageJump(),
        d.lowStage(),
        d.highStage(),
        d.fmaAAtLowStage(),
        d.fmaAAtHighStage(),
        d.fmaCAtLowStage(),
        d.fmaCAtHighStage()
      };
    }

    private void inputKey(String key, Node value) {
      String name = "input." + key;
      switch (key) {
        case "charset" -> {
          String cs = nonBlank(value, name);
          try {
            charset = Charset.forName(cs);
          } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw invalid(
                value,
                name,
                "'" + cs + "' is not a charset Java knows (try UTF-8, windows-1252 or GBK)");
          }
        }
        case "delimiter" -> {
          String d = scalar(value, name);
          delimiter =
              Optional.of(
                  switch (d.toLowerCase(Locale.ROOT)) {
                    case ",", "comma" -> ',';
                    case ";", "semicolon" -> ';';
                    case "\t", "tab" -> '\t';
                    case "|", "pipe" -> '|';
                    default ->
                        throw invalid(
                            value,
                            name,
                            "'" + d + "' is not allowed (use comma, semicolon, tab or pipe)");
                  });
        }
        case "date_pattern" -> {
          String p = nonBlank(value, name);
          try {
            java.time.format.DateTimeFormatter.ofPattern(p, Locale.ROOT);
          } catch (IllegalArgumentException e) {
            throw invalid(value, name, "'" + p + "' is not a date pattern (example: dd/MM/yyyy)");
          }
          datePattern = Optional.of(p);
        }
        case "header_aliases" -> {
          MappingNode kinds = mapping(value, name);
          for (NodeTuple t : kinds.getValue()) {
            String kindName = scalar(t.getKeyNode(), name);
            FileKind kind = fileKind(t.getKeyNode(), name, kindName);
            Map<String, String> aliases =
                headerAliases.computeIfAbsent(kind, k -> new LinkedHashMap<>());
            for (NodeTuple a : mapping(t.getValueNode(), name + "." + kindName).getValue()) {
              String alias = scalar(a.getKeyNode(), name + "." + kindName);
              aliases.put(alias, nonBlank(a.getValueNode(), name + "." + kindName + "." + alias));
            }
          }
        }
        case "status_aliases" -> {
          for (NodeTuple t : mapping(value, name).getValue()) {
            String alias = scalar(t.getKeyNode(), name);
            String target = scalar(t.getValueNode(), name + "." + alias);
            statusAliases.put(alias, status(t.getValueNode(), name + "." + alias, target));
          }
        }
        case "goal_domain_aliases" -> {
          for (NodeTuple t : mapping(value, name).getValue()) {
            String alias = scalar(t.getKeyNode(), name);
            goalDomainAliases.put(alias, nonBlank(t.getValueNode(), name + "." + alias));
          }
        }
        default -> limitKey(key, value, name);
      }
    }

    private void limitKey(String key, Node value, String name) {
      InputLimits l = limits;
      limits =
          switch (key) {
            case "max_value_chars" ->
                new InputLimits(
                    positiveInt(value, name, 1 << 30),
                    l.maxIdChars(),
                    l.maxRecordChars(),
                    l.maxGzipRatio(),
                    l.maxInflatedBytes());
            case "max_id_chars" ->
                new InputLimits(
                    l.maxValueChars(),
                    positiveInt(value, name, 1 << 30),
                    l.maxRecordChars(),
                    l.maxGzipRatio(),
                    l.maxInflatedBytes());
            case "max_record_chars" ->
                new InputLimits(
                    l.maxValueChars(),
                    l.maxIdChars(),
                    positiveInt(value, name, 1 << 30),
                    l.maxGzipRatio(),
                    l.maxInflatedBytes());
            case "max_gzip_ratio" ->
                new InputLimits(
                    l.maxValueChars(),
                    l.maxIdChars(),
                    l.maxRecordChars(),
                    positiveInt(value, name, 1_000_000),
                    l.maxInflatedBytes());
            case "max_inflated_mb" ->
                new InputLimits(
                    l.maxValueChars(),
                    l.maxIdChars(),
                    l.maxRecordChars(),
                    l.maxGzipRatio(),
                    (long) positiveInt(value, name, 1 << 20) * MIB);
            default -> throw new IllegalStateException(key);
          };
    }

    private void reportKey(String key, Node value) {
      String name = "report." + key;
      switch (key) {
        case "page_size" -> {
          String p = scalar(value, name).toUpperCase(Locale.ROOT);
          if (!PAGE_SIZES.contains(p)) {
            throw invalid(value, name, "'" + p + "' is not allowed (use A4 or LETTER)");
          }
          pageSize = p;
        }
        case "font" -> latinFont = Optional.of(existingFile(value, name));
        case "cjk_font" -> cjkFont = Optional.of(existingFile(value, name));
        case "population_reference_diagnoses" -> referenceDiagnoses = stringList(value, name);
        case "handout_text" -> handoutText = Optional.of(existingFolder(value, name));
        default -> throw new IllegalStateException(key);
      }
    }

    /** A folder named relative to the configuration file, which must exist. */
    private Path existingFolder(Node value, String name) {
      Path p = Path.of(nonBlank(value, name));
      if (!p.isAbsolute() && file.getParent() != null) {
        p = file.getParent().resolve(p);
      }
      if (!Files.isDirectory(p)) {
        throw invalid(value, name, "folder '" + p + "' does not exist");
      }
      return p;
    }

    private Path existingFile(Node value, String name) {
      String raw = nonBlank(value, name);
      // A collection may name its face as "path,N": the file part must exist, N is kept.
      FontFile font = FontFile.parse(raw);
      Path p = font.file();
      if (!p.isAbsolute() && file.getParent() != null) {
        p = file.getParent().resolve(p);
      }
      String problem = notAFontFile(p);
      if (!problem.isEmpty()) {
        throw invalid(value, name, "'" + p + "' " + problem);
      }
      if (font.face().isPresent() && !font.isCollection()) {
        throw invalid(
            value,
            name,
            "'"
                + raw
                + "' gives a face index, but only a .ttc/.otc collection has several faces;"
                + " remove the ',N' suffix");
      }
      return Path.of(new FontFile(p, font.face()).toString());
    }

    /** Why {@code p} cannot be a font file, as a phrase after its name; empty when it can. */
    private static String notAFontFile(Path p) {
      if (Files.isDirectory(p)) {
        return "is a folder, not a font file; name the .ttf, .otf or .ttc file inside it";
      }
      if (!Files.exists(p)) {
        return Files.isSymbolicLink(p)
            ? "is a symbolic link to a file that does not exist; fix the link or the path"
            : "does not exist; check the path (a relative path is read from the config file's"
                + " folder)";
      }
      if (!Files.isRegularFile(p)) {
        return "is not a regular file (a pipe or a device); name a font file";
      }
      if (!Files.isReadable(p)) {
        return "cannot be read by the user running the job ("
            + System.getProperty("user.name")
            + "); fix its permissions";
      }
      return "";
    }

    private FileKind fileKind(Node node, String name, String kindName) {
      for (FileKind k : FileKind.values()) {
        if (k.code().equals(kindName.trim().toLowerCase(Locale.ROOT))) {
          return k;
        }
      }
      throw invalid(
          node,
          name,
          "'" + kindName + "' is not a file kind (use patients, sessions, assessments or goals)");
    }

    private Status status(Node node, String name, String value) {
      Optional<Status> s = Status.parse(value);
      if (s.isPresent()) {
        return s.get();
      }
      throw invalid(
          node,
          name,
          "'"
              + value
              + "' is not a status (use completed, partial, missed, late_cancel, cancelled,"
              + " clinic_cancelled, scheduled or void)");
    }

    private void forEach(
        MappingNode map,
        String prefix,
        List<String> allowed,
        java.util.function.BiConsumer<String, Node> action) {
      java.util.Set<String> seen = new java.util.HashSet<>();
      for (NodeTuple t : map.getValue()) {
        String key = scalar(t.getKeyNode(), prefix.isEmpty() ? "a key" : prefix);
        if (!seen.add(key)) {
          throw usage(
              "Config file "
                  + file
                  + " line "
                  + line(t.getKeyNode())
                  + ": key '"
                  + prefix
                  + key
                  + "' appears twice; keep one.");
        }
        if (!allowed.contains(key)) {
          throw usage(
              "Config file "
                  + file
                  + " line "
                  + line(t.getKeyNode())
                  + ": unknown key '"
                  + prefix
                  + key
                  + "'; allowed here: "
                  + String.join(", ", allowed)
                  + " (see docs/configuration.md).");
        }
        action.accept(key, t.getValueNode());
      }
    }

    private MappingNode mapping(Node node, String name) {
      if (node instanceof MappingNode m) {
        return m;
      }
      throw invalid(node, name, "expected a mapping of keys to values");
    }

    private String scalar(Node node, String name) {
      if (node instanceof ScalarNode s) {
        return s.getValue();
      }
      throw invalid(node, name, "expected a single value, not a list or mapping");
    }

    private String nonBlank(Node node, String name) {
      String v = scalar(node, name).trim();
      if (v.isEmpty()) {
        throw invalid(node, name, "expected a value, found nothing");
      }
      return v;
    }

    /** A YAML list of non-blank values ("[ischaemic stroke, stroke]"); an empty list is allowed. */
    private List<String> stringList(Node node, String name) {
      if (!(node instanceof org.yaml.snakeyaml.nodes.SequenceNode seq)) {
        throw invalid(node, name, "expected a list such as [ischaemic stroke, ischemic stroke]");
      }
      List<String> out = new java.util.ArrayList<>();
      for (Node item : seq.getValue()) {
        out.add(nonBlank(item, name));
      }
      return out;
    }

    private boolean bool(Node node, String name) {
      String v = scalar(node, name).trim().toLowerCase(Locale.ROOT);
      return switch (v) {
        case "true", "yes", "on" -> true;
        case "false", "no", "off" -> false;
        default -> throw invalid(node, name, "'" + v + "' is not true or false");
      };
    }

    private double fraction(Node node, String name) {
      String v = scalar(node, name);
      double d;
      try {
        d = Double.parseDouble(v);
      } catch (NumberFormatException e) {
        throw invalid(
            node, name, "'" + v + "' is not a number; expected a decimal from 0 to 1 such as 0.8");
      }
      if (!(d >= 0 && d <= 1)) {
        throw invalid(node, name, v + " is impossible; expected a decimal from 0 to 1 such as 0.8");
      }
      return d;
    }

    private double positiveDecimal(Node node, String name, double max) {
      String v = scalar(node, name);
      double d;
      try {
        d = Double.parseDouble(v.trim());
      } catch (NumberFormatException e) {
        throw invalid(node, name, "'" + v + "' is not a number; expected a decimal such as 3.2");
      }
      if (!(d > 0 && d <= max)) {
        throw invalid(node, name, v + " is impossible; expected a number above 0 and up to " + max);
      }
      return d;
    }

    private int positiveInt(Node node, String name, int max) {
      String v = scalar(node, name);
      int i;
      try {
        i = Integer.parseInt(v.trim());
      } catch (NumberFormatException e) {
        throw invalid(node, name, "'" + v + "' is not a whole number; expected 1 to " + max);
      }
      if (i < 1 || i > max) {
        throw invalid(node, name, v + " is impossible; expected a whole number from 1 to " + max);
      }
      return i;
    }

    private JobFailure invalid(Node node, String name, String what) {
      return usage("Config file " + file + " line " + line(node) + ": " + name + ": " + what + ".");
    }

    private static int line(Node node) {
      return node.getStartMark().getLine() + 1;
    }
  }

  private static JobFailure usage(String message) {
    return new JobFailure(ExitCode.USAGE, message);
  }

  /** Hex SHA-256 of the file bytes, recorded in the manifest. */
  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java has SHA-256", e);
    }
  }
}
