package org.dunbar.formats.twitter;

import static org.dunbar.formats.twitter.Fixtures.DEFAULT_BOUNDS;
import static org.dunbar.formats.twitter.Fixtures.micros;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.dunbar.formats.LineFormat;
import org.dunbar.formats.NameSighting;
import org.junit.jupiter.api.Test;

/**
 * The names both Twitter adapters give accounts (issue 11, "Accounts table"), on hand-made lines:
 * each keyed by the user id the events use, dated at the tweet that shows it. Names take no part in
 * the accounting: a rejected tweet names nobody, and a name that cannot be written rejects nothing.
 */
class TwitterAccountNamesTest {
  private static final TwitterV1Format V1 =
      new TwitterV1Format(DEFAULT_BOUNDS, TwitterV1Format.DEFAULT_SNAPSHOT_TIME);
  private static final TwitterV2Format V2 =
      new TwitterV2Format(DEFAULT_BOUNDS, TwitterV2Format.DEFAULT_SNAPSHOT_TIME);

  private static final long DEC31 = micros("2019-12-31T10:00:00Z");
  private static final long JAN1 = micros("2020-01-01T00:00:00Z");
  private static final long JAN2 = micros("2020-01-02T00:00:00Z");

  /** Ann (1) replies to bob's (2) tweet 50, mentioning bob and Cat (3). */
  private static final String REPLY =
      "{\"id_str\":\"100\",\"created_at\":\"Wed Jan 01 00:00:00 +0000 2020\","
          + "\"user\":{\"id_str\":\"1\",\"screen_name\":\"Ann\",\"followers_count\":5},"
          + "\"in_reply_to_status_id_str\":\"50\",\"in_reply_to_user_id_str\":\"2\","
          + "\"in_reply_to_screen_name\":\"bob\",\"entities\":{\"user_mentions\":["
          + "{\"id_str\":\"2\",\"screen_name\":\"bob\"},{\"id\":3,\"screen_name\":\"Cat\"}]}}";

  @Test
  void v1NamesTheAuthorTheRepliedToAndTheMentionedAtTheTweet() {
    assertNames(
        V1,
        REPLY,
        1,
        new NameSighting("1", "Ann", JAN1),
        new NameSighting("2", "bob", JAN1),
        new NameSighting("2", "bob", JAN1),
        new NameSighting("3", "Cat", JAN1));
  }

  @Test
  void v1RetweetDatesTheOriginalsUserAtTheRetweetAndItsMentionsAtTheOriginal() {
    // Cat, renamed cat_2, retweets Ann's tweet 90 from the day before, in which Ann mentioned dan
    // (4). The payload shows Ann as she was at the retweet (Ann_old); dan's screen name is the
    // original's text. The retweet's own copied mentions name nobody.
    String retweet =
        "{\"id_str\":\"101\",\"created_at\":\"Thu Jan 02 00:00:00 +0000 2020\","
            + "\"user\":{\"id_str\":\"3\",\"screen_name\":\"cat_2\"},"
            + "\"entities\":{\"user_mentions\":[{\"id_str\":\"1\",\"screen_name\":\"Ann_old\"}]},"
            + "\"retweeted_status\":{\"id_str\":\"90\","
            + "\"created_at\":\"Tue Dec 31 10:00:00 +0000 2019\","
            + "\"user\":{\"id_str\":\"1\",\"screen_name\":\"Ann_old\"},"
            + "\"entities\":{\"user_mentions\":[{\"id_str\":\"4\",\"screen_name\":\"dan\"}]}}}";
    assertNames(
        V1,
        retweet,
        2,
        new NameSighting("3", "cat_2", JAN2),
        new NameSighting("1", "Ann_old", JAN2),
        new NameSighting("4", "dan", DEC31));
  }

