package org.dunbar.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
    assertEquals(Map.of("delete", 1L, "limit", 1L, "scrub_geo", 1L, "status_withheld", 1L), accounting.skippedByKind("events"));
    assertEquals(0, accounting.skipped("snapshots"));
    // Skipped records are not rejected: the share stays 0.
    assertEquals(0.0, accounting.rejectedFraction());
  }

  @Test
  void aMissingSkipUnbalancesTheKind() {
    Map<String, Long> tallies = streamFile();
    tallies.remove("events.skipped.limit");
    // 24 read but 20 + 0 + 3 = 23 closed.
    assertEquals(List.of("events.read = 24 but events.accepted + events.rejected + events.skipped = 23"),
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
    Map<String, Object> events = (Map<String, Object>) new Accounting(streamFile()).toManifest().get("events");
    assertEquals(List.of("read", "accepted", "rejected", "skipped", "events", "unique", "duplicates", "conflicting_duplicates",
        "unresolved_target", "skipped_by_kind", "rejected_by_reason", "bytes_read", "bytes_rejected"), List.copyOf(events.keySet()));
    assertEquals(24L, events.get("read"));
    assertEquals(4L, events.get("skipped"));
    assertEquals(Map.of("delete", 1L, "limit", 1L, "scrub_geo", 1L, "status_withheld", 1L), events.get("skipped_by_kind"));
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
    assertEquals(List.of("emitted.events = 22 but events.unique + events.duplicates + events.unresolved_target = 21"),
        new Accounting(tallies).imbalances());
  }
}
