package org.dunbar.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.dunbar.tables.Table;
import org.junit.jupiter.api.Test;

/**
 * The published run's last lines from hand-made tallies: records and events apart, empty tables
 * named.
 */
class RunSummaryTest {
  /**
   * A tweet file and a snapshot CSV: 252 tweets read = 248 accepted + 1 rejected + 3 skipped
   * notices; 10 snapshot rows, all accepted. The 248 tweets map to 300 events = 290 unique + 8
   * duplicates + 2 unresolved (1 quote, 1 mention).
   */
  private static Map<String, Long> tallies() {
    Map<String, Long> t =
        new HashMap<>(
            Map.ofEntries(
                Map.entry("events.read", 252L),
                Map.entry("events.accepted", 248L),
                Map.entry("events.rejected", 1L),
                Map.entry("events.skipped.delete", 3L),
                Map.entry("events.bytes_read", 100_000L),
                Map.entry("events.bytes_rejected", 500L),
                Map.entry("snapshots.read", 10L),
                Map.entry("snapshots.accepted", 10L),
                Map.entry("emitted.events", 300L),
                Map.entry("events.unique", 290L),
                Map.entry("events.duplicates", 8L),
                Map.entry("events.unresolved_target.quote", 1L),
                Map.entry("events.unresolved_target.mention", 1L)));
    for (Table table : Table.values()) {
      t.put("rows." + table.tableName(), 5L);
    }
    return t;
  }

  @Test
  void theLineCountsRecordsOfEveryKindAndEventsApart() {
    Accounting a = new Accounting(tallies());
    // Records: 262 = 252 + 10 read; 258 = 248 + 10 accepted; rejected 1 of 262 = 0.38 %; 500 of
    // 100,000 bytes = 0.50 %. Events: 300 = 290 + 8 + 2.
    assertEquals(
        "published out/s/runs/r1: records read 262 = accepted 258 + rejected 1 + skipped 3 [delete"
            + " 3] (rejected 0.38 % of records, 0.50 % of bytes); events mapped 300 = unique 290 +"
            + " duplicates 8 + unresolved targets 2",
        RunSummary.line(Path.of("out/s/runs/r1"), a));
    Map<String, Object> fields = RunSummary.fields(Path.of("out/s/runs/r1"), a);
    assertEquals(262L, fields.get("records_read"));
    assertEquals(3L, fields.get("records_skipped"));
    assertEquals(300L, fields.get("events_mapped"));
    assertEquals(2L, fields.get("events_unresolved_targets"));
    assertEquals(0.005, (double) fields.get("rejected_share_bytes"), 1e-12);
  }

  /** The three most frequent kinds of skipped records, of every input kind, ties by name. */
  @Test
  void theLineNamesTheMostFrequentSkippedKinds() {
    Map<String, Long> t = tallies();
    t.putAll(
        Map.of(
            "events.read", 257L,
            "events.skipped.identity", 2L,
            "events.skipped.account", 2L,
            "snapshots.skipped.account", 1L));
    // Skipped: delete 3, account 2 + 1, identity 2; the fourth kind is left to the manifest.
    t.put("events.skipped.app.bsky.graph.block.create", 1L);
    String line = RunSummary.line(Path.of("r"), new Accounting(t));
    assertTrue(line.contains("+ skipped 9 [account 3, delete 3, identity 2, …] (rejected"), line);
  }

  @Test
  void everyEmptyTableButRejectedGetsAWarning() {
    Map<String, Long> t = tallies();
    t.putAll(Map.of("rows.follower_growth", 0L, "rows.dunbar_curve", 0L, "rows.rejected", 0L));
    Map<String, String> warnings = RunSummary.emptyTables(new Accounting(t));
    assertEquals(List.of("follower_growth", "dunbar_curve"), List.copyOf(warnings.keySet()));
    assertEquals(
        "table follower_growth is empty: the input had no follow or unfollow events and no"
            + " follower-count snapshots",
        warnings.get("follower_growth"));
    assertEquals(Map.of(), RunSummary.emptyTables(new Accounting(tallies())));
  }
}
