package org.dunbar.canonical;

import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.transforms.Distinct;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.dunbar.records.BaselineEdge;

/**
 * The baseline follow graph as distinct (follower, followee) edges: duplicate lines collapse (SPEC
 * "Baseline follow graph").
 */
public final class BaselineEdges
    extends PTransform<PCollection<BaselineEdge>, PCollection<KV<String, String>>> {
  @Override
  public PCollection<KV<String, String>> expand(PCollection<BaselineEdge> edges) {
    return edges
        .apply(
            "Follower and followee",
            MapElements.into(
                    TypeDescriptors.kvs(TypeDescriptors.strings(), TypeDescriptors.strings()))
                .via(e -> KV.of(e.getFollower(), e.getFollowee())))
        .setCoder(KvCoder.of(StringUtf8Coder.of(), StringUtf8Coder.of()))
        .apply("Distinct edges", Distinct.create());
  }
}
