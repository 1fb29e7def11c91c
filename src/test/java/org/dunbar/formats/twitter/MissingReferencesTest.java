package org.dunbar.formats.twitter;

import static org.dunbar.formats.twitter.Fixtures.DEFAULT_BOUNDS;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.dunbar.records.Event;
import org.dunbar.records.Snapshot;
import org.junit.jupiter.api.Test;

/**
 * Issue 15's fixture, twitter-missing-references/: twarc2 search pages, twarc2 flattened lines and
 * a twarc v1.1 stream whose quotes, retweets and mentions name tweets and accounts the payloads
 * left out (withheld, deleted, suspended). Every tweet is accepted with all it can say; what it
 * only references is left open for the pipeline (see ResolveTargets and the study test). Tweet ids
 * end in the numbers used here (T101 = ...101), users: ana 1100000001, ben ...02, cat ...03, dan
 * ...04, fox ...06; @eve_gone and @ghost_acct have no user object anywhere.
 */
class MissingReferencesTest {
  private static final TwitterV2Format V2 =
      new TwitterV2Format(DEFAULT_BOUNDS, TwitterV2Format.DEFAULT_SNAPSHOT_TIME);
  private static final TwitterV1Format V1 =
      new TwitterV1Format(DEFAULT_BOUNDS, TwitterV1Format.DEFAULT_SNAPSHOT_TIME);

  private static CollectingSink read(TwitterFormat format, String file) {
    return Fixtures.parse(format, Fixtures.resource("twitter-missing-references/" + file));
  }

  /** Each event as "tweet type actor target parent", with the shared id prefixes cut. */
  private static List<String> events(CollectingSink sink) {
    return sink.events.stream().map(MissingReferencesTest::brief).toList();
  }

  private static String brief(Event e) {
    return String.join(
        " ",
        tweet(e.getPostId()),
        e.getType(),
        user(e.getActor()),
        user(e.getTarget()),
        tweet(e.getParentId()));
  }

  private static String tweet(String id) {
    return id == null ? "-" : "T" + Long.parseLong(id.substring(id.length() - 5));
  }

  private static String user(String id) {
    if (id == null) {
      return "?";
    }
    return switch (id) {
      case "1100000001" -> "ana";
      case "1100000002" -> "ben";
      case "1100000003" -> "cat";
      case "1100000004" -> "dan";
      case "1100000006" -> "fox";
      default -> id;
    };
  }

  @Test
  void searchPagesKeepEveryTweet() {
    CollectingSink sink = read(V2, "v2-search-pages.jsonl");
    // Page 1: five tweets and T101 again in includes.tweets; its includes.tweets lack T900-T903
    // (the page's errors say "Not Found"). Page 2: two tweets and T900 in includes.tweets.
    assertEquals(9, sink.records());
    assertEquals(9, sink.accepted);
    assertEquals(
        List.of(
            // ana retweets T903, missing: the reshare keeps its parent and waits for its author.
            "T105 reshare ana ? T903",
            // dan replies to ana's T101 and quotes the missing T902: the reply is whole.
            "T104 reply dan ana T101",
            "T104 quote dan ? T902",
            "T103 reshare cat ? T901",
            "T102 quote ben ? T900",
            // @eve_gone is named without an id, and no user object says who she is.
            "T101 post ana ? -",
            "T101 mention ana ben -",
            "T101 mention ana ? -",
            "T101 post ana ? -",
            "T101 mention ana ben -",
            "T101 mention ana ? -",
            // Page 2 has T900 itself, so ben's second quote of it names fox directly.
            "T107 quote ben fox T900",
            "T106 post fox ? -",
            "T900 post fox ? -"),
        events(sink));
    assertEquals("tweet:1499000000000000101:mention:@eve_gone", sink.events.get(7).getEventId());
  }

  @Test
  void theAuthorsOfTweetsWithOpenReferencesKeepTheirSnapshots() {
    CollectingSink sink = read(V2, "v2-search-pages.jsonl");
    // Page 1 at its retrieval: T105 ana, T104 dan and ana, T103 cat, T102 ben, T101 ana and ben;
    // no snapshot of fox, whom no page-1 tweet is known to involve. Page 2: T107 ben and fox,
    // T106 fox.
    assertEquals(
        List.of("ana", "dan", "ana", "cat", "ben", "ana", "ben", "ben", "fox", "fox"),
        sink.snapshots.stream().map(s -> user(s.getAccount())).toList());
    Snapshot ben = sink.snapshots.get(4);
    assertEquals(48210L, ben.getFollowers());
    assertEquals(Fixtures.micros("2022-03-02T10:00:00Z"), ben.getTs());
  }

  @Test
  void flattenedLinesKeepEveryTweet() {
    CollectingSink sink = read(V2, "v2-flattened.jsonl");
    // T108's expanded reply parent T106 is a record of its own; T109's quoted T904 is not expanded.
    assertEquals(5, sink.records());
    assertEquals(5, sink.accepted);
    assertEquals(
        List.of(
            "T901 post fox ? -",
            "T108 reply dan fox T106",
            "T108 mention dan cat -",
            "T106 post fox ? -",
            "T109 quote cat ? T904",
            "T110 post ben ? -",
            "T110 mention ben ana -",
            "T110 mention ben ? -"),
        events(sink));
    assertEquals(
        List.of("fox", "dan", "fox", "cat", "cat", "ben", "ana"),
        sink.snapshots.stream().map(s -> user(s.getAccount())).toList());
  }

  @Test
  void aV1QuoteOfATweetLeftOutKeepsItsParent() {
    CollectingSink sink = read(V1, "v1-stream.jsonl");
    // T904 in full, a delete notice (skipped), then quotes of T900 (in the v2 pages) and of T905
    // (nowhere), each with quoted_status_id_str and no quoted_status.
    assertEquals(4, sink.records());
    assertEquals(3, sink.accepted);
    assertEquals(List.of("delete"), sink.skipped);
    assertEquals(
        List.of("T904 post ana ? -", "T111 quote ana ? T900", "T112 quote dan ? T905"),
        events(sink));
    assertEquals(
        List.of("ana", "ana", "dan"),
        sink.snapshots.stream().map(s -> user(s.getAccount())).toList());
  }
}
