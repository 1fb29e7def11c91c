package org.dunbar.run;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.dunbar.tables.Table;

/**
 * What a published run says last: one line that keeps records apart from events, and a warning for
 * each table that came out empty. Records are what the inputs hold (a tweet, a Jetstream commit, a
 * CSV row: read = accepted + rejected + skipped, of every input kind); events are what the accepted
 * records were mapped to (a tweet can be a post, a reply and two mentions: mapped = unique +
 * duplicates + unresolved targets), as the manifest's accounting counts them.
 */
final class RunSummary {
  /**
   * Why each table can come out empty; the rejected table is empty when all is well, and
   * network_layers always has its nine rows.
   */
  private static final Map<Table, String> EMPTY_BECAUSE =
      new EnumMap<>(
          Map.of(
              Table.FOLLOWER_GROWTH, "no follow or unfollow events and no follower-count snapshots",
              Table.ACQUISITION_COHORTS,
                  "no effective follows (follow events that made a new follow edge)",
              Table.ACCOUNT_ENGAGEMENT, "no posts or interactions",
              Table.ENGAGEMENT_BY_COHORT, "no account_engagement rows",
              Table.DUNBAR_CURVE, "no reciprocal ties (two accounts interacting both ways)",
              Table.INTERACTION_EDGES, "no events between two accounts"));

  /** How many kinds of skipped records the line names; a Jetstream capture can have dozens. */
  private static final int SKIPPED_KINDS_SHOWN = 3;

  private RunSummary() {}

  /**
   * The summary line's words, e.g. "published out/s/runs/R: records read 252 = accepted 250 +
   * rejected 1 + skipped 1 [delete 1] (rejected 0.40 % of records, 0.12 % of bytes); events mapped
   * 640 = unique 612 + duplicates 26 + unresolved targets 2".
   */
  static String line(Path runDir, Accounting a) {
    return String.format(
        Locale.ROOT,
        "published %s: records read %,d = accepted %,d + rejected %,d + skipped %,d%s"
            + " (rejected %s); events mapped %,d = unique %,d + duplicates %,d + unresolved"
            + " targets %,d",
        runDir,
        a.total(".read"),
        a.total(".accepted"),
        a.total(".rejected"),
        a.skippedRecords(),
        skippedKinds(a),
        a.rejectedShares(),
        a.get("emitted.events"),
        a.get("events.unique"),
        a.get("events.duplicates"),
        a.unresolvedTargetCount());
  }

  /**
   * What the skipped records are, the {@value #SKIPPED_KINDS_SHOWN} most frequent first (ties by
   * name), e.g. " [identity 2, account 1, app.bsky.graph.block.create 1, …]"; the manifest has them
   * all. Empty when nothing was skipped.
   */
  private static String skippedKinds(Accounting a) {
    Map<String, Long> byKind = a.skippedByWhat();
    if (byKind.isEmpty()) {
      return "";
    }
    String shown =
        byKind.entrySet().stream()
            .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
            .limit(SKIPPED_KINDS_SHOWN)
            .map(e -> String.format(Locale.ROOT, "%s %,d", e.getKey(), e.getValue()))
            .collect(Collectors.joining(", "));
    return " [" + shown + (byKind.size() > SKIPPED_KINDS_SHOWN ? ", …]" : "]");
  }

  /** The line's counts as JSON log fields. */
  static Map<String, Object> fields(Path runDir, Accounting a) {
    return StderrLog.fields(
        "run_dir",
        runDir.toString(),
        "records_read",
        a.total(".read"),
        "records_accepted",
        a.total(".accepted"),
        "records_rejected",
        a.total(".rejected"),
        "records_skipped",
        a.skippedRecords(),
        "rejected_share_records",
        a.rejectedFraction(),
        "rejected_share_bytes",
        a.rejectedByteFraction(),
        "events_mapped",
        a.get("emitted.events"),
        "events_unique",
        a.get("events.unique"),
        "events_duplicates",
        a.get("events.duplicates"),
        "events_unresolved_targets",
        a.unresolvedTargetCount());
  }

  /**
   * One warning per table without rows (the rejected table aside), by table name in table order,
   * e.g. dunbar_curve → "table dunbar_curve is empty: the input had no reciprocal ties (...)".
   */
  static Map<String, String> emptyTables(Accounting a) {
    Map<String, String> warnings = new LinkedHashMap<>();
    EMPTY_BECAUSE.forEach(
        (table, because) -> {
          if (a.get("rows." + table.tableName()) == 0) {
            warnings.put(
                table.tableName(),
                "table " + table.tableName() + " is empty: the input had " + because);
          }
        });
    return warnings;
  }
}
