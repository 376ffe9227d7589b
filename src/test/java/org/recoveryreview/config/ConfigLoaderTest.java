package org.recoveryreview.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.recoveryreview.ingest.Ingestor;
import org.recoveryreview.model.ExitCode;
import org.recoveryreview.model.FileKind;
import org.recoveryreview.model.FlagSettings;
import org.recoveryreview.model.FontFile;
import org.recoveryreview.model.InputLimits;
import org.recoveryreview.model.JobFailure;
import org.recoveryreview.model.Settings;
import org.recoveryreview.model.Status;

class ConfigLoaderTest {
  @TempDir Path dir;

  private Path write(String yaml) throws IOException {
    Path p = dir.resolve("config.yaml");
    Files.writeString(p, yaml);
    return p;
  }

  private JobFailure fail(String yaml) throws IOException {
    Path p = write(yaml);
    return assertThrows(JobFailure.class, () -> ConfigLoader.load(Optional.of(p)));
  }

  @Test
  void load_noFile_returnsDefaults() {
    Settings s = ConfigLoader.load(Optional.empty());
    assertEquals(0.80, s.analysis().adherenceTarget());
    assertEquals(9, s.analysis().mcidSubacute());
    assertTrue(s.configFile().isEmpty());
  }

  @Test
  void load_everyKey_readsValues() throws IOException {
    Path p =
        write(
            """
            organisation: "Riverside Rehab"
            adherence:
              target: 0.7
              partial: 0.4
              home_low_min_sessions: 6
              home_low_rate: 0.6
              drop_off_days: 21
              drop_off_min_due: 4
            recovery:
              mcid_subacute: 10
              mcid_chronic: 4
              subacute_days: 150
              plateau_days: 60
              early_subacute_days: 80
              fma_mdc: 4.5
              arat_mcid_subacute: 15
              arat_mcid_chronic: 7
              arat_mdc: 4.5
              plateau_min_span_days: 50
              plateau_ceiling: 58
              overdue_days_early_subacute: 21
              overdue_days_late_subacute: 35
              overdue_days_chronic: 120
              data_query:
                stage_jump: 3
                low_stage: 1
                high_stage: 6
                fma_a_at_low_stage: 20
                fma_a_at_high_stage: 10
                fma_c_at_low_stage: 8
                fma_c_at_high_stage: 3
            input:
              charset: GBK
              delimiter: semicolon
              date_pattern: dd/MM/yyyy
              header_aliases:
                sessions:
                  Visit ID: session_id
              status_aliases:
                Attended OK: completed
            therapies:
              occupational_therapy: Ergotherapie
            report:
              page_size: letter
            """);
    Settings s = ConfigLoader.load(Optional.of(p));
    assertEquals("Riverside Rehab", s.report().organisation());
    assertEquals(0.7, s.analysis().adherenceTarget());
    assertEquals(0.4, s.analysis().partialThreshold());
    assertEquals(10, s.analysis().mcidSubacute());
    assertEquals(4, s.analysis().mcidChronic());
    assertEquals(150, s.analysis().subacuteDays());
    assertEquals(60, s.analysis().plateauDays());
    assertEquals(
        new FlagSettings(
            80,
            4.5,
            15,
            7,
            4.5,
            50,
            58,
            21,
            35,
            120,
            21,
            4,
            6,
            0.6,
            new FlagSettings.DataQuerySettings(3, 1, 6, 20, 10, 8, 3)),
        s.analysis().flags());
    assertEquals(Charset.forName("GBK"), s.input().charset());
    assertEquals(Optional.of(';'), s.input().delimiter());
    assertEquals(Optional.of("dd/MM/yyyy"), s.input().datePattern());
    assertEquals("session_id", s.input().headerAliases().get(FileKind.SESSIONS).get("Visit ID"));
    assertEquals(Status.COMPLETED, s.input().statusAliases().get("Attended OK"));
    assertEquals("Ergotherapie", s.report().therapyName("occupational_therapy"));
    assertEquals("LETTER", s.report().pageSize());
    assertEquals(64, s.configSha256().orElseThrow().length());
  }

  @Test
  void load_goalDomainAliasesAndGoalsHeaderAliases_areRead() throws IOException {
    Path p = dir.resolve("goals.yaml");
    Files.writeString(
        p,
        """
        input:
          header_aliases:
            goals:
              Reviewed: review_date
          goal_domain_aliases:
            ADL dressing: dressing
        """);
    Settings s = ConfigLoader.load(Optional.of(p));
    assertEquals("review_date", s.input().headerAliases().get(FileKind.GOALS).get("Reviewed"));
    assertEquals("dressing", s.input().goalDomainAliases().get("ADL dressing"));
  }

