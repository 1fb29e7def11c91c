package org.dunbar.analysis;

import static org.dunbar.analysis.ReplayRecorder.DAY;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.SerializableFunction;
import org.apache.beam.sdk.transforms.join.KeyedPCollectionTuple;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.dunbar.records.CohortKey;
import org.dunbar.records.FollowDay;
import org.dunbar.records.SnapshotSummary;
import org.junit.jupiter.api.Test;

/**
 * {@link AccountRows} on hand-made per-account inputs (what the pair replay, the attribution and
 * the snapshot summary hand it), weekly periods W−1 … W3 starting on Mondays 2023-12-25 …
 * 2024-01-22, default audience bands. Four accounts:
 *
 * <ul>
 *   <li>snap: snapshots only. W0: 50 at W0's very start, 150 three days later. W2: 151 two days in,
 *       180 five days in. Active in W−1, W1, W2 and W3.
 *   <li>rep: 4 baseline followers. W0: follow_back, conversation and unexplained follows, one
 *       baseline edge lost. W1: 2 burst follows (one churned) and an unexplained one; a snapshot of
 *       12. W2: 3 lost (1 churn, 2 other). W3: no follow events, a snapshot of 4. Active in W1.
 *   <li>base: 3 baseline followers, no follow events, no snapshots; active in W0.
 *   <li>nobody: never followed, no snapshots; active in W0.
 * </ul>
 */
class AccountRowsTest {
  private static final int W0 = PeriodUnit.epochDay(ReplayRecorder.T0);
  private static final AnalysisParams PARAMS = ReplayRecorder.params();

  private static int week(int n) {
    return W0 + 7 * n;
  }

  private static long start(int week) {
    return PeriodUnit.startMicros(week(week));
  }

  private static <V> KV<String, KV<Integer, V>> at(String account, int week, V value) {
    return KV.of(account, KV.of(week(week), value));
  }

  private static long[] growth(long followEvents, long lostChurn, long lostOther) {
    long[] g = GrowthMeasure.of(GrowthMeasure.FOLLOW_EVENTS, followEvents);
    g[GrowthMeasure.LOST_CHURN.ordinal()] = lostChurn;
    g[GrowthMeasure.LOST_OTHER.ordinal()] = lostOther;
    return g;
  }

  /** The attributed follows of one followee on one day (offset from W0's Monday) and reason. */
  private static KV<String, KV<FollowDay, long[]>> attributed(
      String followee, int dayOffset, String reason, long follows, long churned) {
    long[] v = new long[CohortMeasure.SIZE];
    v[CohortMeasure.FOLLOWS.ordinal()] = follows;
    v[CohortMeasure.CHURNED.ordinal()] = churned;
    return KV.of(followee, KV.of(new FollowDay(followee, W0 + dayOffset, reason), v));
  }

  private static SnapshotSummary snapshots(long firstTs, long first, long lastTs, long last) {
    return new SnapshotSummary(firstTs, first, lastTs, last);
  }

  private static SnapshotSummary snapshot(long ts, long followers) {
    return snapshots(ts, followers, ts, followers);
  }

  private static long[] activity(long posts, long engagers, long engagedFollowers) {
    long[] a = ActivityMeasure.of(ActivityMeasure.POSTS, posts);
    a[ActivityMeasure.ENGAGERS.ordinal()] = engagers;
    a[ActivityMeasure.ENGAGED_FOLLOWERS.ordinal()] = engagedFollowers;
    return a;
  }

