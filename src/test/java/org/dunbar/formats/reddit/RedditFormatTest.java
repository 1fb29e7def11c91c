package org.dunbar.formats.reddit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.dunbar.formats.OutcomeSink;
import org.dunbar.formats.TimeBounds;
import org.junit.jupiter.api.Test;

/**
 * The Reddit adapter, line by line, on objects written from the Arctic Shift schemas of {@code
 * RC_*} and {@code RS_*} (invented names and ids).
 */
class RedditFormatTest {
  private static final RedditFormat FORMAT =
      new RedditFormat(new TimeBounds(946_684_800_000_000L, null));

  /** 2023-03-01T00:00:00Z in seconds, and in microseconds. */
  private static final long SECONDS = 1_677_628_800L;

  private static final long MICROS = SECONDS * 1_000_000;

  @Test
  void aSubmissionIsAPostKeyedByItsFullname() {
    assertEquals(
        List.of(
            "accepted",
            "post quiet_heron>null post=t3_11ab parent=null ts=" + MICROS + " id=reddit:t3_11ab"),
        parse(
            "{\"id\":\"11ab\",\"author\":\"quiet_heron\",\"created_utc\":"
                + SECONDS
                + ",\"subreddit\":\"birding\",\"title\":\"First heron of"
                + " spring\",\"selftext\":\"\",\"num_comments\":2}"));
  }

  @Test
  void aCommentIsAReplyWhoseTargetIsLeftToItsParent() {
    assertEquals(
        List.of(
            "accepted",
            "reply Mossy-Otter>null post=t1_jc01 parent=t3_11ab ts="
                + MICROS
                + " id=reddit:t1_jc01"),
        parse(comment("jc01", "Mossy-Otter", "\"" + SECONDS + "\"", "t3_11ab")));
    assertEquals(
        "reply quiet_heron>null post=t1_jc02 parent=t1_jc01 ts=" + MICROS + " id=reddit:t1_jc02",
        parse(comment("jc02", "quiet_heron", Long.toString(SECONDS), "t1_jc01")).get(1));
  }

  @Test
  void deletedAndRemovedAuthorsAreSkipped() {
    assertEquals(
        List.of("skipped deleted_author"),
        parse(comment("jc03", "[deleted]", Long.toString(SECONDS), "t1_jc01")));
    assertEquals(
        List.of("skipped deleted_author"),
        parse(
            "{\"id\":\"11ac\",\"author\":\"[removed]\",\"created_utc\":"
                + SECONDS
                + ",\"title\":\"gone\"}"));
  }

  @Test
  void malformedObjectsAreRejectedWithTheFirstFailingCheck() {
    assertEquals(List.of("rejected unparsable: not a JSON object"), parse("\"RC_2023-03\""));
    assertEquals(
        List.of(
            "rejected unsupported_record: neither a comment (parent_id) nor a submission (title)"),
        parse("{\"id\":\"t5_2qh1i\",\"display_name\":\"birding\"}"));
    assertEquals(
        List.of("rejected missing_field: id"),
        parse(comment("", "quiet_heron", Long.toString(SECONDS), "t1_jc01")));
    assertEquals(
        List.of("rejected missing_field: author"),
        parse(comment("jc04", "", Long.toString(SECONDS), "t1_jc01")));
    // A lone surrogate escape has no UTF-8 form: written, two authors could become one.
    assertEquals(
        List.of(
            "rejected unparsable: author: not valid Unicode (a lone surrogate \\uD800 at"
                + " character 6)"),
        parse(comment("jc05", "heron\\ud800", Long.toString(SECONDS), "t1_jc01")));
    assertEquals(
        List.of(
            "rejected missing_field: parent_id 'jc01' names neither a comment (t1_) nor a"
                + " submission (t3_)"),
        parse(comment("jc05", "quiet_heron", Long.toString(SECONDS), "jc01")));
    assertEquals(
        List.of("rejected missing_field: created_utc"),
        parse(comment("jc06", "quiet_heron", "null", "t1_jc01")));
    assertEquals(
        List.of("rejected bad_timestamp: created_utc 1.6776288E9"),
        parse(comment("jc07", "quiet_heron", "1.6776288E9", "t1_jc01")));
    assertEquals(
        List.of("rejected bad_timestamp: created_utc \"2023-03-01\""),
        parse(comment("jc08", "quiet_heron", "\"2023-03-01\"", "t1_jc01")));
    assertEquals(
        List.of(
            "rejected ts_out_of_range: ts 1999-12-31T23:59:59Z before not_before"
                + " 2000-01-01T00:00:00Z"),
        parse(comment("jc09", "quiet_heron", "946684799", "t1_jc01")));
  }

  private static List<String> parse(String line) {
    return OutcomeSink.parse(FORMAT, line);
  }

  private static String comment(String id, String author, String createdUtc, String parentId) {
    return "{\"id\":\""
        + id
        + "\",\"author\":\""
        + author
        + "\",\"created_utc\":"
        + createdUtc
        + ",\"subreddit\":\"birding\",\"body\":\"nice\""
        + ",\"parent_id\":\""
        + parentId
        + "\",\"link_id\":\"t3_11ab\",\"score\":1}";
  }
}
