package org.dunbar.formats.twitter;

import static org.dunbar.formats.twitter.Fixtures.DEFAULT_BOUNDS;
import static org.dunbar.formats.twitter.Fixtures.event;
import static org.dunbar.formats.twitter.Fixtures.micros;
import static org.dunbar.formats.twitter.Fixtures.snapshot;
import static org.dunbar.formats.twitter.Fixtures.withoutOrigin;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.dunbar.formats.LineFormat;
import org.dunbar.formats.TimeBounds;
import org.dunbar.records.Event;
import org.dunbar.records.Snapshot;
import org.junit.jupiter.api.Test;

/**
 * The v2 adapter on twitter-v2/collection.jsonl, written after the v2 documentation's example
 * payloads. Line 1 is a twarc2 search page: @TwitterDev posts T1 mentioning @TwitterAPI (by id) and
 * "@twittereng" (by username only, resolved case-insensitively through includes.users); @TwitterAPI
 * replies (T2); @Twitter quotes T1 (T3); @TwitterEng retweets @Twitter's T5, which sits in
 * includes.tweets and mentions @TwitterDev by username; T6 mentions an account absent from
 * includes.users: it keeps its post, its author's snapshot and an open mention. Line 2 is the
 * documentation's own reply example, without twarc's stamp. Lines 3 and 4 are flattened tweets (T5
 * alone; T4 with T5 expanded inline); then a delete notice, an error response and an empty page.
 */
class TwitterV2FormatTest {
  private static final String SRC = "collection.jsonl";
  private static final String DEV = "2244994945";
  private static final String API = "6253282";
  private static final String TWITTER = "783214";
  private static final String ENG = "6844292";
  private static final String T1 = "1445078208190291968";
  private static final String T2 = "1445084313561964547";
  private static final String T3 = "1445089735405957123";
  private static final String T4 = "1445101093493293058";
  private static final String T5 = "1445093386447872001";
  private static final String T6 = "1445105514146869249";
  private static final String RETRIEVED = "2021-10-05T09:30:12Z";

  private static final TwitterV2Format FORMAT =
      new TwitterV2Format(DEFAULT_BOUNDS, TwitterV2Format.DEFAULT_SNAPSHOT_TIME);

  private static CollectingSink parseLine(LineFormat format, int line) {
    Path file = Fixtures.resource("twitter-v2/" + SRC);
    CollectingSink sink = new CollectingSink();
    format.parse(SRC, line, Fixtures.line(file, line), null, sink);
    return sink;
  }

  @Test
  void pageMapsRepliesQuotesRetweetsAndMentions() {
    CollectingSink sink = parseLine(FORMAT, 1);

    // Five data tweets, then the one in includes.tweets.
    assertEquals(6, sink.records());
    assertEquals(6, sink.accepted);
    assertEquals(
        List.of(
            event("tweet:" + T1 + ":post", "post", DEV, null, T1, null, "2021-10-04T17:00:00Z"),
            event(
                "tweet:" + T1 + ":mention:" + API,
                "mention",
                DEV,
                API,
                T1,
                null,
                "2021-10-04T17:00:00Z"),
            event(
                "tweet:" + T1 + ":mention:" + ENG,
                "mention",
                DEV,
                ENG,
                T1,
                null,
                "2021-10-04T17:00:00Z"),
            // The reply's mention of @TwitterDev is the reply itself.
            event("tweet:" + T2 + ":reply", "reply", API, DEV, T2, T1, "2021-10-04T17:16:19Z"),
            event(
                "tweet:" + T2 + ":mention:" + TWITTER,
                "mention",
                API,
                TWITTER,
                T2,
                null,
                "2021-10-04T17:16:19Z"),
            event("tweet:" + T3 + ":quote", "quote", TWITTER, DEV, T3, T1, "2021-10-04T17:37:52Z"),
            // The retweet's own mentions are the original's, copied.
            event(
                "tweet:" + T4 + ":reshare",
                "reshare",
                ENG,
                TWITTER,
                T4,
                T5,
                "2021-10-04T18:23:00Z"),
            // @somebody_gone has no user object: the mention's target is left open, and the
            // pipeline skips it as unresolved_target.mention.
            event("tweet:" + T6 + ":post", "post", API, null, T6, null, "2021-10-04T18:40:34Z"),
            event(
                "tweet:" + T6 + ":mention:@somebody_gone",
                "mention",
                API,
                null,
                T6,
                null,
                "2021-10-04T18:40:34Z"),
            event("tweet:" + T5 + ":post", "post", TWITTER, null, T5, null, "2021-10-04T17:52:56Z"),
            event(
                "tweet:" + T5 + ":mention:" + DEV,
                "mention",
                TWITTER,
                DEV,
                T5,
                null,
                "2021-10-04T17:52:56Z")),
        sink.events);
  }

