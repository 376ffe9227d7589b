package org.recoveryreview.config;

import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.recoveryreview.model.Assessment;
import org.recoveryreview.model.BrunnstromScale;
import org.recoveryreview.model.FileKind;
import org.recoveryreview.model.FlagSettings;
import org.recoveryreview.model.InputLimits;
import org.recoveryreview.model.Settings;
import org.recoveryreview.model.Status;

/**
 * Every configuration key, in the order the "allowed here" message and docs/configuration.md list
 * them: the one table that parsing, the messages and the documentation test read.
 */
final class ConfigKeys {
  private static final int MIB = 1 << 20;
  private static final int ANY_SIZE = 1 << 30;
  private static final int DAYS = 3650;
  private static final int COUNT = 1000;
  private static final int FMA = Assessment.FMA_TOTAL_MAX;
  private static final int ARAT = Assessment.ARAT_MAX;
  private static final int STAGE = BrunnstromScale.LAST_STAGE;

  static final ConfigKey<String> ORGANISATION =
      key("organisation", ValueType.text(), s -> s.report().organisation());

  static final ConfigKey<Double> TARGET =
      key("adherence.target", ValueType.fraction(), s -> s.analysis().adherenceTarget());
  static final ConfigKey<Double> PARTIAL =
      key("adherence.partial", ValueType.fraction(), s -> s.analysis().partialThreshold());
  static final ConfigKey<Integer> HOME_LOW_MIN_SESSIONS =
      key(
          "adherence.home_low_min_sessions",
          ValueType.wholeNumber(COUNT),
          flag(FlagSettings::homeLowMinSessions));
  static final ConfigKey<Double> HOME_LOW_RATE =
      key("adherence.home_low_rate", ValueType.fraction(), flag(FlagSettings::homeLowRate));
  static final ConfigKey<Integer> DROP_OFF_DAYS =
      key("adherence.drop_off_days", ValueType.wholeNumber(366), flag(FlagSettings::dropOffDays));
  static final ConfigKey<Integer> DROP_OFF_MIN_DUE =
      key(
          "adherence.drop_off_min_due",
          ValueType.wholeNumber(COUNT),
          flag(FlagSettings::dropOffMinDue));

  static final ConfigKey<Integer> MCID_SUBACUTE =
      key("recovery.mcid_subacute", ValueType.wholeNumber(FMA), s -> s.analysis().mcidSubacute());
  static final ConfigKey<Integer> MCID_CHRONIC =
      key("recovery.mcid_chronic", ValueType.wholeNumber(FMA), s -> s.analysis().mcidChronic());
  static final ConfigKey<Integer> SUBACUTE_DAYS =
      key("recovery.subacute_days", ValueType.wholeNumber(DAYS), s -> s.analysis().subacuteDays());
  static final ConfigKey<Integer> EARLY_SUBACUTE_DAYS =
      key(
          "recovery.early_subacute_days",
          ValueType.wholeNumber(DAYS),
          flag(FlagSettings::earlySubacuteDays));
  static final ConfigKey<Double> FMA_MDC =
      key("recovery.fma_mdc", ValueType.positiveDecimal(FMA), flag(FlagSettings::fmaMdc));
  static final ConfigKey<Integer> ARAT_MCID_SUBACUTE =
      key(
          "recovery.arat_mcid_subacute",
          ValueType.wholeNumber(ARAT),
          flag(FlagSettings::aratMcidSubacute));
  static final ConfigKey<Integer> ARAT_MCID_CHRONIC =
      key(
          "recovery.arat_mcid_chronic",
          ValueType.wholeNumber(ARAT),
          flag(FlagSettings::aratMcidChronic));
  static final ConfigKey<Double> ARAT_MDC =
      key("recovery.arat_mdc", ValueType.positiveDecimal(ARAT), flag(FlagSettings::aratMdc));
  static final ConfigKey<Integer> PLATEAU_DAYS =
      key("recovery.plateau_days", ValueType.wholeNumber(DAYS), s -> s.analysis().plateauDays());
  static final ConfigKey<Integer> PLATEAU_MIN_SPAN_DAYS =
      key(
          "recovery.plateau_min_span_days",
          ValueType.wholeNumber(DAYS),
          flag(FlagSettings::plateauMinSpanDays));
  static final ConfigKey<Integer> PLATEAU_CEILING =
      key(
          "recovery.plateau_ceiling",
          ValueType.wholeNumber(FMA),
          flag(FlagSettings::plateauCeiling));
  static final ConfigKey<Integer> OVERDUE_EARLY =
      key(
          "recovery.overdue_days_early_subacute",
          ValueType.wholeNumber(DAYS),
          flag(FlagSettings::overdueEarlyDays));
  static final ConfigKey<Integer> OVERDUE_LATE =
      key(
          "recovery.overdue_days_late_subacute",
          ValueType.wholeNumber(DAYS),
          flag(FlagSettings::overdueLateDays));
  static final ConfigKey<Integer> OVERDUE_CHRONIC =
      key(
          "recovery.overdue_days_chronic",
          ValueType.wholeNumber(DAYS),
          flag(FlagSettings::overdueChronicDays));

