package org.dunbar.formats.bluesky;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.dunbar.formats.OutcomeSink;
import org.dunbar.formats.TimeBounds;
import org.junit.jupiter.api.Test;

/**
 * The Jetstream adapter, line by line, on events written from the Jetstream README's event shapes
 * and the app.bsky lexicons (invented DIDs; {@code did:web:…} shows a DID with more colons).
 */
class BlueskyJetstreamFormatTest {
  private static final TimeBounds BOUNDS = new TimeBounds(946_684_800_000_000L, null);
  private static final BlueskyJetstreamFormat FORMAT =
      new BlueskyJetstreamFormat(BOUNDS, EventTime.TIME_US);
  private static final BlueskyJetstreamFormat BY_CREATED =
      new BlueskyJetstreamFormat(BOUNDS, EventTime.CREATED);

  private static final String ANN = "did:plc:ann";
  private static final String BOB = "did:web:bob.example.com";
  private static final String CAT = "did:plc:cat";

  /** 2024-06-10T06:13:20Z */
  private static final long T = 1_718_000_000_000_000L;

  @Test
  void followCreateIsAFollowWhoseRecordUriIsItsKey() {
    assertEquals(
        List.of(
            "accepted",
            "follow did:plc:ann>did:web:bob.example.com"
                + " post=at://did:plc:ann/app.bsky.graph.follow/3kf1 parent=null ts="
                + T
                + " id=at://did:plc:ann/app.bsky.graph.follow/3kf1#follow"),
        parse(
            commit(
                ANN,
                "create",
                "app.bsky.graph.follow",
                "3kf1",
                "{\"subject\":\"" + BOB + "\",\"createdAt\":\"2024-06-10T06:13:19.500Z\"}")));
  }

  @Test
  void followDeleteIsAnUnfollowLeftToResolveFromTheFollowRecord() {
    assertEquals(
        List.of(
            "accepted",
            "unfollow did:plc:ann>null post=null parent=at://did:plc:ann/app.bsky.graph.follow/3kf1"
                + " ts="
                + T
                + " id=at://did:plc:ann/app.bsky.graph.follow/3kf1#unfollow"),
        parse(commit(ANN, "delete", "app.bsky.graph.follow", "3kf1", null)));
  }

  @Test
  void plainPostIsAPostWithItsUriAsPostId() {
    assertEquals(
        List.of(
            "accepted",
            "post did:plc:ann>null post="
                + post(ANN, "p1")
                + " parent=null ts="
                + T
                + " id="
                + post(ANN, "p1")
                + "#post"),
        parse(postLine(ANN, "p1", "")));
  }

  @Test
  void replyTargetsTheAuthorInTheParentUri() {
    String reply =
        ",\"reply\":{\"root\":"
            + ref(post(BOB, "r0"))
            + ",\"parent\":"
            + ref(post(BOB, "r1"))
            + "}";
    assertEquals(
        List.of(
            "accepted",
            "reply did:plc:ann>did:web:bob.example.com post="
                + post(ANN, "p2")
                + " parent="
                + post(BOB, "r1")
                + " ts="
                + T
                + " id="
                + post(ANN, "p2")
                + "#reply"),
        parse(postLine(ANN, "p2", reply)));
  }

  @Test
  void aParentNamedByHandleLeavesTheTargetToBeResolved() {
    String parent = "at://bob.example.com/app.bsky.feed.post/r1";
    String reply = ",\"reply\":{\"root\":" + ref(parent) + ",\"parent\":" + ref(parent) + "}";
    assertEquals(
        "reply did:plc:ann>null post="
            + post(ANN, "p3")
            + " parent="
            + parent
            + " ts="
            + T
            + " id="
            + post(ANN, "p3")
            + "#reply",
        parse(postLine(ANN, "p3", reply)).get(1));
  }

  @Test
  void recordEmbedsOfPostsAreQuotesAndOtherEmbeddedRecordsAreNot() {
    String quote =
        ",\"embed\":{\"$type\":\"app.bsky.embed.record\",\"record\":" + ref(post(CAT, "c1")) + "}";
    assertEquals(
        List.of(
            "accepted",
            "quote did:plc:ann>did:plc:cat post="
                + post(ANN, "p4")
                + " parent="
                + post(CAT, "c1")
                + " ts="
                + T
                + " id="
                + post(ANN, "p4")
                + "#quote"),
        parse(postLine(ANN, "p4", quote)));
    String withMedia =
        ",\"embed\":{\"$type\":\"app.bsky.embed.recordWithMedia\",\"record\":{\"record\":"
            + ref(post(CAT, "c1"))
            + "},\"media\":{\"$type\":\"app.bsky.embed.images\",\"images\":[]}}";
    assertEquals("quote", type(parse(postLine(ANN, "p5", withMedia)).get(1)));
    String feed =
        ",\"embed\":{\"$type\":\"app.bsky.embed.record\",\"record\":"
            + ref("at://" + CAT + "/app.bsky.feed.generator/best")
            + "}";
    assertEquals("post", type(parse(postLine(ANN, "p6", feed)).get(1)));
    String images = ",\"embed\":{\"$type\":\"app.bsky.embed.images\",\"images\":[]}";
    assertEquals("post", type(parse(postLine(ANN, "p7", images)).get(1)));
  }

