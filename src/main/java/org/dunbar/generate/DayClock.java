package org.dunbar.generate;

/** Moments within a UTC day, busier in the (European and American) afternoon and evening. */
final class DayClock {
  static final long HOUR = 3_600_000L;
  static final long DAY = 24 * HOUR;
  private static final double PEAK_SHARE = 0.65;
  private static final double PEAK_HOUR = 17;
  private static final double PEAK_SPREAD_HOURS = 4;

  private DayClock() {}

  /** Milliseconds into the day. */
  static long sample(Rng rng) {
    if (rng.chance(PEAK_SHARE)) {
      double hour = PEAK_HOUR + PEAK_SPREAD_HOURS * rng.gaussian();
      if (hour >= 0 && hour < 24) {
        return (long) (hour * HOUR);
      }
    }
    return (long) (rng.uniform() * DAY);
  }
}
