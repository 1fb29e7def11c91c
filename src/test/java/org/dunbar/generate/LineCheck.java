package org.dunbar.generate;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Set;

/**
 * The SPEC's checks for a canonical JSON event line, in its order, written independently of the
 * generator so the tests judge its output by the contract.
 */
final class LineCheck {
  static final Set<String> TYPES =
      Set.of(
          "follow", "unfollow", "post", "reply", "mention", "quote", "message", "reshare", "like");
  private static final long NOT_BEFORE_MICROS =
      Instant.parse("2000-01-01T00:00:00Z").getEpochSecond() * 1_000_000L;
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  /**
   * @param reason null when the line is valid, then event is set
   */
  record Result(String reason, Ev event) {}

  private LineCheck() {}

  static Result check(String line) {
    JsonNode node;
    try {
      node = JSON.readTree(line);
    } catch (IOException e) {
      return reject("unparsable");
    }
    if (node == null || !node.isObject()) {
      return reject("unparsable");
    }
    String type = field(node, "type");
    if (type == null) {
      return reject("missing_field:type");
    }
    type = type.toLowerCase(Locale.ROOT);
    if (!TYPES.contains(type)) {
      return reject("unknown_type");
    }
    String actor = field(node, "actor");
    if (actor == null) {
      return reject("missing_field:actor");
    }
    String target = field(node, "target");
    if (target == null && !type.equals("post")) {
      return reject("missing_field:target");
    }
    String ts = field(node, "ts");
    if (ts == null) {
      return reject("missing_field:ts");
    }
    Long micros = micros(ts);
    if (micros == null) {
      return reject("bad_timestamp");
    }
    if ((type.equals("follow") || type.equals("unfollow")) && actor.equals(target)) {
      return reject("self_follow");
    }
    if (micros < NOT_BEFORE_MICROS) {
      return reject("ts_out_of_range");
    }
    return new Result(
        null,
        new Ev(
            orEmpty(field(node, "event_id")),
            type,
            actor,
            type.equals("post") ? "" : target,
            orEmpty(field(node, "post_id")),
            orEmpty(field(node, "parent_id")),
            micros));
  }

  private static Result reject(String reason) {
    return new Result(reason, null);
  }

  /** Present: a non-empty string, or an integer taken as its digits. */
  private static String field(JsonNode node, String name) {
    JsonNode value = node.get(name);
    if (value == null) {
      return null;
    }
    if (value.isTextual()) {
      return value.asText().isEmpty() ? null : value.asText();
    }
    return value.isIntegralNumber() ? value.bigIntegerValue().toString() : null;
  }

  private static Long micros(String ts) {
    if (ts.chars().allMatch(Character::isDigit)) {
      long n = Long.parseLong(ts);
      return n >= 100_000_000_000L ? n * 1_000 : n * 1_000_000;
    }
    try {
      Instant instant = Instant.parse(ts);
      return instant.getEpochSecond() * 1_000_000L + instant.getNano() / 1_000;
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static String orEmpty(String value) {
    return value == null ? "" : value;
  }
}
