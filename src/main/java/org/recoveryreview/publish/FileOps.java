package org.recoveryreview.publish;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import org.recoveryreview.model.PublishSettings;

/**
 * Every change publishing makes to the file system, behind one interface so tests can make any of
 * them fail as a full disk, a read-only mount or a missing permission would (tests run as root,
 * which no permission stops), or stop dead at any of them as {@code kill -9} would.
 */
public interface FileOps {
  /**
   * Creates a new file, failing if anything (even a dangling link) already has that name; it is
   * never readable by more than the configured file mode allows, even for an instant.
   */
  OutputStream create(Path file) throws IOException;

  /** Creates a folder and its missing parents, with the configured folder mode. */
  void createDirectories(Path dir) throws IOException;

  /**
   * Renames atomically where the file system can, replacing a file (never a folder) at {@code to}.
   */
  void move(Path from, Path to) throws IOException;

  /** Deletes one file, empty folder or link (never what a link points to). */
  void delete(Path path) throws IOException;

  /**
   * Makes a file's content, or a folder's entries, durable (fsync), so a power cut after a later
   * rename cannot leave that rename pointing at empty files.
   */
  void sync(Path path) throws IOException;

  /** Makes a hard link {@code link} to the existing file {@code existing}. */
  void link(Path link, Path existing) throws IOException;

  /** The real file system with the default modes: folders 0750, files 0640. */
  FileOps SYSTEM = system(PublishSettings.defaults());

  /** The real file system with these modes (e.g. 0750 and 0640), flushing files or not. */
  static FileOps system(PublishSettings settings) {
    return new SystemFileOps(settings.folderMode(), settings.fileMode(), settings.fsync());
  }
}
