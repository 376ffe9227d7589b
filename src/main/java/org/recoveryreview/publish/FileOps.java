package org.recoveryreview.publish;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Every change publishing makes to the file system, behind one interface so tests can make any of
 * them fail as a full disk, a read-only mount or a missing permission would (tests run as root,
 * which no permission stops).
 */
public interface FileOps {
  /** Creates a new file, failing if anything (even a dangling link) already has that name. */
  OutputStream create(Path file) throws IOException;

  /** Creates a folder and its missing parents. */
  void createDirectories(Path dir) throws IOException;

  /**
   * Renames atomically where the file system can, replacing a file (never a folder) at {@code to}.
   */
  void move(Path from, Path to) throws IOException;

  /** Deletes one file, empty folder or link (never what a link points to). */
  void delete(Path path) throws IOException;

  /** The real file system. */
  FileOps SYSTEM =
      new FileOps() {
        @Override
        public OutputStream create(Path file) throws IOException {
          return Files.newOutputStream(
              file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        }

        @Override
        public void createDirectories(Path dir) throws IOException {
          Files.createDirectories(dir);
        }

        @Override
        public void move(Path from, Path to) throws IOException {
          try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
          } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, LinkOption.NOFOLLOW_LINKS);
          }
        }

        @Override
        public void delete(Path path) throws IOException {
          Files.delete(path);
        }
      };
}
