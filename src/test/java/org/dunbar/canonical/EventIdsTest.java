package org.dunbar.canonical;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.common.hash.Hashing;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.dunbar.records.Event;
import org.junit.jupiter.api.Test;

class EventIdsTest {
  private static final long TS = 1_600_000_000_000_000L;

  private static Event event(String type, String actor, String target, String post, String parent) {
    return new Event(null, type, actor, target, post, parent, TS, "f.jsonl", 7L);
  }

  private static String sha256(String joined) throws Exception {
    byte[] hash =
        MessageDigest.getInstance("SHA-256").digest(joined.getBytes(StandardCharsets.UTF_8));
    return HexFormat.of().formatHex(hash);
  }

  @Test
  void hashesTheJoinedFieldsAndTheOccurrence() throws Exception {
    Event follow = event("follow", "alice", "bob", null, "p1");
    String fields = "follow\u001Falice\u001Fbob\u001F\u001Fp1\u001F1600000000000000";
    assertEquals(sha256(fields + "\u001F2"), EventIds.withOccurrence(follow, 2));
    // Computed outside Java, so both sides cannot share a mistake.
    assertEquals(
        "b7c87ee7a9903b021590bb00aa351860a289bf3fcf2dc518211fb3d5ecd524a2",
        EventIds.withOccurrence(follow, 2));
  }

  @Test
  void writesAbsentFieldsAsEmptyAndEncodesUtf8() throws Exception {
    Event post = event("post", "\u00E9mile", null, "p9", null);
    post.setTs(1_600_000_000_123_456L);
    assertEquals(
        sha256("post\u001F\u00E9mile\u001F\u001Fp9\u001F\u001F1600000000123456\u001F1"),
        EventIds.withOccurrence(post, 1));
    assertEquals(
        "0e2364f02be7c5660cf43ab9794b42a3e2cea95047acbfaec3347c183d5fb489",
        EventIds.withOccurrence(post, 1));
  }

  @Test
  void lowerCasesTheTypeAndIgnoresWhereTheRecordWasRead() {
    Event lower = event("follow", "a", "b", null, null);
    Event upper = event("FOLLOW", "a", "b", null, null);
    upper.setSource("other.jsonl");
    upper.setLine(99L);
    assertEquals(EventIds.withOccurrence(lower, 1), EventIds.withOccurrence(upper, 1));
  }

  @Test
  void separatesFieldsAndOccurrences() {
    assertNotEquals(
        EventIds.withOccurrence(event("reply", "ab", "c", null, null), 1),
        EventIds.withOccurrence(event("reply", "a", "bc", null, null), 1));
    Event e = event("like", "a", "b", null, "p");
    assertNotEquals(EventIds.withOccurrence(e, 1), EventIds.withOccurrence(e, 2));
  }

  @Test
  void contentDigestIsMurmur3OfTheJoinedFieldsWithoutOccurrence() {
    Event follow = event("FOLLOW", "alice", "bob", null, "p1");
    byte[] expected =
        Hashing.murmur3_128()
            .hashString("follow\u001Falice\u001Fbob\u001F\u001Fp1\u001F1600000000000000", UTF_8)
            .asBytes();
    ByteBuffer bytes = ByteBuffer.wrap(expected).order(ByteOrder.LITTLE_ENDIAN);
    assertEquals(
        new ContentDigest(bytes.getLong(), bytes.getLong()), EventIds.contentDigest(follow));
  }

  @Test
  void contentDigestTellsEveryFieldApartButWhereTheRecordWasRead() {
    Event base = event("reply", "a", "b", "p", "q");
    Event elsewhere = event("reply", "a", "b", "p", "q");
    elsewhere.setSource("other.jsonl");
    elsewhere.setLine(99L);
    assertEquals(EventIds.contentDigest(base), EventIds.contentDigest(elsewhere));
    Event later = event("reply", "a", "b", "p", "q");
    later.setTs(TS + 1);
    for (Event other :
        List.of(
            event("quote", "a", "b", "p", "q"),
            event("reply", "ab", "", "p", "q"),
            event("reply", "a", "c", "p", "q"),
            event("reply", "a", "b", null, "q"),
            event("reply", "a", "b", "p", null),
            later)) {
      assertNotEquals(EventIds.contentDigest(base), EventIds.contentDigest(other));
    }
  }

  @Test
  void occurrencesStartAtOne() {
    assertThrows(
        IllegalArgumentException.class,
        () -> EventIds.withOccurrence(event("like", "a", "b", null, null), 0));
  }
}
