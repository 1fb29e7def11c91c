package org.dunbar.formats;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Month;
import java.time.Year;
import java.util.OptionalLong;

/**
 * Reads the SPEC's timestamp forms as UTC epoch microseconds.
 *
 * <p>ISO-8601 is parsed by hand: it is on the path of every input line, and the accepted grammar
 * must be exactly the SPEC's, which none of java.time's predefined formatters is.
 */
public final class Timestamps {
  // The SPEC tells an epoch number's unit by its size: seconds below 1e11 (the year 5138),
  // milliseconds below 1e14, microseconds below 1e17 (Bluesky's time_us), else nanoseconds. Each
  // bound is 1e11 seconds in the next unit up, so no two units overlap on a plausible date.
  private static final long MILLIS_FROM = 100_000_000_000L;
  private static final long MICROS_FROM = 100_000_000_000_000L;
  private static final long NANOS_FROM = 100_000_000_000_000_000L;

  private static final long MICROS_PER_SECOND = 1_000_000;
  private static final int MAX_OFFSET_HOURS = 18;

  private Timestamps() {}

  /**
   * A field value: an ISO-8601 instant with an offset, or an epoch number as ASCII digits in the
   * unit its size tells (see {@link #parseEpoch}).
   *
   * <p>ISO form: {@code YYYY-MM-DDThh:mm[:ss[.f…]]} then {@code Z}, {@code ±hh}, {@code ±hhmm} or
   * {@code ±hh:mm}. The fraction may have any number of digits (',' is accepted as ISO-8601 allows)
   * and is truncated to microseconds. Leap seconds, hour 24, lower-case 't'/'z', a space instead of
   * 'T' and offsets beyond ±18:00 are invalid.
   *
   * @return empty when the value is none of these forms or does not fit
   */
  public static OptionalLong parseText(String value) {
    long epoch = Digits.parse(value);
    // Digits that overflow fall through to the ISO reader, which rejects them too.
    return epoch >= 0 ? parseEpoch(epoch) : new IsoReader(value).read();
  }

  /** An epoch number written as ASCII digits only (as in SNAP files), unit by size. */
  public static OptionalLong parseEpochDigits(String value) {
    long epoch = Digits.parse(value);
    return epoch < 0 ? OptionalLong.empty() : parseEpoch(epoch);
  }

  /**
   * An epoch number as microseconds, its unit told by its size (SPEC, Input, {@code ts}): seconds
   * below 1e11, milliseconds below 1e14, microseconds below 1e17, else nanoseconds (floored to
   * microseconds). So every unit a dump uses lands on a date between 1970 and 5138, never in the
   * year 53134. Negative values are invalid: the SPEC's epoch forms are strings of digits, and no
   * social-media dump predates 1970.
   */
  public static OptionalLong parseEpoch(long epoch) {
    if (epoch < 0) {
      return OptionalLong.empty();
    }
    if (epoch < MILLIS_FROM) {
      return OptionalLong.of(epoch * MICROS_PER_SECOND);
    }
    if (epoch < MICROS_FROM) {
      return OptionalLong.of(epoch * 1000);
    }
    return OptionalLong.of(epoch < NANOS_FROM ? epoch : epoch / 1000);
  }

  /**
   * An instant in the SPEC's storage form: epoch microseconds, the nanoseconds floored.
   *
   * @throws ArithmeticException when it does not fit in a long
   */
  public static long micros(Instant instant) {
    return Math.addExact(
        Math.multiplyExact(instant.getEpochSecond(), MICROS_PER_SECOND), instant.getNano() / 1000);
  }

  /** One pass over an ISO-8601 text; any deviation from the grammar makes the result empty. */
  private static final class IsoReader {
    private final String text;
    private int at;
    private boolean failed;

    IsoReader(String text) {
      this.text = text;
    }

    OptionalLong read() {
      int year = number(4);
      expect('-');
      int month = number(2);
      expect('-');
      int day = number(2);
      expect('T');
      int hour = number(2);
      expect(':');
      int minute = number(2);
      int second = 0;
      long micros = 0;
      if (accept(':')) {
        second = number(2);
        if (accept('.') || accept(',')) {
          micros = fraction();
        }
      }
      int offsetSeconds = offset();
      if (failed
          || at != text.length()
          || month < 1
          || month > 12
          || day < 1
          || day > Month.of(month).length(Year.isLeap(year))
          || hour > 23
          || minute > 59
          || second > 59) {
        return OptionalLong.empty();
      }
      long epochSecond =
          LocalDate.of(year, month, day).toEpochDay() * 86_400
              + hour * 3600L
              + minute * 60L
              + second
              - offsetSeconds;
      return OptionalLong.of(epochSecond * MICROS_PER_SECOND + micros);
    }

    private int offset() {
      if (accept('Z')) {
        return 0;
      }
      int sign = accept('+') ? 1 : accept('-') ? -1 : 0;
      if (sign == 0) {
        failed = true;
        return 0;
      }
      int hours = number(2);
      int minutes = 0;
      if (accept(':') || at < text.length()) {
        minutes = number(2);
      }
      if (hours > MAX_OFFSET_HOURS
          || minutes > 59
          || hours * 60 + minutes > MAX_OFFSET_HOURS * 60) {
        failed = true;
      }
      return sign * (hours * 3600 + minutes * 60);
    }

    /** Fraction digits after the separator, truncated or padded to microseconds. */
    private long fraction() {
      int start = at;
      long micros = 0;
      while (at < text.length() && isDigit(text.charAt(at))) {
        if (at - start < 6) {
          micros = micros * 10 + (text.charAt(at) - '0');
        }
        at++;
      }
      int digits = at - start;
      if (digits == 0) {
        failed = true;
      }
      for (int i = digits; i < 6; i++) {
        micros *= 10;
      }
      return micros;
    }

    private int number(int digits) {
      int value = 0;
      for (int i = 0; i < digits; i++) {
        if (at >= text.length() || !isDigit(text.charAt(at))) {
          failed = true;
          return 0;
        }
        value = value * 10 + (text.charAt(at++) - '0');
      }
      return value;
    }

    private void expect(char c) {
      if (!accept(c)) {
        failed = true;
      }
    }

    private boolean accept(char c) {
      if (at < text.length() && text.charAt(at) == c) {
        at++;
        return true;
      }
      return false;
    }

    private static boolean isDigit(char c) {
      return c >= '0' && c <= '9';
    }
  }
}
