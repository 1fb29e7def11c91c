package org.dunbar.analysis;

import static org.dunbar.analysis.EngagementRow.WEEK_1;
import static org.dunbar.analysis.EngagementRow.WEEK_2;
import static org.dunbar.analysis.EngagementRow.noCount;
import static org.dunbar.analysis.EngagementRow.replay;
import static org.dunbar.analysis.EngagementRow.snapshot;

import java.util.ArrayList;
import java.util.List;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.generic.GenericRecordBuilder;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.coders.CoderException;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.testing.CombineFnTester;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.util.CoderUtils;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.dunbar.run.Study;
import org.dunbar.tables.Table;
import org.hamcrest.FeatureMatcher;
import org.hamcrest.Matcher;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

/**
 * engagement_by_cohort from hand-made account_engagement rows; every expected value worked out
 * below.
 */
class EngagementByCohortTest {
  private static final AudienceBands DEFAULT = new AudienceBands(Study.DEFAULT_BANDS);

  /**
   * Band 51-150, week 1: ten replay accounts with 100 followers each and engaged followers 0..9
   * (shuffled), engagers = engaged + 2; two snapshot accounts (60 and 140 followers, engagers 3 and
   * 7, no engaged followers). r9 and s0 only receive: not active.
   */
  private static List<GenericRecord> dunbarBand() {
    return List.of(
            replay("r0", 100, 11, 9)
                .count("posts", 3)
                .count("replies_sent", 1)
                .partners(2)
                .replyBack(1.0),
            replay("r1", 100, 2, 0).count("posts", 1).partners(3).replyBack(0.25),
            replay("r2", 100, 5, 3).count("replies_sent", 2).partners(4).replyBack(0.0),
            replay("r3", 100, 9, 7).count("posts", 1).count("mentions_sent", 3).replyBack(0.5),
            replay("r4", 100, 3, 1).count("messages_sent", 1),
            replay("r5", 100, 7, 5).count("quotes_sent", 1).count("posts", 1),
            replay("r6", 100, 4, 2).count("posts", 2),
            replay("r7", 100, 10, 8).count("reshares_sent", 1),
            replay("r8", 100, 6, 4).count("likes_sent", 2),
            replay("r9", 100, 8, 6).count("replies_received", 4),
            snapshot("s0", 60, 3).count("likes_received", 3),
            snapshot("s1", 140, 7).count("posts", 1).count("messages_sent", 3))
        .stream()
        .map(r -> r.build(DEFAULT))
        .toList();
  }

  private static GenericRecordBuilder cohort(
      String band, int order, int period, long accounts, long active) {
    return Table.ENGAGEMENT_BY_COHORT
        .row()
        .set("audience_band", band)
        .set("band_order", order)
        .set("period_start", period)
        .set("accounts", accounts)
        .set("active_accounts", active);
  }

  private static GenericRecord dunbarBandExpected() {
    return cohort("51-150", 3, WEEK_1, 12, 10)
        .set("followers_start_sum", 1200L) // 10 × 100 + 60 + 140
        .set("engagers_sum", 75L) // (0 + … + 9) + 10 × 2 + 3 + 7
        .set("engaged_followers_sum", 45L) // 0 + … + 9; the snapshot rows' nulls are skipped
        .set("engager_rate_pooled", 0.0625) // 75 / 1200
        // 45 / 1000: only the replay rows have engaged_followers, so only their followers count.
        .set("engagement_rate_pooled", 0.045)
        // Engager rates 0.02 … 0.11 and 3/60 = 7/140 = 0.05: sorted, the 6th of 12 is 0.05 (the 7th
        // is 0.06).
        .set("engager_rate_p50", 0.05)
        // Engagement rates 0.00 … 0.09 (n = 10): ranks ⌈2.5⌉ = 3, ⌈5⌉ = 5, ⌈7.5⌉ = 8.
        .set("engagement_rate_p25", 0.02)
        .set("engagement_rate_p50", 0.04)
        .set("engagement_rate_p75", 0.07)
        // Reply-back rates {1, 0.25, 0, 0.5}: the 2nd smallest.
        .set("reply_back_rate_p50", 0.25)
        // Broadcast shares 3/4, 1, 0, 1/4, 0, 1/2, 1, 1/4 (r7, r8, r9 and s0 neither posted nor
        // sent a directed interaction: null): sorted 0, 0, .25, .25, .5, .75, 1, 1, the 4th is
        // 0.25.
        .set("broadcast_share_p50", 0.25)
        .set("conversation_partners_mean", 0.75) // (2 + 3 + 4) / 12
        .build();
  }

