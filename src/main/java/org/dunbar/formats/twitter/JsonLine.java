package org.dunbar.formats.twitter;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * One record's text parsed as a JSON tree that remembers where each object and array sits in the
 * text, so a rejected tweet inside an array or page is reported with its own text, byte for byte,
 * not a re-serialisation that would change escapes and number forms, and with the line it starts on
 * when the text spans lines.
 */
final class JsonLine {
  private static final JsonFactory FACTORY = new JsonFactory();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final String text;
  // Identity, not equality: two identical tweets in one line are two records with two spans.
  private final Map<JsonNode, int[]> spans = new IdentityHashMap<>();
  private final JsonNode root;
  // Where the text's line breaks are, ascending: a page on one line has none.
  private final int[] newlines;

  private JsonLine(String text) throws IOException {
    this.text = text;
    this.newlines = newlines(text);
    try (JsonParser parser = FACTORY.createParser(text)) {
      if (parser.nextToken() == null) {
        throw new JsonParseException(parser, "no JSON value");
      }
      root = value(parser);
      if (parser.nextToken() != null) {
        throw new JsonParseException(parser, "text after the JSON value");
      }
    }
  }

  /** Parses the whole line; fails on anything but exactly one JSON value. */
  static JsonLine parse(String text) throws IOException {
    return new JsonLine(text);
  }

  JsonNode root() {
    return root;
  }

  /**
   * The physical line where the node starts, for a text that may span lines.
   *
   * @param firstLine the line the text starts on
   */
  long lineOf(JsonNode node, long firstLine) {
    int[] span = spans.get(node);
    if (span == null || newlines.length == 0) {
      return firstLine;
    }
    // The number of line breaks before the node's first character.
    int before = Arrays.binarySearch(newlines, span[0]);
    return firstLine + (before >= 0 ? before : -before - 1);
  }

  /** The node's own text in the line. */
  String raw(JsonNode node) {
    int[] span = spans.get(node);
    // Scalars are not tracked (Jackson shares some scalar nodes); their JSON form is their text.
    return span == null ? node.toString() : text.substring(span[0], span[1]);
  }

  private JsonNode value(JsonParser parser) throws IOException {
    JsonToken token = parser.currentToken();
    return switch (token) {
      case START_OBJECT -> object(parser);
      case START_ARRAY -> array(parser);
      case VALUE_STRING -> NODES.textNode(parser.getText());
      case VALUE_NUMBER_INT ->
          parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER
              ? NODES.numberNode(parser.getBigIntegerValue())
              : NODES.numberNode(parser.getLongValue());
      case VALUE_NUMBER_FLOAT -> NODES.numberNode(parser.getDecimalValue());
      case VALUE_TRUE -> NODES.booleanNode(true);
      case VALUE_FALSE -> NODES.booleanNode(false);
      case VALUE_NULL -> NODES.nullNode();
      default -> throw new JsonParseException(parser, "unexpected " + token);
    };
  }

  private ObjectNode object(JsonParser parser) throws IOException {
    int start = offset(parser);
    ObjectNode object = NODES.objectNode();
    JsonToken token;
    while ((token = next(parser)) == JsonToken.FIELD_NAME) {
      String name = parser.currentName();
      next(parser);
      object.set(name, value(parser));
    }
    if (token != JsonToken.END_OBJECT) {
      throw new JsonParseException(parser, "unexpected " + token);
    }
    spans.put(object, new int[] {start, offset(parser) + 1});
    return object;
  }

  private ArrayNode array(JsonParser parser) throws IOException {
    int start = offset(parser);
    ArrayNode array = NODES.arrayNode();
    while (next(parser) != JsonToken.END_ARRAY) {
      array.add(value(parser));
    }
    spans.put(array, new int[] {start, offset(parser) + 1});
    return array;
  }

  /** The next token; the end of the line inside an object or array is an error, not a value. */
  private static JsonToken next(JsonParser parser) throws IOException {
    JsonToken token = parser.nextToken();
    if (token == null) {
      throw new JsonParseException(parser, "the line ends inside a JSON value");
    }
    return token;
  }

  private static int offset(JsonParser parser) {
    // A record is at most max_line_bytes (at most 1 GiB), so a char offset always fits an int.
    return (int) parser.currentTokenLocation().getCharOffset();
  }

  private static int[] newlines(String text) {
    int count = 0;
    for (int i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
      count++;
    }
    int[] at = new int[count];
    int k = 0;
    for (int i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
      at[k++] = i;
    }
    return at;
  }
}
