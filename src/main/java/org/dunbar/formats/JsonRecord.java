package org.dunbar.formats;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.dunbar.records.Event;

/**
 * What the adapters of one-JSON-object-per-line dumps (Bluesky Jetstream, Reddit) share: reading
 * the line as an object, the SPEC's notion of a present value, and closing a mapped record.
 */
public final class JsonRecord {
  // Jackson's own check of repeated keys (StreamReadFeature.STRICT_DUPLICATE_DETECTION) makes a
  // hash set for every object of three keys or more: an eighth of a Jetstream line's parse. The
  // walk below checks them itself.
  private static final JsonFactory FACTORY = new JsonFactory();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /** Objects with more keys than this check them in a hash set rather than one by one. */
  private static final int FEW_KEYS = 16;

  private JsonRecord() {}

  /**
   * The line as a JSON object, holding only the fields named in {@code read}, at any depth, and
   * what they hold. Everything else is still parsed and checked (JSON syntax, repeated keys) but
   * not kept: a Jetstream post's text and a Reddit comment's awards cost no nodes.
   *
   * @param utf8 the line, valid UTF-8 (the read checks it first)
   * @param read the names of the fields a format's mapping reads, at any depth
   * @throws RecordRejection {@code unparsable} when the line is not exactly one JSON object, or an
   *     object repeats a key (the record would be ambiguous, so it is not read last-wins, as in
   *     canonical input)
   */
  public static ObjectNode parse(byte[] utf8, Set<String> read) throws RecordRejection {
    try (JsonParser parser = FACTORY.createParser(utf8)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        throw new RecordRejection(Reasons.UNPARSABLE, "not a JSON object");
      }
      ObjectNode root = (ObjectNode) value(parser, JsonToken.START_OBJECT, read, true);
      if (parser.nextToken() != null) {
        throw new RecordRejection(Reasons.UNPARSABLE, "invalid JSON: text after the JSON object");
      }
      return root;
    } catch (JsonProcessingException e) {
      throw new RecordRejection(Reasons.UNPARSABLE, JsonErrors.describe(e));
    } catch (IOException e) {
      // Reading from an array fails only through JsonProcessingException.
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The value at the parser's {@code token}, read to its end; its node when {@code keep}, else
   * null. Recursion is bounded by Jackson's nesting limit (StreamReadConstraints: 1,000).
   */
  private static JsonNode value(JsonParser parser, JsonToken token, Set<String> read, boolean keep)
      throws IOException, RecordRejection {
    switch (token) {
      case START_OBJECT -> {
        ObjectNode object = keep ? NODES.objectNode() : null;
        Keys keys = new Keys();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
          String name = parser.currentName();
          keys.add(name);
          boolean keepValue = keep && read.contains(name);
          JsonNode value = value(parser, parser.nextToken(), read, keepValue);
          if (keepValue) {
            object.set(name, value);
          }
        }
        return object;
      }
      case START_ARRAY -> {
        ArrayNode array = keep ? NODES.arrayNode() : null;
        for (JsonToken item = parser.nextToken();
            item != JsonToken.END_ARRAY;
            item = parser.nextToken()) {
          JsonNode value = value(parser, item, read, keep);
          if (keep) {
            array.add(value);
          }
        }
        return array;
      }
      default -> {
        return keep ? scalar(parser, token) : null;
      }
    }
  }

  /** A scalar's node, typed as Jackson's own tree types it. */
  private static JsonNode scalar(JsonParser parser, JsonToken token) throws IOException {
    return switch (token) {
      case VALUE_STRING -> NODES.textNode(parser.getText());
      case VALUE_NUMBER_INT ->
          switch (parser.getNumberType()) {
            case INT -> NODES.numberNode(parser.getIntValue());
            case LONG -> NODES.numberNode(parser.getLongValue());
            default -> NODES.numberNode(parser.getBigIntegerValue());
          };
      case VALUE_NUMBER_FLOAT -> NODES.numberNode(parser.getDoubleValue());
      case VALUE_TRUE -> NODES.booleanNode(true);
      case VALUE_FALSE -> NODES.booleanNode(false);
      default -> NODES.nullNode();
    };
  }

  /** The keys of one object so far, to find a repeated one. */
  private static final class Keys {
    private final String[] few = new String[FEW_KEYS];
    private int count;
    private Set<String> many;

    void add(String key) throws RecordRejection {
      boolean repeated;
      if (count < FEW_KEYS) {
        repeated = false;
        for (int i = 0; i < count && !repeated; i++) {
          repeated = few[i].equals(key);
        }
        few[count++] = key;
      } else {
        if (many == null) {
          many = new HashSet<>(Arrays.asList(few));
        }
        repeated = !many.add(key);
      }
      if (repeated) {
        throw new RecordRejection(
            Reasons.UNPARSABLE, "invalid JSON: field '" + key + "' appears twice");
      }
    }
  }

  /**
   * The value of {@code key} when present in the SPEC's sense: a non-empty string, or an integer
   * number taken as its decimal digits; null for anything else, and when {@code object} is null or
   * not an object.
   */
  public static String text(JsonNode object, String key) {
    JsonNode value = object == null ? null : object.get(key);
    if (value == null) {
      return null;
    }
    if (value.isTextual()) {
      return value.textValue().isEmpty() ? null : value.textValue();
    }
    return value.isIntegralNumber() ? value.asText() : null;
  }

  /**
   * The present value of {@code key}: the mappings read every id this way.
   *
   * @throws RecordRejection {@code missing_field} naming {@code field} when it is not present;
   *     {@code unparsable} when it is a string that is not valid Unicode (a lone surrogate escape),
   *     which has no UTF-8 form to write, so that two different ids could become one (SPEC
   *     "Rejection")
   */
  public static String required(JsonNode object, String key, String field) throws RecordRejection {
    String value = text(object, key);
    if (value == null) {
      throw RecordRejection.missing(field);
    }
    String invalid = Unicode.invalid(field, value);
    if (invalid != null) {
      throw new RecordRejection(Reasons.UNPARSABLE, invalid);
    }
    return value;
  }

  /**
   * Closes a mapped record: its events and {@code accepted()} when {@code ts} (epoch µs) is within
   * the study's bounds, else one {@code ts_out_of_range} rejection and no event.
   */
  public static void acceptInBounds(
      long ts, List<Event> events, TimeBounds bounds, RecordSink sink) {
    if (BoundsCheck.passes(ts, bounds, sink)) {
      events.forEach(sink::event);
      sink.accepted();
    }
  }
}
