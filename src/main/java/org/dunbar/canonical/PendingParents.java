package org.dunbar.canonical;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Objects;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.CoderRegistry;
import org.apache.beam.sdk.coders.CustomCoder;
import org.apache.beam.sdk.transforms.Combine;
import org.dunbar.records.Event;

/**
 * The post ids that pending events name as their parent, built from what the read noted ({@link
 * ReadInputs#PENDING_PARENTS}), in two parts that {@link RouteEvents} reads for every event:
 *
 * <ul>
 *   <li><b>Which posts may be parents</b>, a Bloom filter of 2<sup>{@value #LOG2_BITS}</sup> bits
 *       (1 MiB), three positions per parent from the 64-bit fingerprint of its id, set and tested
 *       as {@link RepeatedIds} does ({@link RepeatedIds#allSet}): a post's claim can resolve
 *       something only when its id is among them, so routing sends no claim the filter rules out
 *       (most inputs have few pending events, and Bluesky's every like, repost and follow is a
 *       record that claims its own id). A false positive only lets a claim through to the exact
 *       join: about 1 % of posts with 680,000 parents, 0.4 % with 500,000; with many more, more
 *       claims pass, and resolution is as exact, only slower. (Guava's Bloom filter, used before,
 *       hashed every post id with a streaming Murmur3 for 7 positions, and wrote all its 1.2 MB of
 *       bits whenever it was encoded.)
 *   <li><b>How many pending events a parent has at most</b>, a count-min sketch ({@value #DEPTH}
 *       rows of {@value #WIDTH} counters; Cormode and Muthukrishnan 2005): the pending events of
 *       one parent are spread over {@link Index#buckets} groups of about {@value
 *       #PENDING_PER_BUCKET}, by their id, and the parent's claim is sent to each group, so that
 *       {@link ResolveTargets} joins them in one grouping and no group holds a viral post's replies
 *       (a Flink CoGroupByKey cannot re-iterate a group, and materialises up to 10,000 values of it
 *       at once). The sketch never counts too few; it counts too many by about the number of
 *       pending events over {@value #WIDTH}, which only sends a claim to more groups.
 * </ul>
 */
final class PendingParents
    extends Combine.CombineFn<String, PendingParents.Index, PendingParents.Index> {
  private static final long serialVersionUID = 1L;
  static final int LOG2_BITS = 23;
  static final int DEPTH = 3;
  private static final int LOG2_WIDTH = 16;
  static final int WIDTH = 1 << LOG2_WIDTH;
  static final int PENDING_PER_BUCKET = 4096;

  /** At most this many groups per parent: 2<sup>28</sup> pending events at the bucket size. */
  static final int MAX_BUCKETS = 1 << 16;

  @Override
  public Index createAccumulator() {
    return new Index(new long[1 << (LOG2_BITS - 6)], new int[DEPTH * WIDTH]);
  }

  @Override
  public Index addInput(Index index, String parentId) {
    index.add(parentId);
    return index;
  }

  @Override
  public Index mergeAccumulators(Iterable<Index> indexes) {
    Index merged = createAccumulator();
    indexes.forEach(merged::merge);
    return merged;
  }

  @Override
  public Index extractOutput(Index index) {
    return index;
  }

  @Override
  public Coder<Index> getAccumulatorCoder(CoderRegistry registry, Coder<String> inputCoder) {
    return IndexCoder.INSTANCE;
  }

  @Override
  public Coder<Index> getDefaultOutputCoder(CoderRegistry registry, Coder<String> inputCoder) {
    return IndexCoder.INSTANCE;
  }

  /** The filter and the sketch of the class comment. */
  static final class Index {
    private final long[] parents;
    private final int[] counts;

    private Index(long[] parents, int[] counts) {
      this.parents = parents;
      this.counts = counts;
    }

    /** Whether some pending event may name this post; false means none does. */
    boolean mightBeParent(String postId) {
      return RepeatedIds.allSet(parents, RepeatedIds.fingerprint(postId), LOG2_BITS);
    }

    /**
     * How many groups the pending events of this parent are spread over, and its claim is sent to:
     * one per {@value #PENDING_PER_BUCKET} events it may have, from 1 to {@value #MAX_BUCKETS}.
     */
    int buckets(String parentId) {
      long fingerprint = RepeatedIds.fingerprint(parentId);
      int least = Integer.MAX_VALUE;
      for (int row = 0; row < DEPTH; row++) {
        least = Math.min(least, counts[cell(fingerprint, row)]);
      }
      int buckets = (int) Math.ceil(least / (double) PENDING_PER_BUCKET);
      return Math.max(1, Math.min(MAX_BUCKETS, buckets));
    }

    /**
     * The group of a pending event among its parent's {@link #buckets}, the same on every worker:
     * from its id, or for a record without one from its fields, so that its copies (dropped later,
     * in the pair replay) share a group.
     */
    int bucket(Event pending) {
      int hash =
          pending.getEventId() != null
              ? pending.getEventId().hashCode()
              : Objects.hash(
                  pending.getType(),
                  pending.getActor(),
                  pending.getPostId(),
                  pending.getParentId(),
                  pending.getTs());
      return Math.floorMod(hash, buckets(pending.getParentId()));
    }

    void add(String parentId) {
      long fingerprint = RepeatedIds.fingerprint(parentId);
      RepeatedIds.setAll(parents, fingerprint, LOG2_BITS);
      for (int row = 0; row < DEPTH; row++) {
        int cell = cell(fingerprint, row);
        counts[cell] = saturatedSum(counts[cell], 1);
      }
    }

    void merge(Index other) {
      for (int w = 0; w < parents.length; w++) {
        parents[w] |= other.parents[w];
      }
      for (int cell = 0; cell < counts.length; cell++) {
        counts[cell] = saturatedSum(counts[cell], other.counts[cell]);
      }
    }

    /** The parent's counter in a row: its row + 1-th position among the row's counters. */
    private static int cell(long fingerprint, int row) {
      return row * WIDTH + RepeatedIds.probe(fingerprint, row + 1, LOG2_WIDTH);
    }

    private static int saturatedSum(int a, int b) {
      return (int) Math.min(Integer.MAX_VALUE, (long) a + b);
    }
  }

  /**
   * The filter's non-zero words, then the sketch's non-zero counters, each with the gap before it:
   * an input with few pending events leaves most of both zero.
   */
  static final class IndexCoder extends CustomCoder<Index> {
    static final IndexCoder INSTANCE = new IndexCoder();

    @Override
    public void encode(Index index, OutputStream out) throws IOException {
      DataOutputStream data = new DataOutputStream(out);
      RepeatedIds.writeWords(index.parents, data);
      int nonZero = 0;
      for (int count : index.counts) {
        nonZero += count == 0 ? 0 : 1;
      }
      data.writeInt(nonZero);
      int last = -1;
      for (int cell = 0; cell < index.counts.length; cell++) {
        if (index.counts[cell] != 0) {
          data.writeInt(cell - last);
          data.writeInt(index.counts[cell]);
          last = cell;
        }
      }
      data.flush();
    }

    @Override
    public Index decode(InputStream in) throws IOException {
      DataInputStream data = new DataInputStream(in);
      long[] parents = RepeatedIds.readWords(1 << (LOG2_BITS - 6), data);
      int[] counts = new int[DEPTH * WIDTH];
      int cell = -1;
      for (int n = data.readInt(); n > 0; n--) {
        cell += data.readInt();
        counts[cell] = data.readInt();
      }
      return new Index(parents, counts);
    }

    @Override
    public void verifyDeterministic() {}
  }
}