  @Test
  void unresolvableMentionLosesOnlyThatMention() {
    CollectingSink sink = parseLine(FORMAT, 1);

    // The tweet is accepted with its post and its author's counts (SPEC "A record is never
    // rejected for what it only references").
    assertEquals(List.of(), sink.rejected);
    assertEquals(
        List.of("post", "mention"), sink.eventsOfTweet(T6).stream().map(Event::getType).toList());
    assertEquals(null, sink.eventsOfTweet(T6).get(1).getTarget());
    assertEquals(api(RETRIEVED), sink.snapshots.get(sink.snapshots.size() - 1));
  }

  @Test
  void eachTopLevelTweetSnapshotsTheUsersItInvolvesAtRetrieval() {
    CollectingSink sink = parseLine(FORMAT, 1);

    assertEquals(
        List.of(
            dev(RETRIEVED),
            api(RETRIEVED),
            eng(RETRIEVED),
            api(RETRIEVED),
            dev(RETRIEVED),
            twitter(RETRIEVED),
            twitter(RETRIEVED),
            dev(RETRIEVED),
            eng(RETRIEVED),
            twitter(RETRIEVED),
            api(RETRIEVED)),
        sink.snapshots);
    assertEquals(0, sink.withoutMoment);
  }

  @Test
  void createdTimingDatesTheUsersOfATweetAtItsCreation() {
    CollectingSink sink = parseLine(new TwitterV2Format(DEFAULT_BOUNDS, SnapshotTime.CREATED), 1);

    assertEquals(
        List.of(
            dev("2021-10-04T17:00:00Z"),
            api("2021-10-04T17:00:00Z"),
            eng("2021-10-04T17:00:00Z"),
            api("2021-10-04T17:16:19Z"),
            dev("2021-10-04T17:16:19Z"),
            twitter("2021-10-04T17:16:19Z"),
            twitter("2021-10-04T17:37:52Z"),
            dev("2021-10-04T17:37:52Z"),
            eng("2021-10-04T18:23:00Z"),
            twitter("2021-10-04T18:23:00Z"),
            api("2021-10-04T18:40:34Z")),
        sink.snapshots);
  }

  @Test
  void apiResponseWithoutRetrievalTimeMakesNoSnapshot() {
    CollectingSink sink = parseLine(FORMAT, 2);

    assertEquals(1, sink.accepted);
    assertEquals(
        List.of(
            new Event(
                "tweet:1307025659294674945:reply",
                "reply",
                DEV,
                DEV,
                "1307025659294674945",
                "1304102743196356610",
                1600454175000000L,
                SRC,
                2L)),
        sink.events);
    assertEquals(List.of(), sink.snapshots);
    // The author is also the replied-to user: one user object, one missing moment.
    assertEquals(1, sink.withoutMoment);
  }

  @Test
  void theSameTweetThroughV1AndV2YieldsTheSameEvents() {
    CollectingSink v2 = parseLine(FORMAT, 2);
    Path stream = Fixtures.resource("twitter-v1/stream.jsonl");
    CollectingSink v1 = new CollectingSink();
    new TwitterV1Format(DEFAULT_BOUNDS, SnapshotTime.CREATED)
        .parse("stream.jsonl", 4, Fixtures.line(stream, 4), null, v1);

    assertEquals(1, v1.events.size());
    assertEquals(withoutOrigin(v1.events), withoutOrigin(v2.events));
  }

