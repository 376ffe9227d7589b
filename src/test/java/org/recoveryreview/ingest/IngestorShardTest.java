package org.recoveryreview.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.recoveryreview.ingest.TestInput.ASSESSMENTS_HEADER;
import static org.recoveryreview.ingest.TestInput.SESSIONS_HEADER;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.recoveryreview.model.DataIssue;
import org.recoveryreview.model.Dataset;
import org.recoveryreview.model.InputOptions;
import org.recoveryreview.model.ReviewPeriod;
import org.recoveryreview.model.Session;
import org.recoveryreview.shard.Shard;

/**
 * A shard keeps only its patients' rows; together the shards must hold exactly a single run's rows
 * and set-aside rows, and each must see a single run's coverage.
 */
class IngestorShardTest {
  @TempDir Path dir;

  /**
   * Re-exports that move sessions between patients (S8 from P1 to P2 and back, S9 from P2 to P1),
   * duplicates, a rejection, and P2's latest-dated session voided in a later file.
   */
  private TestInput moving() {
    return new TestInput(dir)
        .patients()
        .file(
            "sessions-2026-01.csv",
            SESSIONS_HEADER,
            "S1,P1,2026-01-05,clinic,massage,attended,45,40,",
            "S8,P1,2026-01-09,home,massage,completed,30,,",
            "S9,P2,2026-01-10,home,massage,completed,30,,",
            "S3,P9,2026-01-07,home,massage,completed,30,,")
        .file(
            "sessions-2026-02.csv",
            SESSIONS_HEADER,
            "S1,P1,2026-01-05,clinic,massage,attended,45,40,",
            "S8,P2,2026-01-09,home,massage,completed,30,,",
            "S9,P1,2026-01-10,home,massage,completed,30,,",
            "S10,P2,2026-04-01,clinic,massage,attended,45,45,",
            "S11,P1,2026-03-20,clinic,massage,attended,45,45,")
        .file(
            "sessions-2026-03.csv",
            SESSIONS_HEADER,
            "S8,P1,2026-01-11,home,massage,completed,30,,",
            "S10,P2,2026-04-01,clinic,massage,void,45,,")
        .file(
            "assessments.csv",
            ASSESSMENTS_HEADER,
            "P1,2026-01-15,Kim,2,2,10,2,3,1,12",
            "P2,2026-01-16,Lee,3,,,,,,",
            "P2,2026-01-16,Lee,3,,,,,,");
  }

  private Dataset ingest(Predicate<String> ours) {
    return new Ingestor(InputOptions.defaults(), 2).ingest(dir, ours);
  }

  private static List<String> sessionIds(Dataset d) {
    return d.sessions().stream().map(s -> s.sessionId() + "@" + s.patientId()).toList();
  }

  private static List<String> issues(List<DataIssue> issues) {
    List<String> out = new ArrayList<>();
    issues.stream()
        .sorted(Comparator.comparing(DataIssue::file).thenComparingLong(DataIssue::line))
        .forEach(i -> out.add(i.file() + ":" + i.line() + " " + i.key() + " " + i.action()));
    return out;
  }

  @Test
  void ingest_twoShards_togetherHoldTheSingleRunsRowsAndIssuesOnce() {
    moving();
    Dataset single = ingest(id -> true);
    Dataset first = ingest(id -> id.equals("P1"));
    Dataset second = ingest(id -> !id.equals("P1"));

    assertEquals(List.of("S1@P1", "S8@P1", "S9@P1", "S11@P1"), sessionIds(single));
    assertEquals(List.of("S1@P1", "S8@P1", "S9@P1", "S11@P1"), sessionIds(first));
    assertEquals(List.of(), sessionIds(second));
    assertEquals(1, first.assessments().size());
    assertEquals(1, second.assessments().size());

    List<DataIssue> listed = new ArrayList<>();
    first.issues().stream().filter(new Shard(0, 2)::lists).forEach(listed::add);
    second.issues().stream().filter(new Shard(1, 2)::lists).forEach(listed::add);
    assertEquals(issues(single.issues()), issues(listed));
    assertEquals(
        List.of(
            "assessments.csv:4 P2 2026-01-16 DUPLICATE",
            "sessions-2026-01.csv:3 S8 SUPERSEDED",
            "sessions-2026-01.csv:4 S9 SUPERSEDED",
            "sessions-2026-01.csv:5 S3 REJECTED",
            "sessions-2026-02.csv:2 S1 DUPLICATE",
            "sessions-2026-02.csv:3 S8 SUPERSEDED",
            "sessions-2026-02.csv:5 S10 SUPERSEDED",
            "sessions-2026-03.csv:3 S10 IGNORED"),
        issues(single.issues()));
  }

  @Test
  void ingest_shardWithoutTheLatestRows_coverageIsTheSingleRuns() {
    moving();
    Dataset single = ingest(id -> true);
    // The void S10 (P2, 1 April) counts nowhere; the latest used row is P1's S11 on 20 March.
    assertEquals(Optional.of(LocalDate.of(2026, 3, 20)), single.coverage().last());
    assertEquals(single.coverage(), ingest(id -> id.equals("P1")).coverage());
    assertEquals(single.coverage(), ingest(id -> id.equals("P2")).coverage());
    assertEquals(single.coverage(), ingest(id -> false).coverage());
  }

  @Test
  void ingest_sessionMovedToAnotherShardsPatient_listedAsSupersededByTheShardThatLosesIt() {
    moving();
    Dataset second = ingest(id -> id.equals("P2"));
    // S9 was P2's until the February file gave it to P1: P2's shard lists it, P1's does not.
    assertEquals(
        List.of("sessions-2026-01.csv:4 S9 SUPERSEDED"),
        issues(
            second.issues().stream()
                .filter(i -> i.key().equals("S9"))
                .filter(new Shard(1, 2)::lists)
                .toList()));
    Dataset first = ingest(id -> id.equals("P1"));
    assertEquals(List.of(), first.issues().stream().filter(i -> i.key().equals("S9")).toList());
    Session s9 =
        first.sessions().stream().filter(s -> s.sessionId().equals("S9")).findFirst().orElseThrow();
    assertEquals("P1", s9.patientId());
  }

  @Test
  void ingest_otherDatesFromTheMonthsStart_coverageExactFromThatDayOn() {
    moving();
    Dataset single = ingest(id -> true);
    Dataset second =
        new Ingestor(InputOptions.defaults(), 2)
            .ingest(dir, id -> id.equals("P2"), Optional.of(LocalDate.of(2026, 3, 1)));
    // P1's S11 on 20 March is after the floor: the P2 shard still dates its reports by it.
    assertEquals(single.coverage().last(), second.coverage().last());
    assertEquals(single.coverage().lastSession(), second.coverage().lastSession());
    assertEquals(
        single.dataAsOf(new ReviewPeriod(YearMonth.of(2026, 3))),
        second.dataAsOf(new ReviewPeriod(YearMonth.of(2026, 3))));
    assertTrue(second.coverage().covers(new ReviewPeriod(YearMonth.of(2026, 3))));
    // Before the floor it knows only its own rows: P2's assessment of 16 January.
    assertEquals(Optional.of(LocalDate.of(2026, 1, 16)), second.coverage().first());
    assertEquals(Optional.of(LocalDate.of(2026, 3, 1)), second.coverage().exactFrom());
  }

  @Test
  void ingest_everyoneOurs_sameDatasetAsWithoutAFilter() {
    moving();
    assertEquals(new Ingestor(InputOptions.defaults(), 2).ingest(dir), ingest(id -> true));
  }
}
