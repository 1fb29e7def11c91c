package org.dunbar.formats.twitter;

import static org.dunbar.formats.twitter.Fixtures.DEFAULT_BOUNDS;
import static org.dunbar.formats.twitter.Fixtures.micros;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.dunbar.formats.LineFormat;
import org.dunbar.records.Snapshot;
import org.junit.jupiter.api.Test;

/** How a line and each tweet record in it fail, one check at a time, on hand-written lines. */
class TweetRecordChecksTest {
  private static final LineFormat V1 = new TwitterV1Format(DEFAULT_BOUNDS, SnapshotTime.CREATED);
  private static final LineFormat V2 = new TwitterV2Format(DEFAULT_BOUNDS, SnapshotTime.RETRIEVED);
  private static final String USER = "\"user\":{\"id_str\":\"1\",\"followers_count\":5}";
  private static final String CREATED = "\"created_at\":\"Wed Jan 07 11:14:38 +0000 2015\"";

  private static CollectingSink parse(LineFormat format, String line) {
    CollectingSink sink = new CollectingSink();
    format.parse("in.jsonl", 7, line, null, sink);
    sink.records();
    return sink;
  }

  private static CollectingSink.Rejected onlyRejection(LineFormat format, String line) {
    CollectingSink sink = parse(format, line);
    assertEquals(1, sink.rejected.size(), () -> "rejections of " + line);
    assertEquals(0, sink.accepted);
    return sink.rejected.get(0);
  }

  /** The kinds a line's records were skipped as; the line has no accepted or rejected record. */
  private static List<String> onlySkip(LineFormat format, String line) {
    CollectingSink sink = parse(format, line);
    assertEquals(List.of(), sink.rejected, () -> "rejections of " + line);
    assertEquals(0, sink.accepted);
    return sink.skipped;
  }

  private static CollectingSink.Rejected rejected(String reason, String detail) {
    return new CollectingSink.Rejected(reason, detail, null);
  }

  @Test
  void linesThatAreNotOneJsonObjectOrArrayAreUnparsable() {
    for (String line :
        List.of("not json", "{\"id\":1} trailing", "[{\"id\":1}", "\"text\"", "42")) {
      for (LineFormat format : List.of(V1, V2)) {
        CollectingSink.Rejected r = onlyRejection(format, line);
        assertEquals("unparsable", r.reason(), line);
        assertEquals(null, r.raw(), line);
      }
    }
    assertEquals(rejected("unparsable", "not a JSON object or array"), onlyRejection(V1, "42"));
  }

  @Test
  void anIdThatIsNotValidUnicodeIsUnparsableNeverReplaced() {
    // "\\uD83D" alone is half an emoji: Java keeps it, UTF-8 cannot, so "1\uD83D" and "1\uD83E"
    // would both be written "1?".
    assertEquals(
        rejected(
            "unparsable", "tweet id: not valid Unicode (a lone surrogate \\uD83D at character 2)"),
        onlyRejection(V1, "{\"id_str\":\"1\\uD83D\"," + CREATED + "," + USER + "}"));
    String mention = "\"entities\":{\"user_mentions\":[{\"id_str\":\"\\uDC00x\"}]}";
    assertEquals(
        rejected(
            "unparsable",
            "mention id: not valid Unicode (a lone surrogate \\uDC00 at character 1)"),
        onlyRejection(V1, "{\"id_str\":\"1\"," + CREATED + "," + USER + "," + mention + "}"));
    // Text that is never stored is not checked: a tweet cut inside an emoji is still read.
    CollectingSink sink =
        parse(V1, "{\"id_str\":\"1\",\"text\":\"cut \\uD83D\"," + CREATED + "," + USER + "}");
    assertEquals(1, sink.accepted);
  }

  @Test
  void anUnparsableLineIsDescribedInWords() {
    for (String line : List.of("{\"id\":", "{\"id\":1,}", "[{\"id\":NaN}]", "{\"a\":1]")) {
      for (LineFormat format : List.of(V1, V2)) {
        String detail = onlyRejection(format, line).detail();
        assertTrue(detail.startsWith("invalid JSON"), detail);
        for (String hint :
            List.of("Source", "REDACTED", "Feature", "`", "code ", "was expecting")) {
          assertFalse(detail.contains(hint), hint + " in " + detail);
        }
      }
    }
  }