  private static PCollectionTuple timelines(Pipeline p) {
    KvCoder<String, KV<Integer, long[]>> perPeriod =
        KvCoder.of(StringUtf8Coder.of(), KvCoder.of(VarIntCoder.of(), CountVector.Coder.of()));
    return KeyedPCollectionTuple.of(
            AccountRows.GROWTH,
            create(
                p,
                AccountRows.GROWTH,
                perPeriod,
                List.of(
                    at("rep", 0, growth(5, 0, 1)),
                    at("rep", 1, growth(3, 0, 0)),
                    at("rep", 2, growth(3, 1, 2)))))
        .and(
            AccountRows.ATTRIBUTED,
            create(
                p,
                AccountRows.ATTRIBUTED,
                KvCoder.of(
                    StringUtf8Coder.of(),
                    KvCoder.of(AvroCoder.specific(FollowDay.class), CountVector.Coder.of())),
                List.of(
                    attributed("rep", 1, "follow_back", 1, 0),
                    attributed("rep", 2, "conversation", 1, 0),
                    attributed("rep", 4, "unexplained", 1, 0),
                    attributed("rep", 8, "burst", 2, 1),
                    attributed("rep", 13, "unexplained", 1, 0))))
        .and(
            AccountRows.ACTIVITY,
            create(
                p,
                AccountRows.ACTIVITY,
                perPeriod,
                List.of(
                    at("snap", -1, activity(1, 0, 0)),
                    at("snap", 1, activity(2, 0, 0)),
                    at("snap", 2, activity(1, 0, 0)),
                    at("snap", 3, activity(1, 9, 0)),
                    at("rep", 1, activity(0, 3, 2)),
                    at("base", 0, activity(0, 1, 1)),
                    at("nobody", 0, activity(1, 0, 0)))))
        .and(
            AccountRows.SNAPSHOTS,
            create(
                p,
                AccountRows.SNAPSHOTS,
                KvCoder.of(
                    StringUtf8Coder.of(),
                    KvCoder.of(VarIntCoder.of(), AvroCoder.specific(SnapshotSummary.class))),
                List.of(
                    at("snap", 0, snapshots(start(0), 50, start(0) + 3 * DAY, 150)),
                    at("snap", 2, snapshots(start(2) + 2 * DAY, 151, start(2) + 5 * DAY, 180)),
                    at("rep", 1, snapshot(start(1) + 2 * DAY, 12)),
                    at("rep", 3, snapshot(start(3) + DAY, 4)))))
        .and(
            AccountRows.BASELINE_FOLLOWERS,
            create(
                p,
                AccountRows.BASELINE_FOLLOWERS,
                KvCoder.of(StringUtf8Coder.of(), VarLongCoder.of()),
                List.of(KV.of("rep", 4L), KV.of("base", 3L))))
        .apply(new AccountRows(PARAMS));
  }

  private static <T> PCollection<T> create(
      Pipeline p, TupleTag<?> tag, Coder<T> coder, List<T> items) {
    return p.apply("Create " + tag.getId(), Create.of(items).withCoder(coder));
  }

  /** The named columns joined by "|"; dates as dates, rates to four decimals. */
  private static SerializableFunction<GenericRecord, String> columns(String... names) {
    return row ->
        Stream.of(names)
            .map(
                name -> {
                  Object v = row.get(name);
                  if (v instanceof Integer day && name.equals("period_start")) {
                    return LocalDate.ofEpochDay(day).toString();
                  }
                  if (v instanceof Double d) {
                    return String.valueOf(Math.round(d * 1e4) / 1e4);
                  }
                  return String.valueOf(v);
                })
            .collect(Collectors.joining("|"));
  }

  private static void assertRows(
      TupleTag<GenericRecord> table,
      SerializableFunction<GenericRecord, String> render,
      List<String> expected) {
    Pipeline p = DirectPipelines.create();
    PAssert.that(
            timelines(p).get(table).apply(MapElements.into(TypeDescriptors.strings()).via(render)))
        .containsInAnyOrder(expected);
    DirectPipelines.run(p);
  }