  static final ConfigKey<Integer> STAGE_JUMP =
      key(
          "recovery.data_query.stage_jump",
          ValueType.wholeNumber(STAGE - 1),
          query(FlagSettings.DataQuerySettings::stageJump));
  static final ConfigKey<Integer> LOW_STAGE =
      key(
          "recovery.data_query.low_stage",
          ValueType.wholeNumber(STAGE),
          query(FlagSettings.DataQuerySettings::lowStage));
  static final ConfigKey<Integer> HIGH_STAGE =
      key(
          "recovery.data_query.high_stage",
          ValueType.wholeNumber(STAGE),
          query(FlagSettings.DataQuerySettings::highStage));
  static final ConfigKey<Integer> FMA_A_AT_LOW_STAGE =
      key(
          "recovery.data_query.fma_a_at_low_stage",
          ValueType.wholeNumber(Assessment.FMA_A_MAX),
          query(FlagSettings.DataQuerySettings::fmaAAtLowStage));
  static final ConfigKey<Integer> FMA_A_AT_HIGH_STAGE =
      key(
          "recovery.data_query.fma_a_at_high_stage",
          ValueType.wholeNumber(Assessment.FMA_A_MAX),
          query(FlagSettings.DataQuerySettings::fmaAAtHighStage));
  static final ConfigKey<Integer> FMA_C_AT_LOW_STAGE =
      key(
          "recovery.data_query.fma_c_at_low_stage",
          ValueType.wholeNumber(Assessment.FMA_C_MAX),
          query(FlagSettings.DataQuerySettings::fmaCAtLowStage));
  static final ConfigKey<Integer> FMA_C_AT_HIGH_STAGE =
      key(
          "recovery.data_query.fma_c_at_high_stage",
          ValueType.wholeNumber(Assessment.FMA_C_MAX),
          query(FlagSettings.DataQuerySettings::fmaCAtHighStage));

  static final ConfigKey<Charset> CHARSET =
      key("input.charset", ValueType.charset(), s -> s.input().charset());
  static final ConfigKey<Optional<Character>> DELIMITER =
      key("input.delimiter", ValueType.delimiter(), s -> s.input().delimiter());
  static final ConfigKey<Optional<String>> DATE_PATTERN =
      key("input.date_pattern", ValueType.datePattern(), s -> s.input().datePattern());
  static final ConfigKey<Map<FileKind, Map<String, String>>> HEADER_ALIASES =
      key("input.header_aliases", ValueType.headerAliases(), s -> s.input().headerAliases());
  static final ConfigKey<Map<String, Status>> STATUS_ALIASES =
      key(
          "input.status_aliases",
          ValueType.aliases(ValueType.status()),
          s -> s.input().statusAliases());
  static final ConfigKey<Integer> MAX_VALUE_CHARS =
      key(
          "input.max_value_chars",
          ValueType.wholeNumber(ANY_SIZE),
          limit(InputLimits::maxValueChars));
  static final ConfigKey<Integer> MAX_ID_CHARS =
      key("input.max_id_chars", ValueType.wholeNumber(ANY_SIZE), limit(InputLimits::maxIdChars));
  static final ConfigKey<Integer> MAX_RECORD_CHARS =
      key(
          "input.max_record_chars",
          ValueType.wholeNumber(ANY_SIZE),
          limit(InputLimits::maxRecordChars));
  static final ConfigKey<Integer> MAX_GZIP_RATIO =
      key(
          "input.max_gzip_ratio",
          ValueType.wholeNumber(1_000_000),
          limit(InputLimits::maxGzipRatio));
  static final ConfigKey<Integer> MAX_INFLATED_MB =
      key(
          "input.max_inflated_mb",
          ValueType.wholeNumber(1 << 20),
          limit(l -> (int) (l.maxInflatedBytes() / MIB)));
  static final ConfigKey<Map<String, String>> GOAL_DOMAIN_ALIASES =
      key(
          "input.goal_domain_aliases",
          ValueType.aliases(ValueType.text()),
          s -> s.input().goalDomainAliases());

  static final ConfigKey<Map<String, String>> THERAPIES =
      key("therapies", ValueType.therapyNames(), s -> s.report().therapyNames());

