package org.dunbar.formats.twitter;

import static org.dunbar.formats.twitter.Fixtures.DEFAULT_BOUNDS;
import static org.dunbar.formats.twitter.Fixtures.event;
import static org.dunbar.formats.twitter.Fixtures.micros;
import static org.dunbar.formats.twitter.Fixtures.parse;
import static org.dunbar.formats.twitter.Fixtures.snapshot;
import static org.dunbar.formats.twitter.Fixtures.v1Payload;
import static org.dunbar.formats.twitter.Fixtures.withoutOrigin;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.dunbar.formats.TimeBounds;
import org.dunbar.records.Event;
import org.junit.jupiter.api.Test;

/**
 * The v1.1 adapter on python-twitter's real API responses (each file is one line holding the
 * response) and on a twarc-style stream written from the v1.1 documentation. Expected values were
 * read off the JSON by hand.
 */
class TwitterV1FormatTest {
  private static final TwitterV1Format FORMAT =
      new TwitterV1Format(DEFAULT_BOUNDS, TwitterV1Format.DEFAULT_SNAPSHOT_TIME);

  @Test
  void homeTimelineCountsEveryTweetObjectIncludingEmbeddedOnes() {
    CollectingSink sink = parse(FORMAT, v1Payload("get_home_timeline.json"));

    // 20 tweets, 14 of them retweets embedding their original, one original quoting another.
    assertEquals(35, sink.records());
    assertEquals(35, sink.accepted);
    assertEquals(Map.of("reshare", 14L, "post", 20L, "mention", 3L, "quote", 1L), typeCounts(sink));
    assertEquals(38, sink.events.size());
    assertEquals(35, sink.snapshots.size());
    assertEquals(0, sink.withoutMoment);
  }

  @Test
  void retweetIsOnlyAReshareAndTheOriginalKeepsItsOwnMentions() {
    CollectingSink sink = parse(FORMAT, v1Payload("get_home_timeline.json"));
    String src = "get_home_timeline.json";

    // @__jcbl__ retweets @v21, whose tweet mentions @zeynep: the retweet's copied
    // user_mentions (v21, zeynep) are not the retweeter's.
    assertEquals(
        List.of(
            event(
                "tweet:669593412631265280:reshare",
                "reshare",
                "372018022",
                "17271646",
                "669593412631265280",
                "669583784786964480",
                "2015-11-25T19:08:04Z",
                src,
                1)),
        sink.eventsOfTweet("669593412631265280"));
    assertEquals(
        List.of(
            event(
                "tweet:669583784786964480:post",
                "post",
                "17271646",
                null,
                "669583784786964480",
                null,
                "2015-11-25T18:29:49Z",
                src,
                1),
            event(
                "tweet:669583784786964480:mention:65375759",
                "mention",
                "17271646",
                "65375759",
                "669583784786964480",
                null,
                "2015-11-25T18:29:49Z",
                src,
                1)),
        sink.eventsOfTweet("669583784786964480"));
    // The embedded author's counts arrived with the retweet, so they date from its creation.
    assertEquals(
        List.of(snapshot("17271646", "2015-11-25T19:08:04Z", 2907, 1120, 35351, src, 1)),
        sink.snapshotsOf("17271646"));
    assertTrue(
        sink.snapshotsOf("372018022")
            .contains(snapshot("372018022", "2015-11-25T19:08:04Z", 50, 285, 311, src, 1)));
  }

  @Test
  void retweetOfAQuoteYieldsTheQuoteAndTheQuotedPost() {
    CollectingSink sink = parse(FORMAT, v1Payload("get_home_timeline.json"));
    String src = "get_home_timeline.json";

    assertEquals(
        List.of(
            event(
                "tweet:668246004051873793:reshare",
                "reshare",
                "372018022",
                "604940737",
                "668246004051873793",
                "668245508411006977",
                "2015-11-22T01:53:57Z",
                src,
                1)),
        sink.eventsOfTweet("668246004051873793"));
    assertEquals(
        List.of(
            event(
                "tweet:668245508411006977:quote",
                "quote",
                "604940737",
                "93069110",
                "668245508411006977",
                "668239849581903872",
                "2015-11-22T01:51:59Z",
                src,
                1)),
        sink.eventsOfTweet("668245508411006977"));
    assertEquals(
        List.of(
            event(
                "tweet:668239849581903872:post",
                "post",
                "93069110",
                null,
                "668239849581903872",
                null,
                "2015-11-22T01:29:30Z",
                src,
                1)),
        sink.eventsOfTweet("668239849581903872"));
    assertEquals(
        List.of(snapshot("604940737", "2015-11-22T01:53:57Z", 32021, 695, 61448, src, 1)),
        sink.snapshotsOf("604940737"));
    assertEquals(
        List.of(snapshot("93069110", "2015-11-22T01:53:57Z", 72878, 2431, 87142, src, 1)),
        sink.snapshotsOf("93069110"));
  }