  @Test
  void aLineWithoutTweetsIsOneSkippedEmptyPage() {
    for (String line : List.of("[]", "{\"statuses\":[],\"search_metadata\":{}}")) {
      assertEquals(List.of("empty_page"), onlySkip(V1, line), line);
    }
    for (String line : List.of("{\"data\":[]}", "{\"meta\":{\"result_count\":0},\"__twarc\":{}}")) {
      assertEquals(List.of("empty_page"), onlySkip(V2, line), line);
    }
  }

  @Test
  void everyDocumentedStreamNoticeIsSkippedByItsKind() {
    for (String kind :
        List.of(
            "delete",
            "scrub_geo",
            "limit",
            "status_withheld",
            "user_withheld",
            "disconnect",
            "warning")) {
      assertEquals(List.of(kind), onlySkip(V1, "{\"" + kind + "\":{\"x\":1}}"), kind);
    }
    for (String kind :
        List.of(
            "delete",
            "withheld",
            "drop",
            "undrop",
            "scrub_geo",
            "tweet_edit",
            "user_delete",
            "user_undelete",
            "user_withheld",
            "user_protect",
            "user_unprotect",
            "user_suspend",
            "user_unsuspend",
            "user_profile_modification")) {
      assertEquals(List.of(kind), onlySkip(V2, "{\"data\":{\"" + kind + "\":{\"x\":1}}}"), kind);
    }
  }

  @Test
  void errorResponsesAreSkippedAsErrors() {
    String v1 = "{\"errors\":[{\"code\":88,\"message\":\"Rate limit exceeded\"}]}";
    assertEquals(List.of("error"), onlySkip(V1, v1));
    String lookup =
        "{\"errors\":[{\"value\":\"9\",\"title\":\"Not Found"
            + " Error\",\"type\":\"https://api.twitter.com/2/problems/resource-not-found\"}]}";
    assertEquals(List.of("error"), onlySkip(V2, lookup));
    String problem =
        "{\"title\":\"Too Many Requests\",\"detail\":\"Too Many"
            + " Requests\",\"type\":\"about:blank\",\"status\":429}";
    assertEquals(List.of("error"), onlySkip(V2, problem));
  }

  @Test
  void onlyTheDocumentedShapesAreNotices() {
    // A notice is one key; with another key beside it, or an unknown key, it is no known object.
    assertEquals(
        rejected("unsupported_record", "not a tweet: no id_str"),
        onlyRejection(V1, "{\"delete\":{\"status\":{}},\"extra\":1}"));
    assertEquals(
        rejected("unsupported_record", "not a tweet: no id_str"),
        onlyRejection(V1, "{\"deleted\":{}}"));
    // The notice's value is an object, as the API sends it.
    assertEquals(
        rejected("unsupported_record", "not a tweet: no id_str"),
        onlyRejection(V1, "{\"limit\":42}"));
    // A v1.1 stream notice is no v2 compliance event, and a tweet with errors beside it is a tweet.
    assertEquals(
        rejected("unsupported_record", "not a tweet: no id"),
        onlyRejection(V2, "{\"data\":{\"limit\":{}}}"));
    assertEquals(
        rejected("missing_field", "id_str"),
        onlyRejection(V1, "{\"id_str\":\"\",\"errors\":[]," + CREATED + "," + USER + "}"));
  }

  @Test
  void eachElementOfAnArrayIsARecordReportedWithItsOwnText() {
    CollectingSink sink =
        parse(
            V1, "[1, {\"screen_name\":\"nobody\"}, {\"delete\":{\"status\":{\"id_str\":\"9\"}}} ]");

    assertEquals(
        List.of(
            new CollectingSink.Rejected("unsupported_record", "not a JSON object", "1"),
            new CollectingSink.Rejected(
                "unsupported_record", "not a tweet: no id_str", "{\"screen_name\":\"nobody\"}")),
        sink.rejected);
    // A notice inside an array is still a notice.
    assertEquals(List.of("delete"), sink.skipped);
  }

  @Test
  void v1TimestampsAreReadStrictly() {
    CollectingSink sink = parse(V1, "{\"id_str\":\"10\"," + CREATED + "," + USER + "}");
    assertEquals(micros("2015-01-07T11:14:38Z"), sink.events.get(0).getTs());
    assertEquals(1420629278000000L, sink.events.get(0).getTs());

    // 7 January 2015 was a Wednesday.
    String thursday = "\"created_at\":\"Thu Jan 07 11:14:38 +0000 2015\"";
    assertEquals(
        rejected("bad_timestamp", "created_at: Thu Jan 07 11:14:38 +0000 2015"),
        onlyRejection(V1, "{\"id_str\":\"10\"," + thursday + "," + USER + "}"));
    assertEquals(
        rejected("missing_field", "created_at"),
        onlyRejection(V1, "{\"id_str\":\"10\",\"created_at\":null," + USER + "}"));
  }

