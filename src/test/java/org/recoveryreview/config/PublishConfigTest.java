package org.recoveryreview.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.recoveryreview.model.ExitCode;
import org.recoveryreview.model.JobFailure;

/** The {@code publish} section of the configuration. */
class PublishConfigTest {
  @TempDir Path dir;

  private Optional<Path> write(String yaml) throws IOException {
    return Optional.of(Files.writeString(dir.resolve("c.yaml"), yaml));
  }

  @Test
  void load_allowFewerPatientsTrue_isRead() throws IOException {
    assertTrue(
        ConfigLoader.load(write("publish:\n  allow_fewer_patients: true\n"))
            .publish()
            .allowFewerPatients());
  }

  @Test
  void load_noPublishSection_refusesFewerPatients() throws IOException {
    assertFalse(ConfigLoader.load(write("organisation: X\n")).publish().allowFewerPatients());
    assertFalse(ConfigLoader.load(Optional.empty()).publish().allowFewerPatients());
  }

  @Test
  void load_allowFewerPatientsNotABoolean_exits2NamingKeyAndLine() throws IOException {
    Optional<Path> p = write("organisation: X\npublish:\n  allow_fewer_patients: maybe\n");
    JobFailure e = assertThrows(JobFailure.class, () -> ConfigLoader.load(p));
    assertEquals(ExitCode.USAGE, e.exitCode());
    assertTrue(e.getMessage().contains("publish.allow_fewer_patients"), e.getMessage());
    assertTrue(e.getMessage().contains("line 3"), e.getMessage());
  }

  @Test
  void load_modes_readAsOctalText() throws IOException {
    var publish =
        ConfigLoader.load(write("publish:\n  folder_mode: 0770\n  file_mode: \"660\"\n")).publish();
    assertEquals(0770, publish.folderMode());
    assertEquals(0660, publish.fileMode());
    var defaults = ConfigLoader.load(Optional.empty()).publish();
    assertEquals(0750, defaults.folderMode());
    assertEquals(0640, defaults.fileMode());
    assertTrue(defaults.fsync());
    assertFalse(ConfigLoader.load(write("publish:\n  fsync: false\n")).publish().fsync());
  }

  private JobFailure refused(String yaml) throws IOException {
    Optional<Path> p = write("organisation: X\npublish:\n" + yaml);
    JobFailure e = assertThrows(JobFailure.class, () -> ConfigLoader.load(p));
    assertEquals(ExitCode.USAGE, e.exitCode());
    assertTrue(e.getMessage().contains("line 3"), e.getMessage());
    return e;
  }

  @Test
  void load_badModes_exit2NamingKeyAndWhy() throws IOException {
    assertTrue(
        refused("  file_mode: rw-r-----\n")
            .getMessage()
            .contains(
                "publish.file_mode: 'rw-r-----' is not an octal permission mode; expected an octal mode such as 0640"));
    assertTrue(refused("  folder_mode: 0777\n").getMessage().contains("every local user write"));
    assertTrue(refused("  folder_mode: 0640\n").getMessage().contains("takes from the owner rwx"));
    assertTrue(refused("  file_mode: 0400\n").getMessage().contains("takes from the owner rw"));
    assertTrue(refused("  file_mode: 0750\n").getMessage().contains("executable"));
    assertTrue(
        refused("  folder_mode: 4750\n").getMessage().contains("not an octal permission mode"));
  }
}
