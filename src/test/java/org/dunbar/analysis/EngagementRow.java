package org.dunbar.analysis;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.generic.GenericRecordBuilder;
import org.dunbar.tables.Table;

/**
 * A hand-made {@code account_engagement} row: every count 0 unless set, the band from the given
 * bounds, and the rates derived from the counts as the table defines them, so a test states only
 * what matters to it.
 */
final class EngagementRow {
  /** Monday 2024-01-01, as a DATE (days since the epoch). */
  static final int WEEK_1 = (int) LocalDate.of(2024, 1, 1).toEpochDay();

  static final int WEEK_2 = WEEK_1 + 7;

  private static final List<String> COUNTS =
      List.of(
          "posts",
          "replies_sent",
          "mentions_sent",
          "quotes_sent",
          "messages_sent",
          "reshares_sent",
          "likes_sent",
          "replies_received",
          "mentions_received",
          "quotes_received",
          "messages_received",
          "reshares_received",
          "likes_received");
  private static final List<String> DIRECTED_SENT =
      List.of("replies_sent", "mentions_sent", "quotes_sent", "messages_sent");

  private final String account;
  private final String source;
  private final Long followersStart;
  private final long engagers;
  private final Long engagedFollowers;
  private final Map<String, Long> counts = new TreeMap<>();
  private int period = WEEK_1;
  private long partners;
  private Double replyBackRate;

  private EngagementRow(
      String account, String source, Long followersStart, long engagers, Long engagedFollowers) {
    this.account = account;
    this.source = source;
    this.followersStart = followersStart;
    this.engagers = engagers;
    this.engagedFollowers = engagedFollowers;
    COUNTS.forEach(c -> counts.put(c, 0L));
  }

  /** An account whose count comes from the follow replay: engaged followers are known. */
  static EngagementRow replay(
      String account, long followersStart, long engagers, long engagedFollowers) {
    return new EngagementRow(account, "replay", followersStart, engagers, engagedFollowers);
  }

  /**
   * An account counted only by snapshots: nobody's follow edges are known, so no engaged followers.
   */
  static EngagementRow snapshot(String account, long followersStart, long engagers) {
    return new EngagementRow(account, "snapshot", followersStart, engagers, null);
  }

  /** An account with no count at all: band unknown. */
  static EngagementRow noCount(String account, long engagers) {
    return new EngagementRow(account, "none", null, engagers, null);
  }

  EngagementRow in(int periodStart) {
    this.period = periodStart;
    return this;
  }

  EngagementRow count(String column, long n) {
    if (!counts.containsKey(column)) {
      throw new IllegalArgumentException("not a count column: " + column);
    }
    counts.put(column, n);
    return this;
  }

  EngagementRow partners(long n) {
    this.partners = n;
    return this;
  }

  EngagementRow replyBack(double rate) {
    this.replyBackRate = rate;
    return this;
  }

  GenericRecord build(AudienceBands bands) {
    int order = bands.order(followersStart);
    long posts = counts.get("posts");
    long directedSent = DIRECTED_SENT.stream().mapToLong(counts::get).sum();
    GenericRecordBuilder row =
        Table.ACCOUNT_ENGAGEMENT
            .row()
            .set("account", account)
            .set("period_start", period)
            .set("audience_band", bands.label(order))
            .set("band_order", order)
            .set("followers_source", source)
            .set("followers_start", followersStart)
            .set("engagers", engagers)
            .set("engager_rate", Ratios.of(engagers, followersStart))
            .set("engaged_followers", engagedFollowers)
            .set("engagement_rate", Ratios.of(engagedFollowers, followersStart))
            .set("conversation_partners", partners)
            .set("reply_back_rate", replyBackRate)
            .set("broadcast_share", Ratios.of(posts, posts + directedSent));
    counts.forEach(row::set);
    return row.build();
  }
}