  @Test
  void followerGrowthRows() {
    String nulls = "|null".repeat(9);
    assertRows(
        AccountRows.GROWTH_ROWS,
        columns(
            "account",
            "period_start",
            "followers_source",
            "followers_start",
            "followers_end",
            "gained",
            "lost",
            "net",
            "growth_rate",
            "gained_follow_back",
            "gained_conversation",
            "gained_outreach",
            "gained_engaged",
            "gained_burst",
            "gained_unexplained",
            "gained_churned",
            "lost_churn",
            "lost_other",
            "observed_followers_end",
            "unexplained_delta"),
        List.of(
            // snap, W0: the snapshot at W0's very start (50) is its start; W1 has none, so W0's end
            // is W0's last (150). The dump cannot say who followed: gained, lost and reasons are
            // null, net = 150 − 50, growth_rate 100 / 50.
            "snap|2024-01-01|snapshot|50|150|null|null|100|2.0" + nulls + "|150|null",
            // snap, W2: its first snapshot comes two days in, so W2 starts at the last before
            // (150), not at 151; it ends at W2's last (180): net 30, rate 0.2. No row for W1 (no
            // snapshot, no follow event), however active snap was.
            "snap|2024-01-15|snapshot|150|180|null|null|30|0.2" + nulls + "|180|null",
            // rep, W0: baseline 4; 3 gained (1 follow_back, 1 conversation, 1 unexplained), 1
            // baseline edge lost (lost_other): net 2, end 6, rate 0.5.
            "rep|2024-01-01|replay|4|6|3|1|2|0.5|1|1|0|0|0|1|0|0|1|null|null",
            // rep, W1: 2 burst (1 churned) + 1 unexplained: end 9. Its snapshot says 12: 3 more
            // followers than the replay explains. The snapshot does not replace the replayed
            // counts.
            "rep|2024-01-08|replay|6|9|3|0|3|0.5|0|0|0|0|2|1|1|0|0|12|3",
            // rep, W2: 1 churn + 2 other lost: net −3 of 9.
            "rep|2024-01-15|replay|9|6|0|3|-3|-0.3333|0|0|0|0|0|0|0|1|2|null|null",
            // rep, W3: only a snapshot (4): a row of zeros, observed 4 against a replayed 6.
            "rep|2024-01-22|replay|6|6|0|0|0|0.0|0|0|0|0|0|0|0|0|0|4|-2"));
    // base (baseline only) and nobody have no follow event and no snapshot: no rows.
  }

  @Test
  void engagementRowsAreBandedByTheSameCounts() {
    assertRows(
        AccountRows.ENGAGEMENT_ROWS,
        columns(
            "account",
            "period_start",
            "audience_band",
            "band_order",
            "followers_source",
            "followers_start",
            "engagers",
            "engager_rate",
            "engaged_followers"),
        List.of(
            // snap, W−1: no snapshot at or before its start, so the first after (W0's first, 50):
            // 16-50.
            "snap|2023-12-25|16-50|2|snapshot|50|0|0.0|null",
            // snap, W1 and W2: the last snapshot before (150): 51-150. W2's own first snapshot
            // (151) comes after W2's start and would put it in 151-500.
            "snap|2024-01-08|51-150|3|snapshot|150|0|0.0|null",
            "snap|2024-01-15|51-150|3|snapshot|150|0|0.0|null",
            // snap, W3: W2's last (180): 151-500; 9 engagers of 180. engaged_followers needs the
            // replay.
            "snap|2024-01-22|151-500|4|snapshot|180|9|0.05|null",
            // rep, W1: replayed 6 (not its snapshot's 12): 6-15.
            "rep|2024-01-08|6-15|1|replay|6|3|0.5|2",
            // base: a followee through its baseline alone: replay, 3 followers.
            "base|2024-01-01|0-5|0|replay|3|1|0.3333|1",
            "nobody|2024-01-01|unknown|9|none|null|0|null|null"));
  }

  @Test
  void cohortsAreBandedInThePeriodOfTheFollow() {
    // rep's W0 follows are banded by W0's start (4: 0-5), its W1 follows by W1's start (6: 6-15);
    // all in January. One entry per (day, reason), summed later by AcquisitionCohorts.
    Pipeline p = DirectPipelines.create();
    PAssert.that(
            timelines(p)
                .get(AccountRows.COHORTS)
                .apply(
                    MapElements.into(TypeDescriptors.strings())
                        .via(
                            (KV<CohortKey, long[]> kv) ->
                                String.join(
                                    "|",
                                    String.valueOf(kv.getKey().getBandOrder()),
                                    LocalDate.ofEpochDay(kv.getKey().getAcquisitionMonth())
                                        .toString(),
                                    kv.getKey().getReason(),
                                    String.valueOf(kv.getValue()[CohortMeasure.FOLLOWS.ordinal()]),
                                    String.valueOf(
                                        kv.getValue()[CohortMeasure.CHURNED.ordinal()])))))
        .containsInAnyOrder(
            "0|2024-01-01|follow_back|1|0",
            "0|2024-01-01|conversation|1|0",
            "0|2024-01-01|unexplained|1|0",
            "1|2024-01-01|burst|2|1",
            "1|2024-01-01|unexplained|1|0");
    DirectPipelines.run(p);
  }
}