  @Test
  void cohortRowsOfHandMadeAccountRows() {
    List<GenericRecord> rows = new ArrayList<>(dunbarBand());
    // Same band, next week: 150 followers is still 51-150; zeros stay zeros, not nulls.
    rows.add(replay("r10", 150, 0, 0).in(WEEK_2).count("posts", 1).build(DEFAULT));
    // 0-5 with followers_start 0: every rate's denominator is 0, so pooled rates are null.
    rows.add(replay("z0", 0, 1, 0).count("likes_received", 1).build(DEFAULT));
    // 16-50, snapshot accounts only: no row has engaged_followers, so its sum and rate are null.
    rows.add(snapshot("t0", 20, 4).count("posts", 1).build(DEFAULT));
    rows.add(snapshot("t1", 40, 2).build(DEFAULT));
    // unknown: no follower count anywhere; u1's like makes it active.
    rows.add(
        noCount("u0", 2).count("posts", 1).count("replies_received", 2).partners(1).build(DEFAULT));
    rows.add(noCount("u1", 0).count("likes_sent", 1).build(DEFAULT));

    Pipeline p = DirectPipelines.create();
    PCollection<GenericRecord> cohorts =
        p.apply(Create.of(rows).withCoder(Table.ACCOUNT_ENGAGEMENT.coder()))
            .apply(new EngagementByCohort(DEFAULT));
    PAssert.that(cohorts)
        .containsInAnyOrder(
            dunbarBandExpected(),
            cohort("51-150", 3, WEEK_2, 1, 1)
                .set("followers_start_sum", 150L)
                .set("engagers_sum", 0L)
                .set("engaged_followers_sum", 0L)
                .set("engager_rate_pooled", 0.0)
                .set("engagement_rate_pooled", 0.0)
                .set("engager_rate_p50", 0.0)
                .set("engagement_rate_p25", 0.0)
                .set("engagement_rate_p50", 0.0)
                .set("engagement_rate_p75", 0.0)
                .set("broadcast_share_p50", 1.0)
                .set("conversation_partners_mean", 0.0)
                .build(),
            cohort("0-5", 0, WEEK_1, 1, 0)
                .set("followers_start_sum", 0L)
                .set("engagers_sum", 1L)
                .set("engaged_followers_sum", 0L)
                .set("conversation_partners_mean", 0.0)
                .build(),
            cohort("16-50", 2, WEEK_1, 2, 1)
                .set("followers_start_sum", 60L)
                .set("engagers_sum", 6L)
                .set("engager_rate_pooled", 0.1) // 6 / 60
                .set("engager_rate_p50", 0.05) // {4/20, 2/40}: the 1st of 2
                .set("broadcast_share_p50", 1.0)
                .set("conversation_partners_mean", 0.0)
                .build(),
            cohort("unknown", 9, WEEK_1, 2, 2)
                .set(
                    "engagers_sum",
                    2L) // engagers is never null; followers_start is, so no pooled rate
                .set(
                    "broadcast_share_p50",
                    1.0) // u0 only: u1 neither posted nor sent anything directed
                .set("conversation_partners_mean", 0.5)
                .build());
    DirectPipelines.run(p);
  }

  @Test
  void bandLabelsComeFromTheStudysBounds() {
    AudienceBands custom = new AudienceBands(List.of(10L, 100L));
    Pipeline p = DirectPipelines.create();
    PCollection<String> bands =
        p.apply(
                Create.of(
                        replay("a", 10, 0, 0).build(custom), replay("b", 11, 0, 0).build(custom),
                        replay("c", 101, 0, 0).build(custom), noCount("d", 0).build(custom))
                    .withCoder(Table.ACCOUNT_ENGAGEMENT.coder()))
            .apply(new EngagementByCohort(custom))
            .apply(
                MapElements.into(TypeDescriptors.strings())
                    .via(
                        r ->
                            r.get("audience_band")
                                + "|"
                                + r.get("band_order")
                                + "|"
                                + r.get("accounts")))
            .setCoder(StringUtf8Coder.of());
    // Two bounds: bands 0-10, 11-100, 101+, and unknown is order 3 (bounds + 1), not 9.
    PAssert.that(bands).containsInAnyOrder("0-10|0|1", "11-100|1|1", "101+|2|1", "unknown|3|1");
    DirectPipelines.run(p);
  }

  @Test
  void theSameRowHoweverTheBandsRowsAreSplitAndMerged() {
    // Beam's tester combines the rows in one accumulator, in shards, and merges in varied orders;
    // each result also passes through the accumulator coder, as a shuffle would.
    EngagementByCohort.CohortStatsCoder coder = new EngagementByCohort.CohortStatsCoder();
    Matcher<EngagementByCohort.CohortStats> row =
        new FeatureMatcher<>(Matchers.equalTo(dunbarBandExpected()), "cohort row", "row") {
          @Override
          protected GenericRecord featureValueOf(EngagementByCohort.CohortStats stats) {
            try {
              return EngagementByCohortRow.of(CoderUtils.clone(coder, stats), "51-150", 3, WEEK_1);
            } catch (CoderException e) {
              throw new AssertionError(e);
            }
          }
        };
    CombineFnTester.testCombineFn(new EngagementByCohort.CohortFn(), dunbarBand(), row);
  }
}