  @Test
  void aReplyThatQuotesIsBothAndEachMentionedDidIsMentionedOnce() {
    String facets =
        ",\"facets\":["
            + mention(CAT)
            + ",{\"index\":{\"byteStart\":9,\"byteEnd\":20},\"features\":[{\"$type\":\"app.bsky.richtext.facet#link\",\"uri\":\"https://x.example\"}]},"
            + mention(BOB)
            + ","
            + mention(CAT)
            + "]";
    String both =
        ",\"reply\":{\"root\":"
            + ref(post(BOB, "r1"))
            + ",\"parent\":"
            + ref(post(BOB, "r1"))
            + "}"
            + ",\"embed\":{\"$type\":\"app.bsky.embed.record\",\"record\":"
            + ref(post(CAT, "c1"))
            + "}"
            + facets;
    List<String> outcome = parse(postLine(ANN, "p8", both));
    assertEquals(
        List.of("accepted", "reply", "quote", "mention", "mention"),
        outcome.stream().map(BlueskyJetstreamFormatTest::type).toList());
    assertEquals(
        "mention did:plc:ann>did:plc:cat post="
            + post(ANN, "p8")
            + " parent=null ts="
            + T
            + " id="
            + post(ANN, "p8")
            + "#mention:did:plc:cat",
        outcome.get(3));
    assertEquals(
        post(ANN, "p8") + "#mention:" + BOB,
        outcome.get(4).substring(outcome.get(4).indexOf(" id=") + 4));
  }

  @Test
  void likesAndRepostsTargetTheSubjectsAuthor() {
    assertEquals(
        List.of(
            "accepted",
            "like did:plc:cat>did:plc:ann post=null parent="
                + post(ANN, "p1")
                + " ts="
                + T
                + " id=at://did:plc:cat/app.bsky.feed.like/l1#like"),
        parse(
            commit(
                CAT,
                "create",
                "app.bsky.feed.like",
                "l1",
                "{\"subject\":"
                    + ref(post(ANN, "p1"))
                    + ",\"createdAt\":\"2024-06-10T06:13:20Z\"}")));
    assertEquals(
        List.of(
            "accepted",
            "reshare did:plc:cat>did:plc:ann post=null parent="
                + post(ANN, "p1")
                + " ts="
                + T
                + " id=at://did:plc:cat/app.bsky.feed.repost/s1#reshare"),
        parse(
            commit(
                CAT,
                "create",
                "app.bsky.feed.repost",
                "s1",
                "{\"subject\":"
                    + ref(post(ANN, "p1"))
                    + ",\"createdAt\":\"2024-06-10T06:13:20Z\"}")));
  }

  /**
   * An identity event stays skipped; its handle names its did at time_us, and nothing else names
   * it: the identity's own {@code time} is not the event's time (issue 11, "Accounts table").
   */
  @Test
  void identityEventNamesItsDidAtTimeUsAndStaysSkipped() {
    String withHandle =
        "{\"did\":\""
            + ANN
            + "\",\"handle\":\"Ann.Example\",\"seq\":1,\"time\":\"2020-01-01T00:00:00Z\"}";
    assertEquals(
        List.of("skipped identity", "name did:plc:ann=Ann.Example ts=" + T),
        parse(identity(Long.toString(T), withHandle)));
    // Jetstream sends identity events without a handle too: skipped, no name.
    assertEquals(
        List.of("skipped identity"),
        parse(identity(Long.toString(T), "{\"did\":\"" + ANN + "\",\"seq\":2}")));
    assertEquals(List.of("skipped identity"), parse(identity(Long.toString(T), "null")));
    // A time_us that is no count of microseconds dates nothing, and is no reason to reject.
    assertEquals(List.of("skipped identity"), parse(identity("\"soon\"", withHandle)));
    // Before the study's not_before (2000-01-01): outside the study, like its events.
    assertEquals(List.of("skipped identity"), parse(identity("946684799999999", withHandle)));
  }

  private static String identity(String timeUs, String identity) {
    return "{\"did\":\""
        + ANN
        + "\",\"time_us\":"
        + timeUs
        + ",\"kind\":\"identity\",\"identity\":"
        + identity
        + "}";
  }

