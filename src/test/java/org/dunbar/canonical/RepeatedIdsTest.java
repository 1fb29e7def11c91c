package org.dunbar.canonical;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.apache.beam.runners.flink.FlinkPipelineOptions;
import org.apache.beam.runners.flink.FlinkRunner;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.util.CoderUtils;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionView;
import org.dunbar.analysis.DirectPipelines;
import org.dunbar.records.InputFile;
import org.junit.jupiter.api.Test;

/**
 * The filter of ids that may repeat: an id read twice is always flagged, wherever its copies were
 * read and whichever shard holds it; an id read once seldom is; shards and the gathered filter
 * survive their coders; and a filter sized for a large input builds on embedded Flink.
 */
class RepeatedIdsTest {
  private final RepeatedIds.CountFn fn = new RepeatedIds.CountFn(0, RepeatedIds.MIN_LOG2_BITS);

  private RepeatedIds.Shard of(String... ids) {
    return fn.addInput(fn.createAccumulator(), new IdFingerprints(fingerprints(ids)));
  }

  private static long[] fingerprints(String... ids) {
    long[] fingerprints = new long[ids.length];
    for (int i = 0; i < ids.length; i++) {
      fingerprints[i] = RepeatedIds.fingerprint(ids[i]);
    }
    return fingerprints;
  }

  private static boolean mightRepeat(RepeatedIds.Shard shard, String id) {
    return shard.mightRepeat(RepeatedIds.fingerprint(id));
  }

  @Test
  void anIdReadTwiceInOneFileIsFlagged() {
    RepeatedIds.Shard shard = of("x1", "x2", "x1");
    assertTrue(mightRepeat(shard, "x1"));
    assertFalse(mightRepeat(shard, "x2"));
    assertFalse(mightRepeat(shard, "x3"), "never read");
  }

  @Test
  void anIdReadOnceByEachOfTwoWorkersIsFlaggedInTheMerge() throws Exception {
    RepeatedIds.Shard left = of("at://did:plc:ann/app.bsky.feed.like/1#like", "a");
    RepeatedIds.Shard right = of("at://did:plc:ann/app.bsky.feed.like/1#like", "b");
    RepeatedIds.Shard merged = fn.extractOutput(fn.mergeAccumulators(List.of(left, right)));
    RepeatedIds.Shard decoded =
        CoderUtils.decodeFromByteArray(
            RepeatedIds.ShardCoder.INSTANCE,
            CoderUtils.encodeToByteArray(RepeatedIds.ShardCoder.INSTANCE, merged));

    for (RepeatedIds.Shard shard : List.of(merged, decoded)) {
      assertTrue(mightRepeat(shard, "at://did:plc:ann/app.bsky.feed.like/1#like"));
      assertFalse(mightRepeat(shard, "a"));
      assertFalse(mightRepeat(shard, "b"));
    }
  }

  /**
   * 5,000 distinct ids in 65,536 bits, 3 positions each: an id read once is flagged only when other
   * ids hit all three of its positions, about (1 - e^(-15000/65536))^3 ≈ 0.9 % of them.
   */
  @Test
  void fewDistinctIdsAreFlaggedAndEveryRepeatedOneIs() {
    String[] distinct = IntStream.range(0, 5_000).mapToObj(i -> "id" + i).toArray(String[]::new);
    RepeatedIds.Shard withCopies =
        fn.mergeAccumulators(List.of(of(distinct), of("id7", "id4999"), of("id7")));
    assertTrue(mightRepeat(withCopies, "id7"));
    assertTrue(mightRepeat(withCopies, "id4999"));
    long flagged = IntStream.range(0, 5_000).filter(i -> mightRepeat(withCopies, "id" + i)).count();
    assertTrue(flagged < 100, flagged + " of 5,000 flagged");
  }

