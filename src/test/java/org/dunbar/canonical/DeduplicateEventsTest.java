package org.dunbar.canonical;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.dunbar.analysis.DirectPipelines;
import org.dunbar.records.Event;
import org.junit.jupiter.api.Test;

/**
 * The SPEC's id and duplicate rules on two overlapping export files. b.jsonl is listed first and
 * its copies sit on earlier lines, so only (path, line) order can make a.jsonl's copies win.
 */
class DeduplicateEventsTest {
  private static final String A = "/exports/a.jsonl";
  private static final String B = "/exports/b.jsonl";
  private static final long REPLY_TS = micros("2024-01-02T10:00:00Z");
  private static final long MESSAGE_TS = micros("2024-01-06T12:00:00Z");
  private static final long QUOTE_TS = micros("2024-01-08T00:00:00Z");
  private static final long POST_TS = micros("2024-01-04T00:00:00Z");

  /** Nine records of two overlapping files. */
  private static List<Event> records() {
    return List.of(
        // b.jsonl: one copy of a.jsonl's message, its reply, a conflicting x1, an identical x2.
        event(null, "message", "cat", "dan", null, MESSAGE_TS, B, 1),
        event(null, "reply", "ann", "bob", null, REPLY_TS, B, 2),
        event("x1", "quote", "eve", "ann", null, QUOTE_TS, B, 3),
        event("x2", "post", "bob", null, "p1", POST_TS, B, 4),
        // a.jsonl: two identical messages in one second (two real events), then the rest.
        event(null, "message", "cat", "dan", null, MESSAGE_TS, A, 1),
        event(null, "message", "cat", "dan", null, MESSAGE_TS, A, 2),
        event(null, "reply", "ann", "bob", null, REPLY_TS, A, 3),
        event("x1", "quote", "eve", "bob", null, QUOTE_TS, A, 4),
        event("x2", "post", "bob", null, "p1", POST_TS, A, 5));
  }

  @Test
  void namesEveryCopyButTheFirstOfEachExplicitIdAndPassesIdlessEventsOn() {
    Pipeline p = DirectPipelines.create();
    PCollectionTuple routed = ReadOutputs.of(p, records()).route();
    PCollectionTuple out = routed.get(RouteEvents.ID_CLAIMS).apply(new DeduplicateEvents());

    // All nine go on to the pair replay: the five id-less records (it drops their copies itself)
    // and every copy of x1 and x2 (it leaves out the copies named below), these without post id:
    // an event with its own id needs none there.
    List<Event> ready = new ArrayList<>(records().subList(0, 8));
    ready.set(3, event("x2", "post", "bob", null, null, POST_TS, B, 4));
    ready.add(event("x2", "post", "bob", null, null, POST_TS, A, 5));
    PAssert.that(routed.get(RouteEvents.READY)).containsInAnyOrder(ready);
    // The first in (path, line) order wins even when the other copy's content differs: a.jsonl's.
    PAssert.that(out.get(DeduplicateEvents.DROPPED))
        .containsInAnyOrder(
            IdClaim.of(event("x1", "quote", "eve", "ann", null, QUOTE_TS, B, 3)),
            IdClaim.of(event("x2", "post", "bob", null, "p1", POST_TS, B, 4)));
    // x1 (also conflicting: target ann vs bob) and x2 (same content, so a plain duplicate).
    PAssert.that(out.get(DeduplicateEvents.TALLIES))
        .containsInAnyOrder(
            KV.of("events.duplicates", 1L),
            KV.of("events.duplicates", 1L),
            KV.of("events.conflicting_duplicates", 1L));
    DirectPipelines.run(p);
  }

  @Test
  void anUnresolvedEventWithItsOwnIdCountsOnceAndItsCopiesAsDuplicates() {
    Pipeline p = DirectPipelines.create();
    // A mention of an account the input does not identify, read twice: no target, no parent.
    PCollectionTuple routed =
        ReadOutputs.of(
                p,
                List.of(
                    event("x3", "mention", "eve", null, null, QUOTE_TS, B, 5),
                    event("x3", "mention", "eve", null, null, QUOTE_TS, A, 6)))
            .route();
    PCollectionTuple out = routed.get(RouteEvents.ID_CLAIMS).apply(new DeduplicateEvents());

    PAssert.that(routed.get(RouteEvents.READY)).empty();
    PAssert.that(routed.get(RouteEvents.TALLIES)).empty();
    // In no replay group, so nothing to leave out; the kept copy is skipped as unresolved.
    PAssert.that(out.get(DeduplicateEvents.DROPPED)).empty();
    PAssert.that(out.get(DeduplicateEvents.TALLIES))
        .containsInAnyOrder(
            KV.of("events.unresolved_target.mention", 1L), KV.of("events.duplicates", 1L));
    DirectPipelines.run(p);
  }

