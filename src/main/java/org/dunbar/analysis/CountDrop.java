package org.dunbar.analysis;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * A fall of an account's follower count between two observations, and whether it is too fast to be
 * real. Twitter's largest purge of locked accounts (July 2018) cost prominent accounts a few per
 * cent of their followers overnight; a loss of more than {@value #MAX_DAILY_LOSS} of the followers
 * per day (a day at least, however close the two observations), and of at least {@value #MIN_LOST}
 * followers (so that small accounts' noise is not news), is taken as impossible: the two counts
 * were observed further apart than their instants say. The project's rule; the SPEC is silent.
 *
 * @param account the account
 * @param fromTs the earlier observation, UTC epoch microseconds
 * @param from its follower count
 * @param toTs the later observation
 * @param to its follower count
 */
public record CountDrop(String account, long fromTs, long from, long toTs, long to) {
  public static final double MAX_DAILY_LOSS = 0.10;
  public static final long MIN_LOST = 1_000;

  public boolean impossible() {
    long lost = from - to;
    if (lost < MIN_LOST || toTs < fromTs) {
      return false;
    }
    double days = Math.max((toTs - fromTs) / (double) PeriodUnit.MICROS_PER_DAY, 1);
    return lost > MAX_DAILY_LOSS * days * from;
  }

  /**
   * In words, e.g. "account 12: 4,039,047 followers at 2006-03-26T05:33:22Z, 3,278,945 at
   * 2006-03-26T19:17:08Z (-760,102, 18.8 % in 13 h 43 min)".
   */
  public String describe() {
    long lost = from - to;
    Duration apart = Duration.ofNanos(Math.multiplyExact(toTs - fromTs, 1000L));
    String span =
        apart.toDays() >= 2
            ? apart.toDays() + " days"
            : String.format(Locale.ROOT, "%d h %02d min", apart.toHours(), apart.toMinutesPart());
    return String.format(
        Locale.ROOT,
        "account %s: %,d followers at %s, %,d at %s (-%,d, %.1f %% in %s)",
        account,
        from,
        instant(fromTs),
        to,
        instant(toTs),
        lost,
        100.0 * lost / from,
        span);
  }

  private static Instant instant(long micros) {
    return Instant.EPOCH.plus(micros, ChronoUnit.MICROS);
  }
}