  @Test
  void flattenedTweetStandaloneYieldsTheSameEventsAsInTheIncludes() {
    CollectingSink page = parseLine(FORMAT, 1);
    CollectingSink flat = parseLine(FORMAT, 3);

    assertEquals(1, flat.accepted);
    assertEquals(withoutOrigin(page.eventsOfTweet(T5)), withoutOrigin(flat.events));
    assertEquals(3L, flat.events.get(0).getLine());
    // Flattening inlines the author and the mentioned user; twarc stamps the tweet itself.
    String retrieved = "2021-10-06T08:00:00Z";
    assertEquals(
        List.of(
            new Snapshot(TWITTER, micros(retrieved), 60950022L, 133L, 14899L, SRC, 3L),
            new Snapshot(DEV, micros(retrieved), 518901L, 2032L, 3661L, SRC, 3L)),
        flat.snapshots);
  }

  @Test
  void flattenedRetweetCarriesTheExpandedOriginalAsARecord() {
    CollectingSink page = parseLine(FORMAT, 1);
    CollectingSink flat = parseLine(FORMAT, 4);

    assertEquals(2, flat.records());
    assertEquals(2, flat.accepted);
    List<Event> expected = new ArrayList<>(page.eventsOfTweet(T4));
    expected.addAll(page.eventsOfTweet(T5));
    assertEquals(withoutOrigin(expected), withoutOrigin(flat.events));
    String retrieved = "2021-10-06T08:05:00Z";
    assertEquals(
        List.of(
            new Snapshot(ENG, micros(retrieved), 1504300L, 227L, 3080L, SRC, 4L),
            new Snapshot(TWITTER, micros(retrieved), 60950022L, 133L, 14899L, SRC, 4L)),
        flat.snapshots);
  }

  @Test
  void noticesErrorsAndEmptyPagesAreSkippedByKind() {
    // Line 5 a compliance delete event, line 6 a 429 problem object, line 7 an empty search page.
    List<String> kinds = List.of("delete", "error", "empty_page");
    for (int line = 5; line <= 7; line++) {
      CollectingSink sink = parseLine(FORMAT, line);
      assertEquals(List.of(kinds.get(line - 5)), sink.skipped, "line " + line);
      assertEquals(List.of(), sink.rejected, "line " + line);
      assertEquals(0, sink.accepted);
    }
  }

  @Test
  void wholeFileAccounting() {
    CollectingSink sink = Fixtures.parse(FORMAT, Fixtures.resource("twitter-v2/" + SRC));

    assertEquals(13, sink.records());
    assertEquals(10, sink.accepted);
    assertEquals(0, sink.rejected.size());
    assertEquals(3, sink.skipped.size());
    assertEquals(17, sink.events.size());
    assertEquals(15, sink.snapshots.size());
    assertEquals(1, sink.withoutMoment);
  }

  @Test
  void boundsApplyPerTweetAfterTheOtherChecks() {
    TwitterV2Format untilHalfPast =
        new TwitterV2Format(
            new TimeBounds(micros("2000-01-01T00:00:00Z"), micros("2021-10-04T17:30:00Z")),
            SnapshotTime.RETRIEVED);
    CollectingSink sink = parseLine(untilHalfPast, 1);

    assertEquals(2, sink.accepted);
    assertEquals(
        List.of("ts_out_of_range", "ts_out_of_range", "ts_out_of_range", "ts_out_of_range"),
        sink.rejected.stream().map(CollectingSink.Rejected::reason).toList());
    assertEquals(
        "created_at 2021-10-04T17:37:52Z is outside the study's time bounds",
        sink.rejected.get(0).detail());
    assertEquals(List.of("post", "mention", "mention", "reply", "mention"), sink.eventTypes());
  }

  private static Event event(
      String id, String type, String actor, String target, String post, String parent, String ts) {
    return Fixtures.event(id, type, actor, target, post, parent, ts, SRC, 1);
  }

  private static Snapshot dev(String ts) {
    return snapshot(DEV, ts, 518232, 2032, 3659, SRC, 1);
  }

  private static Snapshot api(String ts) {
    return snapshot(API, ts, 6107843, 12, 3584, SRC, 1);
  }

  private static Snapshot twitter(String ts) {
    return snapshot(TWITTER, ts, 60943811, 133, 14896, SRC, 1);
  }

  private static Snapshot eng(String ts) {
    return snapshot(ENG, ts, 1504231, 227, 3079, SRC, 1);
  }
}
