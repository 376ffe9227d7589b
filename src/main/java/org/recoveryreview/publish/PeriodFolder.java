package org.recoveryreview.publish;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.recoveryreview.model.Hashing;
import org.recoveryreview.model.JobFailure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes a period's outputs atomically: everything is written under {@code
 * <output>/.<period>.tmp-*} and swapped in as {@code <output>/<period>} only when complete, so a
 * failed or killed run leaves the previous folder as it was. Temporary and moved-aside folders
 * carry a marker file; nothing without it is ever deleted. The swap is crash-consistent: before its
 * first rename it writes a journal {@code <output>/.<period>.swap} naming the staging folder and
 * the moved-aside one, and the next run ({@link #recover}) rolls an unfinished swap back, or a
 * finished one forward, before anything else. Must be used under {@link OutputLock}.
 */
public final class PeriodFolder implements StopGuard.Stoppable {
  private static final Logger LOG = LoggerFactory.getLogger(PeriodFolder.class);

  /** Marks a folder this job made and may delete: a staging folder or a moved-aside old one. */
  static final String MARKER = ".recovery-review-temp";

  /** Suffix of the swap journal {@code .<period>.swap} beside the period folder. */
  static final String JOURNAL_SUFFIX = ".swap";

  private static final LinkOption NOFOLLOW = LinkOption.NOFOLLOW_LINKS;

  /** How long a failing or stopped run waits for a file being written to be closed. */
  private static final long WRITER_WAIT_SECONDS = 60;

  private final FileOps ops;
  private final Path outputDir;
  private final String period;
  private final Path staging;
  // Writers hold the read lock while they write; abandon() takes the write lock, so no thread can
  // recreate the staging folder (without its marker) after it was removed.
  private final ReentrantReadWriteLock writers = new ReentrantReadWriteLock();

  // The SHA-256 of each file as this run wrote it, by its name in the manifest: the manifest takes
  // these instead of reading every file back (2.8 GB at 10,000 patients). Files staged as links to
  // the published month are not here and are read.
  private final Map<String, String> writtenSha256 = new ConcurrentHashMap<>();
  private final BackgroundSync flushing;
  private volatile boolean committed;
  private volatile boolean abandoned;

  private PeriodFolder(FileOps ops, Path outputDir, String period, Path staging) {
    this.ops = ops;
    this.outputDir = outputDir;
    this.period = period;
    this.staging = staging;
    this.flushing = new BackgroundSync(ops);
  }

  /** Writes the content of one output file; failures become exit 73 naming the file. */
  @FunctionalInterface
  public interface Content {
    /** Writes the whole file to {@code out}. */
    void writeTo(OutputStream out) throws IOException;
  }

  /** Opens a fresh, marked staging folder (call {@link #recover} first). */
  static PeriodFolder begin(Path outputDir, String period, FileOps ops) {
    Path staging = outputDir.resolve("." + period + ".tmp-" + UUID.randomUUID());
    try {
      ops.createDirectories(staging);
      mark(ops, staging);
    } catch (IOException e) {
      // A full disk can leave the marker created but empty; this run made both, so both go.
      deleteQuietly(staging.resolve(MARKER));
      deleteQuietly(staging);
      throw unchanged(outputDir.resolve(period), staging, e);
    } catch (RuntimeException | Error e) {
      // An unmarked staging folder would be left alone by every later run (it cannot prove it is
      // ours), so one that failed before its marker (out of memory, a signal) goes at once; the
      // next run removes it too, as an empty folder.
      deleteQuietly(staging);
      throw e;
    }
    return new PeriodFolder(ops, outputDir, period, staging);
  }

  /** Deletes a file, or a folder if it is empty (never one with entries). */
  private static void deleteQuietly(Path path) {
    try {
      Files.deleteIfExists(path);
    } catch (IOException | RuntimeException ignored) {
      // Best effort; the next run removes a marked or an empty staging folder.
    }
  }

  /** Where the period folder is published. */
  public Path target() {
    return outputDir.resolve(period);
  }

  /** The staging folder, for tests and messages. */
  public Path staging() {
    return staging;
  }

  /**
   * Writes one file inside the staging folder, creating parent folders, and has it made durable in
   * the background before {@link #commit} publishes it; any I/O failure, however wrapped, becomes
   * exit 73 naming the file, the operating system's reason and that the published folder is
   * unchanged. A file that could not be made durable fails the next write. Thread-safe.
   */
  public void write(String relativePath, Content content) {
    Path p = inStaging(relativePath);
    flushing.failure().ifPresent(this::flushFailed);
    writing(
        p,
        () -> {
          ops.createDirectories(
              Objects.requireNonNull(p.getParent(), "inStaging paths lie below the folder"));
          MessageDigest sha256 = Hashing.sha256();
          // The digest under the buffer: a PDF writer's many small writes reach it in 64 KB blocks.
          try (OutputStream out =
              new BufferedOutputStream(new DigestOutputStream(ops.create(p), sha256), 1 << 16)) {
            content.writeTo(out);
          }
          flushing.submit(p);
          writtenSha256.put(Manifest.name(staging, p), HexFormat.of().formatHex(sha256.digest()));
        });
  }

  /**
   * Replaces a file staged by {@link #stageCopyOf} (a link to the published one) by new content.
   */
  public void replace(String relativePath, byte[] content) {
    Path p = inStaging(relativePath);
    writing(
        p,
        () -> {
          if (Files.exists(p, NOFOLLOW)) {
            ops.delete(p); // the link only: the published file keeps its bytes
          }
        });
    write(relativePath, out -> out.write(content));
  }

  /**
   * Stages every report of the published folder {@code published} (hard links, or copies where the
   * file system has none), so that a selective run changes a few files of the staging folder and
   * swaps the whole month in like a full run.
   */
  public void stageCopyOf(Path published) {
    List<Path> entries;
    try (Stream<Path> walk = Files.walk(published)) {
      entries = walk.filter(p -> !p.equals(published)).sorted().toList();
    } catch (IOException | UncheckedIOException e) {
      throw WriteFailure.of(published, e);
    }
    for (Path from : entries) {
      String name = from.getFileName().toString();
      if (name.startsWith(".")) {
        continue; // markers and temporaries of earlier runs are never published
      }
      String rel = published.relativize(from).toString();
      Path to = inStaging(rel);
      if (Files.isDirectory(from, NOFOLLOW)) {
        writing(to, () -> ops.createDirectories(to));
      } else if (Files.isRegularFile(from, NOFOLLOW)) {
        stageFile(from, rel, to);
      }
    }
  }

  private void stageFile(Path from, String rel, Path to) {
    try {
      writing(to, () -> ops.link(to, from));
    } catch (JobFailure | UnsupportedOperationException e) {
      // No hard links here (some network shares): copy the bytes instead.
      write(rel, out -> Files.copy(from, out));
    }
  }

  /** Writes {@code manifest.json} for the files now staged; the last file before the swap. */
  public void writeManifest(RunInfo run) {
    Path file = staging.resolve(Manifest.FILE_NAME);
    writing(file, () -> Manifest.write(run, staging, ops, writtenSha256));
  }

  @FunctionalInterface
  private interface Io {
    void run() throws IOException;
  }

  /** Runs one write under the read lock; refused once the folder is abandoned. */
  private void writing(Path p, Io io) {
    writers.readLock().lock();
    try {
      if (abandoned) {
        throw new IllegalStateException("the run is stopping; " + staging + " was removed");
      }
      io.run();
    } catch (IOException | UncheckedIOException e) {
      throw failureOf(p, e);
    } finally {
      writers.readLock().unlock();
    }
  }

  /** Fails the run on a file the background could not make durable, as a failed write does. */
  private void flushFailed(BackgroundSync.Failure f) {
    if (f.cause() instanceof Error error) {
      throw error;
    }
    throw failureOf(f.file(), f.cause());
  }

  /**
   * The run's failure for an error on file {@code p}, written or flushed: an I/O error, however
   * wrapped, is exit 73 naming the file and that the published folder is unchanged; any other
   * exception stays as it is.
   */
  private RuntimeException failureOf(Path p, Throwable e) {
    if (e instanceof UncheckedIOException u) {
      return unchanged(p, WriteFailure.cause(u));
    }
    if (e instanceof RuntimeException r) {
      return r;
    }
    return unchanged(p, e);
  }

  private Path inStaging(String relativePath) {
    Path p = staging.resolve(relativePath).normalize();
    if (!p.startsWith(staging) || p.equals(staging)) {
      throw new IllegalArgumentException("path escapes the staging folder: " + relativePath);
    }
    return p;
  }

  /**
   * The failure to write {@code where} with what the operator most needs to know after it: the
   * month is as it was.
   */
  private JobFailure unchanged(Path where, Throwable e) {
    return unchanged(target(), where, e);
  }

  private static JobFailure unchanged(Path target, Path where, Throwable e) {
    JobFailure f = WriteFailure.of(where, e);
    String state =
        Files.exists(target, NOFOLLOW)
            ? " The published " + target + " is unchanged."
            : " Nothing was published in " + target + ".";
    return new JobFailure(f.exitCode(), f.getMessage() + state, e);
  }

  /**
   * Swaps the staging folder in as the period folder. Linux cannot rename over a non-empty folder,
   * so the old folder is first moved aside; a journal written before the first rename lets the next
   * run finish or undo a swap that a kill or power cut interrupted. A failed rename restores the
   * old folder at once. Once the new folder is in place nothing fails the run: removing the old one
   * is best effort, with a warning. First waits until every file written is durable; one that could
   * not be made so fails the run before anything is renamed.
   */
  public void commit() {
    flushing.awaitAll(staging).ifPresent(this::flushFailed);
    Path aside = outputDir.resolve("." + period + ".old-" + UUID.randomUUID());
    synchronized (this) {
      if (abandoned) {
        throw new IllegalStateException("the run is stopping; " + staging + " was removed");
      }
      swap(aside);
      committed = true;
    }
    try {
      finishSwap(ops, outputDir, period, aside);
    } catch (IOException | RuntimeException | VirtualMachineError e) {
      LOG.warn(
          "Published {}, but could not remove {}, the previous version ({}); the next run"
              + " removes it, the published reports are not affected.",
          target(),
          aside,
          WriteFailure.reason(e));
    }
  }

  private void swap(Path aside) {
    Path target = target();
    boolean hadOld = Files.exists(target, NOFOLLOW);
    try {
      syncFolders(staging);
      writeJournal(hadOld ? aside.getFileName().toString() : "");
    } catch (IOException e) {
      deleteJournalQuietly();
      throw unchanged(target, e);
    }
    try {
      if (hadOld) {
        if (Files.isDirectory(target, NOFOLLOW)) {
          // Marked before it moves, so the moved-aside folder is provably ours from its first
          // instant.
          mark(ops, target);
        }
        ops.move(target, aside);
      }
      ops.move(staging, target);
    } catch (IOException e) {
      // The staging folder is still there, so recovery puts the old folder back.
      recoverSwap(ops, outputDir, period);
      throw unchanged(target, e);
    }
    try {
      ops.sync(outputDir);
    } catch (IOException e) {
      LOG.warn("Could not flush {} to disk ({}).", outputDir, WriteFailure.reason(e));
    }
  }

  private void writeJournal(String asideName) throws IOException {
    Path tmp = outputDir.resolve("." + period + JOURNAL_SUFFIX + "-" + UUID.randomUUID());
    try (OutputStream out = ops.create(tmp)) {
      out.write(
          ("recovery-review swap\nnew=" + staging.getFileName() + "\nold=" + asideName + "\n")
              .getBytes(StandardCharsets.UTF_8));
    }
    ops.sync(tmp);
    ops.move(tmp, journal(outputDir, period));
    ops.sync(outputDir);
  }

  private void deleteJournalQuietly() {
    try (DirectoryStream<Path> ds =
        Files.newDirectoryStream(outputDir, "." + period + JOURNAL_SUFFIX + "*")) {
      for (Path p : ds) {
        ops.delete(p);
      }
    } catch (IOException e) {
      LOG.warn("Could not remove the swap journal in {} ({}).", outputDir, WriteFailure.reason(e));
    }
  }

  /** Flushes every folder of the staged tree, so the entries the swap publishes are on disk. */
  private void syncFolders(Path root) throws IOException {
    List<Path> dirs;
    try (Stream<Path> walk = Files.walk(root)) {
      dirs = walk.filter(p -> Files.isDirectory(p, NOFOLLOW)).toList();
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    for (Path d : dirs) {
      ops.sync(d);
    }
  }

  static Path journal(Path outputDir, String period) {
    return outputDir.resolve("." + period + JOURNAL_SUFFIX);
  }

  /** After the new folder is in place: its marker, the old folder, then the journal go. */
  private static void finishSwap(FileOps ops, Path outputDir, String period, Path aside)
      throws IOException {
    Path target = outputDir.resolve(period);
    if (Files.isDirectory(target, NOFOLLOW) && Files.exists(target.resolve(MARKER), NOFOLLOW)) {
      ops.delete(target.resolve(MARKER));
    }
    if (Files.exists(aside, NOFOLLOW)) {
      if (Files.isSymbolicLink(aside)) {
        ops.delete(aside); // the link only, never what it points to
      } else {
        deleteTree(ops, aside);
      }
    }
    ops.delete(journal(outputDir, period));
    ops.sync(outputDir);
  }

  /**
   * Finishes or undoes a swap its journal says was under way: while the staging folder exists the
   * new folder never went live, so the old one goes back (and the staging folder goes); once it is
   * gone the new folder is live, so the old one goes. Leaves the journal if that fails, for the
   * next run.
   */
  static void recoverSwap(FileOps ops, Path outputDir, String period) {
    Path journal = journal(outputDir, period);
    if (!Files.isRegularFile(journal, NOFOLLOW)) {
      return;
    }
    Path target = outputDir.resolve(period);
    try {
      Journal j = readJournal(journal, period);
      Path staged = outputDir.resolve(j.staged());
      Path aside =
          j.aside().isEmpty()
              ? outputDir.resolve("." + period + ".old-none")
              : outputDir.resolve(j.aside());
      if (Files.exists(staged, NOFOLLOW)) {
        LOG.warn("Undoing the unfinished swap of {}; the previous reports stay.", target);
        if (!Files.exists(target, NOFOLLOW) && Files.exists(aside, NOFOLLOW)) {
          ops.move(aside, target);
        }
        if (Files.isDirectory(target, NOFOLLOW) && Files.exists(target.resolve(MARKER), NOFOLLOW)) {
          ops.delete(target.resolve(MARKER));
        }
        deleteTree(ops, staged);
        ops.sync(outputDir);
        ops.delete(journal);
        ops.sync(outputDir);
      } else {
        if (!Files.exists(target, NOFOLLOW) && Files.exists(aside, NOFOLLOW)) {
          LOG.warn(
              "Restoring {} from {}: an earlier run stopped mid-swap.",
              target,
              aside.getFileName());
          ops.move(aside, target);
        } else {
          LOG.info("Finishing the swap of {} that an earlier run published.", target);
        }
        finishSwap(ops, outputDir, period, aside);
      }
    } catch (IOException | RuntimeException e) {
      LOG.error(
          "Could not finish the interrupted swap of {} recorded in {} ({}); fix the cause and run"
              + " again, which finishes it.",
          target,
          journal,
          WriteFailure.reason(e));
    }
  }

  /** The folder names a swap journal records: the staging folder and the moved-aside one. */
  private record Journal(String staged, String aside) {}

  /** The journal's staging and moved-aside folder names, checked to be this period's. */
  private static Journal readJournal(Path journal, String period) throws IOException {
    Map<String, String> out = new HashMap<>();
    for (String line : Files.readAllLines(journal, StandardCharsets.UTF_8)) {
      int eq = line.indexOf('=');
      if (eq > 0) {
        out.put(line.substring(0, eq), line.substring(eq + 1));
      }
    }
    String staged = out.get("new");
    String aside = out.get("old");
    // writeJournal writes both lines ("old=" empty when there was no old folder).
    if (staged == null
        || aside == null
        || !staged.startsWith("." + period + ".tmp-")
        || !(aside.isEmpty() || aside.startsWith("." + period + ".old-"))
        || staged.contains("/")
        || aside.contains("/")) {
      throw new IOException("the journal does not name this period's folders");
    }
    return new Journal(staged, aside);
  }

  /** Removes the staging folder after a failure; the published folder is untouched. */
  public void abandon() {
    boolean locked = false;
    try {
      // Rendering threads may still be writing a file; waiting for them means none recreates the
      // folder after it is removed.
      locked = writers.writeLock().tryLock(WRITER_WAIT_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    try {
      synchronized (this) {
        if (committed || abandoned) {
          return;
        }
        abandoned = true;
        flushing.stop();
        if (locked) {
          removeQuietly(staging, "the unfinished folder");
        } else {
          LOG.warn("A thread is still writing in {}; the next run removes it.", staging);
        }
      }
    } finally {
      if (locked) {
        writers.writeLock().unlock();
      }
    }
  }

  @Override
  public String stop() {
    synchronized (this) {
      if (committed) {
        return "stopped after publishing " + target() + "; the new reports are in place.";
      }
    }
    abandon();
    synchronized (this) {
      return committed
          ? "stopped after publishing " + target() + "; the new reports are in place."
          : "stopped; published reports unchanged.";
    }
  }

  @Override
  public boolean published() {
    return committed;
  }

  /**
   * Best effort: cleans what earlier runs left behind. A swap its journal says was under way is
   * finished or undone first; then marked temporary folders (and empty unmarked ones: a run killed
   * between creating its staging folder and marking it) are removed, a marked folder moved aside in
   * the instant of a swap is restored when the period folder is missing (else removed), stray
   * per-file temporaries are removed. Whatever cannot be removed, or lacks the marker, is left in
   * place with a warning; the run goes on.
   */
  static void recover(Path outputDir, String period, FileOps ops) {
    if (!Files.isDirectory(outputDir)) {
      return;
    }
    recoverSwap(ops, outputDir, period);
    Path target = outputDir.resolve(period);
    List<Path> temps = new ArrayList<>();
    List<Path> aside = new ArrayList<>();
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(outputDir, "." + period + ".*")) {
      for (Path p : ds) {
        String name = p.getFileName().toString();
        if (name.startsWith("." + period + ".tmp-")) {
          temps.add(p);
        } else if (name.startsWith("." + period + ".old-")) {
          aside.add(p);
        } else if (name.startsWith("." + period + JOURNAL_SUFFIX + "-")
            && Files.isRegularFile(p, NOFOLLOW)) {
          ops.delete(p); // a journal never renamed into place: its swap never started
        }
      }
    } catch (IOException e) {
      LOG.warn(
          "Cannot list {} for leftovers of earlier runs: {}.", outputDir, WriteFailure.reason(e));
      return;
    }
    for (Path p : temps) {
      if (owned(p, "a temporary folder", ops)) {
        LOG.info("Removing {} left by an earlier run that did not finish.", p.getFileName());
        removeQuietly(ops, p, "a folder left by an earlier run");
      }
    }
    aside.sort(null);
    for (Path p : aside) {
      if (!owned(p, "a moved-aside folder", ops)) {
        continue;
      }
      if (!Files.exists(target, NOFOLLOW)) {
        LOG.warn("Restoring {} from {}: an earlier run stopped mid-swap.", target, p.getFileName());
        try {
          ops.move(p, target);
          ops.delete(target.resolve(MARKER));
        } catch (IOException e) {
          LOG.warn("Could not restore {} from {}: {}.", target, p, WriteFailure.reason(e));
        }
      } else {
        removeQuietly(ops, p, "the previous version of " + target);
      }
    }
    if (!Files.isSymbolicLink(target)) {
      // Through a linked period folder these would be files outside the output folder.
      removeStrayTemporaries(target, ops);
      removeStrayTemporaries(target.resolve(OutputPaths.PATIENTS_DIR), ops);
    }
  }

  /**
   * Runs {@link #recover} for every folder label in {@code outputDir} that has leftovers of an
   * earlier run (a swap journal, a temporary or moved-aside folder) and that {@code mine} accepts:
   * the first thing a run does under its lock, before reading any input, so that a month an
   * interrupted swap took away is back even if this run then fails.
   */
  static void recoverAll(Path outputDir, Predicate<String> mine, FileOps ops) {
    if (!Files.isDirectory(outputDir, NOFOLLOW)) {
      return;
    }
    Set<String> labels = new TreeSet<>();
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(outputDir, ".*")) {
      for (Path p : ds) {
        leftoverLabel(p.getFileName().toString()).filter(mine).ifPresent(labels::add);
      }
    } catch (IOException e) {
      LOG.warn(
          "Cannot list {} for leftovers of earlier runs: {}.", outputDir, WriteFailure.reason(e));
      return;
    }
    for (String label : labels) {
      recover(outputDir, label, ops);
    }
  }

  /** The folder label a leftover's name belongs to: {@code .2026-10.old-x} is 2026-10's. */
  static Optional<String> leftoverLabel(String name) {
    if (!name.startsWith(".")) {
      return Optional.empty();
    }
    String label;
    if (name.endsWith(JOURNAL_SUFFIX)) {
      label = name.substring(1, name.length() - JOURNAL_SUFFIX.length());
    } else {
      Matcher m = Pattern.compile("\\.(.+?)\\.(?:tmp|old|swap)-[^/]*").matcher(name);
      if (!m.matches()) {
        return Optional.empty();
      }
      label = m.group(1);
    }
    return label.isEmpty() || label.startsWith(".") || label.contains("/")
        ? Optional.empty()
        : Optional.of(label);
  }

  // No output file name starts with '.', so every ".*.tmp-*" entry is a temporary of this job.
  private static void removeStrayTemporaries(Path dir, FileOps ops) {
    if (!Files.isDirectory(dir, NOFOLLOW)) {
      return;
    }
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, ".*.tmp-*")) {
      for (Path p : ds) {
        if (Files.isRegularFile(p, NOFOLLOW) || Files.isSymbolicLink(p)) {
          ops.delete(p);
        }
      }
    } catch (IOException e) {
      LOG.warn("Could not remove temporary files in {}: {}.", dir, WriteFailure.reason(e));
    }
  }

  private static boolean owned(Path dir, String what, FileOps ops) {
    if (Files.isDirectory(dir, NOFOLLOW) && Files.isRegularFile(dir.resolve(MARKER), NOFOLLOW)) {
      return true;
    }
    if (Files.isDirectory(dir, NOFOLLOW) && isEmpty(dir)) {
      // A run killed between creating its staging folder and marking it; empty, so harmless to
      // remove (deleting a folder that is not empty fails).
      try {
        ops.delete(dir);
        return false;
      } catch (IOException e) {
        // fall through to the warning
      }
    }
    LOG.warn(
        "Leaving {}: it is named like {} of this job but lacks the marker file {}, so this job did"
            + " not make it; remove it by hand if nobody needs it.",
        dir,
        what,
        MARKER);
    return false;
  }

  private static boolean isEmpty(Path dir) {
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
      return !ds.iterator().hasNext();
    } catch (IOException e) {
      return false;
    }
  }

  private void removeQuietly(Path dir, String what) {
    removeQuietly(ops, dir, what);
  }

  private static void removeQuietly(FileOps ops, Path dir, String what) {
    try {
      if (Files.isSymbolicLink(dir)) {
        ops.delete(dir); // the link only, never what it points to
      } else {
        deleteTree(ops, dir);
      }
    } catch (IOException e) {
      LOG.warn(
          "Could not remove {}, {} ({}); remove it by hand, the published reports are not affected.",
          dir,
          what,
          WriteFailure.reason(e));
    }
  }

  private static void mark(FileOps ops, Path dir) throws IOException {
    try (OutputStream out = ops.create(dir.resolve(MARKER))) {
      out.write(
          "Temporary folder of recovery-review; the job deletes it.\n"
              .getBytes(StandardCharsets.US_ASCII));
    }
  }

  /**
   * Deletes a marked folder's contents, then its marker, then the folder, never following links.
   */
  static void deleteTree(FileOps ops, Path root) throws IOException {
    if (!Files.exists(root, NOFOLLOW)) {
      return;
    }
    Path marker = root.resolve(MARKER);
    Files.walkFileTree(
        root,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
              throws IOException {
            if (!file.equals(marker)) {
              ops.delete(file);
            }
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
            if (exc != null) {
              throw exc;
            }
            if (dir.equals(root) && Files.exists(marker, NOFOLLOW)) {
              // Last, so a half-deleted folder keeps its marker and the next run can finish it.
              ops.delete(marker);
            }
            ops.delete(dir);
            return FileVisitResult.CONTINUE;
          }
        });
  }
}
