package org.dunbar.analysis;

import org.apache.avro.generic.GenericRecord;
import org.dunbar.tables.Table;

/**
 * Builds one {@code network_layers} row (one of the nine layers; SPEC "Table network_layers") from
 * the layer's node count and its {@link LayerMeasure} statistics summed over pairs.
 */
final class NetworkLayersRow {
  private NetworkLayersRow() {}

  /**
   * @param nodes accounts with at least one edge in the layer
   * @param s the layer's statistics, indexed by {@link LayerMeasure} ordinals; first and last
   *     instants are epoch microseconds and mean nothing when the layer has no events
   */
  static GenericRecord of(String layer, long nodes, long[] s) {
    long edges = s[LayerMeasure.EDGES.ordinal()];
    long selfLoops = s[LayerMeasure.SELF_LOOPS.ordinal()];
    long reciprocal = s[LayerMeasure.RECIPROCAL_EDGES.ordinal()];
    long connected = s[LayerMeasure.CONNECTED_PAIRS.ordinal()];
    boolean anyEvents = s[LayerMeasure.EVENTS.ordinal()] > 0;
    return Table.NETWORK_LAYERS
        .row()
        .set("layer", layer)
        .set("nodes", nodes)
        .set("edges", edges)
        .set("events", s[LayerMeasure.EVENTS.ordinal()])
        .set("self_loops", selfLoops)
        .set("reciprocal_edges", reciprocal)
        .set("edge_reciprocity", Ratios.of(reciprocal, edges - selfLoops))
        .set("pair_reciprocity", Ratios.of(s[LayerMeasure.MUTUAL_PAIRS.ordinal()], connected))
        .set("first_at", anyEvents ? s[LayerMeasure.FIRST_AT.ordinal()] : null)
        .set("last_at", anyEvents ? s[LayerMeasure.LAST_AT.ordinal()] : null)
        .build();
  }
}