  @Test
  void shardsOfDifferentSizesDoNotMerge() {
    RepeatedIds.Shard small = of("x1");
    RepeatedIds.Shard large =
        new RepeatedIds.CountFn(0, RepeatedIds.MIN_LOG2_BITS + 1).createAccumulator();
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

  /** The top 7 bits of a fingerprint choose one of the 128 shards of a 2^27-bit filter. */
  @Test
  void blocksAreDealtToTheShardOfEachFingerprintsTopBits() {
    long low = 0x0523_4567_89ab_cdefL;
    long high = 0xfedc_ba98_7654_3210L;
    assertEquals(0x02, RepeatedIds.shardOf(low, 7));
    assertEquals(0x7f, RepeatedIds.shardOf(high, 7));
    assertEquals(0, RepeatedIds.shardOf(high, 0));
  }

  /**
   * The whole transform at its largest size, 2^27 bits in 128 shards, on the direct runner: ids
   * read twice, in two blocks (two workers' reads) or one, are flagged in whichever shard they
   * fall; ids read once are not; and the gathered filter survives its coder. An input without ids
   * gets an empty filter.
   */
  @Test
  void theGatheredFilterFlagsRepeatedIdsInEveryShard() {
    Pipeline p = DirectPipelines.create();
    List<String> twice = IntStream.range(0, 300).mapToObj(i -> "at://twice/" + i).toList();
    List<String> once = IntStream.range(0, 300).mapToObj(i -> "at://once/" + i).toList();
    List<String> first = new ArrayList<>(twice);
    first.addAll(once);
    PCollection<IdFingerprints> blocks =
        p.apply(
            "Blocks",
            Create.of(
                    new IdFingerprints(fingerprints(first.toArray(String[]::new))),
                    new IdFingerprints(fingerprints(twice.toArray(String[]::new))),
                    new IdFingerprints(fingerprints("same-block", "same-block")))
                .withCoder(IdFingerprints.Coder.of()));
    PCollectionView<Iterable<RepeatedIds.Shard>> filter =
        blocks.apply("Filter", new RepeatedIds(RepeatedIds.MAX_LOG2_BITS));
    PCollectionView<Iterable<RepeatedIds.Shard>> none =
        p.apply("No blocks", Create.empty(IdFingerprints.Coder.of()))
            .apply("Empty filter", new RepeatedIds(RepeatedIds.MAX_LOG2_BITS));
    List<String> all = new ArrayList<>(first);
    all.add("same-block");
    PCollection<String> flagged =
        p.apply("Ids", Create.of(all))
            .apply("Flagged", ParDo.of(new FlaggedFn(filter, none)).withSideInputs(filter, none));
    List<String> expected = new ArrayList<>(twice);
    expected.add("same-block");
    PAssert.that(flagged).containsInAnyOrder(expected);
    DirectPipelines.run(p);
  }

  /**
   * A filter sized for a large input, filled densely, on embedded Flink: 3 million fingerprints in
   * 2^27 bits. Built whole, its combined value was about 24 MB, more than Flink sorts as one record
   * with a 3 GiB heap (a 10M-event Bluesky benchmark failed so; this test's JVM has more memory).
   * In shards, no value the combine sorts is larger than a dense shard: under 0.5 MiB.
   */
  @Test
  void aDenseFilterOfTheLargestSizeBuildsOnEmbeddedFlink() throws Exception {
    FlinkPipelineOptions options = PipelineOptionsFactory.as(FlinkPipelineOptions.class);
    options.setRunner(FlinkRunner.class);
    options.setFlinkMaster("[local]");
    options.setParallelism(2);
    Pipeline p = Pipeline.create(options);
    SplittableRandom random = new SplittableRandom(7);
    List<IdFingerprints> blocks = new ArrayList<>();
    for (int b = 0; b < 3_000_000 / IdFingerprints.BLOCK; b++) {
      long[] values = new long[IdFingerprints.BLOCK];
      for (int i = 0; i < values.length; i++) {
        values[i] = random.nextLong();
      }
      blocks.add(new IdFingerprints(values));
    }
    blocks.add(new IdFingerprints(fingerprints("twice", "twice")));
    RepeatedIds.CountFn shards = new RepeatedIds.CountFn(0, RepeatedIds.MAX_SHARD_LOG2_BITS);
    RepeatedIds.Shard dense = shards.createAccumulator();
    blocks.forEach(block -> shards.addInput(dense, block));
    int denseBytes = CoderUtils.encodeToByteArray(RepeatedIds.ShardCoder.INSTANCE, dense).length;
    assertTrue(denseBytes < 512 * 1024, denseBytes + " bytes");
    PCollectionView<Iterable<RepeatedIds.Shard>> filter =
        p.apply("Blocks", Create.of(blocks).withCoder(IdFingerprints.Coder.of()))
            .apply("Filter", new RepeatedIds(RepeatedIds.MAX_LOG2_BITS));
    PCollection<String> flagged =
        p.apply("Ids", Create.of("twice", "never read"))
            .apply("Flagged", ParDo.of(new FlaggedFn(filter, null)).withSideInputs(filter));
    PAssert.that(flagged).containsInAnyOrder("twice");
    p.run().waitUntilFinish();
  }

  /**
   * The ids the filter flags, its shards read through their coder; and any id the empty filter, if
   * given, flags.
   */
  private static final class FlaggedFn extends DoFn<String, String> {
    private final PCollectionView<Iterable<RepeatedIds.Shard>> filter;
    private final PCollectionView<Iterable<RepeatedIds.Shard>> empty;

    FlaggedFn(
        PCollectionView<Iterable<RepeatedIds.Shard>> filter,
        PCollectionView<Iterable<RepeatedIds.Shard>> empty) {
      this.filter = filter;
      this.empty = empty;
    }

    @ProcessElement
    public void process(ProcessContext c) throws Exception {
      List<RepeatedIds.Shard> decoded = new ArrayList<>();
      for (RepeatedIds.Shard shard : c.sideInput(filter)) {
        decoded.add(CoderUtils.clone(RepeatedIds.ShardCoder.INSTANCE, shard));
      }
      if (RepeatedIds.Filter.of(decoded).mightRepeat(c.element())) {
        c.output(c.element());
      }
      if (empty != null && RepeatedIds.Filter.of(c.sideInput(empty)).mightRepeat(c.element())) {
        c.output("flagged by the empty filter: " + c.element());
      }
    }
  }

  /** A file as matched, with its size then. */
  private static InputFile input(String path, long bytes) {
    return new InputFile(path, "events", "canonical", null, null, null, null, null, bytes);
  }
}