  @Test
  void everythingElseIsSkippedByKind() {
    assertEquals(
        List.of("skipped identity", "name did:plc:ann=ann.example ts=" + T),
        parse(identity(Long.toString(T), "{\"did\":\"" + ANN + "\",\"handle\":\"ann.example\"}")));
    assertEquals(
        List.of("skipped account"),
        parse(
            "{\"did\":\""
                + ANN
                + "\",\"time_us\":"
                + T
                + ",\"kind\":\"account\",\"account\":{\"active\":false,\"did\":\""
                + ANN
                + "\",\"seq\":2,\"status\":\"deactivated\",\"time\":\"2024-06-10T06:13:20Z\"}}"));
    assertEquals(
        List.of("skipped app.bsky.graph.block.create"),
        parse(
            commit(ANN, "create", "app.bsky.graph.block", "b1", "{\"subject\":\"" + BOB + "\"}")));
    assertEquals(
        List.of("skipped app.bsky.feed.like.delete"),
        parse(commit(ANN, "delete", "app.bsky.feed.like", "l1", null)));
    assertEquals(
        List.of("skipped app.bsky.feed.post.delete"),
        parse(commit(ANN, "delete", "app.bsky.feed.post", "p1", null)));
    assertEquals(
        List.of("skipped app.bsky.actor.profile.update"),
        parse(commit(ANN, "update", "app.bsky.actor.profile", "self", "{}")));
    assertEquals(
        List.of("skipped other_collection.create"),
        parse(commit(ANN, "create", "com.whtwnd.blog.entry", "e1", "{}")));
    assertEquals(
        List.of("skipped app.bsky.feed.somethingnew.x_"),
        parse(commit(ANN, "Ö", "app.bsky.feed.somethingNew", "e1", "{}")));
  }

  @Test
  void eventTimeCreatedUsesTheRecordsCreatedAtWhereThereIsOne() {
    String follow =
        commit(
            ANN,
            "create",
            "app.bsky.graph.follow",
            "3kf1",
            "{\"subject\":\"" + BOB + "\",\"createdAt\":\"2024-06-10T08:13:19.5+02:00\"}");
    assertEquals(" ts=" + (T - 500_000), tsOf(OutcomeSink.parse(BY_CREATED, follow).get(1)));
    // A delete has no record: time_us.
    assertEquals(
        " ts=" + T,
        tsOf(
            OutcomeSink.parse(
                    BY_CREATED, commit(ANN, "delete", "app.bsky.graph.follow", "3kf1", null))
                .get(1)));
    String local =
        commit(
            ANN,
            "create",
            "app.bsky.graph.follow",
            "3kf2",
            "{\"subject\":\"" + BOB + "\",\"createdAt\":\"2024-06-10T06:13:19\"}");
    assertEquals(
        List.of("rejected bad_timestamp: commit.record.createdAt '2024-06-10T06:13:19'"),
        OutcomeSink.parse(BY_CREATED, local));
    assertEquals(" ts=" + T, tsOf(parse(local).get(1)));
  }

