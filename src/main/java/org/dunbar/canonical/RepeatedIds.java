package org.dunbar.canonical;

import com.google.common.hash.HashFunction;
import com.google.common.hash.Hashing;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.CoderRegistry;
import org.apache.beam.sdk.coders.CustomCoder;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.io.Compression;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.SimpleFunction;
import org.apache.beam.sdk.transforms.View;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionView;
import org.dunbar.records.InputFile;

/**
 * Which explicit event ids may occur more than once in the input, as a counting Bloom filter of the
 * ids' {@link #fingerprint fingerprints}: only those ids need deduplication's grouping by id
 * ({@link DeduplicateEvents}); an id the filter rules out occurs once, and its event is kept as it
 * is. A false positive only sends one more claim to the exact grouping, so the filter changes no
 * row, only how much is grouped. It spares a dump whose every record has its own id (a Bluesky
 * Jetstream capture) a sort of one claim per event.
 *
 * <p>Each bit position counts to two: {@code seen} is set by the first fingerprint that hits it,
 * {@code repeated} by the second. An id may repeat when all its {@value #HASHES} positions are
 * {@code repeated}; an id read twice always is, whichever files and workers read its copies.
 *
 * <p>Sized from the input's bytes ({@link #sizedFor}): about one bit per 16 bytes of plain input
 * and per 2 bytes of compressed input, rounded up to a power of two from 2<sup>16</sup> to
 * 2<sup>27</sup> bits (2 × 16 MiB). With more ids than that holds well, more claims pass, and
 * deduplication is as exact, only slower.
 *
 * <p><b>In shards.</b> The filter is built in {@link Shard}s of at most 2<sup>{@value
 * #MAX_SHARD_LOG2_BITS}</sup> bits, an id's three positions all in the shard its fingerprint's top
 * bits choose; each shard is combined on its own, the side input is the shards as they are, and
 * each DoFn that reads it puts them together once ({@link Filter#of}). Flink's batch runner sorts
 * every combined value, and a singleton view's value, as one record, and fails a record larger than
 * its sort buffer allows (about 10 MB with a 3 GiB heap, less with less): the whole filter of a
 * 10M-event Bluesky dump, 32 MiB, failed the run.
 *
 * <p>Input: the fingerprints the read noted ({@link ReadInputs#ID_FINGERPRINTS}). Out: the shards,
 * as an iterable side input.
 */
