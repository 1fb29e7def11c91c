package org.dunbar.analysis;

import static org.dunbar.analysis.EngagementRow.replay;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.dunbar.run.Study;
import org.junit.jupiter.api.Test;

/** Sums that would wrap stop the run with a message naming table and column (issue 13, fault 1). */
class ExactSumTest {
  private static final AudienceBands DEFAULT = new AudienceBands(Study.DEFAULT_BANDS);

  @Test
  void addsWithinRangeAndRefusesToWrap() {
    assertEquals(Long.MAX_VALUE, ExactSum.add(Long.MAX_VALUE - 1, 1, "t", "c"));
    assertEquals(Long.MIN_VALUE, ExactSum.add(Long.MIN_VALUE + 1, -1, "t", "c"));
    SumOverflow e =
        assertThrows(SumOverflow.class, () -> ExactSum.add(Long.MAX_VALUE, 1, "t", "c"));
    assertEquals(
        "a sum in t.c exceeds 9223372036854775807 (the largest 64-bit integer): check the input"
            + " counts that feed it",
        e.getMessage());
    assertThrows(SumOverflow.class, () -> ExactSum.add(Long.MIN_VALUE, -1, "t", "c"));
  }

  @Test
  void cohortFollowerSumsNeverWrap() {
    // The case: two accounts with followers = Long.MAX_VALUE in one band and period
    // published followers_start_sum = -2.
    EngagementByCohort.CohortStats stats = new EngagementByCohort.CohortStats();
    stats.add(replay("a", Long.MAX_VALUE, 1, 1).build(DEFAULT));
    SumOverflow e =
        assertThrows(
            SumOverflow.class, () -> stats.add(replay("b", Long.MAX_VALUE, 1, 1).build(DEFAULT)));
    assertEquals(
        "a sum in engagement_by_cohort.followers_start_sum exceeds 9223372036854775807 (the largest"
            + " 64-bit integer): check the input counts that feed it",
        e.getMessage());
  }

  @Test
  void tallySumsNameTheColumn() {
    long[] big = CountVector.of(GrowthMeasure.SIZE, GrowthMeasure.LOST_OTHER, Long.MAX_VALUE);
    long[] one = CountVector.of(GrowthMeasure.SIZE, GrowthMeasure.LOST_OTHER, 1);
    SumOverflow e = assertThrows(SumOverflow.class, () -> GrowthMeasure.SUM.apply(big, one));
    assertEquals(true, e.getMessage().startsWith("a sum in follower_growth.lost_other exceeds"));
    assertEquals(2, GrowthMeasure.SUM.apply(one, one)[GrowthMeasure.LOST_OTHER.ordinal()]);
  }

  @Test
  void layerSumsNameTheColumn() {
    long[] big = LayerMeasure.empty();
    big[LayerMeasure.EVENTS.ordinal()] = Long.MAX_VALUE;
    long[] one = LayerMeasure.empty();
    one[LayerMeasure.EVENTS.ordinal()] = 1;
    SumOverflow e = assertThrows(SumOverflow.class, () -> LayerMeasure.combine().apply(big, one));
    assertEquals(true, e.getMessage().startsWith("a sum in network_layers.events exceeds"));
    assertEquals(List.of("edges", "self_loops"), LayerMeasure.COLUMNS.subList(0, 2));
  }
}
