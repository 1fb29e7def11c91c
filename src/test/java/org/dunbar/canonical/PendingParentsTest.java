package org.dunbar.canonical;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.hash.BloomFilter;
import java.util.List;
import org.apache.beam.sdk.util.CoderUtils;
import org.junit.jupiter.api.Test;

/** The filter of pending parents: never rules out a parent, merges, and survives its coder. */
class PendingParentsTest {
  private final PendingParents fn = new PendingParents();

  @Test
  void aMergedFilterStillHoldsEveryParentOfEveryPart() throws Exception {
    BloomFilter<String> left =
        fn.addInput(fn.createAccumulator(), "at://did:plc:ann/app.bsky.graph.follow/1");
    BloomFilter<String> right = fn.addInput(fn.createAccumulator(), "t3_abc");
    BloomFilter<String> merged = fn.extractOutput(fn.mergeAccumulators(List.of(left, right)));
    BloomFilter<String> decoded =
        CoderUtils.decodeFromByteArray(
            PendingParents.FilterCoder.INSTANCE,
            CoderUtils.encodeToByteArray(PendingParents.FilterCoder.INSTANCE, merged));

    assertTrue(decoded.mightContain("at://did:plc:ann/app.bsky.graph.follow/1"));
    assertTrue(decoded.mightContain("t3_abc"));
  }

  @Test
  void anEmptyFilterRulesOutEveryClaim() {
    BloomFilter<String> none =
        fn.extractOutput(fn.mergeAccumulators(List.of(fn.createAccumulator())));
    assertFalse(none.mightContain("P1"));
    assertFalse(none.mightContain(""));
  }
}
