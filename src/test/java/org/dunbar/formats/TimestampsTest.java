package org.dunbar.formats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
        "9223372036854775807", // milliseconds whose microseconds overflow
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
  void readsEpochNumbers() {
    assertEquals(
        OptionalLong.of(99_999_999_999L * 1_000_000), Timestamps.parseEpoch(99_999_999_999L));
    assertEquals(
        OptionalLong.of(100_000_000_000L * 1_000), Timestamps.parseEpoch(100_000_000_000L));
    assertEquals(
        OptionalLong.of(Long.MAX_VALUE / 1000 * 1000),
        Timestamps.parseEpoch(Long.MAX_VALUE / 1000));
    assertTrue(Timestamps.parseEpoch(Long.MAX_VALUE / 1000 + 1).isEmpty());
    assertTrue(Timestamps.parseEpoch(-1).isEmpty());
  }

  @Test
  void epochDigitsRefuseIsoText() {
    assertEquals(OptionalLong.of(T), Timestamps.parseEpochDigits("1600000000"));
    assertTrue(Timestamps.parseEpochDigits("2020-09-13T12:26:40Z").isEmpty());
    assertTrue(Timestamps.parseEpochDigits("").isEmpty());
  }
}
