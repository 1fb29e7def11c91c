package org.dunbar.canonical;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.IntStream;
import org.apache.beam.sdk.util.CoderUtils;
import org.dunbar.records.InputFile;
import org.junit.jupiter.api.Test;

/**
 * The filter of ids that may repeat: an id read twice is always flagged, wherever its copies were
 * read; an id read once seldom is; and the filter survives its coder.
 */
class RepeatedIdsTest {
  private final RepeatedIds fn = new RepeatedIds(RepeatedIds.MIN_LOG2_BITS);

  private RepeatedIds.Filter of(String... ids) {
    long[] fingerprints = new long[ids.length];
    for (int i = 0; i < ids.length; i++) {
      fingerprints[i] = RepeatedIds.fingerprint(ids[i]);
    }
    return fn.addInput(fn.createAccumulator(), new IdFingerprints(fingerprints));
  }

  @Test
  void anIdReadTwiceInOneFileIsFlagged() {
    RepeatedIds.Filter filter = of("x1", "x2", "x1");
    assertTrue(filter.mightRepeat("x1"));
    assertFalse(filter.mightRepeat("x2"));
    assertFalse(filter.mightRepeat("x3"), "never read");
  }

  @Test
  void anIdReadOnceByEachOfTwoWorkersIsFlaggedInTheMerge() throws Exception {
    RepeatedIds.Filter left = of("at://did:plc:ann/app.bsky.feed.like/1#like", "a");
    RepeatedIds.Filter right = of("at://did:plc:ann/app.bsky.feed.like/1#like", "b");
    RepeatedIds.Filter merged = fn.extractOutput(fn.mergeAccumulators(List.of(left, right)));
    RepeatedIds.Filter decoded =
        CoderUtils.decodeFromByteArray(
            RepeatedIds.FilterCoder.INSTANCE,
            CoderUtils.encodeToByteArray(RepeatedIds.FilterCoder.INSTANCE, merged));

    for (RepeatedIds.Filter filter : List.of(merged, decoded)) {
      assertTrue(filter.mightRepeat("at://did:plc:ann/app.bsky.feed.like/1#like"));
      assertFalse(filter.mightRepeat("a"));
      assertFalse(filter.mightRepeat("b"));
    }
  }

  /**
   * 5,000 distinct ids in 65,536 bits, 3 positions each: an id read once is flagged only when other
   * ids hit all three of its positions, about (1 - e^(-15000/65536))^3 ≈ 0.9 % of them.
   */
  @Test
  void fewDistinctIdsAreFlaggedAndEveryRepeatedOneIs() {
    String[] distinct = IntStream.range(0, 5_000).mapToObj(i -> "id" + i).toArray(String[]::new);
    RepeatedIds.Filter withCopies =
        fn.mergeAccumulators(List.of(of(distinct), of("id7", "id4999"), of("id7")));
    assertTrue(withCopies.mightRepeat("id7"));
    assertTrue(withCopies.mightRepeat("id4999"));
    long flagged = IntStream.range(0, 5_000).filter(i -> withCopies.mightRepeat("id" + i)).count();
    assertTrue(flagged < 100, flagged + " of 5,000 flagged");
  }

  @Test
  void filtersOfDifferentSizesDoNotMerge() {
    RepeatedIds.Filter small = of("x1");
    RepeatedIds.Filter large = new RepeatedIds(RepeatedIds.MIN_LOG2_BITS + 1).createAccumulator();
    assertThrows(IllegalArgumentException.class, () -> fn.mergeAccumulators(List.of(small, large)));
  }

  /** One bit per 16 bytes of plain input, per 2 of compressed input, rounded up to a power of 2. */
  @Test
  void sizedFromTheInputsBytes() {
    InputFile plain = input("events.jsonl", 2 << 20);
    InputFile gzip = input("events.jsonl.gz", 1 << 20);

    assertEquals(17, RepeatedIds.sizedFor(List.of(plain)).log2Bits());
    assertEquals(20, RepeatedIds.sizedFor(List.of(plain, gzip)).log2Bits());
    // Empty inputs: the smallest filter.
    assertEquals(
        RepeatedIds.MIN_LOG2_BITS,
        RepeatedIds.sizedFor(List.of(input("none.jsonl", 0))).log2Bits());
  }

  /** A file as matched, with its size then. */
  private static InputFile input(String path, long bytes) {
    return new InputFile(path, "events", "canonical", null, null, null, null, null, bytes);
  }
}