  @Test
  void load_unknownKey_failsWithUsageNamingKeyAndLine() throws IOException {
    JobFailure f = fail("adherence:\n  target: 0.8\n  targte: 0.9\n");
    assertEquals(ExitCode.USAGE, f.exitCode());
    assertTrue(f.getMessage().contains("line 3"), f.getMessage());
    assertTrue(f.getMessage().contains("adherence.targte"), f.getMessage());
    assertTrue(
        f.getMessage().contains("allowed here: target, partial, home_low_min_sessions"),
        f.getMessage());
  }

  @Test
  void load_dataQueryLowStageAboveHighStage_failsWithUsageNamingLine() throws IOException {
    JobFailure f = fail("recovery:\n  data_query:\n    low_stage: 5\n    high_stage: 4\n");
    assertEquals(ExitCode.USAGE, f.exitCode());
    assertTrue(f.getMessage().contains("line 2"), f.getMessage());
    assertTrue(f.getMessage().contains("low_stage < high_stage"), f.getMessage());
  }

  @Test
  void load_fmaMdcZero_failsWithUsage() throws IOException {
    JobFailure f = fail("recovery:\n  fma_mdc: 0\n");
    assertTrue(f.getMessage().contains("recovery.fma_mdc"), f.getMessage());
  }

  @Test
  void load_unknownTopLevelKey_failsWithUsage() throws IOException {
    JobFailure f = fail("organisation: X\ncolour: blue\n");
    assertEquals(ExitCode.USAGE, f.exitCode());
    assertTrue(
        f.getMessage().contains("'colour'") && f.getMessage().contains("line 2"), f.getMessage());
  }

  @Test
  void load_targetAboveOne_failsNamingKeyAndAllowedRange() throws IOException {
    JobFailure f = fail("adherence:\n  target: 1.5\n");
    assertEquals(ExitCode.USAGE, f.exitCode());
    assertTrue(f.getMessage().contains("adherence.target"), f.getMessage());
    assertTrue(f.getMessage().contains("line 2"), f.getMessage());
    assertTrue(f.getMessage().contains("from 0 to 1"), f.getMessage());
  }

  @Test
  void load_wrongType_failsNamingExpectedType() throws IOException {
    JobFailure f = fail("recovery:\n  mcid_chronic: five\n");
    assertEquals(ExitCode.USAGE, f.exitCode());
    assertTrue(f.getMessage().contains("recovery.mcid_chronic"), f.getMessage());
    assertTrue(f.getMessage().contains("not a whole number"), f.getMessage());
  }

  @Test
  void load_numbersOutOfRangeOrUnreadable_exactMessagePerType() throws IOException {
    assertTrue(
        fail("adherence:\n  target: 1.5\n")
            .getMessage()
            .contains("1.5 is impossible; expected a decimal from 0 to 1 such as 0.8"));
    assertTrue(
        fail("adherence:\n  target: .nan\n").getMessage().contains("is not a number; expected"));
    assertTrue(
        fail("recovery:\n  mcid_chronic: 0\n")
            .getMessage()
            .contains("0 is impossible; expected a whole number from 1 to "));
    assertTrue(
        fail("recovery:\n  mcid_chronic: ' 7x'\n")
            .getMessage()
            .contains("' 7x' is not a whole number; expected 1 to "));
  }

  @Test
  void load_mappingWhereValueExpected_failsWithUsage() throws IOException {
    JobFailure f = fail("organisation:\n  name: X\n");
    assertEquals(ExitCode.USAGE, f.exitCode());
    assertTrue(f.getMessage().contains("organisation"), f.getMessage());
  }

  @Test
  void load_partialAboveTarget_failsWithUsage() throws IOException {
    JobFailure f = fail("adherence:\n  target: 0.5\n  partial: 0.6\n");
    assertEquals(ExitCode.USAGE, f.exitCode());
    assertTrue(f.getMessage().contains("adherence.partial"), f.getMessage());
  }

  @Test
  void load_unknownCharset_failsWithUsage() throws IOException {
    JobFailure f = fail("input:\n  charset: klingon-8\n");
    assertTrue(f.getMessage().contains("input.charset"), f.getMessage());
  }

