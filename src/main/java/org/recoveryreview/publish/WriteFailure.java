package org.recoveryreview.publish;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import org.recoveryreview.model.ExitCode;
import org.recoveryreview.model.JobFailure;

/**
 * Turns an I/O failure while writing into exit 73 with the path, the operating system's reason and
 * what to do about that reason; the one place such messages are worded.
 */
final class WriteFailure {
  private WriteFailure() {}

  /** Exit 73 for a failure while writing {@code where}. */
  public static JobFailure of(Path where, Throwable e) {
    return new JobFailure(
        ExitCode.CANNOT_WRITE,
        "Cannot write " + where + ": " + reason(e) + "; " + advice(reason(e)) + ".",
        e);
  }

  /** The operating system's reason in a few words, e.g. "No space left on device". */
  static String reason(Throwable t) {
    Throwable e = t instanceof UncheckedIOException u ? cause(u) : t;
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof NotDirectoryException) {
      return "not a folder";
    }
    if (e instanceof NoSuchFileException) {
      return "no such file or folder";
    }
    if (e instanceof FileAlreadyExistsException) {
      return "something already has that name";
    }
    if (e instanceof FileSystemException fse && fse.getReason() != null) {
      return fse.getReason();
    }
    String m = e.getMessage();
    return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
  }

  /** The I/O failure an {@link UncheckedIOException} carries (never null by its constructors). */
  static IOException cause(UncheckedIOException u) {
    return Objects.requireNonNull(u.getCause(), "an UncheckedIOException wraps an IOException");
  }

  private static String advice(String reason) {
    String r = reason.toLowerCase(Locale.ROOT);
    if (r.contains("no space") || r.contains("quota")) {
      return "free space on that disk (or raise the quota) and run again";
    }
    if (r.contains("read-only")) {
      return "the disk is mounted read-only; remount it read-write or choose another --output";
    }
    if (r.contains("permission") || r.contains("not permitted")) {
      return "give the user running the job write access to the output folder, or choose another"
          + " --output";
    }
    if (r.contains("not a folder") || r.contains("not a directory")) {
      return "a file stands where a folder is needed; move it away or choose another --output";
    }
    return "check free space and permissions of the output folder";
  }
}
