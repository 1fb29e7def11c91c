package org.dunbar.analysis;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.apache.beam.sdk.coders.AtomicCoder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.transforms.Combine;

/**
 * A fixed-length vector of counts, indexed by the ordinals of a measure enum ({@link
 * GrowthMeasure}, {@link ActivityMeasure}, {@link CohortMeasure}). Per-key counts are summed with
 * {@link #sum()}, a combiner, so they are pre-aggregated before every shuffle.
 */
public final class Tally {
  private Tally() {}

  public static long[] of(int length, Enum<?> measure, long value) {
    long[] v = new long[length];
    v[measure.ordinal()] = value;
    return v;
  }

  public static Combine.BinaryCombineFn<long[]> sum() {
    return new Combine.BinaryCombineFn<>() {
      @Override
      public long[] apply(long[] left, long[] right) {
        long[] out = left.clone();
        for (int i = 0; i < out.length; i++) {
          out[i] += right[i];
        }
        return out;
      }
    };
  }

  /** Variable-length encoding: most entries are small counts. */
  public static final class Coder extends AtomicCoder<long[]> {
    private static final Coder INSTANCE = new Coder();

    public static Coder of() {
      return INSTANCE;
    }

    @Override
    public void encode(long[] value, OutputStream out) throws IOException {
      VarIntCoder.of().encode(value.length, out);
      for (long x : value) {
        VarLongCoder.of().encode(x, out);
      }
    }

    @Override
    public long[] decode(InputStream in) throws IOException {
      long[] v = new long[VarIntCoder.of().decode(in)];
      for (int i = 0; i < v.length; i++) {
        v[i] = VarLongCoder.of().decode(in);
      }
      return v;
    }

    @Override
    public void verifyDeterministic() {}
  }
}
