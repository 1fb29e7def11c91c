package org.dunbar.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.transforms.Count;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.dunbar.tables.Table;

/**
 * The {@code dunbar_curve} table: per account, k reciprocal partners and w = directed interactions
 * sent to them / k; then per k bucket [1,1], [2,2], [3,4], [5,8], … the mean and the exact
 * nearest-rank median of w. Accounts are first counted per distinct (bucket, w), so a bucket's
 * group holds its distinct values, not its accounts.
 */
public final class DunbarCurve
    extends PTransform<PCollection<KV<String, long[]>>, PCollection<GenericRecord>> {
  @Override
  public PCollection<GenericRecord> expand(PCollection<KV<String, long[]>> partners) {
    return partners
        .apply(
            "Sum per account",
            Combine.perKey(
                CountVector.sum("dunbar_curve", List.of("partners", "directed_sent_to_partners"))))
        // w as its IEEE bits: a deterministic key, and the same double on every worker.
        .apply(
            "Bucket and strength",
            MapElements.into(TypeDescriptors.kvs(TypeDescriptors.longs(), TypeDescriptors.longs()))
                .via(
                    kv ->
                        KV.of(
                            bucketMax(kv.getValue()[0]),
                            Double.doubleToLongBits((double) kv.getValue()[1] / kv.getValue()[0]))))
        .setCoder(KvCoder.of(VarLongCoder.of(), VarLongCoder.of()))
        .apply("Accounts per bucket and strength", Count.perElement())
        .apply(
            "Key by bucket",
            MapElements.into(
                    TypeDescriptors.kvs(
                        TypeDescriptors.longs(),
                        TypeDescriptors.kvs(TypeDescriptors.longs(), TypeDescriptors.longs())))
                .via(
                    kv ->
                        KV.of(kv.getKey().getKey(), KV.of(kv.getKey().getValue(), kv.getValue()))))
        .setCoder(KvCoder.of(VarLongCoder.of(), KvCoder.of(VarLongCoder.of(), VarLongCoder.of())))
        .apply("Strengths of each bucket", GroupByKey.create())
        .apply("Bucket rows", ParDo.of(new BucketFn()))
        .setCoder(Table.DUNBAR_CURVE.coder());
  }

  /** The largest k of k's bucket: 1, 2, 4, 8, … */
  static long bucketMax(long k) {
    return k <= 2 ? k : Long.highestOneBit(k - 1) << 1;
  }

  static long bucketMin(long max) {
    return max <= 2 ? max : max / 2 + 1;
  }

  static final class BucketFn extends DoFn<KV<Long, Iterable<KV<Long, Long>>>, GenericRecord> {
    @ProcessElement
    public void process(
        @Element KV<Long, Iterable<KV<Long, Long>>> bucket, OutputReceiver<GenericRecord> out) {
      List<KV<Double, Long>> strengths = new ArrayList<>();
      bucket
          .getValue()
          .forEach(s -> strengths.add(KV.of(Double.longBitsToDouble(s.getKey()), s.getValue())));
      strengths.sort(Comparator.comparing(KV::getKey));
      long accounts = strengths.stream().mapToLong(KV::getValue).sum();
      long rank = (accounts + 1) / 2; // ⌈n/2⌉
      double sum = 0;
      Double median = null;
      long seen = 0;
      for (KV<Double, Long> s : strengths) {
        sum += s.getKey() * s.getValue();
        seen += s.getValue();
        if (median == null && seen >= rank) {
          median = s.getKey();
        }
      }
      out.output(DunbarCurveRow.of(bucket.getKey(), accounts, sum / accounts, median));
    }
  }
}
