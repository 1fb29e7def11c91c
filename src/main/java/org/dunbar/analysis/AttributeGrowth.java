package org.dunbar.analysis;

import java.util.Map;
import java.util.TreeMap;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarIntCoder;
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
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.TypeDescriptor;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.dunbar.coders.CachedSideInput;
import org.dunbar.coders.RecordCoders;
import org.dunbar.records.FollowDay;
import org.dunbar.records.FollowFact;

/**
 * Gives every effective follow its final reason, from the follows counted per (followee, day,
 * reason) with the {@link CohortMeasure} flags summed. Follows that rules 1–4 left open become
 * {@code burst} or {@code unexplained} by {@link BurstRule}, which needs only the followee's daily
 * counts of such follows: a few thousand numbers even for a celebrity.
 */
public final class AttributeGrowth
    extends PTransform<PCollection<FollowFact>, PCollection<KV<FollowDay, long[]>>> {
  /** The reason of follows that rules 1–4 left to the burst rule, until it decides. */
  private static final String UNDECIDED = "";

  private final BurstRule rule;
  private final PCollectionView<Long> lastEventTs;

  /**
   * @param lastEventTs the last accepted event's instant, epoch microseconds: a follow is eligible
   *     for N days of retention only when that much time is observed after it
   */
  public AttributeGrowth(BurstRule rule, PCollectionView<Long> lastEventTs) {
    this.rule = rule;
    this.lastEventTs = lastEventTs;
  }

  @Override
  public PCollection<KV<FollowDay, long[]>> expand(PCollection<FollowFact> follows) {
    KvCoder<FollowDay, long[]> coder = KvCoder.of(RecordCoders.followDay(), CountVector.Coder.of());
    PCollection<KV<FollowDay, long[]>> daily =
        follows
            .apply(
                "Count per followee, day and reason",
                ParDo.of(new CountFollowFn(lastEventTs)).withSideInputs(lastEventTs))
            .setCoder(coder)
            .apply("Sum follows", Combine.perKey(CohortMeasure.SUM));
    PCollection<KV<FollowDay, long[]>> decided =
        daily.apply("Decided by rules 1-4", Filter.by(kv -> !kv.getKey().getReason().isEmpty()));
    PCollection<KV<FollowDay, long[]>> byBurstRule =
        daily
            .apply("Undecided", Filter.by(kv -> kv.getKey().getReason().isEmpty()))
            .apply(
                "Key by followee",
                MapElements.into(
                        TypeDescriptors.kvs(
                            TypeDescriptors.strings(),
                            TypeDescriptors.kvs(
                                TypeDescriptors.integers(), TypeDescriptor.of(long[].class))))
                    .via(
                        kv ->
                            KV.of(
                                kv.getKey().getAccount(),
                                KV.of(kv.getKey().getDay(), kv.getValue()))))
            .setCoder(
                KvCoder.of(
                    StringUtf8Coder.of(), KvCoder.of(VarIntCoder.of(), CountVector.Coder.of())))
            .apply("Days of each followee", GroupByKey.create())
            .apply("Burst rule", ParDo.of(new BurstFn(rule)))
            .setCoder(coder);
    return PCollectionList.of(decided).and(byBurstRule).apply(Flatten.pCollections());
  }

  static final class CountFollowFn extends DoFn<FollowFact, KV<FollowDay, long[]>> {
    private final CachedSideInput<Long, Long> lastEventTs;

    CountFollowFn(PCollectionView<Long> lastEventTs) {
      this.lastEventTs = CachedSideInput.of(lastEventTs);
    }

    @ProcessElement
    public void process(ProcessContext c) {
      FollowFact f = c.element();
      String reason = f.getReason() == null ? UNDECIDED : f.getReason();
      c.output(
          KV.of(
              new FollowDay(f.getFollowee(), PeriodUnit.epochDay(f.getTs()), reason),
              CohortMeasure.of(f, lastEventTs.get(c))));
    }
  }

  static final class BurstFn
      extends DoFn<KV<String, Iterable<KV<Integer, long[]>>>, KV<FollowDay, long[]>> {
    /** The reason of follows that rules 1–4 left to the burst rule, until it decides. */
    private static final String UNDECIDED = "";

    private final BurstRule rule;

    BurstFn(BurstRule rule) {
      this.rule = rule;
    }

    @ProcessElement
    public void process(
        @Element KV<String, Iterable<KV<Integer, long[]>>> followee,
        OutputReceiver<KV<FollowDay, long[]>> out) {
      TreeMap<Integer, long[]> days = new TreeMap<>();
      followee.getValue().forEach(d -> days.put(d.getKey(), d.getValue()));
      TreeMap<Integer, Long> counts = new TreeMap<>();
      days.forEach((day, v) -> counts.put(day, v[CohortMeasure.FOLLOWS.ordinal()]));
      for (Map.Entry<Integer, long[]> day : days.entrySet()) {
        FollowReason reason =
            rule.isBurst(day.getKey(), counts) ? FollowReason.BURST : FollowReason.UNEXPLAINED;
        out.output(
            KV.of(new FollowDay(followee.getKey(), day.getKey(), reason.label()), day.getValue()));
      }
    }
  }
}
