package org.dunbar.graph;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.avro.generic.GenericRecord;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.avro.AvroParquetReader;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.jgrapht.Graph;
import org.jgrapht.graph.DirectedWeightedPseudograph;
import org.jgrapht.nio.Attribute;
import org.jgrapht.nio.AttributeType;
import org.jgrapht.nio.DefaultAttribute;
import org.jgrapht.nio.gexf.GEXFAttributeType;
import org.jgrapht.nio.gexf.GEXFExporter;
import org.jgrapht.nio.graphml.GraphMLExporter;

/**
 * One layer of a run's {@code interaction_edges} as a directed weighted graph, written as GEXF or
 * GraphML with JGraphT. Nodes are the accounts on the layer's edges (id and label the account, with
 * {@code events_sent} and {@code events_received}); edges are ordered pairs with their weight
 * ({@code events}), {@code first_at}, {@code last_at} (ISO-8601 UTC) and, in the follow layer,
 * {@code present_at_end}. Self-loops are kept, as in the table.
 */
public final class InteractionGraph {
  /**
   * The table's layers, and the two unions network_layers also reports, by the table layers they
   * sum.
   */
  public static final Map<String, Set<String>> LAYERS = layers();

  private final String layer;
  private final Graph<String, Tie> graph = new DirectedWeightedPseudograph<>(Tie.class);
  private final Map<String, long[]> sentReceived = new LinkedHashMap<>();

  /** An ordered pair of the layer; a union layer sums its events and spans its times. */
  static final class Tie {
    long events;
    long firstAt = Long.MAX_VALUE;
    long lastAt = Long.MIN_VALUE;
    Boolean presentAtEnd;
  }

  private InteractionGraph(String layer) {
    this.layer = layer;
  }

  /**
   * Reads one layer from {@code <runDir>/interaction_edges/*.parquet}.
   *
   * @throws IllegalArgumentException when the layer is not one of {@link #LAYERS}
   * @throws IOException when the table cannot be read
   */
  public static InteractionGraph read(Path runDir, String layer) throws IOException {
    Set<String> tableLayers = LAYERS.get(layer);
    if (tableLayers == null) {
      throw new IllegalArgumentException(
          "--layer: '" + layer + "' is not one of " + String.join(", ", LAYERS.keySet()));
    }
    InteractionGraph g = new InteractionGraph(layer);
    Configuration conf = new Configuration();
    for (Path file : parquetFiles(runDir.resolve("interaction_edges"))) {
      try (ParquetReader<GenericRecord> reader =
          AvroParquetReader.<GenericRecord>builder(
                  HadoopInputFile.fromPath(new org.apache.hadoop.fs.Path(file.toUri()), conf))
              .withConf(conf)
              .build()) {
        for (GenericRecord row = reader.read(); row != null; row = reader.read()) {
          if (tableLayers.contains(row.get("layer").toString())) {
            g.add(row);
          }
        }
      }
    }
    return g;
  }

  private void add(GenericRecord row) {
    String actor = row.get("actor").toString();
    String target = row.get("target").toString();
    graph.addVertex(actor);
    graph.addVertex(target);
    Tie tie = graph.getEdge(actor, target);
    if (tie == null) {
      tie = new Tie();
      graph.addEdge(actor, target, tie);
    }
    long events = (Long) row.get("events");
    tie.events += events;
    tie.firstAt = Math.min(tie.firstAt, (Long) row.get("first_at"));
    tie.lastAt = Math.max(tie.lastAt, (Long) row.get("last_at"));
    tie.presentAtEnd = (Boolean) row.get("present_at_end");
    graph.setEdgeWeight(tie, tie.events);
    sentReceived.computeIfAbsent(actor, a -> new long[2])[0] += events;
    sentReceived.computeIfAbsent(target, a -> new long[2])[1] += events;
  }

  public int nodes() {
    return graph.vertexSet().size();
  }

  public int edges() {
    return graph.edgeSet().size();
  }

  /** Writes the graph as GEXF 1.2 (Gephi's own format). */
  public void writeGexf(Writer out) {
    GEXFExporter<String, Tie> exporter = new GEXFExporter<>(v -> v, new EdgeIds());
    exporter.setParameter(GEXFExporter.Parameter.EXPORT_EDGE_WEIGHTS, true);
    exporter.setDescription("dunbar interaction_edges, layer " + layer);
    declareAttributes(
        (node, name, type) ->
            exporter.registerAttribute(
                name,
                node ? GEXFExporter.AttributeCategory.NODE : GEXFExporter.AttributeCategory.EDGE,
                GEXFAttributeType.valueOf(type.name())));
    exporter.setVertexAttributeProvider(this::nodeAttributes);
    exporter.setEdgeAttributeProvider(this::edgeAttributes);
    exporter.exportGraph(graph, out);
  }

