package org.dunbar.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Turns {@code run [STUDY.yaml] [--flags]} into a {@link Study}: the study file is read as a
 * tree, every flag overrides its field in that tree, and {@link Study#fromTree} checks the result,
 * so a value is validated the same way wherever it came from.
 */
public final class StudyArguments {
  /** Flags that set one top-level study field (--lookback-days sets lookback_days). */
  static final Set<String> SCALAR_FLAGS = Set.of("name", "output", "period", "lookback-days", "churn-days", "burst-min",
      "burst-factor", "reply-window-days", "audience-bands", "not-before", "not-after", "runner", "flink-master",
      "parallelism", "max-rejected-fraction", "min-cell");
  /** --pseudonymize-key=PATH sets the study file's pseudonymize.key_file. */
  static final String KEY_FLAG = "pseudonymize-key";
  /** Flags that replace an input list: --events=GLOB (repeatable, comma-separated). */
  static final Set<String> INPUT_FLAGS = Set.of("events", "snapshots", "baseline");

  /** Flags that set a property of every event input. */
  static final Map<String, String> EVENT_INPUT_FLAGS =
      Map.of(
          "events-format",
          "format",
          "snapshot-time",
          "snapshot_time",
          "event-time",
          "event_time",
          "delimiter",
          "delimiter",
          "max-line-bytes",
          "max_line_bytes",
          "retrieved-at",
          "retrieved_at");

  private StudyArguments() {}

  public static Study parse(List<String> args) throws IOException {
    ObjectNode tree = JsonNodeFactory.instance.objectNode();
    Map<String, List<String>> flags = new LinkedHashMap<>();
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      if (!arg.startsWith("--")) {
        if (i != 0) {
          throw new StudyException(arg, "unexpected argument; the study file comes first, flags after it");
        }
        tree = readStudyFile(Path.of(arg));
        continue;
      }
      String name = arg.substring(2);
      String value;
      int eq = name.indexOf('=');
      if (eq >= 0) {
        value = name.substring(eq + 1);
        name = name.substring(0, eq);
      } else if (i + 1 < args.size()) {
        value = args.get(++i);
      } else {
        throw new StudyException("--" + name, "needs a value");
      }
      if (!SCALAR_FLAGS.contains(name) && !INPUT_FLAGS.contains(name) && !EVENT_INPUT_FLAGS.containsKey(name) && !name.equals(KEY_FLAG)) {
        throw new StudyException("--" + name, "unknown flag; known flags are " + knownFlags() + " (see dunbar --help)");
      }
      flags.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
    }
    apply(tree, flags);
    return Study.fromTree(tree);
  }

  /** Every study flag, sorted, for the message that rejects an unknown one. */
  private static String knownFlags() {
    return Stream.of(SCALAR_FLAGS, INPUT_FLAGS, EVENT_INPUT_FLAGS.keySet(), Set.of(KEY_FLAG))
        .flatMap(Set::stream)
        .sorted()
        .map(flag -> "--" + flag)
        .collect(Collectors.joining(", "));
  }

  private static ObjectNode readStudyFile(Path file) throws IOException {
    if (!Files.isRegularFile(file)) {
      throw new StudyException(file.toString(), "no such study file");
    }
    JsonNode node;
    try {
      node = new ObjectMapper(new YAMLFactory()).readTree(file.toFile());
    } catch (IOException e) {
      throw new StudyException(file.toString(), "not valid YAML: " + e.getMessage());
    }
    if (node == null || !node.isObject()) {
      throw new StudyException(file.toString(), "a study file is a YAML mapping of study fields");
    }
    return (ObjectNode) node;
  }

  private static void apply(ObjectNode tree, Map<String, List<String>> flags) {
    flags.forEach((name, values) -> {
      if (SCALAR_FLAGS.contains(name)) {
        tree.put(name.replace('-', '_'), values.get(values.size() - 1));
      }
    });
    if (flags.containsKey(KEY_FLAG)) {
      tree.putObject("pseudonymize").put("key_file", flags.get(KEY_FLAG).get(flags.get(KEY_FLAG).size() - 1));
    }
    ObjectNode inputs = tree.has("inputs") && tree.get("inputs").isObject() ? (ObjectNode) tree.get("inputs") : tree.putObject("inputs");
    for (String kind : INPUT_FLAGS) {
      if (flags.containsKey(kind)) {
        ArrayNode list = inputs.putArray(kind);
        for (String value : flags.get(kind)) {
          for (String glob : splitGlobs(value)) {
            list.addObject().put("path", glob);
          }
        }
      }
    }
    if (inputs.isEmpty()) {
      tree.remove("inputs");
    }
    EVENT_INPUT_FLAGS.forEach((flag, field) -> {
      if (flags.containsKey(flag) && inputs.has("events")) {
        String value = flags.get(flag).get(flags.get(flag).size() - 1);
        inputs.get("events").forEach(input -> ((ObjectNode) input).put(field, value));
      }
    });
  }

  /** Splits on commas outside braces, so a glob like {@code data/{a,b}/*.jsonl} stays whole. */
  static List<String> splitGlobs(String value) {
    List<String> globs = new ArrayList<>();
    int depth = 0;
    StringBuilder current = new StringBuilder();
    for (char c : value.toCharArray()) {
      if (c == ',' && depth == 0) {
        globs.add(current.toString());
        current.setLength(0);
        continue;
      }
      depth += c == '{' ? 1 : c == '}' ? -1 : 0;
      current.append(c);
    }
    globs.add(current.toString());
    return globs.stream().map(String::trim).filter(g -> !g.isEmpty()).toList();
  }
}
