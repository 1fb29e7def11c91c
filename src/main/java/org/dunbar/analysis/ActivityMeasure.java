package org.dunbar.analysis;

import org.apache.beam.sdk.transforms.Combine;
import org.dunbar.model.InteractionType;

/** The per-(account, period) counts behind the {@code account_engagement} table. */
public enum ActivityMeasure {
  POSTS,
  REPLIES_SENT,
  MENTIONS_SENT,
  QUOTES_SENT,
  MESSAGES_SENT,
  RESHARES_SENT,
  LIKES_SENT,
  REPLIES_RECEIVED,
  MENTIONS_RECEIVED,
  QUOTES_RECEIVED,
  MESSAGES_RECEIVED,
  RESHARES_RECEIVED,
  LIKES_RECEIVED,
  /** Distinct other accounts that interacted with it (one pair direction counts once). */
  ENGAGERS,
  /** Engagers whose follow edge existed at their first interaction in the period. */
  ENGAGED_FOLLOWERS,
  CONVERSATION_PARTNERS,
  /** Directed interactions received from others, the denominator of reply_back_rate. */
  DIRECTED_RECEIVED_FROM_OTHERS,
  /** Of those, the ones answered within the reply window. */
  DIRECTED_ANSWERED;

  public static final int SIZE = values().length;

  /** Sums {@code account_engagement}'s counts exactly. */
  public static final Combine.BinaryCombineFn<long[]> SUM =
      CountVector.sum("account_engagement", ExactSum.columns(values()));

  public static long[] of(ActivityMeasure m, long value) {
    return CountVector.of(SIZE, m, value);
  }

  public static ActivityMeasure sent(InteractionType t) {
    return valueOf(plural(t) + "_SENT");
  }

  public static ActivityMeasure received(InteractionType t) {
    return valueOf(plural(t) + "_RECEIVED");
  }

  private static String plural(InteractionType t) {
    return t == InteractionType.REPLY ? "REPLIES" : t.name() + "S";
  }
}
