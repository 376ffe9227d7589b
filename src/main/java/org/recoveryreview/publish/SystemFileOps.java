package org.recoveryreview.publish;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;

/**
 * The real file system. Folders and files are created with the configured modes (the umask can only
 * narrow them at creation, so the exact mode is set right after); a folder keeps the set-group-ID
 * bit it inherits from a setgid output folder, so its files go to the reporting group.
 */
final class SystemFileOps implements FileOps {
  private static final LinkOption NOFOLLOW = LinkOption.NOFOLLOW_LINKS;
  private static final int SPECIAL_BITS = 07000;

  private final int folderMode;
  private final Set<PosixFilePermission> folderPerms;
  private final Set<PosixFilePermission> filePerms;
  private final boolean posix;
  private final boolean fsync;

  SystemFileOps(int folderMode, int fileMode, boolean fsync) {
    this.fsync = fsync;
    this.folderMode = folderMode;
    this.folderPerms = perms(folderMode);
    this.filePerms = perms(fileMode);
    this.posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
  }

  @Override
  public OutputStream create(Path file) throws IOException {
    Set<StandardOpenOption> options =
        EnumSet.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    FileChannel ch =
        posix
            ? FileChannel.open(file, options, PosixFilePermissions.asFileAttribute(filePerms))
            : FileChannel.open(file, options);
    try {
      if (posix) {
        Files.setPosixFilePermissions(file, filePerms);
      }
    } catch (IOException | RuntimeException e) {
      ch.close();
      throw e;
    }
    return Channels.newOutputStream(ch);
  }

  @Override
  public void createDirectories(Path dir) throws IOException {
    Path abs = dir.toAbsolutePath();
    if (Files.isDirectory(abs)) {
      return;
    }
    Path parent = abs.getParent();
    if (parent != null && !Files.exists(parent)) {
      createDirectories(parent);
    }
    try {
      if (posix) {
        FileAttribute<Set<PosixFilePermission>> attr =
            PosixFilePermissions.asFileAttribute(folderPerms);
        Files.createDirectory(abs, attr);
        setFolderMode(abs);
      } else {
        Files.createDirectory(abs);
      }
    } catch (FileAlreadyExistsException e) {
      if (!Files.isDirectory(abs)) {
        throw e;
      }
    }
  }

  /** The configured bits exactly, keeping setuid/setgid/sticky that the folder inherited. */
  private void setFolderMode(Path dir) throws IOException {
    try {
      int current = (Integer) Files.getAttribute(dir, "unix:mode", NOFOLLOW);
      Files.setAttribute(dir, "unix:mode", (current & SPECIAL_BITS) | folderMode, NOFOLLOW);
    } catch (UnsupportedOperationException | IllegalArgumentException | ClassCastException e) {
      Files.setPosixFilePermissions(dir, folderPerms);
    }
  }

  @Override
  public void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, NOFOLLOW);
    }
  }

  @Override
  public void delete(Path path) throws IOException {
    Files.delete(path);
  }

  @Override
  public void sync(Path path) throws IOException {
    if (!fsync || Files.isSymbolicLink(path)) {
      return;
    }
    try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
      ch.force(true);
    } catch (IOException e) {
      // Some systems cannot open a folder for fsync; its entries are then as durable as they get.
      if (!Files.isDirectory(path, NOFOLLOW)) {
        throw e;
      }
    }
  }

  @Override
  public void link(Path link, Path existing) throws IOException {
    Files.createLink(link, existing);
  }

  private static Set<PosixFilePermission> perms(int mode) {
    Set<PosixFilePermission> out = EnumSet.noneOf(PosixFilePermission.class);
    PosixFilePermission[] order = {
      PosixFilePermission.OTHERS_EXECUTE,
      PosixFilePermission.OTHERS_WRITE,
      PosixFilePermission.OTHERS_READ,
      PosixFilePermission.GROUP_EXECUTE,
      PosixFilePermission.GROUP_WRITE,
      PosixFilePermission.GROUP_READ,
      PosixFilePermission.OWNER_EXECUTE,
      PosixFilePermission.OWNER_WRITE,
      PosixFilePermission.OWNER_READ
    };
    for (int i = 0; i < order.length; i++) {
      if ((mode & (1 << i)) != 0) {
        out.add(order[i]);
      }
    }
    return out;
  }
}
