package org.recoveryreview.publish;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.recoveryreview.model.Coverage;
import org.recoveryreview.model.Dataset;
import org.recoveryreview.model.ExitCode;
import org.recoveryreview.model.FileKind;
import org.recoveryreview.model.InputFile;
import org.recoveryreview.model.JobFailure;
import org.recoveryreview.model.Printable;
import org.recoveryreview.model.PublishSettings;
import org.recoveryreview.model.ReviewPeriod;

/**
 * Refuses (exit 65) a month whose session rows look like a missing or misnamed sessions export: no
 * session row although it has assessments and earlier months have sessions, or fewer than {@link
 * PublishSettings#MIN_SESSION_SHARE} of the previous month's (scaled to the days the input covers
 * when the month is not over in it). Such a month would otherwise publish with every adherence band
 * "no data" and patients missing, and replace a good folder without a word.
 */
final class SessionGuard {
  private SessionGuard() {}

  /** Exit 65 unless {@code period}'s session rows look complete or the operator allowed it. */
  public static void requireSessions(
      ReviewPeriod period, Dataset data, Path input, boolean allowed) {
    if (allowed) {
      return;
    }
    Coverage c = data.coverage();
    YearMonth month = period.month();
    Optional<YearMonth> earlier =
        c.sessionRows().entrySet().stream()
            .filter(e -> e.getKey().isBefore(month) && e.getValue() > 0)
            .map(Map.Entry::getKey)
            .max(YearMonth::compareTo);
    if (earlier.isEmpty()) {
      // A programme's first month (or an input without session history) has nothing to compare.
      return;
    }
    long sessions = c.sessionsIn(month);
    if (sessions == 0) {
      refuse(
          period,
          data,
          input,
          month
              + " has "
              + c.assessmentsIn(month)
              + " assessment rows but no session row, while "
              + earlier.get()
              + " has "
              + c.sessionsIn(earlier.get()));
    }
    YearMonth previous = month.minusMonths(1);
    long before = c.sessionsIn(previous);
    // A shard knows the other shards' dates from its month's first day only, so it cannot compare
    // with the month before; the merge, which reads everything, does.
    boolean exact = c.exactFrom().map(d -> !d.isAfter(previous.atDay(1))).orElse(true);
    double expected = before * coveredShare(c, month);
    if (exact && before > 0 && sessions < PublishSettings.MIN_SESSION_SHARE * expected) {
      refuse(
          period,
          data,
          input,
          String.format(
              Locale.ROOT,
              "%s has %d session rows, fewer than half the %d of %s%s",
              month,
              sessions,
              before,
              previous,
              expected < before
                  ? String.format(
                      Locale.ROOT,
                      " (%.0f for the %d days of %s the input covers)",
                      expected,
                      c.last().map(LocalDate::getDayOfMonth).orElse(0),
                      month)
                  : ""));
    }
  }

  /**
   * For {@code --period latest}: exit 65 when a month after {@code latest} has assessments but its
   * session rows look missing. Latest is the month of the last session, so without this a missing
   * October export would make it fall back to September without a word.
   */
  public static void requireLatestIsLast(
      ReviewPeriod latest, Dataset data, Path input, boolean allowed) {
    data.coverage().assessmentRows().entrySet().stream()
        .filter(e -> e.getKey().isAfter(latest.month()) && e.getValue() > 0)
        .map(Map.Entry::getKey)
        .max(YearMonth::compareTo)
        .ifPresent(later -> requireSessions(new ReviewPeriod(later), data, input, allowed));
  }

  /**
   * The share of {@code month} the input covers: the days up to the input's last date when that
   * falls inside the month (a run before the month is over), else all of it.
   */
  private static double coveredShare(Coverage c, YearMonth month) {
    Optional<LocalDate> last = c.last();
    if (last.isPresent() && YearMonth.from(last.get()).equals(month)) {
      return (double) last.get().getDayOfMonth() / month.lengthOfMonth();
    }
    return 1.0;
  }

  private static void refuse(ReviewPeriod period, Dataset data, Path input, String what) {
    List<String> sessionFiles = new ArrayList<>();
    List<String> read = new ArrayList<>();
    for (InputFile f : data.inputFiles()) {
      read.add(f.file());
      if (f.kind() == FileKind.SESSIONS) {
        sessionFiles.add(f.file());
      }
    }
    List<String> unread = unread(input, new HashSet<>(read));
    String label = period.label();
    // Monthly exports named by month make the missing file's name a safe guess.
    boolean monthly = sessionFiles.stream().anyMatch(f -> f.matches("(?i).*\\d{4}-\\d{2}.*"));
    String likely =
        monthly ? "sessions-" + label + ".csv" : "a sessions export with " + label + "'s sessions";
    throw new JobFailure(
        ExitCode.DATA_ERROR,
        "Refusing to publish "
            + label
            + ": "
            + what
            + ", which looks like a missing or misnamed sessions export (no "
            + likely
            + "?); read from "
            + input
            + ": "
            + String.join(", ", read)
            + (unread.isEmpty()
                ? ""
                : "; not read (a sessions export's name must start with 'sessions'): "
                    + String.join(", ", unread))
            + ". Put the month's sessions export in the input folder and re-run, or pass"
            + " --allow-fewer-sessions (config publish.allow_fewer_sessions: true) if the month"
            + " really had so few sessions.");
  }

  /** The CSV files in {@code input} that were not read (a misnamed export among them). */
  private static List<String> unread(Path input, Set<String> read) {
    try (Stream<Path> s = Files.list(input)) {
      return s.map(p -> p.getFileName().toString())
          .filter(n -> !read.contains(n))
          .filter(
              n -> {
                String lower = n.toLowerCase(Locale.ROOT);
                return lower.endsWith(".csv") || lower.endsWith(".csv.gz");
              })
          .sorted()
          .map(Printable::escape)
          .toList();
    } catch (IOException | RuntimeException e) {
      return List.of();
    }
  }
}
