package org.dunbar.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15 end to end: pipelines/twitter-missing-references.yaml with its default settings
 * (embedded Flink, max_rejected_fraction 0.01) over twarc2 search pages, twarc2 flattened lines and
 * a twarc v1.1 stream whose quotes, retweets and mentions name tweets and accounts the payloads
 * left out (the collection is described in formats/twitter/MissingReferencesTest). Before, 10 of
 * its 17 tweets were rejected and the run failed with exit 4; now every tweet is kept and the run
 * publishes. Users: ana 1100000001, ben ...02, cat ...03, dan ...04, fox ...06.
 */
class TwitterMissingReferencesStudyTest {
  @TempDir static Path tmp;
  static Path run;

  @BeforeAll
  static void runTheStudyWithItsDefaults() {
    run =
        Dunbar.run("run", "pipelines/twitter-missing-references.yaml", "--output=" + tmp)
            .published();
  }

  @Test
  void everyTweetIsKeptAndOnlyTheUnresolvableEventsAreSkipped() throws IOException {
    JsonNode events =
        new ObjectMapper()
            .readTree(run.resolve("_manifest.json").toFile())
            .get("accounting")
            .get("events");
    // Records: pages 6 + 3, flattened 5 (T108 carries T106), stream 4 (one a delete notice).
    // Events: page 1 eleven (T105 1, T104 2, T103 1, T102 1, T101 3 and its includes copy 3),
    // page 2 three, flattened eight (T901 1, T108 2, T106 1, T109 1, T110 3), stream three: 25.
    // Copies: T101's three events and T106's post. Of the 21 distinct events, five name nobody the
    // input identifies: the reshare of T903, the quotes of T902 and T905, the mentions of
    // @eve_gone and @ghost_acct. Four open ones resolve: T102 -> fox (T900, page 2), T103 -> fox
    // (T901, flattened), T109 -> ana (T904, the v1.1 stream), T111 -> fox (T900, a v2 page).
    assertEquals(List.of(18L, 17L, 0L, 1L, 25L, 16L, 4L, 0L), EventAccounting.counts(run));
    assertEquals(
        "{\"mention\":2,\"quote\":2,\"reshare\":1}", events.get("unresolved_target").toString());
    assertEquals("{\"delete\":1}", events.get("skipped_by_kind").toString());
    assertEquals(List.of("0"), Duck.rows("select count(*) from " + Duck.table(run, "rejected")));
  }

  @Test
  void quotesAndRetweetsResolveAcrossPagesFilesAndApiVersions() {
    assertEquals(
        List.of(
            "mention|ana|ben|1|09:00|09:00",
            "mention|ben|ana|1|21:00|21:00",
            "mention|dan|cat|1|18:05|18:05",
            "quote|ana|fox|1|22:10|22:10",
            "quote|ben|fox|2|10:15|17:20",
            "quote|cat|ana|1|19:40|19:40",
            "reply|dan|ana|1|12:45|12:45",
            "reply|dan|fox|1|18:05|18:05",
            "reshare|cat|fox|1|11:30|11:30"),
        Duck.rows(
            "select layer, "
                + name("actor")
                + ", "
                + name("target")
                + ", events, strftime(first_at at time zone 'UTC', '%H:%M'), strftime(last_at at"
                + " time zone 'UTC', '%H:%M') from "
                + Duck.table(run, "interaction_edges")
                + " order by all"));
  }

  @Test
  void theTweetsWithOpenReferencesStillCountForTheirAuthors() {
    // Week of 2022-02-28. ana: posts T101 and T904, mentions ben (eve is skipped), quotes fox
    // (T111); her retweet of the missing T903 is skipped. She receives dan's reply, ben's mention
    // and cat's quote. fox: posts T900, T901 and T106; receives three quotes (ben twice, ana),
    // dan's reply (whose mention of fox is the reply itself) and cat's reshare. Counts from
    // snapshots.
    assertEquals(
        List.of("ana|2|1|1|0|1|1|1|0|3|1520|1501-5000", "fox|3|0|0|0|1|0|3|1|4|250400|50001+"),
        Duck.rows(
            "select "
                + name("account")
                + ", posts, mentions_sent, quotes_sent, reshares_sent, replies_received,"
                + " mentions_received, quotes_received, reshares_received, engagers,"
                + " followers_start, audience_band from "
                + Duck.table(run, "account_engagement")
                + " where account in ('1100000001', '1100000006') order by account"));
  }

  /** The fixture's user ids by name, so that rows read as the collection's story. */
  private static String name(String column) {
    return "case "
        + column
        + " when '1100000001' then 'ana' when '1100000002' then 'ben' when '1100000003' then 'cat'"
        + " when '1100000004' then 'dan' when '1100000006' then 'fox' else "
        + column
        + " end";
  }
}
