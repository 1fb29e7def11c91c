package org.dunbar.analysis;

import java.util.List;
import org.apache.beam.sdk.transforms.Combine;

/** Per-layer network statistics, summed over pairs (first/last taken as min/max). */
public enum LayerMeasure {
  EDGES,
  SELF_LOOPS,
  RECIPROCAL_EDGES,
  MUTUAL_PAIRS,
  CONNECTED_PAIRS,
  EVENTS,
  FIRST_AT,
  LAST_AT;

  public static final int SIZE = values().length;
  static final List<String> COLUMNS = ExactSum.columns(values());

  /** The nine layers of network_layers, in table order. */
  public static final List<String> LAYERS =
      List.of(
          "follow", "reply", "mention", "quote", "message", "reshare", "like", "directed", "any");

  /** A layer with nothing in it; also the identity of {@link #combine()}. */
  public static long[] empty() {
    long[] v = new long[SIZE];
    v[FIRST_AT.ordinal()] = Long.MAX_VALUE;
    v[LAST_AT.ordinal()] = Long.MIN_VALUE;
    return v;
  }

  public static Combine.BinaryCombineFn<long[]> combine() {
    return new Combine.BinaryCombineFn<>() {
      @Override
      public long[] apply(long[] left, long[] right) {
        long[] out = left.clone();
        for (int i = 0; i < FIRST_AT.ordinal(); i++) {
          out[i] = ExactSum.add(out[i], right[i], "network_layers", COLUMNS.get(i));
        }
        out[FIRST_AT.ordinal()] = Math.min(left[FIRST_AT.ordinal()], right[FIRST_AT.ordinal()]);
        out[LAST_AT.ordinal()] = Math.max(left[LAST_AT.ordinal()], right[LAST_AT.ordinal()]);
        return out;
      }
    };
  }
}