  @Test
  void mentionsTimelineRepliesQuotesAndMentions() {
    CollectingSink sink = parse(FORMAT, v1Payload("get_mentions.json"));
    String src = "get_mentions.json";

    // 19 tweets, two quoting an embedded tweet.
    assertEquals(21, sink.records());
    assertEquals(21, sink.accepted);
    assertEquals(Map.of("reply", 13L, "post", 6L, "mention", 15L, "quote", 2L), typeCounts(sink));
    assertEquals(21, sink.snapshots.size());

    // Replies to @merveille, mentioning her and @himawari8bot: the reply counts her once.
    assertEquals(
        List.of(
            event(
                "tweet:674322457717694469:reply",
                "reply",
                "372018022",
                "14868530",
                "674322457717694469",
                "674285923211849728",
                "2015-12-08T20:19:36Z",
                src,
                1),
            event(
                "tweet:674322457717694469:mention:4040207472",
                "mention",
                "372018022",
                "4040207472",
                "674322457717694469",
                null,
                "2015-12-08T20:19:36Z",
                src,
                1)),
        sink.eventsOfTweet("674322457717694469"));

    String post = "675710124057432065";
    String ts = "2015-12-12T16:13:42Z";
    assertEquals(
        List.of(
            event("tweet:" + post + ":post", "post", "221783224", null, post, null, ts, src, 1),
            event(
                "tweet:" + post + ":mention:471741741",
                "mention",
                "221783224",
                "471741741",
                post,
                null,
                ts,
                src,
                1),
            event(
                "tweet:" + post + ":mention:18839785",
                "mention",
                "221783224",
                "18839785",
                post,
                null,
                ts,
                src,
                1),
            event(
                "tweet:" + post + ":mention:4040207472",
                "mention",
                "221783224",
                "4040207472",
                post,
                null,
                ts,
                src,
                1)),
        sink.eventsOfTweet(post));
    assertEquals(
        List.of(snapshot("221783224", ts, 561, 1268, 66320, src, 1)),
        sink.snapshotsOf("221783224"));
  }

  @Test
  void quoteTargetsTheQuotedAuthorAndTheQuotedTweetIsARecord() {
    CollectingSink sink = parse(FORMAT, v1Payload("get_mentions.json"));
    String src = "get_mentions.json";

    assertEquals(
        List.of(
            event(
                "tweet:674691080227540993:quote",
                "quote",
                "806620844",
                "20060293",
                "674691080227540993",
                "674686215954808832",
                "2015-12-09T20:44:23Z",
                src,
                1),
            event(
                "tweet:674691080227540993:mention:4040207472",
                "mention",
                "806620844",
                "4040207472",
                "674691080227540993",
                null,
                "2015-12-09T20:44:23Z",
                src,
                1)),
        sink.eventsOfTweet("674691080227540993"));
    assertEquals(
        List.of(
            event(
                "tweet:674686215954808832:post",
                "post",
                "20060293",
                null,
                "674686215954808832",
                null,
                "2015-12-09T20:25:03Z",
                src,
                1)),
        sink.eventsOfTweet("674686215954808832"));
    assertEquals(
        List.of(snapshot("20060293", "2015-12-09T20:44:23Z", 291471, 593, 13097, src, 1)),
        sink.snapshotsOf("20060293"));
  }

  @Test
  void userTimelineKeepsASelfReply() {
    CollectingSink sink = parse(FORMAT, v1Payload("get_user_timeline.json"));
    String src = "get_user_timeline.json";

    assertEquals(21, sink.records());
    assertEquals(Map.of("post", 12L, "reply", 8L, "quote", 1L), typeCounts(sink));
    assertEquals(
        List.of(
            event(
                "tweet:670679827960041472:reply",
                "reply",
                "673483",
                "673483",
                "670679827960041472",
                "670676153867198464",
                "2015-11-28T19:05:06Z",
                src,
                1)),
        sink.eventsOfTweet("670679827960041472"));
    assertEquals(
        List.of(
            event(
                "tweet:671755091368546304:quote",
                "quote",
                "673483",
                "767",
                "671755091368546304",
                "671749140251090944",
                "2015-12-01T18:17:49Z",
                src,
                1)),
        sink.eventsOfTweet("671755091368546304"));
  }

