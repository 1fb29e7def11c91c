package org.dunbar.analysis;

import static org.dunbar.analysis.DailyCounts.DAY;
import static org.dunbar.analysis.ReplayRecorder.SECOND;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.View;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.dunbar.coders.RecordCoders;
import org.dunbar.records.FollowDay;
import org.dunbar.records.FollowFact;
import org.junit.jupiter.api.Test;

/**
 * {@link AttributeGrowth} on the DirectRunner: follows that rules 1–4 left open become burst or
 * unexplained per (followee, UTC day); decided follows keep their reason and never count towards a
 * burst. Output rows read "followee|day offset from
 * DAY|reason|follows|churned|eligible_90d|retained_90d".
 */
class AttributeGrowthTest {
  private static final long NOON = 12 * 3600 * SECOND;

  private static long at(int offset, long microsIntoDay) {
    return PeriodUnit.startMicros(DAY + offset) + microsIntoDay;
  }

  private static FollowFact.Builder follow(String followee, long ts, String reason) {
    return FollowFact.newBuilder()
        .setFollowee(followee)
        .setFollower("f" + ts)
        .setTs(ts)
        .setReason(reason)
        .setChurned(false)
        .setRetained30d(true)
        .setRetained90d(true)
        .setEngaged90d(false)
        .setConversed90d(false);
  }

  /** Rule-less follows of one followee, {@code count} a day from noon on, one second apart. */
  private static List<FollowFact> ruleLess(String followee, DailyCounts counts) {
    List<FollowFact> follows = new ArrayList<>();
    for (Map.Entry<Integer, Long> day : counts.map().entrySet()) {
      for (long i = 0; i < day.getValue(); i++) {
        follows.add(follow(followee, at(day.getKey() - DAY, NOON + i * SECOND), null).build());
      }
    }
    return follows;
  }

  /** One follow decided by rules 1–4 for each reason given, on day offset 0. */
  private static List<FollowFact> decided(String followee, String... reasons) {
    return java.util.stream.IntStream.range(0, reasons.length)
        .mapToObj(i -> follow(followee, at(0, i * SECOND), reasons[i]).build())
        .toList();
  }

  private static String row(String followee, int offset, String reason, long follows) {
    return row(followee, offset, reason, follows, 0, 0, 0);
  }

  private static String row(
      String followee,
      int offset,
      String reason,
      long follows,
      long churned,
      long eligible90,
      long retained90) {
    return String.join(
        "|",
        followee,
        String.valueOf(offset),
        reason,
        LongStream.of(follows, churned, eligible90, retained90)
            .mapToObj(String::valueOf)
            .collect(Collectors.joining("|")));
  }

  private static String render(KV<FollowDay, long[]> kv) {
    long[] v = kv.getValue();
    return row(
        kv.getKey().getAccount(),
        kv.getKey().getDay() - DAY,
        kv.getKey().getReason(),
        v[CohortMeasure.FOLLOWS.ordinal()],
        v[CohortMeasure.CHURNED.ordinal()],
        v[CohortMeasure.ELIGIBLE_90D.ordinal()],
        v[CohortMeasure.RETAINED_90D.ordinal()]);
  }

  /** As below, with no follow observed long enough to be eligible for retention. */
  private static void assertRows(List<FollowFact> follows, List<String> expected) {
    assertRows(follows, Long.MIN_VALUE, expected);
  }

  /**
   * Runs the transform with the SPEC's defaults (burst_min 20, factor 5) and checks every output
   * row.
   */
  private static void assertRows(
      List<FollowFact> follows, long lastEventTs, List<String> expected) {
    Pipeline p = DirectPipelines.create();
    PCollectionView<Long> last =
        p.apply("Last event", Create.of(lastEventTs)).apply(View.asSingleton());
    PAssert.that(
            p.apply(Create.of(follows).withCoder(RecordCoders.followFact()))
                .apply(new AttributeGrowth(new BurstRule(20, 5.0), last))
                .apply(
                    MapElements.into(TypeDescriptors.strings()).via(AttributeGrowthTest::render)))
        .containsInAnyOrder(expected);
    DirectPipelines.run(p);
  }

  private static List<FollowFact> concat(List<List<FollowFact>> parts) {
    return parts.stream().flatMap(List::stream).toList();
  }

