package org.dunbar.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * pipelines/bluesky.yaml on the hand-made Jetstream capture
 * src/test/resources/bluesky/jetstream.jsonl (15 events, week of Monday 2024-06-10, UTC), on
 * embedded Flink. Every expected row was worked out by hand; the capture, line by line:
 *
 * <ol>
 *   <li>10:00 ann posts p1;
 *   <li>10:30 cat likes p1;
 *   <li>11:00 bob replies to p1 (its createdAt is backdated to the 9th: time_us counts);
 *   <li>12:00 ann replies to bob's reply;
 *   <li>13:00 cat follows ann (record 3kfc1): cat had liked p1, so {@code engaged};
 *   <li>14:00 cat reposts p1;
 *   <li>15:00 cat quotes p1 and mentions bob;
 *   <li>11th 09:00 bob follows ann: they replied to each other, so {@code conversation};
 *   <li>11th 10:00 ann follows bob, who follows her: {@code follow_back};
 *   <li>11th: an identity event, an account event, ann's block, cat's like delete: skipped;
 *   <li>12th 09:00 cat deletes follow 3kfc1: an unfollow of ann, resolved from line 5, 44 h after
 *       the follow: churn;
 *   <li>12th 10:00 bob deletes follow 3kfb0, whose create is not in the capture: unresolved.
 * </ol>
 */
class BlueskyStudyTest {
  private static final String ANN = "did:plc:ann4k2lq7rxz";
  private static final String BOB = "did:web:bob.example.org";
  private static final String CAT = "did:plc:cat7q9vw3mfe";

  @TempDir static Path tmp;
  static Path run;

  @BeforeAll
  static void runTheStudyFileOnEmbeddedFlink() {
    run = Dunbar.run("run", "pipelines/bluesky.yaml", "--output=" + tmp).published();
  }

  @Test
  void accountingCountsSkippedRecordsByKindAndTheUnresolvedUnfollow() {
    // 15 lines = 11 accepted + 4 skipped; the accepted ones make 12 events (cat's quote also
    // mentions bob), of which bob's unfollow has no follow record to resolve from.
    assertEquals(
        "published read=15 accepted=11 rejected=0 skipped=4"
            + " {\"account\":1,\"app.bsky.feed.like.delete\":1,\"app.bsky.graph.block.create\":1,\"identity\":1}"
            + " events=12 unique=11 duplicates=0 unresolved={\"unfollow\":1}",
        EventAccounting.of(run));
  }

  @Test
  void eventTimeIsCheckedBeforeAnyWork() {
    Dunbar bad =
        Dunbar.run("run", "pipelines/bluesky.yaml", "--output=" + tmp, "--event-time=createdAt");
    assertEquals(Cli.BAD_STUDY, bad.exitCode());
    assertEquals(
        "dunbar: inputs.events[0].event_time: 'createdAt' is not one of time_us, created",
        bad.err().strip());
  }

  @Test
  void followerGrowthReplaysTheFollowRecords() {
    // ann: cat (engaged, churned: unfollowed 44 h later) and bob (conversation); ends with bob.
    // bob: ann's follow-back.
    assertEquals(
        List.of(
            ANN + "|2024-06-10|replay|0|1|2|1|1|null|0|1|0|1|0|0|1|1|0|null|null",
            BOB + "|2024-06-10|replay|0|1|1|0|1|null|1|0|0|0|0|0|0|0|0|null|null"),
        Duck.all(run, "follower_growth"));
    assertEquals(
        List.of(
            "0-5|0|2024-06-01|conversation|1|0|0|0|0|0|0|0|false",
            "0-5|0|2024-06-01|engaged|1|1|0|0|0|0|0|0|false",
            "0-5|0|2024-06-01|follow_back|1|0|0|0|0|0|0|0|false"),
        Duck.all(run, "acquisition_cohorts"));
  }

  @Test
  void engagement() {
    assertEquals(
        List.of(
            // ann: 1 post, 1 reply sent; a reply, a quote, a repost and a like received from bob
            // and cat, neither following her yet; answered bob (1 of 2 directed received); 1 / (1 +
            // 1).
            ANN + "|2024-06-10|0-5|0|replay|0|1|1|0|0|0|0|0|1|0|1|0|1|1|2|null|0|null|1|0.5|0.5",
            // cat: follows nobody's followers: no count, band unknown.
            CAT
                + "|2024-06-10|unknown|9|none|null|0|0|1|1|0|1|1|0|0|0|0|0|0|0|null|null|null|0|null|0.0",
            // bob: his reply came before ann's, so he answered neither ann nor cat.
            BOB + "|2024-06-10|0-5|0|replay|0|0|1|0|0|0|0|0|1|1|0|0|0|0|2|null|0|null|1|0.0|0.0"),
        Duck.all(run, "account_engagement"));
    assertEquals(
        List.of(
            "0-5|0|2024-06-10|2|2|0|4|0|null|null|null|null|null|null|0.0|0.0|1.0|false",
            "unknown|9|2024-06-10|1|1|null|0|null|null|null|null|null|null|null|null|0.0|0.0|false"),
        Duck.all(run, "engagement_by_cohort"));
    // ann and bob each have one reciprocal partner and sent it one directed interaction.
    assertEquals(List.of("1|1|2|1.0|1.0|false"), Duck.all(run, "dunbar_curve"));
  }

  @Test
  void network() {
    assertEquals(
        List.of(
            "follow|" + ANN + "|" + BOB + "|1|2024-06-11 10:00:00|true",
            "follow|" + CAT + "|" + ANN + "|1|2024-06-10 13:00:00|false",
            "follow|" + BOB + "|" + ANN + "|1|2024-06-11 09:00:00|true",
            "like|" + CAT + "|" + ANN + "|1|2024-06-10 10:30:00|null",
            "mention|" + CAT + "|" + BOB + "|1|2024-06-10 15:00:00|null",
            "quote|" + CAT + "|" + ANN + "|1|2024-06-10 15:00:00|null",
            "reply|" + ANN + "|" + BOB + "|1|2024-06-10 12:00:00|null",
            "reply|" + BOB + "|" + ANN + "|1|2024-06-10 11:00:00|null",
            "reshare|" + CAT + "|" + ANN + "|1|2024-06-10 14:00:00|null"),
        Duck.rows(
            "select layer, actor, target, events, strftime(first_at at time zone 'UTC', '%Y-%m-%d"
                + " %H:%M:%S'), present_at_end from "
                + Duck.table(run, "interaction_edges")
                + " order by all"));
    assertEquals(
        List.of(
            "any|3|4|6|0|2|0.5|0.3333",
            "directed|3|4|4|0|2|0.5|0.3333",
            "follow|2|2|3|0|2|1.0|1.0",
            "like|2|1|1|0|0|0.0|0.0",
            "mention|2|1|1|0|0|0.0|0.0",
            "message|0|0|0|0|0|null|null",
            "quote|2|1|1|0|0|0.0|0.0",
            "reply|2|2|2|0|2|1.0|1.0",
            "reshare|2|1|1|0|0|0.0|0.0"),
        Duck.rows(
            "select layer, nodes, edges, events, self_loops, reciprocal_edges,"
                + " round(edge_reciprocity, 4), round(pair_reciprocity, 4) from "
                + Duck.table(run, "network_layers")
                + " order by layer"));
    assertEquals(List.of(), Duck.all(run, "rejected"));
  }
}
