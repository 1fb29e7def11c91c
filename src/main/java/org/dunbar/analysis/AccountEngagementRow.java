package org.dunbar.analysis;

import org.apache.avro.generic.GenericRecord;
import org.dunbar.tables.Table;

/**
 * Builds one {@code account_engagement} row (account × period; SPEC "Table account_engagement")
 * from the account's summed {@link ActivityMeasure} counts of the period and its {@link
 * FollowerCounts}. {@code engaged_followers} needs the follow replay, so it is null for accounts
 * whose counts come from snapshots.
 */
final class AccountEngagementRow {
  private AccountEngagementRow() {}

  /**
   * @param period the period's first day, days since the epoch
   * @param a the period's counts, indexed by {@link ActivityMeasure} ordinals
   */
  static GenericRecord of(
      String account, int period, long[] a, FollowerCounts counts, AudienceBands bands) {
    Long start = counts.at(period);
    int band = bands.order(start);
    Long engagedFollowers =
        counts.source() == FollowerCounts.Source.REPLAY
            ? a[ActivityMeasure.ENGAGED_FOLLOWERS.ordinal()]
            : null;
    long directedSent =
        a[ActivityMeasure.REPLIES_SENT.ordinal()]
            + a[ActivityMeasure.MENTIONS_SENT.ordinal()]
            + a[ActivityMeasure.QUOTES_SENT.ordinal()]
            + a[ActivityMeasure.MESSAGES_SENT.ordinal()];
    long posts = a[ActivityMeasure.POSTS.ordinal()];
    return Table.ACCOUNT_ENGAGEMENT
        .row()
        .set("account", account)
        .set("period_start", period)
        .set("audience_band", bands.label(band))
        .set("band_order", band)
        .set("followers_source", counts.source().label())
        .set("followers_start", start)
        .set("posts", posts)
        .set("replies_sent", a[ActivityMeasure.REPLIES_SENT.ordinal()])
        .set("mentions_sent", a[ActivityMeasure.MENTIONS_SENT.ordinal()])
        .set("quotes_sent", a[ActivityMeasure.QUOTES_SENT.ordinal()])
        .set("messages_sent", a[ActivityMeasure.MESSAGES_SENT.ordinal()])
        .set("reshares_sent", a[ActivityMeasure.RESHARES_SENT.ordinal()])
        .set("likes_sent", a[ActivityMeasure.LIKES_SENT.ordinal()])
        .set("replies_received", a[ActivityMeasure.REPLIES_RECEIVED.ordinal()])
        .set("mentions_received", a[ActivityMeasure.MENTIONS_RECEIVED.ordinal()])
        .set("quotes_received", a[ActivityMeasure.QUOTES_RECEIVED.ordinal()])
        .set("messages_received", a[ActivityMeasure.MESSAGES_RECEIVED.ordinal()])
        .set("reshares_received", a[ActivityMeasure.RESHARES_RECEIVED.ordinal()])
        .set("likes_received", a[ActivityMeasure.LIKES_RECEIVED.ordinal()])
        .set("engagers", a[ActivityMeasure.ENGAGERS.ordinal()])
        .set("engager_rate", Ratios.of(a[ActivityMeasure.ENGAGERS.ordinal()], start))
        .set("engaged_followers", engagedFollowers)
        .set("engagement_rate", Ratios.of(engagedFollowers, start))
        .set("conversation_partners", a[ActivityMeasure.CONVERSATION_PARTNERS.ordinal()])
        .set(
            "reply_back_rate",
            Ratios.of(
                a[ActivityMeasure.DIRECTED_ANSWERED.ordinal()],
                a[ActivityMeasure.DIRECTED_RECEIVED_FROM_OTHERS.ordinal()]))
        .set("broadcast_share", Ratios.of(posts, posts + directedSent))
        .build();
  }
}
