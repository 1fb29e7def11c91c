package org.dunbar.analysis;

import org.apache.beam.sdk.transforms.Combine;

/** The per-(account, period) counts behind the {@code follower_growth} table. */
public enum GrowthMeasure {
  /** Follow and unfollow events targeting the account, redundant and orphan ones included. */
  FOLLOW_EVENTS,
  GAINED_FOLLOW_BACK,
  GAINED_CONVERSATION,
  GAINED_OUTREACH,
  GAINED_ENGAGED,
  GAINED_BURST,
  GAINED_UNEXPLAINED,
  GAINED_CHURNED,
  LOST_CHURN,
  LOST_OTHER;

  public static final int SIZE = values().length;

  /** Sums {@code follower_growth}'s counts exactly. */
  public static final Combine.BinaryCombineFn<long[]> SUM =
      CountVector.sum("follower_growth", ExactSum.columns(values()));

  public static long[] of(GrowthMeasure m, long value) {
    return CountVector.of(SIZE, m, value);
  }

  public static GrowthMeasure gainedBy(FollowReason reason) {
    return switch (reason) {
      case FOLLOW_BACK -> GAINED_FOLLOW_BACK;
      case CONVERSATION -> GAINED_CONVERSATION;
      case OUTREACH -> GAINED_OUTREACH;
      case ENGAGED -> GAINED_ENGAGED;
      case BURST -> GAINED_BURST;
      case UNEXPLAINED -> GAINED_UNEXPLAINED;
    };
  }

  public static long gained(long[] v) {
    long sum = 0;
    for (FollowReason r : FollowReason.values()) {
      sum += v[gainedBy(r).ordinal()];
    }
    return sum;
  }

  public static long lost(long[] v) {
    return v[LOST_CHURN.ordinal()] + v[LOST_OTHER.ordinal()];
  }
}
