package org.dunbar.formats.twitter;

import com.fasterxml.jackson.databind.JsonNode;
import org.dunbar.formats.Reasons;

/** One tweet record that failed a check; carries the SPEC's reason code and a detail for people. */
final class Rejection extends Exception {
  private static final long serialVersionUID = 1L;

  private final String reason;

  Rejection(String reason, String detail) {
    // Thrown once per bad record in bulk input: a stack trace would cost more than the parse.
    super(detail, null, false, false);
    this.reason = reason;
  }

  static Rejection missingField(String field) {
    return new Rejection(Reasons.MISSING_FIELD, field);
  }

  /** The value, or a {@code missing_field} rejection naming the field. */
  static String required(String value, String field) throws Rejection {
    if (value == null) {
      throw missingField(field);
    }
    return value;
  }

  /**
   * Rejects as {@code unsupported_record} what is not a tweet at all (a delete or limit notice, an
   * error, a user object): something lacking one of the keys every tweet has. A key that is there
   * but unusable is a broken tweet instead, for the caller to reject as such.
   *
   * @param keys the keys every tweet has; "a|b" accepts either spelling
   */
  static void requireTweet(JsonNode node, String... keys) throws Rejection {
    if (!node.isObject()) {
      throw new Rejection(Reasons.UNSUPPORTED_RECORD, "not a JSON object");
    }
    for (String key : keys) {
      String[] spellings = key.split("\\|");
      if (!Json.hasKey(node, spellings)) {
        throw new Rejection(Reasons.UNSUPPORTED_RECORD, "not a tweet: no " + spellings[0]);
      }
    }
  }

  String reason() {
    return reason;
  }

  String detail() {
    return getMessage();
  }
}
