package org.dunbar.analysis;

import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * One followee's rule-less follows per UTC day, written as day offsets from {@link #DAY}, the day
 * under test (negative offsets are its history). Days without follows are simply absent, as in the
 * pipeline, which only sees days that have follows. Setting a day again replaces its count.
 */
final class DailyCounts {
  /** 2024-03-01: the day whose burst verdict the tests check. */
  static final int DAY = PeriodUnit.epochDay(ReplayRecorder.T0) + 60;

  private final TreeMap<Integer, Long> byDay = new TreeMap<>();

  /**
   * {@code count} follows on each day from offset {@code from} to offset {@code to}, both included.
   */
  DailyCounts on(int from, int to, long count) {
    for (int offset = from; offset <= to; offset++) {
      on(offset, count);
    }
    return this;
  }

  DailyCounts on(int offset, long count) {
    byDay.put(DAY + offset, count);
    return this;
  }

  NavigableMap<Integer, Long> map() {
    return new TreeMap<>(byDay);
  }
}