  static final ConfigKey<String> PAGE_SIZE =
      key(
          "report.page_size",
          ValueType.upperCaseChoice(List.of("A4", "LETTER")),
          s -> s.report().pageSize());
  static final ConfigKey<Optional<Path>> FONT =
      key("report.font", ValueType.fontFile(), s -> s.report().latinFont());
  static final ConfigKey<Optional<Path>> CJK_FONT =
      key("report.cjk_font", ValueType.fontFile(), s -> s.report().cjkFont());
  static final ConfigKey<List<String>> REFERENCE_DIAGNOSES =
      key(
          "report.population_reference_diagnoses",
          ValueType.textList(),
          s -> s.report().referenceDiagnoses());
  static final ConfigKey<Optional<Path>> HANDOUT_TEXT =
      key("report.handout_text", ValueType.folder(), s -> s.report().handoutText());

  static final ConfigKey<Boolean> ALLOW_FEWER_PATIENTS =
      key("publish.allow_fewer_patients", ValueType.bool(), s -> s.publish().allowFewerPatients());
  static final ConfigKey<Boolean> ALLOW_FEWER_SESSIONS =
      key("publish.allow_fewer_sessions", ValueType.bool(), s -> s.publish().allowFewerSessions());
  static final ConfigKey<Integer> FOLDER_MODE =
      key("publish.folder_mode", ValueType.octalMode(0700, "rwx"), s -> s.publish().folderMode());
  static final ConfigKey<Integer> FILE_MODE =
      key("publish.file_mode", ValueType.octalMode(0600, "rw"), s -> s.publish().fileMode());
  static final ConfigKey<Boolean> FSYNC =
      key("publish.fsync", ValueType.bool(), s -> s.publish().fsync());

  /** The table, in declaration order (the order of the "allowed here" lists). */
  static final List<ConfigKey<?>> ALL =
      List.of(
          ORGANISATION,
          TARGET,
          PARTIAL,
          HOME_LOW_MIN_SESSIONS,
          HOME_LOW_RATE,
          DROP_OFF_DAYS,
          DROP_OFF_MIN_DUE,
          MCID_SUBACUTE,
          MCID_CHRONIC,
          SUBACUTE_DAYS,
          EARLY_SUBACUTE_DAYS,
          FMA_MDC,
          ARAT_MCID_SUBACUTE,
          ARAT_MCID_CHRONIC,
          ARAT_MDC,
          PLATEAU_DAYS,
          PLATEAU_MIN_SPAN_DAYS,
          PLATEAU_CEILING,
          OVERDUE_EARLY,
          OVERDUE_LATE,
          OVERDUE_CHRONIC,
          STAGE_JUMP,
          LOW_STAGE,
          HIGH_STAGE,
          FMA_A_AT_LOW_STAGE,
          FMA_A_AT_HIGH_STAGE,
          FMA_C_AT_LOW_STAGE,
          FMA_C_AT_HIGH_STAGE,
          CHARSET,
          DELIMITER,
          DATE_PATTERN,
          HEADER_ALIASES,
          STATUS_ALIASES,
          MAX_VALUE_CHARS,
          MAX_ID_CHARS,
          MAX_RECORD_CHARS,
          MAX_GZIP_RATIO,
          MAX_INFLATED_MB,
          GOAL_DOMAIN_ALIASES,
          THERAPIES,
          PAGE_SIZE,
          FONT,
          CJK_FONT,
          REFERENCE_DIAGNOSES,
          HANDOUT_TEXT,
          ALLOW_FEWER_PATIENTS,
          ALLOW_FEWER_SESSIONS,
          FOLDER_MODE,
          FILE_MODE,
          FSYNC);

  private ConfigKeys() {}

  /** The key at {@code path}, if one is a key rather than a section. */
  static Optional<ConfigKey<?>> find(String path) {
    return ALL.stream().filter(k -> k.path().equals(path)).findFirst();
  }

  /** What may appear inside the section {@code section} ("" for the top level), in table order. */
  static List<String> allowedIn(String section) {
    String prefix = section.isEmpty() ? "" : section + ".";
    Set<String> names = new LinkedHashSet<>();
    for (ConfigKey<?> k : ALL) {
      if (k.path().startsWith(prefix)) {
        String rest = k.path().substring(prefix.length());
        int dot = rest.indexOf('.');
        names.add(dot < 0 ? rest : rest.substring(0, dot));
      }
    }
    return new ArrayList<>(names);
  }

  private static <T> ConfigKey<T> key(String path, ValueType<T> type, Function<Settings, T> def) {
    return new ConfigKey<>(path, type, def);
  }

  private static <T> Function<Settings, T> flag(Function<FlagSettings, T> f) {
    return s -> f.apply(s.analysis().flags());
  }

  private static <T> Function<Settings, T> query(Function<FlagSettings.DataQuerySettings, T> f) {
    return s -> f.apply(s.analysis().flags().dataQuery());
  }

  private static <T> Function<Settings, T> limit(Function<InputLimits, T> f) {
    return s -> f.apply(s.input().limits());
  }
}