  @Test
  void load_unknownStatusTarget_failsListingStatuses() throws IOException {
    JobFailure f = fail("input:\n  status_aliases:\n    gone: vanished\n");
    assertTrue(f.getMessage().contains("line 3"), f.getMessage());
    assertTrue(f.getMessage().contains("clinic_cancelled"), f.getMessage());
  }

  @Test
  void load_invalidYaml_failsWithLine() throws IOException {
    JobFailure f = fail("adherence:\n  target: [0.8\n");
    assertEquals(ExitCode.USAGE, f.exitCode());
    assertTrue(f.getMessage().contains("not valid YAML"), f.getMessage());
  }

  @Test
  void load_duplicateKey_fails() throws IOException {
    JobFailure f = fail("organisation: A\norganisation: B\n");
    assertEquals(ExitCode.USAGE, f.exitCode());
  }

  @Test
  void load_missingFile_failsWithUsage() {
    JobFailure f =
        assertThrows(
            JobFailure.class, () -> ConfigLoader.load(Optional.of(dir.resolve("nope.yaml"))));
    assertEquals(ExitCode.USAGE, f.exitCode());
    assertTrue(f.getMessage().contains("does not exist"));
  }

  @Test
  void load_exampleConfigInRepository_isValid() {
    Settings s = ConfigLoader.load(Optional.of(Path.of("config.example.yaml")));
    assertEquals(0.80, s.analysis().adherenceTarget());
  }

  @Test
  void load_therapyNamedAsWrittenInExports_matchesIngestedCode() throws IOException {
    Settings s =
        ConfigLoader.load(
            Optional.of(
                write(
                    "therapies:\n"
                        + "  Neuromuscular Re-education: NMR training\n"
                        + "  Mirror Therapy (bilateral): Mirror therapy\n")));
    Path input = Files.createDirectory(dir.resolve("in"));
    Files.writeString(
        input.resolve("patients.csv"),
        "patient_id,name,onset_date,clinic,therapist\nP1,Ana,2026-01-10,North,Kim\n");
    Files.writeString(
        input.resolve("sessions.csv"),
        "session_id,patient_id,date,setting,therapy,status,planned_minutes\n"
            + "S1,P1,2026-02-03,clinic,Neuromuscular Re-education,completed,45\n"
            + "S2,P1,2026-02-04,clinic,mirror-therapy bilateral,completed,45\n");
    var sessions = new Ingestor(s.input()).ingest(input).sessions();
    assertEquals("NMR training", s.report().therapyName(sessions.get(0).therapy()));
    assertEquals("Mirror therapy", s.report().therapyName(sessions.get(1).therapy()));
  }

  @ParameterizedTest
  @ValueSource(strings = {"LateCancel", "late_cancel", "Late Cancel", "late-cancel", "LATE_CANCEL"})
  void load_statusAliasTargetSpelledAsInExports_isAccepted(String target) throws IOException {
    Settings s =
        ConfigLoader.load(
            Optional.of(write("input:\n  status_aliases:\n    Short notice: " + target + "\n")));
    assertEquals(Status.LATE_CANCEL, s.input().statusAliases().get("Short notice"));
  }

  @Test
  void load_fileOverOneMebibyte_failsWithUsageBeforeParsing() throws IOException {
    Path p = dir.resolve("huge.yaml");
    // Valid YAML that would take long to parse: the size alone must refuse it.
    Files.writeString(p, "organisation: X\n" + "# padding\n".repeat(110_000));
    JobFailure f = assertThrows(JobFailure.class, () -> ConfigLoader.load(Optional.of(p)));
    assertEquals(ExitCode.USAGE, f.exitCode());
    assertTrue(f.getMessage().contains("larger than 1 MiB"), f.getMessage());
    assertTrue(f.getMessage().contains("huge.yaml"), f.getMessage());
  }

  @Test
  void load_inputLimits_areRead() throws IOException {
    Settings s =
        ConfigLoader.load(
            Optional.of(
                write(
                    """
                    input:
                      max_value_chars: 500
                      max_id_chars: 20
                      max_record_chars: 4096
                      max_gzip_ratio: 30
                      max_inflated_mb: 10
                    """)));
    assertEquals(new InputLimits(500, 20, 4096, 30, 10L << 20), s.input().limits());
  }

  @Test
  void load_noLimits_keepsDocumentedDefaults() throws IOException {
    Settings s = ConfigLoader.load(Optional.of(write("organisation: X\n")));
    assertEquals(new InputLimits(10_000, 64, 1 << 20, 100, 2L << 30), s.input().limits());
  }

