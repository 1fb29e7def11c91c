package org.dunbar.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * {@code dunbar export-graph} writes a layer of a published run's interaction_edges as GEXF and
 * GraphML whose nodes, edges and weights are the table's, read back with the JDK's XML parser.
 */
class ExportGraphTest {
  @TempDir Path tmp;

  private static Document parse(Path file) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    return factory.newDocumentBuilder().parse(file.toFile());
  }

  /** Nodes, edges and summed events of one layer, as DuckDB reads the table. */
  private static List<String> expected(Path run, String layers) {
    return Duck.rows(
        "select count(distinct a), (select count(*) from "
            + Duck.table(run, "interaction_edges")
            + " where layer in ("
            + layers
            + ")), (select sum(events) from "
            + Duck.table(run, "interaction_edges")
            + " where layer in ("
            + layers
            + ")) from (select actor as a from "
            + Duck.table(run, "interaction_edges")
            + " where layer in ("
            + layers
            + ") union select target from "
            + Duck.table(run, "interaction_edges")
            + " where layer in ("
            + layers
            + "))");
  }

  private static String counts(
      NodeList nodes, NodeList edges, String weightAttribute, String weightKey) {
    long weights = 0;
    for (int i = 0; i < edges.getLength(); i++) {
      Element edge = (Element) edges.item(i);
      if (weightAttribute != null) {
        weights += (long) Double.parseDouble(edge.getAttribute(weightAttribute));
      } else {
        // GraphML leaves out a weight equal to its key's default, 1.0.
        double weight = 1.0;
        NodeList data = edge.getElementsByTagNameNS("*", "data");
        for (int j = 0; j < data.getLength(); j++) {
          if (((Element) data.item(j)).getAttribute("key").equals(weightKey)) {
            weight = Double.parseDouble(data.item(j).getTextContent());
          }
        }
        weights += (long) weight;
      }
    }
    return nodes.getLength() + "|" + edges.getLength() + "|" + weights;
  }

  @Test
  void gexfOfTheReplyLayerHoldsTheTablesNodesEdgesAndWeights() throws Exception {
    Path run = StudyFileRun.published();
    Dunbar result =
        Dunbar.run(
            "export-graph",
            run.toString(),
            "--layer",
            "reply",
            "--out",
            tmp.resolve("reply.gexf").toString());
    assertEquals(Cli.OK, result.exitCode(), result.err());
    Document gexf = parse(tmp.resolve("reply.gexf"));
    assertEquals(
        "directed",
        ((Element) gexf.getElementsByTagNameNS("*", "graph").item(0))
            .getAttribute("defaultedgetype"));
    assertEquals(
        expected(run, "'reply'"),
        List.of(
            counts(
                gexf.getElementsByTagNameNS("*", "node"),
                gexf.getElementsByTagNameNS("*", "edge"),
                "weight",
                null)));
    assertTrue(result.out().startsWith(tmp.resolve("reply.gexf") + " ("), result.out());
  }

  @Test
  void graphmlOfTheAnyLayerOfTheLatestRunSumsItsLayers() throws Exception {
    Path run = StudyFileRun.published();
    Path studyDir = run.getParent().getParent();
    Dunbar result =
        Dunbar.run("export-graph", studyDir.toString(), "--layer=any", "--format=graphml");
    assertEquals(Cli.OK, result.exitCode(), result.err());
    Path file = run.resolve("graphs/any.graphml");
    assertTrue(result.out().startsWith(file + " ("), result.out());
    Document graphml = parse(file);
    String weightKey = null;
    NodeList keys = graphml.getElementsByTagNameNS("*", "key");
    for (int i = 0; i < keys.getLength(); i++) {
      Element key = (Element) keys.item(i);
      if (key.getAttribute("attr.name").equals("weight")
          && key.getAttribute("for").equals("edge")) {
        weightKey = key.getAttribute("id");
        assertEquals(
            "1.0", key.getElementsByTagNameNS("*", "default").item(0).getTextContent().strip());
      }
    }
    assertEquals(
        expected(run, "'reply','mention','quote','message','reshare','like'"),
        List.of(
            counts(
                graphml.getElementsByTagNameNS("*", "node"),
                graphml.getElementsByTagNameNS("*", "edge"),
                null,
                weightKey)));
  }

  @Test
  void followLayerEdgesSayWhetherTheyArePresentAtTheEnd() throws Exception {
    Path run = StudyFileRun.published();
    Dunbar.run(
            "export-graph",
            run.toString(),
            "--layer",
            "follow",
            "--out",
            tmp.resolve("follow.gexf").toString())
        .published();
    Document gexf = parse(tmp.resolve("follow.gexf"));
    NodeList attributes = gexf.getElementsByTagNameNS("*", "attribute");
    boolean declared = false;
    for (int i = 0; i < attributes.getLength(); i++) {
      declared |= ((Element) attributes.item(i)).getAttribute("title").equals("present_at_end");
    }
    assertTrue(declared, "present_at_end is an edge attribute of the follow layer");
  }

  @Test
  void anUnknownLayerOrFormatExitsTwo() throws Exception {
    Path run = StudyFileRun.published();
    Dunbar layer = Dunbar.run("export-graph", run.toString(), "--layer", "retweet");
    assertEquals(Cli.BAD_STUDY, layer.exitCode());
    assertTrue(
        layer
            .err()
            .startsWith("dunbar export-graph: --layer: 'retweet' is not one of follow, reply"),
        layer.err());
    Dunbar format =
        Dunbar.run("export-graph", run.toString(), "--layer", "reply", "--format", "dot");
    assertEquals(
        "dunbar export-graph: --format: 'dot' is not one of gexf, graphml\n", format.err());
  }
}