  @Test
  void malformedEventsAreRejectedWithTheFirstFailingCheck() {
    assertEquals(List.of("rejected unparsable: not a JSON object"), parse("[1,2]"));
    assertEquals("rejected unparsable", parse("{\"did\":").get(0).substring(0, 19));
    assertEquals(
        List.of("rejected unsupported_record: not a Jetstream event: no kind"),
        parse("{\"did\":\"" + ANN + "\",\"time_us\":" + T + "}"));
    assertEquals(
        List.of("rejected unsupported_record: kind 'sync' is none of commit, identity, account"),
        parse("{\"did\":\"" + ANN + "\",\"time_us\":" + T + ",\"kind\":\"sync\"}"));
    assertEquals(
        List.of("rejected missing_field: did"),
        parse(commit("", "create", "app.bsky.graph.follow", "k", "{\"subject\":\"" + BOB + "\"}")));
    assertEquals(
        List.of(
            "rejected unparsable: commit.record.subject: not valid Unicode (a lone surrogate"
                + " \\uDC00 at character 9)"),
        parse(
            commit(
                ANN,
                "create",
                "app.bsky.graph.follow",
                "k",
                "{\"subject\":\"did:plc:\\udc00x\"}")));
    assertEquals(
        List.of("rejected missing_field: commit.rkey"),
        parse(commit(ANN, "create", "app.bsky.graph.follow", "", "{\"subject\":\"" + BOB + "\"}")));
    assertEquals(
        List.of("rejected missing_field: commit.record"),
        parse(commit(ANN, "create", "app.bsky.feed.like", "l1", null)));
    assertEquals(
        List.of("rejected missing_field: commit.record.subject"),
        parse(
            commit(
                ANN,
                "create",
                "app.bsky.graph.follow",
                "k",
                "{\"createdAt\":\"2024-06-10T06:13:20Z\"}")));
    assertEquals(
        List.of("rejected missing_field: commit.record.subject.uri is not an at:// record URI"),
        parse(
            commit(
                ANN,
                "create",
                "app.bsky.feed.like",
                "l1",
                "{\"subject\":" + ref("https://bsky.example/post/1") + "}")));
    assertEquals(
        List.of("rejected missing_field: commit.record.facets[].features[].did"),
        parse(
            postLine(
                ANN,
                "p9",
                ",\"facets\":[{\"index\":{\"byteStart\":0,\"byteEnd\":4},\"features\":[{\"$type\":\"app.bsky.richtext.facet#mention\"}]}]")));
    assertEquals(
        List.of("rejected bad_timestamp: time_us '1.718E15'"), parse(unfollowAt("\"1.718E15\"")));
    // time_us as a number (as Jetstream writes it) or as a string of digits, at most 18 of them.
    for (String timeUs : List.of("-5", "1000000000000000000", "\"-5\"", "12345678901234567890")) {
      assertEquals(
          List.of("rejected bad_timestamp: time_us '" + timeUs.replace("\"", "") + "'"),
          parse(unfollowAt(timeUs)),
          timeUs);
    }
    assertEquals(List.of("rejected missing_field: time_us"), parse(unfollowAt("1.5")));
    assertEquals(
        " ts=999999999999999999", tsOf(parse(unfollowAt("\"999999999999999999\"")).get(1)));
    assertEquals(
        List.of("rejected self_follow: did and commit.record.subject 'did:plc:ann'"),
        parse(
            commit(ANN, "create", "app.bsky.graph.follow", "k", "{\"subject\":\"" + ANN + "\"}")));
    assertEquals(
        List.of(
            "rejected ts_out_of_range: ts 1999-12-31T23:59:59Z before not_before"
                + " 2000-01-01T00:00:00Z"),
        parse(
            commit(ANN, "delete", "app.bsky.graph.follow", "k", null)
                .replace(Long.toString(T), "946684799000000")));
  }

  @Test
  void eventTimeOptionNamesItsValues() {
    assertEquals(EventTime.CREATED, EventTime.of("created"));
    assertEquals("time_us", EventTime.TIME_US.label());
    assertEquals(
        "'createdAt' is not one of time_us, created",
        assertThrows(IllegalArgumentException.class, () -> EventTime.of("createdAt")).getMessage());
  }

  private static List<String> parse(String line) {
    return OutcomeSink.parse(FORMAT, line);
  }

  /** Ann's unfollow (a follow record's delete) whose {@code time_us} is the JSON value given. */
  private static String unfollowAt(String timeUs) {
    return "{\"did\":\""
        + ANN
        + "\",\"time_us\":"
        + timeUs
        + ",\"kind\":\"commit\",\"commit\":{\"operation\":\"delete\","
        + "\"collection\":\"app.bsky.graph.follow\",\"rkey\":\"k\"}}";
  }

  static String commit(
      String did, String operation, String collection, String rkey, String record) {
    return "{\"did\":\""
        + did
        + "\",\"time_us\":"
        + T
        + ",\"kind\":\"commit\",\"commit\":{\"rev\":\"3l3qo2vutsw2b\",\"operation\":\""
        + operation
        + "\",\"collection\":\""
        + collection
        + "\",\"rkey\":\""
        + rkey
        + "\""
        + (record == null ? "" : ",\"record\":" + record + ",\"cid\":\"bafyrei\"")
        + "}}";
  }

  private static String postLine(String did, String rkey, String extra) {
    return commit(
        did,
        "create",
        "app.bsky.feed.post",
        rkey,
        "{\"$type\":\"app.bsky.feed.post\",\"text\":\"hello\",\"createdAt\":\"2024-06-10T06:13:20Z\""
            + extra
            + "}");
  }

  private static String post(String did, String rkey) {
    return "at://" + did + "/app.bsky.feed.post/" + rkey;
  }

  private static String ref(String uri) {
    return "{\"uri\":\"" + uri + "\",\"cid\":\"bafyreib\"}";
  }

  private static String mention(String did) {
    return "{\"index\":{\"byteStart\":0,\"byteEnd\":4},\"features\":[{\"$type\":\"app.bsky.richtext.facet#mention\",\"did\":\""
        + did
        + "\"}]}";
  }

  private static String type(String outcome) {
    return outcome.split(" ")[0];
  }

  private static String tsOf(String outcome) {
    return outcome.substring(outcome.indexOf(" ts="), outcome.indexOf(" id="));
  }
}
