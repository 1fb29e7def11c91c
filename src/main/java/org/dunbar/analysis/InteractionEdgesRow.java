package org.dunbar.analysis;

import org.apache.avro.generic.GenericRecord;
import org.dunbar.tables.Table;

/**
 * Builds one {@code interaction_edges} row (layer × ordered pair; SPEC "Table interaction_edges")
 * from the {@link InteractionEdge} the pair replay found.
 */
final class InteractionEdgesRow {
  private InteractionEdgesRow() {}

  static GenericRecord of(InteractionEdge e) {
    return Table.INTERACTION_EDGES
        .row()
        .set("layer", e.layer())
        .set("actor", e.actor())
        .set("target", e.target())
        .set("events", e.events())
        .set("first_at", e.firstAt())
        .set("last_at", e.lastAt())
        .set("present_at_end", e.presentAtEnd())
        .build();
  }
}