  @Test
  void v1IdsFollowTheSpecsPresenceRule() {
    // An empty id_str is absent; the integer id is then taken as its digits.
    CollectingSink sink =
        parse(V1, "{\"id_str\":\"\",\"id\":10,\"user\":{\"id\":1}," + CREATED + "}");
    assertEquals("tweet:10:post", sink.events.get(0).getEventId());
    assertEquals("1", sink.events.get(0).getActor());
    // A user object without a follower count observed nothing.
    assertEquals(List.of(), sink.snapshots);
    assertEquals(0, sink.withoutMoment);

    assertEquals(
        rejected("missing_field", "user.id_str"),
        onlyRejection(V1, "{\"id_str\":\"10\",\"user\":{\"screen_name\":\"x\"}," + CREATED + "}"));
    assertEquals(
        rejected("unsupported_record", "not a tweet: no user"),
        onlyRejection(V1, "{\"id_str\":\"10\"," + CREATED + "}"));
  }

  /** The events of a tweet that is accepted on its own, as "type target parent" strings. */
  private static List<String> acceptedEvents(LineFormat format, String line) {
    CollectingSink sink = parse(format, line);
    assertEquals(List.of(), sink.rejected, () -> "rejections of " + line);
    return sink.events.stream()
        .map(e -> e.getType() + " " + e.getTarget() + " " + e.getParentId())
        .toList();
  }

  @Test
  void v1ReferencesOnlyNamedLeaveTheirTargetOpen() {
    // A reply naming only the replied-to tweet: its author is resolved from that tweet.
    assertEquals(
        List.of("reply null 8"),
        acceptedEvents(
            V1,
            "{\"id_str\":\"10\",\"in_reply_to_status_id_str\":\"8\","
                + CREATED
                + ","
                + USER
                + "}"));
    // A quote of a deleted or protected tweet: quoted_status_id_str without quoted_status.
    assertEquals(
        List.of("quote null 8"),
        acceptedEvents(
            V1,
            "{\"id_str\":\"10\",\"is_quote_status\":true,\"quoted_status_id_str\":\"8\","
                + CREATED
                + ","
                + USER
                + "}"));
    // is_quote_status alone names no tweet at all: the quote can never resolve.
    assertEquals(
        List.of("quote null null"),
        acceptedEvents(
            V1, "{\"id_str\":\"10\",\"is_quote_status\":true," + CREATED + "," + USER + "}"));
    // A mention by screen name only: no user id, so no target, and the tweet's post stays.
    assertEquals(
        List.of("post null null", "mention null null"),
        acceptedEvents(
            V1,
            "{\"id_str\":\"10\",\"entities\":{\"user_mentions\":[{\"screen_name\":\"Someone\"},{\"screen_name\":\"someone\"}]},"
                + CREATED
                + ","
                + USER
                + "}"));
    // The embedded original is a record too, and no tweet without its user; the retweet keeps its
    // reshare of tweet 8, whose author is left to a copy of tweet 8 elsewhere.
    String original = "{\"id_str\":\"8\"}";
    String retweet =
        "{\"id_str\":\"10\",\"retweeted_status\":" + original + "," + CREATED + "," + USER + "}";
    CollectingSink sink = parse(V1, retweet);
    assertEquals(
        List.of(
            new CollectingSink.Rejected("unsupported_record", "not a tweet: no user", original)),
        sink.rejected);
    assertEquals(1, sink.accepted);
    assertEquals(
        "tweet:10:reshare reshare null 8",
        sink.events.get(0).getEventId()
            + " "
            + sink.events.get(0).getType()
            + " "
            + sink.events.get(0).getTarget()
            + " "
            + sink.events.get(0).getParentId());
  }

