package org.dunbar.analysis;

import org.apache.beam.sdk.transforms.Combine;
import org.dunbar.records.FollowFact;

/** The per-follow flags counted by {@code acquisition_cohorts}, in its column order. */
public enum CohortMeasure {
  FOLLOWS,
  CHURNED,
  ELIGIBLE_30D,
  RETAINED_30D,
  ELIGIBLE_90D,
  RETAINED_90D,
  ENGAGED_90D,
  CONVERSED_90D;

  public static final int SIZE = values().length;

  /** Sums {@code acquisition_cohorts}'s counts exactly. */
  public static final Combine.BinaryCombineFn<long[]> SUM =
      CountVector.sum("acquisition_cohorts", ExactSum.columns(values()));

  /**
   * One follow's flags. A follow is eligible for N days when τ + N days ≤ the last accepted event's
   * instant (SPEC "acquisition_cohorts"): only then is that much time observed after it. Retained,
   * engaged and conversed count only among eligible follows.
   *
   * @param lastEventTs the last accepted event of the whole input, epoch microseconds
   */
  public static long[] of(FollowFact f, long lastEventTs) {
    return of(
        f,
        f.getTs() + PairReplay.DAYS_30 <= lastEventTs,
        f.getTs() + PairReplay.DAYS_90 <= lastEventTs);
  }

  static long[] of(FollowFact f, boolean eligible30d, boolean eligible90d) {
    long[] v = new long[SIZE];
    v[FOLLOWS.ordinal()] = 1;
    v[CHURNED.ordinal()] = f.getChurned() ? 1 : 0;
    v[ELIGIBLE_30D.ordinal()] = eligible30d ? 1 : 0;
    v[RETAINED_30D.ordinal()] = eligible30d && f.getRetained30d() ? 1 : 0;
    v[ELIGIBLE_90D.ordinal()] = eligible90d ? 1 : 0;
    v[RETAINED_90D.ordinal()] = eligible90d && f.getRetained90d() ? 1 : 0;
    v[ENGAGED_90D.ordinal()] = eligible90d && f.getEngaged90d() ? 1 : 0;
    v[CONVERSED_90D.ordinal()] = eligible90d && f.getConversed90d() ? 1 : 0;
    return v;
  }
}