  @Test
  void nineteenRuleLessFollowsOnAQuietDayAreUnexplainedTwentyAreABurst() {
    // No history: the window is all zeros, so the threshold is burst_min = 20. q19's day has 21
    // follows, but two were decided by rules 1-4 and do not count: n = 19.
    assertRows(
        concat(
            List.of(
                ruleLess("q19", new DailyCounts().on(0, 19)),
                decided("q19", "engaged", "follow_back"),
                ruleLess("q20", new DailyCounts().on(0, 20)))),
        List.of(
            row("q19", 0, "unexplained", 19),
            row("q19", 0, "engaged", 1),
            row("q19", 0, "follow_back", 1),
            row("q20", 0, "burst", 20)));
  }

  @Test
  void medianOfFiveWithFactorFive() {
    // Ten a day on d−14 … d−1 and none on d−28 … d−15: m = (0 + 10) / 2 = 5, threshold 25. Each
    // history day has 10 < burst_min follows, so it is unexplained whatever its own window.
    java.util.function.LongFunction<DailyCounts> withHistory =
        n -> new DailyCounts().on(-14, -1, 10).on(0, n);
    List<String> expected = new ArrayList<>();
    for (String followee : List.of("m24", "m25")) {
      for (int offset = -14; offset <= -1; offset++) {
        expected.add(row(followee, offset, "unexplained", 10));
      }
    }
    expected.add(row("m24", 0, "unexplained", 24));
    expected.add(row("m25", 0, "burst", 25));
    assertRows(
        concat(
            List.of(
                ruleLess("m24", withHistory.apply(24)), ruleLess("m25", withHistory.apply(25)))),
        expected);
  }

  @Test
  void daysBeforeTheInputCountAsZero() {
    // "young" has ten days of input at 10 a day: its window still holds 18 zeros, m = 0, so 20 is a
    // burst (a median over its ten known days would need 50).
    List<String> expected = new ArrayList<>();
    for (int offset = -10; offset <= -1; offset++) {
      expected.add(row("young", offset, "unexplained", 10));
    }
    expected.add(row("young", 0, "burst", 20));
    assertRows(ruleLess("young", new DailyCounts().on(-10, -1, 10).on(0, 20)), expected);
  }

  @Test
  void anOrdinaryDayOfALargeSteadyAccountIsNotFlagged() {
    // 40 a day on d−28 … d−1, then 45: m = 40 needs 200, so day 0 is unexplained. Its first 14
    // days (offsets −28 … −15) see at least 15 zero days before the input and are bursts; from
    // offset −14 on the median is 20 or 40 (see BurstRuleTest).
    List<String> expected = new ArrayList<>();
    for (int offset = -28; offset <= -1; offset++) {
      expected.add(row("steady", offset, offset <= -15 ? "burst" : "unexplained", 40));
    }
    expected.add(row("steady", 0, "unexplained", 45));
    assertRows(ruleLess("steady", new DailyCounts().on(-28, -1, 40).on(0, 45)), expected);
  }

  @Test
  void onABurstDayEveryRuleLessFollowIsBurstAndDecidedFollowsKeepTheirReason() {
    // 19 rule-less follows at noon and one at 23:59:59.999999 make 20 on day 0: a burst; the next
    // follow, at midnight, falls on day 1 (n = 1, m = 0): unexplained. Rules 1-4 decided one follow
    // of each reason on day 0; they stay as they are and are not part of n. The input's last event
    // is 90 days after noon + 2 s, so the decided follows (from midnight on) and the first three at
    // noon are eligible for 90 days. The burst row sums the flags of its follows: 5 churned
    // (noon + 3 s … + 7 s), 3 eligible for 90 days of which 2 retained (noon + 0 s lost its edge).
    List<FollowFact> follows =
        new ArrayList<>(decided("b", "follow_back", "conversation", "outreach", "engaged"));
    for (int i = 0; i < 19; i++) {
      FollowFact.Builder f = follow("b", at(0, NOON + i * SECOND), null);
      if (i == 0) {
        f.setRetained90d(false);
      } else if (i >= 3 && i < 8) {
        f.setChurned(true).setRetained30d(false).setRetained90d(false);
      }
      follows.add(f.build());
    }
    follows.add(follow("b", at(1, 0) - 1, null).build());
    follows.add(follow("b", at(1, 0), null).build());
    assertRows(
        follows,
        at(0, NOON + 2 * SECOND) + 90 * ReplayRecorder.DAY,
        List.of(
            row("b", 0, "follow_back", 1, 0, 1, 1),
            row("b", 0, "conversation", 1, 0, 1, 1),
            row("b", 0, "outreach", 1, 0, 1, 1),
            row("b", 0, "engaged", 1, 0, 1, 1),
            row("b", 0, "burst", 20, 5, 3, 2),
            row("b", 1, "unexplained", 1)));
  }
}
