package org.dunbar.analysis;

import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TypeDescriptor;
import org.dunbar.tables.Table;

/** The {@code interaction_edges} table: one row per layer and ordered pair the replay found. */
public final class InteractionEdges
    extends PTransform<PCollection<InteractionEdge>, PCollection<GenericRecord>> {
  @Override
  public PCollection<GenericRecord> expand(PCollection<InteractionEdge> edges) {
    return edges
        .apply(
            "Edge rows",
            MapElements.into(TypeDescriptor.of(GenericRecord.class)).via(InteractionEdgesRow::of))
        .setCoder(Table.INTERACTION_EDGES.coder());
  }
}
