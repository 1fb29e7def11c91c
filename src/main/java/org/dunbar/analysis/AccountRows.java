package org.dunbar.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.join.CoGbkResult;
import org.apache.beam.sdk.transforms.join.CoGroupByKey;
import org.apache.beam.sdk.transforms.join.KeyedPCollectionTuple;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;
import org.dunbar.coders.RecordCoders;
import org.dunbar.records.CohortKey;
import org.dunbar.records.FollowDay;
import org.dunbar.records.SnapshotSummary;
import org.dunbar.tables.Table;

/**
 * The core of {@link AccountTimelines}, on inputs already keyed by account: brings together
 * everything known of one account — its per-period growth and activity counts, its daily attributed
 * follows, its snapshots and baseline in-degree — and derives its follower counts, so that {@code
 * follower_growth} and {@code account_engagement} rows and the banding of {@code
 * acquisition_cohorts} all use the same counts. Every input is pre-aggregated per period or day, so
 * one account's group stays small however large its audience.
 */
public final class AccountRows extends PTransform<KeyedPCollectionTuple<String>, PCollectionTuple> {
  /** Inputs, keyed by account: tags of a {@link KeyedPCollectionTuple}. */
  public static final TupleTag<KV<Integer, long[]>> GROWTH = new TupleTag<>() {};

  public static final TupleTag<KV<FollowDay, long[]>> ATTRIBUTED = new TupleTag<>() {};
  public static final TupleTag<KV<Integer, long[]>> ACTIVITY = new TupleTag<>() {};
  public static final TupleTag<KV<Integer, SnapshotSummary>> SNAPSHOTS = new TupleTag<>() {};
  public static final TupleTag<Long> BASELINE_FOLLOWERS = new TupleTag<>() {};

  /** Outputs. */
  public static final TupleTag<GenericRecord> GROWTH_ROWS = new TupleTag<>() {};

  public static final TupleTag<GenericRecord> ENGAGEMENT_ROWS = new TupleTag<>() {};
  public static final TupleTag<KV<CohortKey, long[]>> COHORTS = new TupleTag<>() {};

  private final AnalysisParams params;

  public AccountRows(AnalysisParams params) {
    this.params = params;
  }

  @Override
  public PCollectionTuple expand(KeyedPCollectionTuple<String> inputs) {
    PCollectionTuple out =
        inputs
            .apply("Group by account", CoGroupByKey.create())
            .apply(
                "Account rows",
                ParDo.of(new TimelineFn(params))
                    .withOutputTags(
                        GROWTH_ROWS, TupleTagList.of(List.of(ENGAGEMENT_ROWS, COHORTS))));
    out.get(GROWTH_ROWS).setCoder(Table.FOLLOWER_GROWTH.coder());
    out.get(ENGAGEMENT_ROWS).setCoder(Table.ACCOUNT_ENGAGEMENT.coder());
    out.get(COHORTS).setCoder(KvCoder.of(RecordCoders.cohortKey(), CountVector.Coder.of()));
    return out;
  }

  static final class TimelineFn extends DoFn<KV<String, CoGbkResult>, GenericRecord> {
    private final AnalysisParams params;

    TimelineFn(AnalysisParams params) {
      this.params = params;
    }

    @ProcessElement
    public void process(@Element KV<String, CoGbkResult> element, MultiOutputReceiver out) {
      String account = element.getKey();
      CoGbkResult all = element.getValue();
      PeriodUnit unit = params.period();
      TreeMap<Integer, long[]> growth = new TreeMap<>();
      all.getAll(GROWTH)
          .forEach(g -> growth.merge(g.getKey(), g.getValue(), GrowthMeasure.SUM::apply));
      List<KV<FollowDay, long[]>> attributed = new ArrayList<>();
      all.getAll(ATTRIBUTED).forEach(attributed::add);
      for (KV<FollowDay, long[]> day : attributed) {
        long[] gained = new long[GrowthMeasure.SIZE];
        gained[GrowthMeasure.gainedBy(FollowReason.of(day.getKey().getReason())).ordinal()] =
            day.getValue()[CohortMeasure.FOLLOWS.ordinal()];
        gained[GrowthMeasure.GAINED_CHURNED.ordinal()] =
            day.getValue()[CohortMeasure.CHURNED.ordinal()];
        growth.merge(unit.startOfDay(day.getKey().getDay()), gained, GrowthMeasure.SUM::apply);
      }
      TreeMap<Integer, SnapshotSummary> snapshots = new TreeMap<>();
      all.getAll(SNAPSHOTS).forEach(s -> snapshots.put(s.getKey(), s.getValue()));
      long baseline = 0;
      for (Long b : all.getAll(BASELINE_FOLLOWERS)) {
        baseline += b;
      }
      TreeMap<Integer, Long> net = new TreeMap<>();
      boolean followee = baseline > 0;
      for (Map.Entry<Integer, long[]> g : growth.entrySet()) {
        net.put(g.getKey(), GrowthMeasure.gained(g.getValue()) - GrowthMeasure.lost(g.getValue()));
        followee |= g.getValue()[GrowthMeasure.FOLLOW_EVENTS.ordinal()] > 0;
      }
      FollowerCounts counts = new FollowerCounts(followee, baseline, net, snapshots);

      TreeMap<Integer, long[]> rowsOfGrowth = new TreeMap<>(growth);
      snapshots.keySet().forEach(p -> rowsOfGrowth.putIfAbsent(p, new long[GrowthMeasure.SIZE]));
      rowsOfGrowth.forEach(
          (period, g) ->
              out.get(GROWTH_ROWS).output(FollowerGrowthRow.of(account, period, g, counts, unit)));

      TreeMap<Integer, long[]> activity = new TreeMap<>();
      all.getAll(ACTIVITY)
          .forEach(a -> activity.merge(a.getKey(), a.getValue(), ActivityMeasure.SUM::apply));
      activity.forEach(
          (period, a) ->
              out.get(ENGAGEMENT_ROWS)
                  .output(AccountEngagementRow.of(account, period, a, counts, params.bands())));

      AudienceBands bands = params.bands();
      for (KV<FollowDay, long[]> day : attributed) {
        int band = bands.order(counts.at(unit.startOfDay(day.getKey().getDay())));
        CohortKey key =
            new CohortKey(
                band, PeriodUnit.monthOf(day.getKey().getDay()), day.getKey().getReason());
        out.get(COHORTS).output(KV.of(key, day.getValue()));
      }
    }
  }
}
