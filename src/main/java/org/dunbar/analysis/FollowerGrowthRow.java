package org.dunbar.analysis;

import org.apache.avro.generic.GenericRecord;
import org.dunbar.tables.Table;

/**
 * Builds one {@code follower_growth} row (account × period; SPEC "Table follower_growth") from the
 * account's summed {@link GrowthMeasure} counts of the period and its {@link FollowerCounts}.
 * Replayed accounts get every count; snapshot-only accounts get the counts at the period's ends and
 * their difference, and null gains and losses (no follow events explain them).
 */
final class FollowerGrowthRow {
  private FollowerGrowthRow() {}

  /**
   * @param period the period's first day, days since the epoch
   * @param g the period's counts, indexed by {@link GrowthMeasure} ordinals
   */
  static GenericRecord of(
      String account, int period, long[] g, FollowerCounts counts, PeriodUnit unit) {
    Long start = counts.at(period);
    Long end = counts.at(unit.next(period));
    boolean replay = counts.source() == FollowerCounts.Source.REPLAY;
    Long net =
        replay
            ? (Long) (GrowthMeasure.gained(g) - GrowthMeasure.lost(g))
            : start == null || end == null ? null : end - start;
    Long observed = counts.observedEnd(period);
    return Table.FOLLOWER_GROWTH
        .row()
        .set("account", account)
        .set("period_start", period)
        .set("followers_source", counts.source().label())
        .set("followers_start", start)
        .set("followers_end", end)
        .set("gained", replay ? GrowthMeasure.gained(g) : null)
        .set("lost", replay ? GrowthMeasure.lost(g) : null)
        .set("net", net)
        .set("growth_rate", Ratios.of(net, start))
        .set("gained_follow_back", replay ? g[GrowthMeasure.GAINED_FOLLOW_BACK.ordinal()] : null)
        .set("gained_conversation", replay ? g[GrowthMeasure.GAINED_CONVERSATION.ordinal()] : null)
        .set("gained_outreach", replay ? g[GrowthMeasure.GAINED_OUTREACH.ordinal()] : null)
        .set("gained_engaged", replay ? g[GrowthMeasure.GAINED_ENGAGED.ordinal()] : null)
        .set("gained_burst", replay ? g[GrowthMeasure.GAINED_BURST.ordinal()] : null)
        .set("gained_unexplained", replay ? g[GrowthMeasure.GAINED_UNEXPLAINED.ordinal()] : null)
        .set("gained_churned", replay ? g[GrowthMeasure.GAINED_CHURNED.ordinal()] : null)
        .set("lost_churn", replay ? g[GrowthMeasure.LOST_CHURN.ordinal()] : null)
        .set("lost_other", replay ? g[GrowthMeasure.LOST_OTHER.ordinal()] : null)
        .set("observed_followers_end", observed)
        .set("unexplained_delta", replay && observed != null ? observed - end : null)
        .build();
  }
}
