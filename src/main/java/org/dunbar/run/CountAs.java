package org.dunbar.run;

import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TypeDescriptors;

/**
 * One tally per element, under one name ({@code snapshots.unique}, say): {@link WriteTallies} sums
 * them with the others in its combiner, so counting costs no grouping of its own.
 */
final class CountAs<T> extends PTransform<PCollection<T>, PCollection<KV<String, Long>>> {
  private final String tally;

  CountAs(String tally) {
    this.tally = tally;
  }

  @Override
  public PCollection<KV<String, Long>> expand(PCollection<T> items) {
    String name = tally;
    return items
        .apply(
            "One " + name + " each",
            MapElements.into(
                    TypeDescriptors.kvs(TypeDescriptors.strings(), TypeDescriptors.longs()))
                .via(item -> KV.of(name, 1L)))
        .setCoder(KvCoder.of(StringUtf8Coder.of(), VarLongCoder.of()));
  }
}
