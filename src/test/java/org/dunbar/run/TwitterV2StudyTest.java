package org.dunbar.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.dunbar.tables.Table;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The v2 adapter through the whole study on twitter-v2/collection.jsonl (described in
 * TwitterV2FormatTest). @TwitterDev = 2244994945, @TwitterAPI = 6253282, @Twitter =
 * 783214, @TwitterEng = 6844292. @Twitter's tweet T5 is in line 1's includes.tweets, standalone on
 * line 3 and expanded inside @TwitterEng's retweet T4 on line 4; T4 is also in line 1's data.
 */
class TwitterV2StudyTest {
  private static final Path COLLECTION = Path.of("src/test/resources/twitter-v2/collection.jsonl");

  @TempDir static Path tmp;
  static Path run;

  @BeforeAll
  static void runOnTheDirectRunner() {
    // Default settings: nothing in the collection is rejected.
    run =
        Dunbar.run(
                "run",
                "--name=v2",
                "--output=" + tmp,
                "--events=" + COLLECTION,
                "--events-format=twitter-v2",
                "--runner=direct")
            .published();
  }

  @Test
  void everyTablePublishesEvenTheEmptyOnes() throws IOException {
    JsonNode rows = manifest().get("rows");
    // No follow events: no acquisition cohorts, but the table is there, empty, for every reader.
    assertEquals(0, rows.get("acquisition_cohorts").asLong());
    for (Table table : Table.values()) {
      assertEquals(
          List.of(rows.get(table.tableName()).asText()),
          Duck.rows("select count(*) from " + Duck.table(run, table.tableName())),
          table.tableName());
    }
  }

  @Test
  void aTweetStandaloneAndEmbeddedCountsOnce() throws IOException {
    JsonNode events = manifest().get("accounting").get("events");
    // Records: line 1 six (five data tweets, T5 in includes), line 2 one, line 3 one (T5), line 4
    // two (T4 and its expanded T5), lines 5-7 one skipped object each: 13 read = 10 accepted + 0
    // rejected + 3 skipped.
    // Events: line 1 eleven (T1 post + 2 mentions, T2 reply + mention of @Twitter, T3 quote, T4
    // reshare, T6 post + its open mention of @somebody_gone, T5 post + mention), line 2 one
    // self-reply; then T5 again twice (2 + 2) and T4 once: 17 = 11 unique + 5 duplicates + 1
    // unresolved mention.
    assertEquals(List.of(13L, 10L, 0L, 3L, 17L, 11L, 5L, 0L), EventAccounting.counts(run));
    assertEquals("{\"mention\":1}", events.get("unresolved_target").toString());
    // Line 5 a compliance delete event, line 6 a rate-limit problem object, line 7 an empty page.
    assertEquals(
        "{\"delete\":1,\"empty_page\":1,\"error\":1}", events.get("skipped_by_kind").toString());
    // Each edge once: T5's mention of @TwitterDev and T4's reshare, though each was read three or
    // two times.
    assertEquals(
        List.of(
            "mention|2244994945|6253282|1|2021-10-04 17:00:00|2021-10-04 17:00:00|null",
            "mention|2244994945|6844292|1|2021-10-04 17:00:00|2021-10-04 17:00:00|null",
            "mention|6253282|783214|1|2021-10-04 17:16:19|2021-10-04 17:16:19|null",
            "mention|783214|2244994945|1|2021-10-04 17:52:56|2021-10-04 17:52:56|null",
            "quote|783214|2244994945|1|2021-10-04 17:37:52|2021-10-04 17:37:52|null",
            "reply|2244994945|2244994945|1|2020-09-18 18:36:15|2020-09-18 18:36:15|null",
            "reply|6253282|2244994945|1|2021-10-04 17:16:19|2021-10-04 17:16:19|null",
            "reshare|6844292|783214|1|2021-10-04 18:23:00|2021-10-04 18:23:00|null"),
        Duck.rows(
            "select layer, actor, target, events, strftime(first_at at time zone 'UTC', '%Y-%m-%d"
                + " %H:%M:%S'), strftime(last_at at time zone 'UTC', '%Y-%m-%d %H:%M:%S'),"
                + " present_at_end from "
                + Duck.table(run, "interaction_edges")
                + " order by all"));
  }

  @Test
  void nothingIsRejectedAndTheTweetWithAnUnresolvedMentionKeepsTheRest() {
    // The notice, the error and the empty page are valid objects, skipped; T6's mention of
    // @somebody_gone, who has no user object, is skipped as unresolved_target.
    assertEquals(List.of("0"), Duck.rows("select count(*) from " + Duck.table(run, "rejected")));
    // T6 still counts as @TwitterAPI's post of 2021-10-04 (with T2's reply and mention), and the
    // account's follower count comes from the snapshots T6 carried.
    assertEquals(
        List.of("2021-10-04|1|1|1"),
        Duck.rows(
            "select period_start, posts, replies_sent, mentions_sent from "
                + Duck.table(run, "account_engagement")
                + " where account = '6253282'"));
  }

  private static JsonNode manifest() throws IOException {
    return new ObjectMapper().readTree(run.resolve("_manifest.json").toFile());
  }
}
