package org.recoveryreview.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.recoveryreview.model.ExitCode;
import org.recoveryreview.model.JobFailure;

/** Every write failure is exit 73 naming the path, the OS reason and what to do about it. */
class WriteFailureTest {
  private static final Path FILE = Path.of("/srv/reviews/.2026-10.tmp-1/program-summary.pdf");

  private static String message(Throwable e) {
    JobFailure f = WriteFailure.of(FILE, e);
    assertEquals(ExitCode.CANNOT_WRITE, f.exitCode());
    assertTrue(f.getMessage().startsWith("Cannot write " + FILE + ": "), f.getMessage());
    return f.getMessage();
  }

  @Test
  void of_noSpace_saysFreeSpace() {
    String m = message(new IOException("No space left on device"));
    assertTrue(m.contains("No space left on device; free space on that disk"), m);
  }

  @Test
  void of_readOnlyFileSystem_saysRemount() {
    String m = message(new FileSystemException(FILE.toString(), null, "Read-only file system"));
    assertTrue(m.contains("Read-only file system; the disk is mounted read-only"), m);
  }

  @Test
  void of_permissionDenied_saysWhoNeedsAccess() {
    String m = message(new AccessDeniedException(FILE.toString()));
    assertTrue(m.contains("permission denied; give the user running the job write access"), m);
  }

  @Test
  void of_notAFolder_saysAFileIsInTheWay() {
    String m = message(new NotDirectoryException(FILE.toString()));
    assertTrue(m.contains("not a folder; a file stands where a folder is needed"), m);
  }

  @Test
  void of_wrappedInUnchecked_unwraps() {
    String m = message(new UncheckedIOException(new IOException("No space left on device")));
    assertTrue(m.contains(": No space left on device;"), m);
  }
}