  /**
   * An id read once needs no deduplication ({@link RepeatedIds}): its event goes on without a
   * claim, and when it cannot be resolved routing counts it at once.
   */
  @Test
  void anIdReadOnceIsNotClaimed() {
    Pipeline p = DirectPipelines.create();
    Event quote = event("x5", "quote", "eve", "ann", null, QUOTE_TS, A, 1);
    PCollectionTuple routed =
        ReadOutputs.of(p, List.of(quote, event("x6", "mention", "eve", null, null, QUOTE_TS, A, 2)))
            .route();

    // It occurs once and is no follow: the replay needs neither its id nor its file and line.
    PAssert.that(routed.get(RouteEvents.READY))
        .containsInAnyOrder(
            event(
                RouteEvents.ID_NOT_CARRIED,
                "quote",
                "eve",
                "ann",
                null,
                QUOTE_TS,
                RouteEvents.ID_NOT_CARRIED,
                0));
    PAssert.that(routed.get(RouteEvents.ID_CLAIMS)).empty();
    PAssert.that(routed.get(RouteEvents.TALLIES))
        .containsInAnyOrder(KV.of("events.unresolved_target.mention", 1L));
    PAssert.that(routed.get(RouteEvents.TO_RESOLVE)).empty();
    DirectPipelines.run(p);
  }

  @Test
  void aClaimNamesOnlyTheEventThatMadeIt() {
    Event x2 = event("x2", "post", "bob", null, "p1", POST_TS, A, 5);
    IdClaim claim = IdClaim.of(event("x2", "post", "bob", null, "p1", POST_TS, B, 4));
    assertFalse(claim.madeBy(x2), "same id and content, read elsewhere");
    assertTrue(claim.madeBy(event("x2", "post", "bob", null, "p1", POST_TS, B, 4)));
    // Two records of one line (a page) with one id: the claim names the one with its fields, but
    // not by post or parent ids, which the replay's events no longer carry.
    assertFalse(claim.madeBy(event("x2", "post", "cat", null, "p1", POST_TS, B, 4)));
    assertTrue(claim.madeBy(event("x2", "post", "bob", null, null, POST_TS, B, 4)));
    // Same content, same digest; x1's two copies differ in target, so their digests differ.
    assertEquals(IdClaim.of(x2).content(), claim.content());
    assertNotEquals(
        IdClaim.of(event("x1", "quote", "eve", "ann", null, QUOTE_TS, B, 3)).content(),
        IdClaim.of(event("x1", "quote", "eve", "bob", null, QUOTE_TS, A, 4)).content());
  }

  @Test
  void idlessCopiesSharingAnInstantGetTheirSpecIdsAndOnlyTheFirstOfEachIdIsKept() {
    List<Event> idless = records().stream().filter(e -> e.getEventId() == null).toList();
    IdlessCopies.Kept kept = IdlessCopies.keepFirst(idless);

    // Five id-less records in, three kept: the other two are duplicates.
    assertEquals(2, kept.duplicates());
    assertEquals(
        Set.of(
            // The k-th identical line of a file gets occurrence k: two ids. b.jsonl's single copy
            // is occurrence 1 there, so it is a copy of a.jsonl:1.
            event(
                specId("message", "cat", "dan", "", "", MESSAGE_TS, 1),
                "message",
                "cat",
                "dan",
                null,
                MESSAGE_TS,
                A,
                1),
            event(
                specId("message", "cat", "dan", "", "", MESSAGE_TS, 2),
                "message",
                "cat",
                "dan",
                null,
                MESSAGE_TS,
                A,
                2),
            // The reply is alone at its instant: nothing to order it against, so it needs no id.
            event(null, "reply", "ann", "bob", null, REPLY_TS, A, 3)),
        Set.copyOf(kept.unique()));
  }

  @Test
  void explicitIdsPassTheIdlessRuleUntouched() {
    Event x1 = event("x1", "quote", "eve", "bob", null, QUOTE_TS, A, 4);
    Event x1Copy = event("x1", "quote", "eve", "bob", null, QUOTE_TS, B, 9);
    IdlessCopies.Kept kept = IdlessCopies.keepFirst(List.of(x1, x1Copy));
    // Copies of explicit ids are left to DeduplicateEvents' notices; here both stay.
    assertEquals(0, kept.duplicates());
    assertEquals(List.of(x1, x1Copy), kept.unique());
  }

  private static Event event(
      String id,
      String type,
      String actor,
      String target,
      String postId,
      long ts,
      String source,
      long line) {
    return new Event(id, type, actor, target, postId, null, ts, source, line);
  }

  /**
   * The SPEC's id, computed here from its text rather than through EventIds: SHA-256 (lowercase
   * hex) of lower(type), actor, target, post_id, parent_id, epoch microseconds and the occurrence
   * number, joined by U+001F, absent fields empty.
   */
  static String specId(
      String type,
      String actor,
      String target,
      String postId,
      String parentId,
      long micros,
      int k) {
    String joined =
        String.join(
            "\u001F",
            type,
            actor,
            target,
            postId,
            parentId,
            Long.toString(micros),
            Integer.toString(k));
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(joined.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static long micros(String instant) {
    return Instant.parse(instant).toEpochMilli() * 1000;
  }
}
