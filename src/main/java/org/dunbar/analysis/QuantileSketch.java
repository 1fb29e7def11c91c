package org.dunbar.analysis;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Map;
import java.util.TreeMap;

/**
 * Nearest-rank quantiles of a multiset of doubles, mergeable in any order with the same result.
 *
 * <p>It keeps exact values with their counts while there are at most {@link #EXACT_LIMIT} distinct
 * ones, and otherwise folds every value to the middle of its bin of width {@link #BIN}, so an
 * answer is then within BIN/2 of the exact one (the SPEC allows 0.001). Whether the final sketch is
 * binned depends only on the number of distinct values overall, never on how the values were split
 * between workers, so every runner and parallelism gives the same quantiles.
 */
final class QuantileSketch {
  static final int EXACT_LIMIT = 20_000;
  static final double BIN = 0.0005;

  private final TreeMap<Double, Long> counts = new TreeMap<>();
  private boolean binned;
  private long size;

  void add(double value) {
    add(value, 1);
  }

  private void add(double value, long count) {
    counts.merge(binned ? bin(value) : value, count, Long::sum);
    size += count;
    if (!binned && counts.size() > EXACT_LIMIT) {
      binAll();
    }
  }

  void merge(QuantileSketch other) {
    if (other.binned && !binned) {
      binAll();
    }
    other.counts.forEach(this::add);
  }

  /** The ⌈p·n⌉-th smallest value, or null when empty. */
  Double quantile(double p) {
    if (size == 0) {
      return null;
    }
    long rank = Math.max(1, (long) Math.ceil(p * size));
    long seen = 0;
    for (Map.Entry<Double, Long> e : counts.entrySet()) {
      seen += e.getValue();
      if (seen >= rank) {
        return e.getKey();
      }
    }
    throw new IllegalStateException("rank " + rank + " beyond " + size + " values");
  }

  private void binAll() {
    TreeMap<Double, Long> exact = new TreeMap<>(counts);
    counts.clear();
    binned = true;
    exact.forEach((v, c) -> counts.merge(bin(v), c, Long::sum));
  }

  private static double bin(double value) {
    return (Math.floor(value / BIN) + 0.5) * BIN;
  }

  void encode(DataOutputStream out) throws IOException {
    out.writeBoolean(binned);
    out.writeInt(counts.size());
    for (Map.Entry<Double, Long> e : counts.entrySet()) {
      out.writeDouble(e.getKey());
      out.writeLong(e.getValue());
    }
  }

  static QuantileSketch decode(DataInputStream in) throws IOException {
    QuantileSketch s = new QuantileSketch();
    s.binned = in.readBoolean();
    int n = in.readInt();
    for (int i = 0; i < n; i++) {
      double value = in.readDouble();
      long count = in.readLong();
      s.counts.put(value, count);
      s.size += count;
    }
    return s;
  }
}
