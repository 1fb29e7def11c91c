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

/**
 * Turns {@code run [STUDY.yaml] [--flags]} into a {@link Study}: the study file is read as a tree,
 * every flag overrides its field in that tree, and {@link Study#fromTree} checks the result, so a
 * value is validated the same way wherever it came from.
 */
public final class StudyArguments {
  private StudyArguments() {}

  public static Study parse(List<String> args) throws IOException {
    ObjectNode tree = JsonNodeFactory.instance.objectNode();
    Map<StudyParameter, List<String>> flags = new LinkedHashMap<>();
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      if (!arg.startsWith("--")) {
        if (i != 0) {
          throw new StudyException(
              arg, "unexpected argument; the study file comes first, flags after it");
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
      StudyParameter parameter = StudyParameter.ofFlag(name);
      if (parameter == null) {
        throw new StudyException(
            "--" + name,
            "unknown flag; known flags are " + StudyParameter.flagList() + " (see dunbar --help)");
      }
      flags.computeIfAbsent(parameter, k -> new ArrayList<>()).add(value);
    }
    apply(tree, flags);
    return Study.fromTree(tree);
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

  /** Puts each flag's value where its parameter lives in the study tree; the last given wins. */
  private static void apply(ObjectNode tree, Map<StudyParameter, List<String>> flags) {
    flags.forEach(
        (parameter, values) -> {
          String last = values.get(values.size() - 1);
          if (parameter.place() == StudyParameter.Place.FIELD) {
            tree.put(parameter.key(), last);
          } else if (parameter.place() == StudyParameter.Place.KEY_FILE) {
            tree.putObject("pseudonymize").put("key_file", last);
          }
        });
    ObjectNode inputs =
        tree.has("inputs") && tree.get("inputs").isObject()
            ? (ObjectNode) tree.get("inputs")
            : tree.putObject("inputs");
    for (StudyParameter kind : StudyParameter.in(StudyParameter.Place.INPUT_LIST)) {
      if (flags.containsKey(kind)) {
        // A format given by flag comes without the file's options, which may not fit it.
        boolean newFormat =
            kind == StudyParameter.EVENTS && flags.containsKey(StudyParameter.EVENTS_FORMAT);
        ObjectNode shared =
            newFormat
                ? JsonNodeFactory.instance.objectNode()
                : sharedOptions(inputs.get(kind.inputName()));
        ArrayNode list = inputs.putArray(kind.inputName());
        for (String value : flags.get(kind)) {
          for (String glob : splitGlobs(value)) {
            list.addObject().put("path", glob).setAll(shared);
          }
        }
      }
    }
    if (inputs.isEmpty()) {
      tree.remove("inputs");
    }
    for (StudyParameter field : StudyParameter.in(StudyParameter.Place.EVENT_INPUT)) {
      if (flags.containsKey(field) && inputs.has("events")) {
        String value = flags.get(field).get(flags.get(field).size() - 1);
        inputs.get("events").forEach(input -> ((ObjectNode) input).put(field.inputName(), value));
      }
    }
  }

  /**
   * The options (all but {@code path}) that every entry of a study file's input list gives alike,
   * such as the {@code format} of a Bluesky study: inputs given by flag in place of the list keep
   * them, so that {@code run pipelines/bluesky.yaml --events=capture/*.jsonl} reads a capture as
   * the study file would (unless {@code --events-format} names another format). Empty when the list
   * is missing or its entries differ in every option.
   */
  private static ObjectNode sharedOptions(JsonNode list) {
    ObjectNode shared = JsonNodeFactory.instance.objectNode();
    if (list == null || !list.isArray() || list.isEmpty() || !list.get(0).isObject()) {
      return shared;
    }
    list.get(0)
        .fields()
        .forEachRemaining(
            option -> {
              boolean alike = true;
              for (JsonNode entry : list) {
                alike &= option.getValue().equals(entry.get(option.getKey()));
              }
              if (alike && !option.getKey().equals("path")) {
                shared.set(option.getKey(), option.getValue());
              }
            });
    return shared;
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
