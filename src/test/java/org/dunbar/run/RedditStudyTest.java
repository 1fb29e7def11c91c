package org.dunbar.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * pipelines/reddit.yaml on a hand-made r/birding thread (src/test/resources/reddit:
 * RS_2023-03.jsonl plain, RC_2023-03.zst compressed), on embedded Flink. Every expected row was
 * worked out by hand:
 *
 * <ul>
 *   <li>RS: quiet_heron's submission t3_11ab (Mon 2023-03-06 09:00 UTC); t3_11ac by [deleted]:
 *       skipped;
 *   <li>RC: Mossy-Otter comments on t3_11ab (10:00); quiet_heron answers Mossy-Otter's comment
 *       (11:00, created_utc written as a string); [deleted] answers that (skipped); fern_gully
 *       answers the deleted comment and comments on t3_0zzz, outside the dump (both unresolved);
 *       fern_gully answers Mossy-Otter (Tue 08:00).
 * </ul>
 */
class RedditStudyTest {
  @TempDir static Path tmp;
  static Path run;

  @BeforeAll
  static void runTheStudyFileOnEmbeddedFlink() {
    run = Dunbar.run("run", "pipelines/reddit.yaml", "--output=" + tmp).published();
  }

  @Test
  void accountingCountsDeletedAuthorsAndUnresolvedParents() {
    // 2 submissions + 6 comments, 2 by [deleted]; 6 events, 2 of them replies to a parent that
    // names no author in the input.
    assertEquals(
        "published read=8 accepted=6 rejected=0 skipped=2 {\"deleted_author\":2}"
            + " events=6 unique=4 duplicates=0 unresolved={\"reply\":2}",
        EventAccounting.of(run));
  }

  @Test
  void withoutFollowsThereIsNoGrowth() {
    // Reddit has no follows and no follower counts: these tables are empty (the empty-table file
    // of a partitioned table has no partition column).
    assertEquals(
        List.of("0"), Duck.rows("select count(*) from " + Duck.table(run, "follower_growth")));
    assertEquals(
        List.of("0"), Duck.rows("select count(*) from " + Duck.table(run, "acquisition_cohorts")));
    assertEquals(
        List.of("follow|0|0|0"),
        Duck.rows(
            "select layer, nodes, edges, events from "
                + Duck.table(run, "network_layers")
                + " where layer = 'follow'"));
  }

  @Test
  void engagementAndConversation() {
    assertEquals(
        List.of(
            // Mossy-Otter: replied to by quiet_heron (11:00) and fern_gully, after its own comment:
            // answered neither.
            "Mossy-Otter|2023-03-06|unknown|9|none|null|0|1|0|0|0|0|0|2|0|0|0|0|0|2|null|null|null|1|0.0|0.0",
            "fern_gully|2023-03-06|unknown|9|none|null|0|1|0|0|0|0|0|0|0|0|0|0|0|0|null|null|null|0|null|0.0",
            // quiet_heron: the submission, and the answer to Mossy-Otter's comment an hour later.
            "quiet_heron|2023-03-06|unknown|9|none|null|1|1|0|0|0|0|0|1|0|0|0|0|0|1|null|null|null|1|1.0|0.5"),
        Duck.all(run, "account_engagement"));
    assertEquals(
        List.of(
            "unknown|9|2023-03-06|3|3|null|3|null|null|null|null|null|null|null|0.0|0.0|false|0.6667"),
        Duck.rows(
            "select * exclude (conversation_partners_mean), round(conversation_partners_mean, 4)"
                + " from "
                + Duck.table(run, "engagement_by_cohort")));
    assertEquals(List.of("1|1|2|1.0|1.0|false"), Duck.all(run, "dunbar_curve"));
  }

  @Test
  void theReplyLayerIsTheThread() {
    assertEquals(
        List.of(
            "reply|Mossy-Otter|quiet_heron|1|2023-03-06 10:00:00",
            "reply|fern_gully|Mossy-Otter|1|2023-03-07 08:00:00",
            "reply|quiet_heron|Mossy-Otter|1|2023-03-06 11:00:00"),
        Duck.rows(
            "select layer, actor, target, events, strftime(first_at at time zone 'UTC', '%Y-%m-%d"
                + " %H:%M:%S') from "
                + Duck.table(run, "interaction_edges")
                + " order by all"));
    assertEquals(
        List.of("reply|3|3|3|0|2|0.6667|0.5"),
        Duck.rows(
            "select layer, nodes, edges, events, self_loops, reciprocal_edges,"
                + " round(edge_reciprocity, 4), round(pair_reciprocity, 4) from "
                + Duck.table(run, "network_layers")
                + " where layer = 'reply'"));
    assertEquals(List.of(), Duck.all(run, "rejected"));
  }
}