  @Test
  void v1UserObjectsOfARestCollectionAreDatedAtItsRetrievalAndMentionsAtTheirTweet() {
    long retrieved = micros("2021-05-01T00:00:00Z");
    TwitterV1Format rest = new TwitterV1Format(DEFAULT_BOUNDS, SnapshotTime.RETRIEVED, retrieved);
    assertEquals(
        List.of(
            new NameSighting("1", "Ann", retrieved),
            new NameSighting("2", "bob", JAN1),
            new NameSighting("2", "bob", JAN1),
            new NameSighting("3", "Cat", JAN1)),
        parse(rest, REPLY).names);
    // retrieved without a retrieval time: no snapshot, and the name at the tweet's creation.
    TwitterV1Format unknown = new TwitterV1Format(DEFAULT_BOUNDS, SnapshotTime.RETRIEVED);
    CollectingSink sink = parse(unknown, REPLY);
    assertEquals(1, sink.withoutMoment);
    assertEquals(new NameSighting("1", "Ann", JAN1), sink.names.get(0));
  }

  @Test
  void aRejectedTweetNamesNobodyAndAnUnwritableNameRejectsNothing() {
    CollectingSink rejected = parse(V1, REPLY.replace("Wed Jan 01", "Wed Jan 32"));
    assertEquals(1, rejected.rejected.size());
    assertEquals(List.of(), rejected.names);

    // A lone surrogate has no UTF-8 form: that name is left out, the tweet and Ann's name stay.
    CollectingSink kept = parse(V1, REPLY.replace("\"Cat\"", "\"C\\ud800t\""));
    assertEquals(1, kept.accepted);
    assertEquals(3, kept.names.size());
    assertEquals(new NameSighting("2", "bob", JAN1), kept.names.get(2));
  }

  @Test
  void v2PageNamesTheUsersEachTopLevelTweetInvolvesAtThatTweet() {
    // Tweet 200 by Ann quotes Cat's tweet 150 and mentions @bob by username only; zed (9) is in
    // the includes but no tweet involves him. The referenced tweet 150 names nobody itself. The
    // page has no retrieval time: the names are dated at the tweet that involves them.
    String page =
        "{\"data\":[{\"id\":\"200\",\"author_id\":\"1\","
            + "\"created_at\":\"2020-01-01T00:00:00.000Z\",\"text\":\"@bob look\","
            + "\"entities\":{\"mentions\":[{\"start\":0,\"end\":4,\"username\":\"bob\"}]},"
            + "\"referenced_tweets\":[{\"type\":\"quoted\",\"id\":\"150\"}]}],"
            + "\"includes\":{\"users\":[{\"id\":\"1\",\"username\":\"Ann\"},"
            + "{\"id\":\"2\",\"username\":\"bob\"},{\"id\":\"3\",\"username\":\"Cat\"},"
            + "{\"id\":\"9\",\"username\":\"zed\"}],"
            + "\"tweets\":[{\"id\":\"150\",\"author_id\":\"3\","
            + "\"created_at\":\"2019-12-31T10:00:00.000Z\",\"text\":\"x\"}]}}";
    assertNames(
        V2,
        page,
        2,
        new NameSighting("1", "Ann", JAN1),
        new NameSighting("3", "Cat", JAN1),
        new NameSighting("2", "bob", JAN1));
  }

  @Test
  void v2FlattenedTweetNamesItsAuthorFromTheInlinedUserAtTwarcsRetrieval() {
    String flat =
        "{\"id\":\"201\",\"author_id\":\"1\",\"created_at\":\"2020-01-02T00:00:00.000Z\","
            + "\"text\":\"hi\",\"author\":{\"id\":\"1\",\"username\":\"Ann2\"}";
    assertEquals(List.of(new NameSighting("1", "Ann2", JAN2)), parse(V2, flat + "}").names);
    String stamped = flat + ",\"__twarc\":{\"retrieved_at\":\"2021-05-01T00:00:00+00:00\"}}";
    assertEquals(
        List.of(new NameSighting("1", "Ann2", micros("2021-05-01T00:00:00Z"))),
        parse(V2, stamped).names);
  }

  /** The line's records are all accepted, and name exactly {@code names}, in order. */
  private static void assertNames(
      LineFormat format, String line, int accepted, NameSighting... names) {
    CollectingSink sink = parse(format, line);
    assertEquals(accepted, sink.accepted);
    assertEquals(List.of(names), sink.names);
  }

  private static CollectingSink parse(LineFormat format, String line) {
    CollectingSink sink = new CollectingSink();
    format.parse("test.jsonl", 1, line, null, sink);
    // No record skipped, and nothing emitted after the last record closed.
    assertEquals(sink.accepted + sink.rejected.size(), sink.records());
    return sink;
  }
}
