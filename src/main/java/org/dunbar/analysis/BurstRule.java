package org.dunbar.analysis;

import java.io.Serializable;
import java.util.Arrays;
import java.util.NavigableMap;

/**
 * SPEC rule 5: a day's count n of a followee's rule-less follows is a burst when n ≥ max(burst_min,
 * burst_factor × m), m the median of the same daily count over the 28 days before (days without
 * such follows, before the input too, count as 0).
 */
public final class BurstRule implements Serializable {
  static final int BASELINE_DAYS = 28;
  private final long burstMin;
  private final double burstFactor;

  public BurstRule(long burstMin, double burstFactor) {
    this.burstMin = burstMin;
    this.burstFactor = burstFactor;
  }

  /**
   * @param dailyCounts rule-less follows per epoch day, for one followee
   */
  public boolean isBurst(int day, NavigableMap<Integer, Long> dailyCounts) {
    long n = dailyCounts.getOrDefault(day, 0L);
    long[] window = new long[BASELINE_DAYS];
    dailyCounts
        .subMap(day - BASELINE_DAYS, true, day, false)
        .forEach((d, count) -> window[d - (day - BASELINE_DAYS)] = count);
    Arrays.sort(window);
    // The median of 28 values is the mean of the 14th and 15th smallest.
    double median = (window[13] + window[14]) / 2.0;
    return n >= Math.max(burstMin, burstFactor * median);
  }
}
