package org.dunbar.canonical;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.beam.sdk.util.CoderUtils;
import org.dunbar.records.Event;
import org.junit.jupiter.api.Test;

/**
 * The index of pending parents: never rules out a parent, never counts a parent's pending events
 * too few, merges, and survives its coder.
 */
class PendingParentsTest {
  private static final String FOLLOW = "at://did:plc:ann/app.bsky.graph.follow/1";
  private final PendingParents fn = new PendingParents();

  @Test
  void aMergedIndexStillHoldsEveryParentOfEveryPart() throws Exception {
    PendingParents.Index left = fn.addInput(fn.createAccumulator(), FOLLOW);
    PendingParents.Index right = fn.addInput(fn.createAccumulator(), "t3_abc");
    PendingParents.Index decoded = roundTrip(fn.mergeAccumulators(List.of(left, right)));

    assertTrue(decoded.mightBeParent(FOLLOW));
    assertTrue(decoded.mightBeParent("t3_abc"));
  }

  @Test
  void anEmptyIndexRulesOutEveryClaimAndGivesOneGroup() {
    PendingParents.Index none =
        fn.extractOutput(fn.mergeAccumulators(List.of(fn.createAccumulator())));
    assertFalse(none.mightBeParent("P1"));
    assertFalse(none.mightBeParent(""));
    assertEquals(1, none.buckets("P1"));
  }

  /**
   * 500,000 parents (a 10M-event Bluesky capture's unfollows): every one is held, and of 100,000
   * other posts about 0.4 % pass ((1 − e<sup>−3 · 500,000 / 2<sup>23</sup></sup>)<sup>3</sup>). An
   * empty index encodes in a few bytes, not as its 1 MiB of bits.
   */
  @Test
  void holdsEveryParentAndLetsFewOtherPostsThrough() throws Exception {
    PendingParents.Index index = fn.createAccumulator();
    for (int i = 0; i < 500_000; i++) {
      fn.addInput(index, "at://did:plc:u" + i + "/app.bsky.graph.follow/3k");
    }
    PendingParents.Index decoded = roundTrip(index);
    for (int i = 0; i < 500_000; i += 997) {
      assertTrue(decoded.mightBeParent("at://did:plc:u" + i + "/app.bsky.graph.follow/3k"));
    }
    long passed = 0;
    for (int i = 0; i < 100_000; i++) {
      passed += decoded.mightBeParent("at://did:plc:u" + i + "/app.bsky.feed.post/3k") ? 1 : 0;
    }
    assertTrue(passed > 200 && passed < 700, passed + " of 100,000 other posts passed");
    assertTrue(
        CoderUtils.encodeToByteArray(PendingParents.IndexCoder.INSTANCE, fn.createAccumulator())
                .length
            < 16);
  }

  /**
   * 4,096 pending events fill one group, 4,097 take two; counted in two parts, merged and decoded:
   * 6,000 + 6,000 replies to one post take ⌈12,000 / 4,096⌉ = 3. The sketch can only count more
   * (another parent sharing all three counters), never fewer.
   */
  @Test
  void aParentHasAGroupPerFourThousandPendingEventsAfterMergeAndCoder() throws Exception {
    PendingParents.Index full = fn.createAccumulator();
    PendingParents.Index over = fn.createAccumulator();
    for (int i = 0; i < PendingParents.PENDING_PER_BUCKET; i++) {
      fn.addInput(full, "P1");
      fn.addInput(over, "P1");
    }
    fn.addInput(over, "P1");
    assertEquals(1, full.buckets("P1"));
    assertEquals(2, over.buckets("P1"));

    PendingParents.Index left = fn.createAccumulator();
    PendingParents.Index right = fn.createAccumulator();
    for (int i = 0; i < 6_000; i++) {
      fn.addInput(left, "t3_viral");
      fn.addInput(right, "t3_viral");
    }
    fn.addInput(right, "t1_quiet");
    PendingParents.Index merged = roundTrip(fn.mergeAccumulators(List.of(left, right)));
    assertEquals(3, merged.buckets("t3_viral"));
    assertEquals(1, merged.buckets("t1_quiet"));
  }

  /** Copies of one pending record share a group, with or without an id. */
  @Test
  void copiesOfAPendingRecordShareAGroup() {
    PendingParents.Index index = fn.createAccumulator();
    for (int i = 0; i < 5 * PendingParents.PENDING_PER_BUCKET; i++) {
      fn.addInput(index, "V");
    }
    assertEquals(5, index.buckets("V"));
    for (String id : new String[] {"r1", null}) {
      Event a = new Event(id, "reply", "bob", null, "R1", "V", 1L, "/in/a.jsonl", 2L);
      Event b = new Event(id, "reply", "bob", null, "R1", "V", 1L, "/in/b.jsonl", 9L);
      assertEquals(index.bucket(a), index.bucket(b));
    }
  }

  private static PendingParents.Index roundTrip(PendingParents.Index index) throws Exception {
    return CoderUtils.decodeFromByteArray(
        PendingParents.IndexCoder.INSTANCE,
        CoderUtils.encodeToByteArray(PendingParents.IndexCoder.INSTANCE, index));
  }
}
