package org.dunbar.analysis;

import java.util.EnumMap;
import java.util.Map;
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

  // Looked up for every interaction the replay counts: by table, not by building a name.
  private static final Map<InteractionType, ActivityMeasure> SENT = byType("_SENT");
  private static final Map<InteractionType, ActivityMeasure> RECEIVED = byType("_RECEIVED");

  /**
   * @throws IllegalArgumentException for a type that is not an interaction (follow, post...)
   */
  public static ActivityMeasure sent(InteractionType t) {
    return measureOf(SENT, t);
  }

  /**
   * @throws IllegalArgumentException for a type that is not an interaction (follow, post...)
   */
  public static ActivityMeasure received(InteractionType t) {
    return measureOf(RECEIVED, t);
  }

  private static ActivityMeasure measureOf(
      Map<InteractionType, ActivityMeasure> measures, InteractionType t) {
    ActivityMeasure m = measures.get(t);
    if (m == null) {
      throw new IllegalArgumentException("no activity count for " + t);
    }
    return m;
  }

  /** The measure named for each interaction (REPLIES_SENT for reply, ...). */
  private static Map<InteractionType, ActivityMeasure> byType(String suffix) {
    Map<InteractionType, ActivityMeasure> measures = new EnumMap<>(InteractionType.class);
    for (InteractionType t : InteractionType.INTERACTIONS) {
      String plural = t == InteractionType.REPLY ? "REPLIES" : t.name() + "S";
      measures.put(t, valueOf(plural + suffix));
    }
    return measures;
  }
}
