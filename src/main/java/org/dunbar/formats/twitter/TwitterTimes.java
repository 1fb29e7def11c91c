package org.dunbar.formats.twitter;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import org.dunbar.formats.Reasons;

/** The two time formats of the Twitter APIs, read into epoch microseconds (UTC). */
final class TwitterTimes {
  /**
   * v1.1's {@code Wed Jan 07 11:14:38 +0000 2015}. Strict, so a weekday that contradicts the date
   * is a bad timestamp rather than silently ignored.
   */
  private static final DateTimeFormatter V1 =
      DateTimeFormatter.ofPattern("EEE MMM dd HH:mm:ss xx uuuu", Locale.ENGLISH)
          .withResolverStyle(ResolverStyle.STRICT);

  private TwitterTimes() {}

  /**
   * A v1.1 {@code created_at}.
   *
   * @param value the field's value, null when absent
   * @param field its name, for the rejection detail
   */
  static long v1(JsonNode value, String field) throws Rejection {
    return parse(value, field, V1);
  }

  /** An ISO-8601 instant with an offset: v2's {@code created_at}, twarc's {@code retrieved_at}. */
  static long iso(JsonNode value, String field) throws Rejection {
    return parse(value, field, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
  }

  static Instant instant(long micros) {
    return Instant.EPOCH.plus(micros, ChronoUnit.MICROS);
  }

  private static long parse(JsonNode value, String field, DateTimeFormatter format)
      throws Rejection {
    if (value == null || value.isNull() || value.asText().isEmpty()) {
      throw Rejection.missingField(field);
    }
    if (!value.isTextual()) {
      throw new Rejection(Reasons.BAD_TIMESTAMP, field + ": " + value);
    }
    try {
      return org.dunbar.formats.Timestamps.micros(
          OffsetDateTime.parse(value.textValue(), format).toInstant());
    } catch (DateTimeParseException | ArithmeticException e) {
      throw new Rejection(Reasons.BAD_TIMESTAMP, field + ": " + value.textValue());
    }
  }
}