  @Test
  void retweetsOfOneTweetRepeatItsEventsWithOneIdAndItsAuthorAtEachRetweet() {
    CollectingSink sink = parse(FORMAT, v1Payload("get_retweets.json"));
    String src = "get_retweets.json";

    assertEquals(28, sink.records());
    assertEquals(Map.of("reshare", 14L, "post", 14L), typeCounts(sink));
    assertEquals(28, sink.snapshots.size());
    assertEquals(
        List.of(
            event(
                "tweet:672419773767028736:reshare",
                "reshare",
                "2883171442",
                "12",
                "672419773767028736",
                "397",
                "2015-12-03T14:19:01Z",
                src,
                1)),
        sink.eventsOfTweet("672419773767028736"));
    assertEquals(
        List.of(snapshot("2883171442", "2015-12-03T14:19:01Z", 572, 1, 1091, src, 1)),
        sink.snapshotsOf("2883171442"));
    // @jack's 3,278,945 followers were seen in 2015, not when he wrote tweet 397 in 2006.
    assertEquals(14, sink.snapshotsOf("12").size());
    assertTrue(
        sink.snapshotsOf("12")
            .contains(snapshot("12", "2015-12-03T14:19:01Z", 3278945, 1726, 18013, src, 1)));
    assertTrue(
        sink.snapshotsOf("12").stream().allMatch(s -> s.getTs() > micros("2015-01-01T00:00:00Z")));
  }

  @Test
  void theSameTweetStandaloneAndEmbeddedYieldsTheSameEvent() {
    CollectingSink standalone = parse(FORMAT, v1Payload("get_status.json"));
    CollectingSink embedded = parse(FORMAT, v1Payload("get_retweets.json"));

    Event post397 =
        new Event(
            "tweet:397:post",
            "post",
            "12",
            null,
            "397",
            null,
            1143400628000000L,
            "get_status.json",
            1L);
    assertEquals(List.of(post397), standalone.events);
    assertEquals(
        List.of(snapshot("12", "2006-03-26T19:17:08Z", 3278945, 1726, 18013, "get_status.json", 1)),
        standalone.snapshots);
    List<Event> copies = withoutOrigin(embedded.eventsOfTweet("397"));
    assertEquals(14, copies.size());
    assertEquals(
        List.of(withoutOrigin(List.of(post397)).get(0)), copies.stream().distinct().toList());
  }

  @Test
  void singleTweetsAndSearchResponses() {
    CollectingSink alt = parse(FORMAT, v1Payload("get_status_ext_alt.json"));
    String src = "get_status_ext_alt.json";
    assertEquals(1, alt.records());
    assertEquals(
        List.of(
            event(
                "tweet:724441953534877696:post",
                "post",
                "571202103",
                null,
                "724441953534877696",
                null,
                "2016-04-25T03:36:35Z",
                src,
                1),
            event(
                "tweet:724441953534877696:mention:2153490764",
                "mention",
                "571202103",
                "2153490764",
                "724441953534877696",
                null,
                "2016-04-25T03:36:35Z",
                src,
                1)),
        alt.events);
    assertEquals(
        List.of(snapshot("571202103", "2016-04-25T03:36:35Z", 1727713, 145, 14794, src, 1)),
        alt.snapshots);

    CollectingSink search = parse(FORMAT, v1Payload("get_search.json"));
    assertEquals(1, search.records());
    assertEquals(
        List.of(
            event(
                "tweet:674342688083283970:post",
                "post",
                "58309829",
                null,
                "674342688083283970",
                null,
                "2015-12-08T21:40:00Z",
                "get_search.json",
                1)),
        search.events);
    assertEquals(
        List.of(
            snapshot(
                "58309829", "2015-12-08T21:40:00Z", 3914587, 2263, 33910, "get_search.json", 1)),
        search.snapshots);
  }

  @Test
  void retrievalTimeIsMissingInV1PayloadsSoNoSnapshotIsMade() {
    TwitterV1Format retrieved = new TwitterV1Format(DEFAULT_BOUNDS, SnapshotTime.RETRIEVED);
    CollectingSink sink = parse(retrieved, v1Payload("get_retweets.json"));

    assertEquals(28, sink.accepted);
    assertEquals(28, sink.events.size());
    assertEquals(List.of(), sink.snapshots);
    assertEquals(28, sink.withoutMoment);
  }

