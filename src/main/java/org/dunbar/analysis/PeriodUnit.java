package org.dunbar.analysis;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;

/**
 * A study's period: half-open UTC intervals [start, next start). Periods are identified by the
 * epoch day of their start, which is also how {@code period_start} DATE columns store them.
 */
public enum PeriodUnit {
  DAY,
  /** ISO week, starting on Monday. */
  WEEK,
  MONTH;

  public static final long MICROS_PER_DAY = 86_400_000_000L;

  /** As study files spell it. */
  @Override
  public String toString() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  public static int epochDay(long micros) {
    return Math.toIntExact(Math.floorDiv(micros, MICROS_PER_DAY));
  }

  /** Epoch day of the start of the period that holds this instant. */
  public int startOf(long micros) {
    return startOfDay(epochDay(micros));
  }

  public int startOfDay(int epochDay) {
    LocalDate day = LocalDate.ofEpochDay(epochDay);
    return switch (this) {
      case DAY -> epochDay;
      case WEEK -> (int) day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).toEpochDay();
      case MONTH -> (int) day.withDayOfMonth(1).toEpochDay();
    };
  }

  /** Epoch day of the period after the one starting at {@code start}. */
  public int next(int start) {
    LocalDate day = LocalDate.ofEpochDay(start);
    return (int)
        switch (this) {
          case DAY -> day.plusDays(1).toEpochDay();
          case WEEK -> day.plusWeeks(1).toEpochDay();
          case MONTH -> day.plusMonths(1).toEpochDay();
        };
  }

  public static long startMicros(int epochDay) {
    return epochDay * MICROS_PER_DAY;
  }

  public static int monthOf(int epochDay) {
    return MONTH.startOfDay(epochDay);
  }
}
