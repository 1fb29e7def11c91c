package org.dunbar.formats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TimestampsTest {
  // 2020-09-13T12:26:40Z
  private static final long T = 1_600_000_000L * 1_000_000;

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "2020-09-13T12:26:40Z|0",
        "2020-09-13T14:26:40+02|0",
        "2020-09-13T14:56:40+0230|0",
        "2020-09-13T14:56:40+02:30|0",
        "2020-09-13T07:26:40-05:00|0",
        "2020-09-13T07:26:40-0500|0",
        "2020-09-13T07:26:40-05|0",
        "2020-09-13T12:26:40+00:00|0",
        "2020-09-13T12:26:40-00:00|0",
        "2020-09-13T12:26Z|-40000000",
        "2020-09-13T12:26:40.5Z|500000",
        "2020-09-13T12:26:40,5Z|500000",
        "2020-09-13T12:26:40.000001Z|1",
        "2020-09-13T12:26:40.123456789Z|123456",
        "2020-09-13T12:26:40.9999999+01:00|-3599000001",
      })
  void readsIsoInstantsWithAnOffset(String text, long deltaMicros) {
    assertEquals(OptionalLong.of(T + deltaMicros), Timestamps.parseText(text));
  }

  @Test
  void readsDatesBeforeTheEpochAndLeapDays() {
    assertEquals(OptionalLong.of(-500_000), Timestamps.parseText("1969-12-31T23:59:59.5Z"));
    assertEquals(
        OptionalLong.of(951_782_400L * 1_000_000), Timestamps.parseText("2000-02-29T00:00:00Z"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2020-09-13T12:26:40", // no offset
        "2020-09-13", // a date is not an instant
        "2020-09-13 12:26:40Z",
        "2020-09-13t12:26:40Z",
        "2020-09-13T12:26:40z",
        "2020-09-13T12:26:40.Z", // empty fraction
        "2020-09-13T12:26.5Z", // fraction without seconds
        "2020-09-13T12:26:40+2",
        "2020-09-13T12:26:40+02:3",
        "2020-09-13T12:26:40+02:",
        "2020-09-13T12:26:40+02300",
        "2020-09-13T12:26:40+19:00",
        "2020-09-13T12:26:40+02:60",
        "2020-09-13T12:26:40Z ",
        " 2020-09-13T12:26:40Z",
        "2020-13-13T12:26:40Z",
        "2020-00-13T12:26:40Z",
        "2019-02-29T12:26:40Z",
        "2020-09-31T12:26:40Z",
        "2020-09-13T24:00:00Z",
        "2020-09-13T12:60:40Z",
        "2020-09-13T12:26:60Z",
        "20200913T122640Z",
        "+2020-09-13T12:26:40Z",
        "1600000000.5",
        "-1600000000",
        "+1600000000",
        "16e8",
        "99999999999999999999", // overflows a long
        "garbage",
        ""
      })
  void rejectsEverythingElse(String text) {
    assertTrue(Timestamps.parseText(text).isEmpty(), text);
  }

  @Test
  void readsEpochSecondsBelowTheThresholdAndMillisecondsFromIt() {
    assertEquals(OptionalLong.of(99_999_999_999L * 1_000_000), Timestamps.parseText("99999999999"));
    assertEquals(OptionalLong.of(100_000_000_000L * 1_000), Timestamps.parseText("100000000000"));
    assertEquals(OptionalLong.of(T), Timestamps.parseText("1600000000"));
    assertEquals(OptionalLong.of(T), Timestamps.parseText("1600000000000"));
    assertEquals(OptionalLong.of(T), Timestamps.parseText("0001600000000"));
    assertEquals(OptionalLong.of(0), Timestamps.parseText("0"));
  }

  @Test
  void readsEpochNumbersInTheUnitTheirSizeTells() {
    // Seconds below 1e11: 99,999,999,999 s is 99,999,999,999,000,000 µs.
    assertEquals(
        OptionalLong.of(99_999_999_999L * 1_000_000), Timestamps.parseEpoch(99_999_999_999L));
    // Milliseconds from 1e11 to below 1e14: times 1,000.
    assertEquals(
        OptionalLong.of(100_000_000_000L * 1_000), Timestamps.parseEpoch(100_000_000_000L));
    assertEquals(
        OptionalLong.of(99_999_999_999_999L * 1_000), Timestamps.parseEpoch(99_999_999_999_999L));
    // Microseconds from 1e14 to below 1e17: as they are.
    assertEquals(
        OptionalLong.of(100_000_000_000_000L), Timestamps.parseEpoch(100_000_000_000_000L));
    assertEquals(
        OptionalLong.of(99_999_999_999_999_999L), Timestamps.parseEpoch(99_999_999_999_999_999L));
    // Nanoseconds from 1e17: divided by 1,000, rounded down; the largest long is in 2262.
    assertEquals(
        OptionalLong.of(100_000_000_000_000L), Timestamps.parseEpoch(100_000_000_000_000_000L));
    assertEquals(OptionalLong.of(9_223_372_036_854_775L), Timestamps.parseEpoch(Long.MAX_VALUE));
    assertTrue(Timestamps.parseEpoch(-1).isEmpty());
  }

  @Test
  void everyUnitOfOneInstantGivesTheSameMicroseconds() {
    // 2021-03-01T10:00:00Z = 1,614,592,800 s.
    long micros = 1_614_592_800_000_000L;
    for (String spelled :
        List.of("1614592800", "1614592800000", "1614592800000000", "1614592800000000000")) {
      assertEquals(OptionalLong.of(micros), Timestamps.parseText(spelled), spelled);
      assertEquals(OptionalLong.of(micros), Timestamps.parseEpochDigits(spelled), spelled);
    }
    // Nanoseconds below a microsecond are floored, as ISO fractions are.
    assertEquals(OptionalLong.of(micros + 123_456), Timestamps.parseText("1614592800123456789"));
  }

  @Test
  void noEpochNumberLandsPastTheYear5138() {
    // The old rule read 1,614,592,800,000,000 µs as milliseconds: the year 53134. Now the largest
    // instant any digits give is just below 1e11 s (5138-11-16) or 1e14 ms (the same instant).
    long year5139 = java.time.Instant.parse("5139-01-01T00:00:00Z").getEpochSecond() * 1_000_000;
    for (long epoch = 1; epoch > 0 && epoch < Long.MAX_VALUE / 10; epoch *= 10) {
      for (long value : new long[] {epoch - 1, epoch, epoch * 9}) {
        assertTrue(Timestamps.parseEpoch(value).getAsLong() < year5139, Long.toString(value));
      }
    }
  }

  @Test
  void epochDigitsRefuseIsoText() {
    assertEquals(OptionalLong.of(T), Timestamps.parseEpochDigits("1600000000"));
    assertTrue(Timestamps.parseEpochDigits("2020-09-13T12:26:40Z").isEmpty());
    assertTrue(Timestamps.parseEpochDigits("").isEmpty());
  }
}
