package org.dunbar.run;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.dunbar.generate.Flags;
import org.dunbar.graph.InteractionGraph;

/**
 * {@code dunbar export-graph RUN_DIR --layer L [--format gexf|graphml] [--out FILE]}: one layer of
 * a run's {@code interaction_edges} as a graph file. RUN_DIR is a run folder, or a study folder
 * ({@code OUTPUT/NAME}) whose LATEST run is meant. Without {@code --out} the file is {@code
 * RUN_DIR/graphs/LAYER.FORMAT}. Prints the file written; exit 2 on a bad layer, format or folder.
 */
final class ExportGraphCommand {
  private ExportGraphCommand() {}

  static int run(List<String> args, PrintStream out) throws IOException {
    Flags flags =
        Flags.parse(args.toArray(new String[0]), List.of("layer", "format", "out"), List.of(), 1);
    if (flags.positional().isEmpty() || !flags.has("layer")) {
      throw new IllegalArgumentException(
          "usage: dunbar export-graph RUN_DIR --layer "
              + String.join("|", InteractionGraph.LAYERS.keySet())
              + " [--format gexf|graphml] [--out FILE]");
    }
    String format = flags.get("format", "gexf");
    if (!format.equals("gexf") && !format.equals("graphml")) {
      throw new IllegalArgumentException("--format: '" + format + "' is not one of gexf, graphml");
    }
    Path runDir = runDir(Path.of(flags.positional().get(0)));
    InteractionGraph graph = InteractionGraph.read(runDir, flags.get("layer"));
    Path file =
        flags.has("out")
            ? Path.of(flags.get("out"))
            : runDir.resolve("graphs").resolve(flags.get("layer") + "." + format);
    if (file.toAbsolutePath().getParent() != null) {
      Files.createDirectories(file.toAbsolutePath().getParent());
    }
    try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      if (format.equals("gexf")) {
        graph.writeGexf(writer);
      } else {
        graph.writeGraphml(writer);
      }
    }
    out.printf("%s (%d nodes, %d edges)%n", file, graph.nodes(), graph.edges());
    return Cli.OK;
  }

  /** A run folder as given, or the LATEST run of a study folder. */
  private static Path runDir(Path given) throws IOException {
    String latest = RunFolder.latest(given);
    Path dir = latest != null ? given.resolve("runs").resolve(latest) : given;
    if (!Files.isDirectory(dir.resolve("interaction_edges"))) {
      throw new IllegalArgumentException(
          given + " is neither a run folder nor a study folder with a LATEST run");
    }
    return dir;
  }
}