  @Test
  void replyWithoutParentTweetAndCountsThatAreNotCounts() {
    CollectingSink sink =
        parse(V1, "{\"id_str\":\"10\",\"in_reply_to_user_id\":2," + CREATED + "," + USER + "}");
    assertEquals("reply", sink.events.get(0).getType());
    assertEquals("2", sink.events.get(0).getTarget());
    assertEquals(null, sink.events.get(0).getParentId());
    assertEquals(
        List.of(new Snapshot("1", micros("2015-01-07T11:14:38Z"), 5L, null, null, "in.jsonl", 7L)),
        sink.snapshots);

    assertEquals(
        rejected("bad_count", "user.followers_count: -1"),
        onlyRejection(
            V1,
            "{\"id_str\":\"10\","
                + CREATED
                + ",\"user\":{\"id_str\":\"1\",\"followers_count\":-1}}"));
    assertEquals(
        rejected("bad_count", "user.friends_count: \"12\""),
        onlyRejection(
            V1,
            "{\"id_str\":\"10\","
                + CREATED
                + ",\"user\":{\"id_str\":\"1\",\"followers_count\":5,\"friends_count\":\"12\"}}"));
    assertEquals(
        rejected("bad_count", "user.followers_count: 1000000000001"),
        onlyRejection(
            V1,
            "{\"id_str\":\"10\","
                + CREATED
                + ",\"user\":{\"id_str\":\"1\",\"followers_count\":1000000000001}}"));
  }

  @Test
  void anOpenMentionsUsernameMustBeValidUnicode() {
    // It becomes part of the mention's event id, which must have a UTF-8 form.
    String base = "\"id\":\"10\",\"author_id\":\"1\",\"created_at\":\"2021-10-04T17:00:00.000Z\"";
    assertEquals(
        "unparsable",
        onlyRejection(
                V2, "{" + base + ",\"entities\":{\"mentions\":[{\"username\":\"x\\ud800\"}]}}")
            .reason());
  }

  @Test
  void v2ReferencesAbsentFromTheLineLeaveTheirTargetOpen() {
    String base = "\"id\":\"10\",\"author_id\":\"1\",\"created_at\":\"2021-10-04T17:00:00.000Z\"";
    // Tweet 8 is not in the line: whose it is comes from a copy of it elsewhere in the input.
    assertEquals(
        List.of("quote null 8"),
        acceptedEvents(
            V2, "{" + base + ",\"referenced_tweets\":[{\"type\":\"quoted\",\"id\":\"8\"}]}"));
    assertEquals(
        List.of("reshare null 8"),
        acceptedEvents(
            V2, "{" + base + ",\"referenced_tweets\":[{\"type\":\"retweeted\",\"id\":\"8\"}]}"));
    assertEquals(
        List.of("reply null 8"),
        acceptedEvents(
            V2, "{" + base + ",\"referenced_tweets\":[{\"type\":\"replied_to\",\"id\":\"8\"}]}"));
    // A reference without an id is a broken tweet, not a missing one.
    assertEquals(
        rejected("missing_field", "referenced_tweets.id"),
        onlyRejection(V2, "{" + base + ",\"referenced_tweets\":[{\"type\":\"retweeted\"}]}"));
  }

  @Test
  void v2TimestampsNeedAnOffsetAndKeepMicroseconds() {
    assertEquals(
        rejected("bad_timestamp", "created_at: 2021-10-04 17:00:00"),
        onlyRejection(
            V2, "{\"id\":\"10\",\"author_id\":\"1\",\"created_at\":\"2021-10-04 17:00:00\"}"));
    CollectingSink sink =
        parse(
            V2,
            "{\"id\":\"10\",\"author_id\":\"1\",\"created_at\":\"2021-10-04T19:00:00.123456789+02:00\"}");
    assertEquals(micros("2021-10-04T17:00:00.123456Z"), sink.events.get(0).getTs());
  }

  @Test
  void aV1TweetIsNotAV2Tweet() {
    String v1Tweet = "{\"id_str\":\"10\",\"id\":10," + CREATED + "," + USER + "}";
    assertEquals(
        rejected("unsupported_record", "not a tweet: no author_id"), onlyRejection(V2, v1Tweet));
  }

  @Test
  void aBrokenRetrievalTimeRejectsOnlyWhenSnapshotsUseIt() {
    String page =
        "{\"data\":[{\"id\":\"10\",\"author_id\":\"1\",\"created_at\":\"2021-10-04T17:00:00.000Z\"}],"
            + "\"includes\":{\"users\":[{\"id\":\"1\",\"username\":\"a\","
            + "\"public_metrics\":{\"followers_count\":3}}]},"
            + "\"__twarc\":{\"retrieved_at\":\"yesterday\"}}";
    assertEquals(
        rejected("bad_timestamp", "__twarc.retrieved_at: yesterday"), onlyRejection(V2, page));

    CollectingSink created = parse(new TwitterV2Format(DEFAULT_BOUNDS, SnapshotTime.CREATED), page);
    assertEquals(1, created.accepted);
    assertEquals(
        List.of(new Snapshot("1", micros("2021-10-04T17:00:00Z"), 3L, null, null, "in.jsonl", 7L)),
        created.snapshots);
  }
}
