package org.dunbar.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The run's accounting from hand-made tallies: read = accepted + rejected + skipped, per kind. */
class AccountingTest {
  /** A stream file's tallies: 20 tweets, each one post; 4 notices between them. */
  private static Map<String, Long> streamFile() {
    Map<String, Long> t = new HashMap<>();
    t.put("events.read", 24L);
    t.put("events.accepted", 20L);
    t.put("events.rejected", 0L);
    t.put("events.skipped.delete", 1L);
    t.put("events.skipped.limit", 1L);
    t.put("events.skipped.scrub_geo", 1L);
    t.put("events.skipped.status_withheld", 1L);
    t.put("emitted.events", 20L);
    t.put("events.unique", 20L);
    t.put("rows.rejected", 0L);
    return t;
  }

  @Test
  void skippedRecordsBalanceTheRecordsRead() {
    Accounting accounting = new Accounting(streamFile());
    // 24 read = 20 accepted + 0 rejected + 4 skipped (1 + 1 + 1 + 1).
    assertEquals(List.of(), accounting.imbalances());
    assertEquals(4, accounting.skipped("events"));
    assertEquals(
        Map.of("delete", 1L, "limit", 1L, "scrub_geo", 1L, "status_withheld", 1L),
        accounting.skippedByKind("events"));
    assertEquals(0, accounting.skipped("snapshots"));
    // Skipped records are not rejected: the share stays 0.
    assertEquals(0.0, accounting.rejectedFraction());
  }

  @Test
  void aMissingSkipUnbalancesTheKind() {
    Map<String, Long> tallies = streamFile();
    tallies.remove("events.skipped.limit");
    // 24 read but 20 + 0 + 3 = 23 closed.
    assertEquals(
        List.of("events.read = 24 but events.accepted + events.rejected + events.skipped = 23"),
        new Accounting(tallies).imbalances());
  }

  @Test
  void skippedRecordsCountAmongTheRecordsRead() {
    Map<String, Long> tallies = streamFile();
    tallies.put("events.accepted", 19L);
    tallies.put("events.rejected", 1L);
    tallies.put("emitted.events", 19L);
    tallies.put("events.unique", 19L);
    tallies.put("rows.rejected", 1L);
    // 1 rejected of 24 read (19 + 1 + 4): 1 / 24.
    assertEquals(1.0 / 24, new Accounting(tallies).rejectedFraction(), 1e-12);
  }

  @Test
  void theManifestShowsSkippedByKind() {
    @SuppressWarnings("unchecked")
    Map<String, Object> events =
        (Map<String, Object>) new Accounting(streamFile()).toManifest().get("events");
    assertEquals(
        List.of(
            "read",
            "accepted",
            "rejected",
            "skipped",
            "events",
            "unique",
            "duplicates",
            "conflicting_duplicates",
            "unresolved_target",
            "skipped_by_kind",
            "rejected_by_reason",
            "bytes_read",
            "bytes_rejected"),
        List.copyOf(events.keySet()));
    assertEquals(24L, events.get("read"));
    assertEquals(4L, events.get("skipped"));
    assertEquals(
        Map.of("delete", 1L, "limit", 1L, "scrub_geo", 1L, "status_withheld", 1L),
        events.get("skipped_by_kind"));
  }

  @Test
  void unresolvedTargetsBalanceTheEventsNotTheRecords() {
    Map<String, Long> tallies = streamFile();
    // Two of the 20 tweets also quote a deleted tweet and mention a name no user object resolves:
    // 22 events, 20 of them in the tables, 2 dropped by type. The records stay 20 accepted.
    tallies.put("emitted.events", 22L);
    tallies.put("events.unresolved_target.quote", 1L);
    tallies.put("events.unresolved_target.mention", 1L);
    Accounting accounting = new Accounting(tallies);
    assertEquals(List.of(), accounting.imbalances());
    assertEquals(Map.of("mention", 1L, "quote", 1L), accounting.unresolvedTargets());
    @SuppressWarnings("unchecked")
    Map<String, Object> events = (Map<String, Object>) accounting.toManifest().get("events");
    assertEquals(Map.of("mention", 1L, "quote", 1L), events.get("unresolved_target"));
    assertEquals(4L, events.get("skipped"));

    tallies.remove("events.unresolved_target.mention");
    assertEquals(
        List.of(
            "emitted.events = 22 but events.unique + events.duplicates + events.unresolved_target ="
                + " 21"),
        new Accounting(tallies).imbalances());
  }

