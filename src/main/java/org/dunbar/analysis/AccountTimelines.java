package org.dunbar.analysis;

import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.Sum;
import org.apache.beam.sdk.transforms.join.KeyedPCollectionTuple;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TypeDescriptor;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.dunbar.coders.RecordCoders;
import org.dunbar.records.AccountPeriod;
import org.dunbar.records.CohortKey;
import org.dunbar.records.FollowDay;
import org.dunbar.records.Snapshot;

/**
 * Per account and period, everything the account tables need: what the pair replay found (growth,
 * activity, effective follows), the follows' reasons ({@link AttributeGrowth}), the follower-count
 * snapshots and the baseline in-degree, keyed by account and joined in {@link AccountRows}.
 *
 * <p>Input: {@link ReplayPairs}' output. Output: {@link #GROWTH_ROWS} ({@code follower_growth}),
 * {@link #ENGAGEMENT_ROWS} ({@code account_engagement}) and {@link #COHORTS} (the counts of {@code
 * acquisition_cohorts} per band, month and reason).
 */
public final class AccountTimelines extends PTransform<PCollectionTuple, PCollectionTuple> {
  public static final TupleTag<GenericRecord> GROWTH_ROWS = AccountRows.GROWTH_ROWS;
  public static final TupleTag<GenericRecord> ENGAGEMENT_ROWS = AccountRows.ENGAGEMENT_ROWS;
  public static final TupleTag<KV<CohortKey, long[]>> COHORTS = AccountRows.COHORTS;

  private final AnalysisParams params;
  private final PCollectionView<Long> lastEventTs;
  private final PCollection<Snapshot> snapshots;
  private final PCollection<KV<String, String>> baseline;

  /**
   * @param lastEventTs the instant of the last accepted event (epoch microseconds), which decides
   *     which follows are old enough for retention (SPEC "Follower growth in context")
   * @param snapshots one snapshot per account and instant
   * @param baseline distinct baseline edges (follower, followee)
   */
  public AccountTimelines(
      AnalysisParams params,
      PCollectionView<Long> lastEventTs,
      PCollection<Snapshot> snapshots,
      PCollection<KV<String, String>> baseline) {
    this.params = params;
    this.lastEventTs = lastEventTs;
    this.snapshots = snapshots;
    this.baseline = baseline;
  }

  @Override
  public PCollectionTuple expand(PCollectionTuple pairs) {
    PCollection<KV<FollowDay, long[]>> attributed =
        pairs
            .get(ReplayPairs.FOLLOWS)
            .apply(
                "Attribute growth",
                new AttributeGrowth(
                    new BurstRule(params.burstMin(), params.burstFactor()), lastEventTs));
    return KeyedPCollectionTuple.of(
            AccountRows.GROWTH,
            byAccount(
                "growth",
                pairs
                    .get(ReplayPairs.GROWTH)
                    .apply("Sum growth", Combine.perKey(GrowthMeasure.SUM)),
                CountVector.Coder.of()))
        .and(
            AccountRows.ACTIVITY,
            byAccount(
                "activity",
                pairs
                    .get(ReplayPairs.ACTIVITY)
                    .apply("Sum activity", Combine.perKey(ActivityMeasure.SUM)),
                CountVector.Coder.of()))
        .and(
            AccountRows.ATTRIBUTED,
            attributed
                .apply(
                    "Attributed by followee",
                    MapElements.into(
                            TypeDescriptors.kvs(
                                TypeDescriptors.strings(),
                                new TypeDescriptor<KV<FollowDay, long[]>>() {}))
                        .via(kv -> KV.of(kv.getKey().getAccount(), kv)))
                .setCoder(
                    KvCoder.of(
                        StringUtf8Coder.of(),
                        KvCoder.of(RecordCoders.followDay(), CountVector.Coder.of()))))
        .and(
            AccountRows.SNAPSHOTS,
            byAccount(
                "snapshots",
                snapshots.apply("Summarise snapshots", new SummarizeSnapshots(params.period())),
                RecordCoders.snapshotSummary()))
        .and(
            AccountRows.BASELINE_FOLLOWERS,
            baseline
                .apply(
                    "Baseline in-edges",
                    MapElements.into(
                            TypeDescriptors.kvs(TypeDescriptors.strings(), TypeDescriptors.longs()))
                        .via(edge -> KV.of(edge.getValue(), 1L)))
                .setCoder(KvCoder.of(StringUtf8Coder.of(), VarLongCoder.of()))
                .apply("Baseline followers", Sum.longsPerKey()))
        .apply("Account rows", new AccountRows(params));
  }

  private static <V> PCollection<KV<String, KV<Integer, V>>> byAccount(
      String what, PCollection<KV<AccountPeriod, V>> perPeriod, Coder<V> valueCoder) {
    return perPeriod
        .apply(
            "Key " + what + " by account",
            MapElements.into(new TypeDescriptor<KV<String, KV<Integer, V>>>() {})
                .via(
                    kv ->
                        KV.of(
                            kv.getKey().getAccount(),
                            KV.of(kv.getKey().getPeriodStart(), kv.getValue()))))
        .setCoder(KvCoder.of(StringUtf8Coder.of(), KvCoder.of(VarIntCoder.of(), valueCoder)));
  }
}