  /**
   * Writes the graph as GraphML (NetworkX's and igraph's read_graphml), weights in {@code weight}.
   */
  public void writeGraphml(Writer out) {
    GraphMLExporter<String, Tie> exporter = new GraphMLExporter<>(v -> v);
    exporter.setEdgeIdProvider(new EdgeIds());
    exporter.setExportEdgeWeights(true);
    exporter.setExportVertexLabels(true);
    exporter.setVertexLabelAttributeName(
        "label"); // as GEXF names it, rather than JGraphT's "VertexLabel"
    declareAttributes(
        (node, name, type) ->
            exporter.registerAttribute(
                name,
                node
                    ? GraphMLExporter.AttributeCategory.NODE
                    : GraphMLExporter.AttributeCategory.EDGE,
                type));
    exporter.setVertexAttributeProvider(this::nodeAttributes);
    exporter.setEdgeAttributeProvider(this::edgeAttributes);
    exporter.exportGraph(graph, out);
  }

  /** Declares one attribute to an exporter. */
  @FunctionalInterface
  private interface Declaration {
    void declare(boolean node, String name, AttributeType type);
  }

  /**
   * The attributes both formats declare, as {@link #nodeAttributes} and {@link #edgeAttributes}
   * give them.
   */
  private void declareAttributes(Declaration declaration) {
    declaration.declare(true, "events_sent", AttributeType.LONG);
    declaration.declare(true, "events_received", AttributeType.LONG);
    declaration.declare(false, "events", AttributeType.LONG);
    declaration.declare(false, "first_at", AttributeType.STRING);
    declaration.declare(false, "last_at", AttributeType.STRING);
    if (layer.equals("follow")) {
      declaration.declare(false, "present_at_end", AttributeType.BOOLEAN);
    }
  }

  private Map<String, Attribute> nodeAttributes(String account) {
    Map<String, Attribute> attributes = new LinkedHashMap<>();
    attributes.put("label", DefaultAttribute.createAttribute(account));
    long[] counts = sentReceived.get(account);
    attributes.put("events_sent", DefaultAttribute.createAttribute(counts[0]));
    attributes.put("events_received", DefaultAttribute.createAttribute(counts[1]));
    return attributes;
  }

  private Map<String, Attribute> edgeAttributes(Tie tie) {
    Map<String, Attribute> attributes = new LinkedHashMap<>();
    attributes.put("events", DefaultAttribute.createAttribute(tie.events));
    attributes.put("first_at", DefaultAttribute.createAttribute(micros(tie.firstAt)));
    attributes.put("last_at", DefaultAttribute.createAttribute(micros(tie.lastAt)));
    if (tie.presentAtEnd != null) {
      attributes.put("present_at_end", DefaultAttribute.createAttribute(tie.presentAtEnd));
    }
    return attributes;
  }

  private static String micros(long epochMicros) {
    return Instant.ofEpochSecond(
            Math.floorDiv(epochMicros, 1_000_000L), Math.floorMod(epochMicros, 1_000_000L) * 1000L)
        .toString();
  }

  /** Edge ids e0, e1, … in the order edges were read. */
  private static final class EdgeIds implements java.util.function.Function<Tie, String> {
    private final Map<Tie, String> ids = new java.util.IdentityHashMap<>();

    @Override
    public String apply(Tie tie) {
      return ids.computeIfAbsent(tie, t -> "e" + ids.size());
    }
  }

  private static List<Path> parquetFiles(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      throw new IOException("no interaction_edges table in " + dir.getParent());
    }
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(p -> p.getFileName().toString().endsWith(".parquet")).sorted().toList();
    }
  }

  private static Map<String, Set<String>> layers() {
    Map<String, Set<String>> layers = new LinkedHashMap<>();
    for (String layer :
        List.of("follow", "reply", "mention", "quote", "message", "reshare", "like")) {
      layers.put(layer, Set.of(layer));
    }
    layers.put("directed", Set.of("reply", "mention", "quote", "message"));
    layers.put("any", Set.of("reply", "mention", "quote", "message", "reshare", "like"));
    return java.util.Collections.unmodifiableMap(layers);
  }
}
