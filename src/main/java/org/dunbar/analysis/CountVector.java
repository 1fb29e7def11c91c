package org.dunbar.analysis;

import java.util.List;
import org.apache.beam.sdk.transforms.Combine;
import org.dunbar.coders.CompactCoder;
import org.dunbar.coders.CompactReader;
import org.dunbar.coders.CompactWriter;

/**
 * A fixed-length vector of counts, indexed by the ordinals of a measure enum ({@link
 * GrowthMeasure}, {@link ActivityMeasure}, {@link CohortMeasure}). Per-key counts are summed with
 * {@link #sum}, a combiner, so they are pre-aggregated before every shuffle.
 */
public final class CountVector {
  private CountVector() {}

  public static long[] of(int length, Enum<?> measure, long value) {
    long[] v = new long[length];
    v[measure.ordinal()] = value;
    return v;
  }

  /**
   * Sums entry by entry, exactly.
   *
   * @param table the table the counts feed, and {@code columns} their column names by index: what a
   *     {@link SumOverflow} names
   */
  public static Combine.BinaryCombineFn<long[]> sum(String table, List<String> columns) {
    return new Combine.BinaryCombineFn<>() {
      @Override
      public long[] apply(long[] left, long[] right) {
        long[] out = left.clone();
        for (int i = 0; i < out.length; i++) {
          out[i] = ExactSum.add(out[i], right[i], table, columns.get(i));
        }
        return out;
      }
    };
  }

  /** Variable-length encoding: most entries are small counts (instants are zig-zag varints). */
  public static final class Coder extends CompactCoder<long[]> {
    private static final Coder INSTANCE = new Coder();

    public static Coder of() {
      return INSTANCE;
    }

    @Override
    protected void write(long[] value, CompactWriter out) {
      out.unsigned(value.length);
      for (long x : value) {
        out.signed(x);
      }
    }

    @Override
    protected long[] read(CompactReader in) {
      long[] v = new long[in.unsignedInt()];
      for (int i = 0; i < v.length; i++) {
        v[i] = in.signed();
      }
      return v;
    }
  }
}
