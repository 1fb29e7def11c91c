package org.dunbar.formats;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

/**
 * The top-level fields of a JSON object record. A field is present when its value is a non-empty
 * string or an integer number (kept as written, e.g. {@code 12} as "12"); floats, booleans, null,
 * objects and arrays count as missing. A top-level string that is not valid Unicode (a lone
 * surrogate escape) makes the record unparsable, so ids are kept byte for byte.
 */
final class JsonFields {
  // Streaming, not a tree: every line is parsed, and only the top-level scalars are kept.
  // A repeated key would make the record ambiguous, so it is unparsable rather than last-wins.
  private static final JsonFactory FACTORY =
      JsonFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

  private JsonFields() {}

  static RecordFields parse(String text) throws Unparsable {
    try (JsonParser parser = FACTORY.createParser(text)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        throw new Unparsable("not a JSON object");
      }
      Map<String, String> values = new HashMap<>();
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String name = parser.currentName();
        JsonToken token = parser.nextToken();
        if (token == JsonToken.VALUE_NUMBER_INT
            || (token == JsonToken.VALUE_STRING && parser.getTextLength() > 0)) {
          String value = parser.getText();
          String invalid = Unicode.invalid(name, value);
          if (invalid != null) {
            throw new Unparsable(invalid);
          }
          values.put(name, value);
        } else {
          parser.skipChildren();
        }
      }
      if (parser.nextToken() != null) {
        throw new Unparsable("text after the JSON object");
      }
      return values::get;
    } catch (JsonProcessingException e) {
      throw new Unparsable(JsonErrors.describe(e));
    } catch (IOException e) {
      // Reading from a String fails only through JsonProcessingException.
      throw new UncheckedIOException(e);
    }
  }
}