  @Test
  void tweetsOutsideTheBoundsAreRejectedOneByOneWithTheirOwnText() throws Exception {
    TwitterV1Format since2010 =
        new TwitterV1Format(
            new TimeBounds(micros("2010-01-01T00:00:00Z"), null), SnapshotTime.CREATED);
    Path file = v1Payload("get_retweets.json");
    CollectingSink sink = parse(since2010, file);

    assertEquals(28, sink.records());
    assertEquals(14, sink.accepted);
    assertEquals(Map.of("reshare", 14L), typeCounts(sink));
    assertEquals(14, sink.snapshots.size());
    assertEquals(14, sink.rejected.size());
    ObjectMapper json = new ObjectMapper();
    String line = Fixtures.line(file, 1);
    for (CollectingSink.Rejected r : sink.rejected) {
      assertEquals("ts_out_of_range", r.reason());
      assertEquals(
          "created_at 2006-03-26T19:17:08Z is outside the study's time bounds", r.detail());
      assertTrue(line.contains(r.raw()), "raw is a piece of the line, byte for byte");
      assertTrue(
          r.raw().startsWith("{\"created_at\":\"Sun Mar 26 19:17:08 +0000 2006\",\"id\":397,"));
      assertEquals(json.readTree(line).get(0).get("retweeted_status"), json.readTree(r.raw()));
    }
  }

  @Test
  void streamedLinesWithExtendedTweetsAndNotices() {
    CollectingSink sink = parse(FORMAT, Fixtures.resource("twitter-v1/stream.jsonl"));
    String src = "stream.jsonl";

    assertEquals(6, sink.records());
    assertEquals(3, sink.accepted);
    // extended_tweet's entities hold the mentions cut from the truncated text; @TwitterAPI twice is
    // one mention.
    String id = "1445078208190291968";
    String ts = "2021-10-04T17:00:00Z";
    assertEquals(
        List.of(
            event("tweet:" + id + ":post", "post", "2244994945", null, id, null, ts, src, 1),
            event(
                "tweet:" + id + ":mention:6253282",
                "mention",
                "2244994945",
                "6253282",
                id,
                null,
                ts,
                src,
                1),
            event(
                "tweet:" + id + ":mention:783214",
                "mention",
                "2244994945",
                "783214",
                id,
                null,
                ts,
                src,
                1)),
        sink.eventsOfTweet(id));
    assertEquals(
        List.of(
            snapshot("2244994945", ts, 518232, 2032, 3659, src, 1),
            snapshot("2244994945", "2020-09-18T18:36:15Z", 506432, 2035, 3630, src, 4),
            snapshot("6844292", "2021-10-04T19:02:11Z", 1504231, 227, 3079, src, 5)),
        sink.snapshots);
    assertEquals(
        List.of(
            event(
                "tweet:1307025659294674945:reply",
                "reply",
                "2244994945",
                "2244994945",
                "1307025659294674945",
                "1304102743196356610",
                "2020-09-18T18:36:15Z",
                src,
                4)),
        sink.eventsOfTweet("1307025659294674945"));
    // Lines 2 and 3, a delete and a limit notice, are valid stream messages: skipped, not rejected.
    assertEquals(List.of("delete", "limit"), sink.skipped);
    // Line 5 quotes a tweet the stream left out (deleted or protected): the quote keeps the quoted
    // id and leaves its author to a copy of that tweet elsewhere in the input; its author's
    // snapshot (above) stays.
    assertEquals(
        List.of(
            new Event(
                "tweet:1445111000000000000:quote",
                "quote",
                "6844292",
                null,
                "1445111000000000000",
                "1300000000000000000",
                micros("2021-10-04T19:02:11Z"),
                src,
                5L)),
        sink.eventsOfTweet("1445111000000000000"));
    assertEquals("unparsable", sink.rejected.get(0).reason());
    assertEquals(null, sink.rejected.get(0).raw());
    assertEquals(1, sink.rejected.size());
  }

  private static Map<String, Long> typeCounts(CollectingSink sink) {
    return sink.eventTypes().stream()
        .collect(Collectors.groupingBy(t -> t, TreeMap::new, Collectors.counting()));
  }
}
