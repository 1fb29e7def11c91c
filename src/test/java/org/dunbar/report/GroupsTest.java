package org.dunbar.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.dunbar.analysis.FollowReason;
import org.dunbar.tables.Table;
import org.junit.jupiter.api.Test;

/**
 * Null-aware sums, ratios and medians per group, on hand-made acquisition_cohorts and
 * engagement_by_cohort rows.
 */
class GroupsTest {
  /** An acquisition_cohorts row; null counts are a suppressed cell, as min_cell leaves it. */
  private static GenericRecord cohort(String reason, Long follows, Long churned) {
    GenericRecord row = new GenericData.Record(Table.ACQUISITION_COHORTS.schema());
    row.put("reason", reason);
    row.put("follows", follows);
    row.put("churned", churned);
    row.put("suppressed", follows == null);
    return row;
  }

  private static Groups<String> cohorts(GenericRecord... rows) {
    Groups<String> groups =
        new Groups<>(
            row -> row.get("reason").toString(),
            row -> row.get("reason").toString(),
            Comparator.comparing(FollowReason::of),
            List.of("follows", "churned"),
            List.of());
    Arrays.stream(rows).forEach(groups::add);
    return groups;
  }

  private static GenericRecord band(int order, Double replyBack) {
    GenericRecord row = new GenericData.Record(Table.ENGAGEMENT_BY_COHORT.schema());
    row.put("band_order", order);
    row.put("audience_band", "band " + order);
    row.put("reply_back_rate_p50", replyBack);
    return row;
  }

  @Test
  void sumsSkipNullsAndGroupsComeInTheComparatorsOrder() {
    Groups<String> groups =
        cohorts(
            cohort("burst", 10L, 4L),
            cohort("conversation", 3L, 0L),
            cohort("burst", null, null),
            cohort("burst", 6L, 2L),
            cohort("engaged", null, null));
    // FollowReason's order: conversation, engaged, burst.
    assertEquals(List.of("conversation", "engaged", "burst"), groups.labels());
    // burst: 10 + 6 = 16 follows, 4 + 2 = 6 churned; engaged has only a suppressed row: null.
    assertEquals(Arrays.asList(3L, null, 16L), groups.sums("follows"));
    // conversation 0 / 3 = 0; engaged null; burst 6 / 16 = 0.375.
    assertEquals(Arrays.asList(0.0, null, 0.375), groups.ratios("churned", "follows"));
    assertEquals(2, groups.suppressedRows());
  }

  @Test
  void aZeroDenominatorIsNoRatio() {
    assertEquals(
        Arrays.asList((Double) null),
        cohorts(cohort("burst", 0L, 0L)).ratios("churned", "follows"));
  }

  @Test
  void aSumPastALongFailsInsteadOfWrapping() {
    assertThrows(
        ArithmeticException.class,
        () -> cohorts(cohort("burst", Long.MAX_VALUE, 0L), cohort("burst", 1L, 0L)));
  }

  @Test
  void aColumnThatIsNotSummedIsAnError() {
    assertThrows(IllegalArgumentException.class, () -> cohorts().sums("eligible_30d"));
    assertThrows(IllegalArgumentException.class, () -> cohorts().medians("follows"));
  }

  @Test
  void mediansOfOddAndEvenCountsAndOfNullsAsDuckDbTakesThem() {
    Groups<Integer> groups =
        new Groups<>(
            row -> (Integer) row.get("band_order"),
            row -> row.get("audience_band").toString(),
            Comparator.<Integer>naturalOrder(),
            List.of(),
            List.of("reply_back_rate_p50"));
    List.of(
            band(2, 0.5),
            band(0, 0.9),
            band(2, 0.1),
            band(0, 0.3),
            band(0, 0.6),
            band(1, null),
            band(2, 0.2),
            band(2, null),
            band(2, 0.4))
        .forEach(groups::add);
    assertEquals(List.of("band 0", "band 1", "band 2"), groups.labels());
    // band 0: 0.3, 0.6, 0.9 -> 0.6; band 1: only null -> null;
    // band 2: 0.1, 0.2, 0.4, 0.5 (the null skipped) -> (0.2 + 0.4) / 2 = 0.3.
    List<Double> medians = groups.medians("reply_back_rate_p50");
    assertEquals(0.6, medians.get(0));
    assertNull(medians.get(1));
    assertEquals(0.3, medians.get(2), 1e-15);
    assertEquals(0, groups.suppressedRows(), "band rows without a suppressed value are not");
  }
}
