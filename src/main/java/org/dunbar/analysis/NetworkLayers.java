package org.dunbar.analysis;

import java.util.List;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.FlatMapElements;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.Sum;
import org.apache.beam.sdk.transforms.join.CoGbkResult;
import org.apache.beam.sdk.transforms.join.CoGroupByKey;
import org.apache.beam.sdk.transforms.join.KeyedPCollectionTuple;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.dunbar.tables.Table;

/**
 * The {@code network_layers} table: per layer, the sizes and reciprocity of the edge set, from the
 * per-pair statistics of {@link ReplayPairs}. Always all nine layers, empty ones included.
 */
public final class NetworkLayers extends PTransform<PCollectionTuple, PCollection<GenericRecord>> {
  private static final TupleTag<long[]> STATS = new TupleTag<>() {};
  private static final TupleTag<Long> NODES = new TupleTag<>() {};

  @Override
  public PCollection<GenericRecord> expand(PCollectionTuple replayed) {
    List<KV<String, long[]>> emptyStats =
        LayerMeasure.LAYERS.stream().map(l -> KV.of(l, LayerMeasure.empty())).toList();
    List<KV<String, Long>> noNodes = LayerMeasure.LAYERS.stream().map(l -> KV.of(l, 0L)).toList();
    PCollection<KV<String, long[]>> stats =
        PCollectionList.of(replayed.get(ReplayPairs.LAYERS))
            .and(
                replayed
                    .getPipeline()
                    .apply(
                        "Every layer",
                        Create.of(emptyStats)
                            .withCoder(KvCoder.of(StringUtf8Coder.of(), CountVector.Coder.of()))))
            .apply("All layer stats", Flatten.pCollections())
            .apply("Sum per layer", Combine.perKey(LayerMeasure.combine()));
    PCollection<KV<String, Long>> nodes =
        PCollectionList.of(
                replayed
                    .get(ReplayPairs.NODE_LAYERS)
                    .apply("Layers of each account", Combine.perKey((Long a, Long b) -> a | b))
                    .apply(
                        "One per layer of each account",
                        FlatMapElements.into(
                                TypeDescriptors.kvs(
                                    TypeDescriptors.strings(), TypeDescriptors.longs()))
                            .via(
                                (KV<String, Long> account) ->
                                    LayerMeasure.LAYERS.stream()
                                        .filter(
                                            layer ->
                                                (account.getValue()
                                                        & 1L << LayerMeasure.LAYERS.indexOf(layer))
                                                    != 0)
                                        .map(layer -> KV.of(layer, 1L))
                                        .toList())))
            .and(
                replayed
                    .getPipeline()
                    .apply(
                        "Every layer has nodes",
                        Create.of(noNodes)
                            .withCoder(KvCoder.of(StringUtf8Coder.of(), VarLongCoder.of()))))
            .apply("All node counts", Flatten.pCollections())
            .apply("Nodes", Sum.longsPerKey());
    return KeyedPCollectionTuple.of(STATS, stats)
        .and(NODES, nodes)
        .apply("Join stats and nodes", CoGroupByKey.create())
        .apply("Layer rows", ParDo.of(new LayerRowFn()))
        .setCoder(Table.NETWORK_LAYERS.coder());
  }

  static final class LayerRowFn extends DoFn<KV<String, CoGbkResult>, GenericRecord> {
    @ProcessElement
    public void process(@Element KV<String, CoGbkResult> layer, OutputReceiver<GenericRecord> out) {
      out.output(
          NetworkLayersRow.of(
              layer.getKey(), layer.getValue().getOnly(NODES), layer.getValue().getOnly(STATS)));
    }
  }
}