  @Test
  void load_zeroLimit_failsWithUsageNamingKey() throws IOException {
    JobFailure f = fail("input:\n  max_record_chars: 0\n");
    assertEquals(ExitCode.USAGE, f.exitCode());
    assertTrue(f.getMessage().contains("input.max_record_chars"), f.getMessage());
  }

  @Test
  void load_cjkFontWithFaceIndex_keepsIndexAndChecksOnlyTheFile() throws IOException {
    Files.write(dir.resolve("cjk.ttc"), new byte[] {0});
    Path p = write("report:\n  cjk_font: cjk.ttc,2\n");

    Settings s = ConfigLoader.load(Optional.of(p));

    FontFile f = FontFile.parse(s.report().cjkFont().orElseThrow());
    assertEquals(dir.resolve("cjk.ttc"), f.file());
    assertEquals(OptionalInt.of(2), f.face());
  }

  @Test
  void load_faceIndexOnSingleFontFile_failsNamingTheSuffix() throws IOException {
    Files.write(dir.resolve("latin.ttf"), new byte[] {0});
    JobFailure f = fail("report:\n  font: latin.ttf,1\n");

    assertEquals(ExitCode.USAGE, f.exitCode());
    assertTrue(f.getMessage().contains("report.font"), f.getMessage());
    assertTrue(f.getMessage().contains("',N'"), f.getMessage());
  }

  @Test
  void load_missingCollectionWithFaceIndex_failsNamingTheFile() throws IOException {
    JobFailure f = fail("report:\n  cjk_font: nowhere.ttc,1\n");

    assertEquals(ExitCode.USAGE, f.exitCode());
    assertTrue(f.getMessage().contains("report.cjk_font"), f.getMessage());
    assertTrue(f.getMessage().contains("nowhere.ttc' does not exist"), f.getMessage());
  }

  @Test
  void load_partialAboveTarget_pointsAtThePartialKeysLine() throws IOException {
    JobFailure f = fail("organisation: X\nadherence:\n  partial: 0.9\n  drop_off_days: 14\n");
    assertEquals(ExitCode.USAGE, f.exitCode());
    assertTrue(
        f.getMessage().contains("config.yaml line 3: adherence.partial (0.9)"), f.getMessage());
    JobFailure below =
        fail(
            "adherence:\n  drop_off_days: 14\n  target: 0.7\n  home_low_rate: 0.5\n  partial: 0.8\n");
    assertTrue(below.getMessage().contains("line 5: adherence.partial (0.8)"), below.getMessage());
  }

  @Test
  void load_targetBelowTheDefaultPartial_pointsAtTheTargetKeysLine() throws IOException {
    JobFailure f = fail("organisation: X\nadherence:\n  drop_off_days: 14\n  target: 0.3\n");
    assertTrue(f.getMessage().contains("line 4: adherence.partial ("), f.getMessage());
  }

  @Test
  void load_fontIsAFolder_saysItIsAFolderNotThatItIsMissing() throws IOException {
    Files.createDirectories(dir.resolve("fonts"));
    JobFailure f = fail("report:\n  font: fonts\n");
    assertEquals(ExitCode.USAGE, f.exitCode());
    assertTrue(f.getMessage().contains("report.font"), f.getMessage());
    assertTrue(f.getMessage().contains("is a folder, not a font file"), f.getMessage());
    assertTrue(!f.getMessage().contains("does not exist"), f.getMessage());
  }

  @Test
  void load_fontMissing_saysItDoesNotExist() throws IOException {
    JobFailure f = fail("report:\n  font: fonts/none.ttf\n");
    assertTrue(f.getMessage().contains("none.ttf' does not exist"), f.getMessage());
  }

  @Test
  void load_handoutTextFolder_resolvedBesideTheConfig() throws IOException {
    Files.createDirectory(dir.resolve("words"));
    Settings s = ConfigLoader.load(Optional.of(write("report:\n  handout_text: words\n")));
    assertEquals(Optional.of(dir.resolve("words")), s.report().handoutText());
  }

  @Test
  void load_missingHandoutTextFolder_failsNamingKeyAndFolder() throws IOException {
    JobFailure f = fail("report:\n  handout_text: nowhere\n");

    assertEquals(ExitCode.USAGE, f.exitCode());
    assertTrue(f.getMessage().contains("report.handout_text"), f.getMessage());
    assertTrue(f.getMessage().contains("nowhere' does not exist"), f.getMessage());
  }
}
