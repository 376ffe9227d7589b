package org.recoveryreview.publish;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.recoveryreview.model.AnalysisSettings;
import org.recoveryreview.model.FileKind;
import org.recoveryreview.model.InputFile;
import org.recoveryreview.model.InputOptions;
import org.recoveryreview.model.ReportSettings;
import org.recoveryreview.model.ReviewPeriod;
import org.recoveryreview.model.RunStats;
import org.recoveryreview.model.Settings;

/**
 * The manifest is written with Jackson's streaming generator; its bytes must stay those that
 * Jackson's ObjectMapper with indented output writes (earlier versions wrote it so, and auditors
 * and the merge compare manifests), and the settings hash that shards and their merge compare must
 * not move.
 */
class ManifestFormatTest {
  @TempDir Path dir;

  @Test
  void write_everyKindOfValue_bytesAsTheObjectMapperWritesThem() throws IOException {
    Files.writeString(dir.resolve("patient-metrics.csv"), "a,b\n");
    Files.createDirectories(dir.resolve("patients"));
    Files.write(dir.resolve("patients/P0001.pdf"), new byte[300]);
    Settings settings =
        new Settings(
            InputOptions.defaults(),
            AnalysisSettings.defaults(),
            ReportSettings.defaults(),
            Optional.of(Path.of("/etc/recovery-review/config.yaml")),
            Optional.of("ab12"));
    RunInfo run =
        new RunInfo(
            "1.0",
            new ReviewPeriod(YearMonth.of(2026, 10)),
            Instant.parse("2026-11-02T06:00:00Z"),
            Instant.parse("2026-11-02T06:01:30.5Z"),
            "/data/exports/ødegård \"north\"",
            settings,
            List.of(
                new InputFile("patients.csv", FileKind.PATIENTS, "cd34", 290_803, 2, 2, 0, 0, 0, 0),
                new InputFile(
                    "sessions.csv", FileKind.SESSIONS, "ef56", 5_000_000_000L, 7, 4, 1, 1, 1, 0)),
            List.of("P0001", "王芳"),
            1,
            3,
            new RunStats(
                Map.of(RunStats.Stage.RENDER, 1.23456, RunStats.Stage.INGEST, 0.1), 1, 3, 7, 0),
            2,
            0);

    Manifest.write(run, dir, FileOps.SYSTEM, Map.of());

    byte[] written = Files.readAllBytes(dir.resolve(Manifest.FILE_NAME));
    ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    assertArrayEquals(mapper.writeValueAsBytes(mapper.readTree(written)), written);
    String text = new String(written, StandardCharsets.UTF_8);
    assertTrue(text.contains("\"size_bytes\" : 5000000000"), text);
    assertTrue(text.contains("\"config_file\" : \"/etc/recovery-review/config.yaml\""), text);
    assertTrue(text.contains("\"allow_fewer_sessions\" : false"), text);
    assertTrue(text.contains("\"file\" : \"patients/P0001.pdf\""), text);
  }

  @Test
  void settingsSha256_defaults_asEarlierVersionsComputedIt() {
    // Computed by the version that built the settings as an ObjectMapper tree (849988d).
    assertEquals(
        "e1557f74c9e89dae544747975d9c7a0057e855cbfe7913d1f72aa1cf88624552",
        Manifest.settingsSha256(Settings.defaults()));
  }
}