public final class RepeatedIds
    extends PTransform<PCollection<IdFingerprints>, PCollectionView<Iterable<RepeatedIds.Shard>>> {
  private static final long serialVersionUID = 1L;
  // FarmHash's fingerprint is fixed across versions and platforms, so every worker computes the
  // same positions; it was six times faster than MurmurHash3 on Bluesky ids, two per event.
  private static final HashFunction FARMHASH_64 = Hashing.farmHashFingerprint64();
  private static final int HASHES = 3;
  static final int MIN_LOG2_BITS = 16;
  static final int MAX_LOG2_BITS = 27;

  /** Bits of one shard at most: two bit sets of 128 KiB. */
  static final int MAX_SHARD_LOG2_BITS = 20;

  private final int log2Bits;

  RepeatedIds(int log2Bits) {
    if (log2Bits < MIN_LOG2_BITS || log2Bits > MAX_LOG2_BITS) {
      throw new IllegalArgumentException("log2Bits " + log2Bits + " outside 16..27");
    }
    this.log2Bits = log2Bits;
  }

  /** A filter sized for these input files (see the class comment). */
  public static RepeatedIds sizedFor(List<InputFile> files) {
    long bits = 0;
    for (InputFile file : files) {
      boolean plain = Compression.detect(file.getPath()) == Compression.UNCOMPRESSED;
      bits += file.getBytes() / (plain ? 16 : 2);
    }
    int log2 = 64 - Long.numberOfLeadingZeros(Math.max(bits - 1, 1));
    return new RepeatedIds(Math.max(MIN_LOG2_BITS, Math.min(MAX_LOG2_BITS, log2)));
  }

  int log2Bits() {
    return log2Bits;
  }

  /** An id's 64-bit fingerprint: FarmHash Fingerprint64 of its UTF-8 bytes. */
  public static long fingerprint(String eventId) {
    return FARMHASH_64.hashString(eventId, StandardCharsets.UTF_8).asLong();
  }

  @Override
  public PCollectionView<Iterable<Shard>> expand(PCollection<IdFingerprints> fingerprints) {
    int shardLog2Bits = Math.min(log2Bits, MAX_SHARD_LOG2_BITS);
    int shardBits = log2Bits - shardLog2Bits;
    return fingerprints
        .apply("Deal to shards", ParDo.of(new DealFn(shardBits)))
        .setCoder(KvCoder.of(VarIntCoder.of(), IdFingerprints.Coder.of()))
        .apply("Count per shard", Combine.perKey(new CountFn(shardBits, shardLog2Bits)))
        .apply("Number shards", MapElements.via(new NumberFn()))
        .setCoder(ShardCoder.INSTANCE)
        .apply(View.asIterable());
  }

  /** The shard an id's fingerprint falls in: its top {@code shardBits} bits. */
  static int shardOf(long fingerprint, int shardBits) {
    return shardBits == 0 ? 0 : (int) (fingerprint >>> (Long.SIZE - shardBits));
  }

  /** Splits each block of fingerprints into one block per shard it touches. */
  static final class DealFn extends DoFn<IdFingerprints, KV<Integer, IdFingerprints>> {
    private final int shardBits;

    DealFn(int shardBits) {
      this.shardBits = shardBits;
    }

    @ProcessElement
    public void process(
        @Element IdFingerprints block, OutputReceiver<KV<Integer, IdFingerprints>> out) {
      if (shardBits == 0) {
        out.output(KV.of(0, block));
        return;
      }
      int[] sizes = new int[1 << shardBits];
      for (long fingerprint : block.values()) {
        sizes[shardOf(fingerprint, shardBits)]++;
      }
      long[][] parts = new long[sizes.length][];
      int[] filled = new int[sizes.length];
      for (long fingerprint : block.values()) {
        int shard = shardOf(fingerprint, shardBits);
        if (parts[shard] == null) {
          parts[shard] = new long[sizes[shard]];
        }
        parts[shard][filled[shard]++] = fingerprint;
      }
      for (int shard = 0; shard < parts.length; shard++) {
        if (parts[shard] != null) {
          out.output(KV.of(shard, new IdFingerprints(parts[shard])));
        }
      }
    }
  }

  /** Counts the fingerprints of one shard into its two bit sets. */
  static final class CountFn extends Combine.CombineFn<IdFingerprints, Shard, Shard> {
    private final int shardBits;
    private final int log2Bits;

    /**
     * @param shardBits the filter has 2<sup>shardBits</sup> shards
     * @param log2Bits each of 2<sup>log2Bits</sup> bits
     */
    CountFn(int shardBits, int log2Bits) {
      this.shardBits = shardBits;
      this.log2Bits = log2Bits;
    }

    @Override
    public Shard createAccumulator() {
      return new Shard(shardBits, Shard.UNNUMBERED, log2Bits);
    }

    @Override
    public Shard addInput(Shard shard, IdFingerprints fingerprints) {
      for (long fingerprint : fingerprints.values()) {
        shard.add(fingerprint);
      }
      return shard;
    }

    @Override
    public Shard mergeAccumulators(Iterable<Shard> shards) {
      Shard merged = createAccumulator();
      shards.forEach(merged::merge);
      return merged;
    }

    @Override
    public Shard extractOutput(Shard shard) {
      return shard;
    }

    @Override
    public Coder<Shard> getAccumulatorCoder(
        CoderRegistry registry, Coder<IdFingerprints> inputCoder) {
      return ShardCoder.INSTANCE;
    }

    @Override
    public Coder<Shard> getDefaultOutputCoder(
        CoderRegistry registry, Coder<IdFingerprints> inputCoder) {
      return ShardCoder.INSTANCE;
    }
  }

  /** Gives each shard its place: its key in the combine. */
  static final class NumberFn extends SimpleFunction<KV<Integer, Shard>, Shard> {
    @Override
    public Shard apply(KV<Integer, Shard> shard) {
      return shard.getValue().numbered(shard.getKey());
    }
  }

  /** The filter: the shards in their places, none where no id fell. */
  public static final class Filter {
    private final int shardBits;
    private final Shard[] shards;

    private Filter(int shardBits) {
      this.shardBits = shardBits;
      this.shards = new Shard[1 << shardBits];
    }

    /** The filter of these shards (of one {@link RepeatedIds}); of none, one that flags no id. */
    public static Filter of(Iterable<Shard> shards) {
      Filter filter = null;
      for (Shard shard : shards) {
        filter = filter == null ? new Filter(shard.shardBits) : filter;
        filter.shards[shard.index] = shard;
      }
      return filter == null ? new Filter(0) : filter;
    }

    /** Whether the id may occur more than once; false means it occurs once at most. */
    public boolean mightRepeat(String eventId) {
      long fingerprint = fingerprint(eventId);
      Shard shard = shards[shardOf(fingerprint, shardBits)];
      return shard != null && shard.mightRepeat(fingerprint);
    }
  }

  /**
   * One shard of the filter: the two bit sets of the class comment, of 2<sup>log2Bits</sup> bits
   * each, for the ids whose fingerprint's top {@code shardBits} bits are {@code index}.
   */
  public static final class Shard {
    static final int UNNUMBERED = -1;
    private final int shardBits;
    private final int index;
    private final int log2Bits;
    private final long[] seen;
    private final long[] repeated;

    Shard(int shardBits, int index, int log2Bits) {
      this(
          shardBits, index, log2Bits, new long[1 << (log2Bits - 6)], new long[1 << (log2Bits - 6)]);
    }

    private Shard(int shardBits, int index, int log2Bits, long[] seen, long[] repeated) {
      this.shardBits = shardBits;
      this.index = index;
      this.log2Bits = log2Bits;
      this.seen = seen;
      this.repeated = repeated;
    }

    /** This shard in the place {@code index}. */
    Shard numbered(int index) {
      return new Shard(shardBits, index, log2Bits, seen, repeated);
    }

    boolean mightRepeat(long fingerprint) {
      return allSet(repeated, fingerprint, log2Bits);
    }

    void add(long fingerprint) {
      for (int i = 1; i <= HASHES; i++) {
        int bit = probe(fingerprint, i, log2Bits);
        long mask = 1L << bit;
        if ((seen[bit >>> 6] & mask) != 0) {
          repeated[bit >>> 6] |= mask;
        } else {
          seen[bit >>> 6] |= mask;
        }
      }
    }

    /** Counts add up, saturating at two: a position seen in both is repeated in the sum. */
    void merge(Shard other) {
      if (other.log2Bits != log2Bits) {
        throw new IllegalArgumentException(
            "shards of 2^" + log2Bits + " and 2^" + other.log2Bits + " bits");
      }
      for (int w = 0; w < seen.length; w++) {
        repeated[w] |= other.repeated[w] | (seen[w] & other.seen[w]);
        seen[w] |= other.seen[w];
      }
    }
  }

  /**
   * A bit set's non-zero words, with the gap before each: a filter of few entries is mostly zero.
   * {@link #readWords} reads them back.
   */
  static void writeWords(long[] words, DataOutputStream out) throws IOException {
    int nonZero = 0;
    for (long word : words) {
      nonZero += word == 0 ? 0 : 1;
    }
    out.writeInt(nonZero);
    int last = -1;
    for (int w = 0; w < words.length; w++) {
      if (words[w] != 0) {
        out.writeInt(w - last);
        out.writeLong(words[w]);
        last = w;
      }
    }
  }

  /** A bit set of {@code size} words, as {@link #writeWords} wrote it. */
  static long[] readWords(int size, DataInputStream in) throws IOException {
    long[] words = new long[size];
    int w = -1;
    for (int n = in.readInt(); n > 0; n--) {
      w += in.readInt();
      words[w] = in.readLong();
    }
    return words;
  }

  /**
   * True when all {@value #HASHES} positions of the fingerprint ({@link #probe}) are set in the bit
   * set of 2<sup>log2Bits</sup> bits: whether a Bloom filter may hold it.
   */
  static boolean allSet(long[] words, long fingerprint, int log2Bits) {
    for (int i = 1; i <= HASHES; i++) {
      int bit = probe(fingerprint, i, log2Bits);
      if ((words[bit >>> 6] & (1L << bit)) == 0) {
        return false;
      }
    }
    return true;
  }

  /** Sets the fingerprint's positions, as {@link #allSet} tests them. */
  static void setAll(long[] words, long fingerprint, int log2Bits) {
    for (int i = 1; i <= HASHES; i++) {
      int bit = probe(fingerprint, i, log2Bits);
      words[bit >>> 6] |= 1L << bit;
    }
  }

  /**
   * The i-th (from 1) of a fingerprint's positions among 2<sup>log2Size</sup>, by double hashing of
   * its halves, as Guava's Bloom filters do: the id filter's bits, and the pending-parents filter's
   * bits and sketch's counters ({@link PendingParents}).
   */
  static int probe(long fingerprint, int i, int log2Size) {
    int combined = (int) fingerprint + i * (int) (fingerprint >>> 32);
    return (combined < 0 ? ~combined : combined) & ((1 << log2Size) - 1);
  }

  /**
   * The shard's place and size, then each bit set as its non-zero words with the gap before each:
   * most of a shard of an input with few explicit ids is zeros.
   */
  static final class ShardCoder extends CustomCoder<Shard> {
    static final ShardCoder INSTANCE = new ShardCoder();

    @Override
    public void encode(Shard shard, OutputStream out) throws IOException {
      DataOutputStream data = new DataOutputStream(out);
      data.writeByte(shard.shardBits);
      data.writeInt(shard.index);
      data.writeByte(shard.log2Bits);
      RepeatedIds.writeWords(shard.seen, data);
      RepeatedIds.writeWords(shard.repeated, data);
      data.flush();
    }

    @Override
    public Shard decode(InputStream in) throws IOException {
      DataInputStream data = new DataInputStream(in);
      int shardBits = data.readByte();
      int index = data.readInt();
      int log2Bits = data.readByte();
      int words = 1 << (log2Bits - 6);
      return new Shard(
          shardBits,
          index,
          log2Bits,
          RepeatedIds.readWords(words, data),
          RepeatedIds.readWords(words, data));
    }

    @Override
    public void verifyDeterministic() {}
  }
}
