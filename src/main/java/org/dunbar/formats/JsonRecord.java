package org.dunbar.formats;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import java.util.List;
import org.dunbar.records.Event;

/**
 * What the adapters of one-JSON-object-per-line dumps (Bluesky Jetstream, Reddit) share: reading
 * the line as an object, the SPEC's notion of a present value, and closing a mapped record.
 */
public final class JsonRecord {
  // A repeated key would make the record ambiguous, so it is unparsable rather than last-wins, as
  // in canonical input; text after the object means the line is not one record.
  private static final ObjectReader READER =
      new ObjectMapper(
              JsonFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build())
          .reader()
          .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private JsonRecord() {}

  /**
   * The line as a JSON object.
   *
   * @throws RecordRejection {@code unparsable} when it is not exactly one JSON object
   */
  public static JsonNode parse(String text) throws RecordRejection {
    JsonNode root;
    try {
      root = READER.readTree(text);
    } catch (JsonProcessingException e) {
      throw new RecordRejection(Reasons.UNPARSABLE, "invalid JSON: " + e.getOriginalMessage());
    }
    if (root == null || !root.isObject()) {
      throw new RecordRejection(Reasons.UNPARSABLE, "not a JSON object");
    }
    return root;
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
   * The present value of {@code key}, or a {@code missing_field} rejection naming {@code field}.
   */
  public static String required(JsonNode object, String key, String field) throws RecordRejection {
    String value = text(object, key);
    if (value == null) {
      throw RecordRejection.missing(field);
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
