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
import org.apache.beam.sdk.coders.CannotProvideCoderException;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.CoderRegistry;
import org.apache.beam.sdk.coders.CustomCoder;
import org.apache.beam.sdk.io.Compression;
import org.apache.beam.sdk.transforms.Combine;
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
 */
public final class RepeatedIds
    extends Combine.CombineFn<IdFingerprints, RepeatedIds.Filter, RepeatedIds.Filter> {
  private static final long serialVersionUID = 1L;
  // FarmHash's fingerprint is fixed across versions and platforms, so every worker computes the
  // same positions; it was six times faster than MurmurHash3 on Bluesky ids, two per event.
  private static final HashFunction FARMHASH_64 = Hashing.farmHashFingerprint64();
  private static final int HASHES = 3;
  static final int MIN_LOG2_BITS = 16;
  static final int MAX_LOG2_BITS = 27;

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
  public Filter createAccumulator() {
    return new Filter(log2Bits);
  }

  @Override
  public Filter addInput(Filter filter, IdFingerprints fingerprints) {
    for (long fingerprint : fingerprints.values()) {
      filter.add(fingerprint);
    }
    return filter;
  }

  @Override
  public Filter mergeAccumulators(Iterable<Filter> filters) {
    Filter merged = createAccumulator();
    filters.forEach(merged::merge);
    return merged;
  }

  @Override
  public Filter extractOutput(Filter filter) {
    return filter;
  }

  @Override
  public Coder<Filter> getAccumulatorCoder(CoderRegistry registry, Coder<IdFingerprints> inputCoder)
      throws CannotProvideCoderException {
    return FilterCoder.INSTANCE;
  }

  @Override
  public Coder<Filter> getDefaultOutputCoder(
      CoderRegistry registry, Coder<IdFingerprints> inputCoder) {
    return FilterCoder.INSTANCE;
  }

  /** The two bit sets of the class comment, of 2<sup>log2Bits</sup> bits each. */
  public static final class Filter {
    private final int log2Bits;
    private final long[] seen;
    private final long[] repeated;

    Filter(int log2Bits) {
      this(log2Bits, new long[1 << (log2Bits - 6)], new long[1 << (log2Bits - 6)]);
    }

    private Filter(int log2Bits, long[] seen, long[] repeated) {
      this.log2Bits = log2Bits;
      this.seen = seen;
      this.repeated = repeated;
    }

    /** Whether the id may occur more than once; false means it occurs once at most. */
    public boolean mightRepeat(String eventId) {
      long fingerprint = fingerprint(eventId);
      for (int i = 1; i <= HASHES; i++) {
        int bit = position(fingerprint, i);
        if ((repeated[bit >>> 6] & (1L << bit)) == 0) {
          return false;
        }
      }
      return true;
    }

    void add(long fingerprint) {
      for (int i = 1; i <= HASHES; i++) {
        int bit = position(fingerprint, i);
        long mask = 1L << bit;
        if ((seen[bit >>> 6] & mask) != 0) {
          repeated[bit >>> 6] |= mask;
        } else {
          seen[bit >>> 6] |= mask;
        }
      }
    }

    /** Counts add up, saturating at two: a position seen in both is repeated in the sum. */
    void merge(Filter other) {
      if (other.log2Bits != log2Bits) {
        throw new IllegalArgumentException(
            "filters of 2^" + log2Bits + " and 2^" + other.log2Bits + " bits");
      }
      for (int w = 0; w < seen.length; w++) {
        repeated[w] |= other.repeated[w] | (seen[w] & other.seen[w]);
        seen[w] |= other.seen[w];
      }
    }

    /** The i-th position, by double hashing of the fingerprint's halves (as Guava's filters do). */
    private int position(long fingerprint, int i) {
      int combined = (int) fingerprint + i * (int) (fingerprint >>> 32);
      return (combined < 0 ? ~combined : combined) & ((1 << log2Bits) - 1);
    }
  }

  /**
   * The size, then each bit set as its non-zero words with the gap before each: most of a filter of
   * an input with few explicit ids is zeros.
   */
  static final class FilterCoder extends CustomCoder<Filter> {
    static final FilterCoder INSTANCE = new FilterCoder();

    @Override
    public void encode(Filter filter, OutputStream out) throws IOException {
      DataOutputStream data = new DataOutputStream(out);
      data.writeByte(filter.log2Bits);
      writeWords(filter.seen, data);
      writeWords(filter.repeated, data);
      data.flush();
    }

    @Override
    public Filter decode(InputStream in) throws IOException {
      DataInputStream data = new DataInputStream(in);
      int log2Bits = data.readByte();
      int words = 1 << (log2Bits - 6);
      return new Filter(log2Bits, readWords(words, data), readWords(words, data));
    }

    private static void writeWords(long[] words, DataOutputStream out) throws IOException {
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

    private static long[] readWords(int size, DataInputStream in) throws IOException {
      long[] words = new long[size];
      int w = -1;
      for (int n = in.readInt(); n > 0; n--) {
        w += in.readInt();
        words[w] = in.readLong();
      }
      return words;
    }

    @Override
    public void verifyDeterministic() {}
  }
}