  /** Tallies of events only: read = accepted + rejected, bytes as given, rejections by label. */
  private static Map<String, Long> rejecting(
      long read, long rejected, long bytesRead, long bytesRejected, Map<String, Long> byLabel) {
    Map<String, Long> t = new HashMap<>();
    t.put("events.read", read);
    t.put("events.accepted", read - rejected);
    t.put("events.rejected", rejected);
    t.put("events.bytes_read", bytesRead);
    t.put("events.bytes_rejected", bytesRejected);
    byLabel.forEach((label, n) -> t.put("events.rejected_by." + label, n));
    return t;
  }

  @Test
  void theFailureNamesBothSharesAndTheDominantReasons() {
    // 412 of 20,000 = 2.06 %; 41,200 of 2,000,000 bytes = 2.06 %: both shown to one decimal.
    Accounting accounting =
        new Accounting(
            rejecting(
                20_000,
                412,
                2_000_000,
                41_200,
                Map.of("missing_field actor", 390L, "bad_timestamp", 22L)));
    assertEquals(
        Optional.of(
            "412 of 20,000 records rejected (2.1 %) and 41,200 of 2,000,000 bytes (2.1 %),"
                + " over max_rejected_fraction 0.01: 390 missing_field actor, 22 bad_timestamp"),
        accounting.rejectionProblem(0.01));
    assertEquals(Optional.empty(), accounting.rejectionProblem(0.05));
  }

  @Test
  void onePageLostWholeFailsOnItsBytesAlone() {
    // 1 of 101 records (0.99 %, under 1 %) but 1,455,006 of 1,780,275 bytes (81.7 %).
    Accounting accounting =
        new Accounting(rejecting(101, 1, 1_780_275, 1_455_006, Map.of("line_too_long", 1L)));
    assertEquals(1.0 / 101, accounting.rejectedFraction(), 1e-12);
    assertEquals(
        Optional.of(
            "1 of 101 records rejected (0.99 %) and 1,455,006 of 1,780,275 bytes (81.7 %),"
                + " over max_rejected_fraction 0.01: 1 line_too_long"),
        accounting.rejectionProblem(0.01));
    assertEquals("0.99 % of records, 81.7 % of bytes", accounting.rejectedShares());
  }

  @Test
  void reasonsPastTheThirdAreSummedAndKindsAreMerged() {
    Map<String, Long> tallies =
        rejecting(
            100,
            14,
            10_000,
            1_400,
            Map.of("unparsable", 5L, "bad_timestamp", 3L, "self_follow", 1L, "unknown_type", 1L));
    tallies.put("snapshots.read", 10L);
    tallies.put("snapshots.accepted", 6L);
    tallies.put("snapshots.rejected", 4L);
    tallies.put("snapshots.rejected_by.bad_timestamp", 1L);
    tallies.put("snapshots.rejected_by.bad_count", 3L);
    // bad_timestamp 3 + 1 = 4, then unparsable 5 first; bad_count 3; self_follow and unknown_type
    // (1 each, ties by name) are the rest: 18 of 110 records.
    assertEquals(
        Optional.of(
            "18 of 110 records rejected (16.4 %) and 1,400 of 10,000 bytes (14.0 %), over"
                + " max_rejected_fraction 0.01: 5 unparsable, 4 bad_timestamp, 3 bad_count and 2"
                + " more (2 other reasons)"),
        new Accounting(tallies).rejectionProblem(0.01));
  }
}
