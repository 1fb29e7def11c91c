package org.dunbar.analysis;

import org.apache.avro.generic.GenericRecord;
import org.dunbar.analysis.EngagementByCohort.CohortStats;
import org.dunbar.tables.Table;

/**
 * Builds one {@code engagement_by_cohort} row (audience band × period; SPEC "Table
 * engagement_by_cohort") from the sums and sketches {@link EngagementByCohort} combined over the
 * band's {@code account_engagement} rows. A pooled rate is null where its sums are.
 */
final class EngagementByCohortRow {
  private EngagementByCohortRow() {}

  /**
   * @param periodStart the period's first day, days since the epoch
   */
  static GenericRecord of(CohortStats s, String band, int bandOrder, int periodStart) {
    return Table.ENGAGEMENT_BY_COHORT
        .row()
        .set("audience_band", band)
        .set("band_order", bandOrder)
        .set("period_start", periodStart)
        .set("accounts", s.accounts)
        .set("active_accounts", s.activeAccounts)
        .set("followers_start_sum", s.followersStartSum)
        .set("engagers_sum", s.engagersSum)
        .set("engaged_followers_sum", s.engagedFollowersSum)
        .set("engager_rate_pooled", Ratios.of(s.engagersSum, s.followersStartSum))
        .set("engagement_rate_pooled", Ratios.of(s.engagedFollowersSum, s.engagedFollowersBase))
        .set("engager_rate_p50", s.engagerRate.quantile(0.5))
        .set("engagement_rate_p25", s.engagementRate.quantile(0.25))
        .set("engagement_rate_p50", s.engagementRate.quantile(0.5))
        .set("engagement_rate_p75", s.engagementRate.quantile(0.75))
        .set("reply_back_rate_p50", s.replyBackRate.quantile(0.5))
        .set("broadcast_share_p50", s.broadcastShare.quantile(0.5))
        .set(
            "conversation_partners_mean",
            s.accounts == 0 ? null : (double) s.partnersSum / s.accounts)
        .build();
  }
}
