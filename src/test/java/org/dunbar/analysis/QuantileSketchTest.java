package org.dunbar.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Nearest-rank quantiles (the p-quantile of n values is the ⌈p·n⌉-th smallest), the same however
 * the values are split between accumulators and merged, and within 0.001 of exact once binned.
 */
class QuantileSketchTest {
  /** The cohort table's quantiles. */
  private static final double[] TABLE_PS = {0.25, 0.5, 0.75};

  private static QuantileSketch sketch(double... values) {
    QuantileSketch s = new QuantileSketch();
    Arrays.stream(values).forEach(s::add);
    return s;
  }

  private static List<Double> quantiles(QuantileSketch s, double... ps) {
    return Arrays.stream(ps).mapToObj(s::quantile).toList();
  }

  /**
   * A fingerprint of the whole distribution: 1,000 quantiles, so two sketches that differ anywhere
   * differ here.
   */
  private static List<Double> fingerprint(QuantileSketch s) {
    return quantiles(s, IntStream.rangeClosed(1, 1000).mapToDouble(i -> i / 1000.0).toArray());
  }

  /** The ⌈p·n⌉-th smallest, straight from the definition. */
  private static double exactNearestRank(double[] values, double p) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[(int) Math.ceil(p * sorted.length) - 1];
  }

  @Test
  void nearestRankOfOneToEight() {
    // n = 8: ranks ⌈2⌉ = 2, ⌈4⌉ = 4, ⌈6⌉ = 6. An interpolating median would say 4.5.
    assertEquals(List.of(2.0, 4.0, 6.0), quantiles(sketch(8, 3, 1, 6, 2, 7, 5, 4), TABLE_PS));
  }

  @Test
  void nearestRankRoundsTheRankUp() {
    // n = 10: ranks ⌈2.5⌉ = 3, ⌈5⌉ = 5, ⌈7.5⌉ = 8; rounding down would give 2 and 7.
    assertEquals(
        List.of(3.0, 5.0, 8.0), quantiles(sketch(10, 9, 8, 7, 6, 5, 4, 3, 2, 1), TABLE_PS));
  }

  @Test
  void medianOfFourRatesIsTheSecond() {
    // n = 4: the median is the ⌈2⌉ = 2nd smallest, 0.2 (not 0.25, not 0.3).
    assertEquals(List.of(0.1, 0.2, 0.3), quantiles(sketch(0.4, 0.3, 0.2, 0.1), TABLE_PS));
  }

  @Test
  void repeatedValuesCountByMultiplicity() {
    // {0, 0, 0, 1}: the 3rd smallest (p75) is still 0; only the top quarter is 1.
    assertEquals(List.of(0.0, 0.0, 0.0, 1.0), quantiles(sketch(1, 0, 0, 0), 0.25, 0.5, 0.75, 1.0));
  }

  @Test
  void anEmptySketchHasNoQuantile() {
    assertNull(new QuantileSketch().quantile(0.5));
    QuantileSketch merged = new QuantileSketch();
    merged.merge(throughCoder(new QuantileSketch()));
    assertNull(merged.quantile(0.5), "merging empty accumulators adds no value");
  }

  /**
   * values v_i = (i + 0.1)·1e-5: none is the middle of its 0.0005 bin, so a binned answer shows.
   */
  private static double[] offCentre(int n) {
    return IntStream.range(0, n).mapToDouble(i -> (i + 0.1) * 1e-5).toArray();
  }

  @Test
  void exactUpToTheDistinctLimit() {
    double[] values = offCentre(QuantileSketch.EXACT_LIMIT);
    // n = 20,000: the median is the 10,000th smallest, v_9999 = 0.099991, exactly.
    assertEquals(0.099991, sketch(values).quantile(0.5), 1e-15);
    for (double p : TABLE_PS) {
      assertEquals(exactNearestRank(values, p), sketch(values).quantile(p));
    }
  }

  @Test
  void oneMoreDistinctValueSwitchesToBinCentres() {
    double[] values = offCentre(QuantileSketch.EXACT_LIMIT + 1);
    QuantileSketch s = sketch(values);
    // n = 20,001: the median is the ⌈10,000.5⌉ = 10,001st smallest, v_10000 = 0.100001, which lies
    // in bin ⌊0.100001 / 0.0005⌋ = 200, centre 200.5 × 0.0005 = 0.10025 (0.000249 away).
    assertEquals(0.10025, s.quantile(0.5), 1e-12);
    assertNotEquals(exactNearestRank(values, 0.5), s.quantile(0.5));
    // p25: the ⌈5,000.25⌉ = 5,001st, v_5000 = 0.050001, bin 100, centre 0.05025.
    assertEquals(0.05025, s.quantile(0.25), 1e-12);
  }

  /**
   * Splits values between k accumulators at random, each passed through the coder as a shuffle
   * would.
   */
  private static List<QuantileSketch> split(double[] values, int k, long seed) {
    List<QuantileSketch> parts = new ArrayList<>();
    IntStream.range(0, k).forEach(i -> parts.add(new QuantileSketch()));
    Random random = new Random(seed);
    for (double v : values) {
      parts.get(random.nextInt(k)).add(v);
    }
    return parts.stream().map(QuantileSketchTest::throughCoder).toList();
  }

  private static QuantileSketch throughCoder(QuantileSketch s) {
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      s.encode(new DataOutputStream(bytes));
      return QuantileSketch.decode(
          new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  private static QuantileSketch intoEmptyInOrder(List<QuantileSketch> parts) {
    QuantileSketch all = new QuantileSketch();
    parts.forEach(all::merge);
    return all;
  }

  private static QuantileSketch intoLastInReverse(List<QuantileSketch> parts) {
    QuantileSketch all = parts.get(parts.size() - 1);
    for (int i = parts.size() - 2; i >= 0; i--) {
      all.merge(parts.get(i));
    }
    return all;
  }

  private static QuantileSketch pairwise(List<QuantileSketch> parts) {
    List<QuantileSketch> level = new ArrayList<>(parts);
    while (level.size() > 1) {
      List<QuantileSketch> next = new ArrayList<>();
      for (int i = 0; i < level.size(); i += 2) {
        QuantileSketch left = level.get(i);
        if (i + 1 < level.size()) {
          left.merge(level.get(i + 1));
        }
        next.add(throughCoder(left));
      }
      level = next;
    }
    return level.get(0);
  }

  private static final List<Function<List<QuantileSketch>, QuantileSketch>> MERGE_ORDERS =
      List.of(
          QuantileSketchTest::intoEmptyInOrder,
          QuantileSketchTest::intoLastInReverse,
          QuantileSketchTest::pairwise);

  /**
   * Every split (fresh accumulators each time, as merging changes them) and merge order agrees with
   * one accumulator.
   */
  private static void assertMergeOrderIndependent(double[] values, int[][] splits) {
    List<Double> whole = fingerprint(sketch(values));
    for (int[] split : splits) {
      for (Function<List<QuantileSketch>, QuantileSketch> order : MERGE_ORDERS) {
        assertEquals(
            whole,
            fingerprint(order.apply(split(values, split[0], split[1]))),
            split[0] + " accumulators, seed " + split[1]);
      }
    }
  }

  @Test
  void exactSketchesMergeInAnyOrder() {
    // 3,000 values, at most 501 distinct, with repeats split across accumulators.
    Random random = new Random(1);
    double[] values =
        IntStream.range(0, 3000).mapToDouble(i -> random.nextInt(501) / 500.0).toArray();
    assertMergeOrderIndependent(values, new int[][] {{2, 1}, {3, 2}, {7, 3}, {50, 4}});
    for (double p : TABLE_PS) {
      assertEquals(
          exactNearestRank(values, p), sketch(values).quantile(p), "exact below the limit");
    }
  }

  @Test
  void binnedSketchesMergeInAnyOrder() {
    // 30,000 distinct values: in 2 or 3 accumulators none exceeds 20,000 until merged; in
    // 1 + a few, the lopsided split below puts 25,000+ in one that bins alone.
    double[] values = offCentre(30_000);
    assertMergeOrderIndependent(values, new int[][] {{2, 1}, {3, 2}, {16, 3}});
    List<QuantileSketch> lopsided =
        List.of(
            sketch(Arrays.copyOfRange(values, 0, 25_000)),
            sketch(Arrays.copyOfRange(values, 25_000, 28_000)),
            sketch(Arrays.copyOfRange(values, 28_000, 30_000)));
    assertEquals(
        fingerprint(sketch(values)),
        fingerprint(intoLastInReverse(lopsided)),
        "an unbinned accumulator absorbing a binned one");
    assertEquals(
        fingerprint(sketch(values)),
        fingerprint(
            intoEmptyInOrder(
                List.of(
                    sketch(Arrays.copyOfRange(values, 0, 25_000)),
                    sketch(Arrays.copyOfRange(values, 25_000, 30_000))))),
        "a binned accumulator absorbing an unbinned one");
  }

  @Test
  void binnedAnswersAreWithinTheSpecOfExactOnManyRandomRates() {
    // 100,000 random doubles in [0, 2) (rates may exceed 1): all distinct, so binned.
    Random random = new Random(42);
    double[] values =
        IntStream.range(0, 100_000).mapToDouble(i -> random.nextDouble() * 2).toArray();
    QuantileSketch whole = sketch(values);
    QuantileSketch merged = pairwise(split(values, 8, 5));
    for (double p : new double[] {0.01, 0.1, 0.25, 0.5, 0.75, 0.9, 0.99, 1.0}) {
      double exact = exactNearestRank(values, p);
      double answer = whole.quantile(p);
      // The SPEC allows 0.001; folding to bin centres promises half a bin.
      assertTrue(
          Math.abs(answer - exact) <= QuantileSketch.BIN / 2 + 1e-12,
          "p" + p + ": " + answer + " vs exact " + exact);
      assertEquals(answer, merged.quantile(p), "p" + p + " after splitting and merging");
    }
  }
}
