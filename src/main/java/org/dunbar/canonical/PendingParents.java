package org.dunbar.canonical;

import com.google.common.hash.BloomFilter;
import com.google.common.hash.Funnels;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.apache.beam.sdk.coders.AtomicCoder;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.CoderRegistry;
import org.apache.beam.sdk.transforms.Combine;

/**
 * The post ids that pending events name as their parent, as a Bloom filter built from what the read
 * noted ({@link ReadInputs#PENDING_PARENTS}): a post's claim can resolve something only when its id
 * is among them, so routing sends no claim the filter rules out (most inputs have few pending
 * events, and Bluesky's every like, repost and follow is a record that claims its own id). A false
 * positive only lets a claim through to the exact join.
 *
 * <p>Sized for {@value #EXPECTED} parents at a 1 % false-positive rate (about 1.2 MB); with many
 * more, more claims pass, and resolution is as exact, only slower.
 */
final class PendingParents
    extends Combine.CombineFn<String, BloomFilter<String>, BloomFilter<String>> {
  static final int EXPECTED = 1_000_000;
  private static final double FALSE_POSITIVES = 0.01;

  @Override
  public BloomFilter<String> createAccumulator() {
    return BloomFilter.create(
        Funnels.stringFunnel(StandardCharsets.UTF_8), EXPECTED, FALSE_POSITIVES);
  }

  @Override
  public BloomFilter<String> addInput(BloomFilter<String> filter, String parentId) {
    filter.put(parentId);
    return filter;
  }

  @Override
  public BloomFilter<String> mergeAccumulators(Iterable<BloomFilter<String>> filters) {
    BloomFilter<String> merged = createAccumulator();
    filters.forEach(merged::putAll);
    return merged;
  }

  @Override
  public BloomFilter<String> extractOutput(BloomFilter<String> filter) {
    return filter;
  }

  @Override
  public Coder<BloomFilter<String>> getAccumulatorCoder(
      CoderRegistry registry, Coder<String> inputCoder) {
    return FilterCoder.INSTANCE;
  }

  @Override
  public Coder<BloomFilter<String>> getDefaultOutputCoder(
      CoderRegistry registry, Coder<String> inputCoder) {
    return FilterCoder.INSTANCE;
  }

  /** Guava's own compact form of the filter (its bits), not Java serialization. */
  static final class FilterCoder extends AtomicCoder<BloomFilter<String>> {
    static final FilterCoder INSTANCE = new FilterCoder();

    @Override
    public void encode(BloomFilter<String> filter, OutputStream out) throws IOException {
      filter.writeTo(out);
    }

    @Override
    public BloomFilter<String> decode(InputStream in) throws IOException {
      return BloomFilter.readFrom(in, Funnels.stringFunnel(StandardCharsets.UTF_8));
    }
  }
}
