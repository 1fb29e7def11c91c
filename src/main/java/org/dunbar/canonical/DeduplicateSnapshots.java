package org.dunbar.canonical;

import java.util.Comparator;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.Values;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TypeDescriptor;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.dunbar.coders.RecordCoders;
import org.dunbar.model.Utf8Order;
import org.dunbar.records.Snapshot;

/** Keeps one snapshot per account and instant: the last in (source, line) order (SPEC). */
public final class DeduplicateSnapshots
    extends PTransform<PCollection<Snapshot>, PCollection<Snapshot>> {
  @Override
  public PCollection<Snapshot> expand(PCollection<Snapshot> snapshots) {
    return snapshots
        .apply(
            "Key by account and instant",
            MapElements.into(
                    TypeDescriptors.kvs(
                        TypeDescriptors.kvs(TypeDescriptors.strings(), TypeDescriptors.longs()),
                        TypeDescriptor.of(Snapshot.class)))
                .via(s -> KV.of(KV.of(s.getAccount(), s.getTs()), s)))
        .setCoder(
            KvCoder.of(
                KvCoder.of(StringUtf8Coder.of(), VarLongCoder.of()), RecordCoders.snapshot()))
        .apply("Last in input order", Combine.perKey(new LastInInputOrder()))
        .apply(Values.create());
  }

  /** The same (source, line) order that decides which copy of an event is kept. */
  static final Comparator<Snapshot> INPUT_ORDER =
      Comparator.comparing(Snapshot::getSource, Utf8Order.COMPARATOR)
          .thenComparingLong(Snapshot::getLine);

  static final class LastInInputOrder extends Combine.BinaryCombineFn<Snapshot> {
    @Override
    public Snapshot apply(Snapshot a, Snapshot b) {
      return INPUT_ORDER.compare(a, b) < 0 ? b : a;
    }
  }
}
