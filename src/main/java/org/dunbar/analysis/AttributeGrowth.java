package org.dunbar.analysis;

import java.util.Map;
import java.util.TreeMap;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.Filter;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.TypeDescriptor;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.dunbar.records.FollowDay;
import org.dunbar.records.FollowFact;

/**
 * Gives every effective follow its final reason and counts the follows per (followee, day,
 * reason), with the {@link CohortMeasure} flags summed. Follows that rules 1–4 left open become
 * {@code burst} or {@code unexplained} by {@link BurstRule}, which needs only the followee's
 * daily counts of such follows: a few thousand numbers even for a celebrity.
 */
public final class AttributeGrowth extends PTransform<PCollection<FollowFact>, PCollection<KV<FollowDay, long[]>>> {
  private static final String UNDECIDED = "";
  private final BurstRule rule;

  public AttributeGrowth(BurstRule rule) {
    this.rule = rule;
  }

  @Override
  public PCollection<KV<FollowDay, long[]>> expand(PCollection<FollowFact> follows) {
    KvCoder<FollowDay, long[]> coder = KvCoder.of(AvroCoder.specific(FollowDay.class), Tally.Coder.of());
    PCollection<KV<FollowDay, long[]>> daily = follows
        .apply("Count per followee, day and reason", MapElements
            .into(TypeDescriptors.kvs(TypeDescriptor.of(FollowDay.class), TypeDescriptor.of(long[].class)))
            .via(AttributeGrowth::countOne))
        .setCoder(coder)
        .apply("Sum follows", Combine.perKey(Tally.sum()));
    PCollection<KV<FollowDay, long[]>> decided = daily.apply("Decided by rules 1-4", Filter.by(kv -> !kv.getKey().getReason().isEmpty()));
    PCollection<KV<FollowDay, long[]>> byBurstRule = daily
        .apply("Undecided", Filter.by(kv -> kv.getKey().getReason().isEmpty()))
        .apply("Key by followee", MapElements
            .into(TypeDescriptors.kvs(TypeDescriptors.strings(), TypeDescriptors.kvs(TypeDescriptors.integers(), TypeDescriptor.of(long[].class))))
            .via(kv -> KV.of(kv.getKey().getAccount(), KV.of(kv.getKey().getDay(), kv.getValue()))))
        .setCoder(KvCoder.of(StringUtf8Coder.of(), KvCoder.of(VarIntCoder.of(), Tally.Coder.of())))
        .apply("Days of each followee", GroupByKey.create())
        .apply("Burst rule", ParDo.of(new BurstFn(rule)))
        .setCoder(coder);
    return PCollectionList.of(decided).and(byBurstRule).apply(Flatten.pCollections());
  }

  private static KV<FollowDay, long[]> countOne(FollowFact f) {
    long[] v = new long[CohortMeasure.SIZE];
    v[CohortMeasure.FOLLOWS.ordinal()] = 1;
    v[CohortMeasure.CHURNED.ordinal()] = f.getChurned() ? 1 : 0;
    v[CohortMeasure.ELIGIBLE_30D.ordinal()] = f.getEligible30d() ? 1 : 0;
    v[CohortMeasure.RETAINED_30D.ordinal()] = f.getEligible30d() && f.getRetained30d() ? 1 : 0;
    v[CohortMeasure.ELIGIBLE_90D.ordinal()] = f.getEligible90d() ? 1 : 0;
    v[CohortMeasure.RETAINED_90D.ordinal()] = f.getEligible90d() && f.getRetained90d() ? 1 : 0;
    v[CohortMeasure.ENGAGED_90D.ordinal()] = f.getEligible90d() && f.getEngaged90d() ? 1 : 0;
    v[CohortMeasure.CONVERSED_90D.ordinal()] = f.getEligible90d() && f.getConversed90d() ? 1 : 0;
    String reason = f.getReason() == null ? UNDECIDED : f.getReason();
    return KV.of(new FollowDay(f.getFollowee(), PeriodUnit.epochDay(f.getTs()), reason), v);
  }

  static final class BurstFn extends DoFn<KV<String, Iterable<KV<Integer, long[]>>>, KV<FollowDay, long[]>> {
    private final BurstRule rule;

    BurstFn(BurstRule rule) {
      this.rule = rule;
    }

    @ProcessElement
    public void process(@Element KV<String, Iterable<KV<Integer, long[]>>> followee, OutputReceiver<KV<FollowDay, long[]>> out) {
      TreeMap<Integer, long[]> days = new TreeMap<>();
      followee.getValue().forEach(d -> days.put(d.getKey(), d.getValue()));
      TreeMap<Integer, Long> counts = new TreeMap<>();
      days.forEach((day, v) -> counts.put(day, v[CohortMeasure.FOLLOWS.ordinal()]));
      for (Map.Entry<Integer, long[]> day : days.entrySet()) {
        FollowReason reason = rule.isBurst(day.getKey(), counts) ? FollowReason.BURST : FollowReason.UNEXPLAINED;
        out.output(KV.of(new FollowDay(followee.getKey(), day.getKey(), reason.label()), day.getValue()));
      }
    }
  }
}
