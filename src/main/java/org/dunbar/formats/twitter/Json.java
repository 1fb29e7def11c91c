package org.dunbar.formats.twitter;

import com.fasterxml.jackson.databind.JsonNode;

/** Field access with the SPEC's notion of a present value. */
final class Json {
  private Json() {}

  /**
   * The first of {@code keys} whose value is present: a non-empty string, or an integer number
   * taken as its decimal digits (the API writes ids both ways; the string is exact where a
   * JavaScript number is not, so callers list the string form first).
   */
  static String text(JsonNode object, String... keys) {
    if (object == null) {
      return null;
    }
    for (String key : keys) {
      JsonNode value = object.get(key);
      if (value == null) {
        continue;
      }
      if (value.isTextual() && !value.textValue().isEmpty()) {
        return value.textValue();
      }
      if (value.isIntegralNumber()) {
        return value.asText();
      }
    }
    return null;
  }

  static boolean isObject(JsonNode node) {
    return node != null && node.isObject();
  }

  /** True when the object has at least one of the keys, whatever its value. */
  static boolean hasKey(JsonNode object, String... keys) {
    for (String key : keys) {
      if (object.has(key)) {
        return true;
      }
    }
    return false;
  }
}
