package org.dunbar.analysis;

import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.dunbar.records.SnapshotSummary;

/**
 * One account's follower count at any period start (SPEC "Follower counts"): replayed from the
 * baseline and the per-period net changes when the account is a followee anywhere in the input,
 * else taken from its snapshots, else unknown.
 */
final class FollowerCounts {
  enum Source {
    REPLAY,
    SNAPSHOT,
    NONE;

    String label() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  private final Source source;
  private final long baseline;

  /** Net change up to and including each period with a change. */
  private final NavigableMap<Integer, Long> cumulative = new TreeMap<>();

  private final NavigableMap<Integer, SnapshotSummary> snapshots;

  /**
   * @param followee whether the account is the followee of any follow/unfollow event or baseline
   *     edge
   * @param netByPeriod effective follows minus effective unfollows, per period start
   */
  FollowerCounts(
      boolean followee,
      long baseline,
      NavigableMap<Integer, Long> netByPeriod,
      NavigableMap<Integer, SnapshotSummary> snapshots) {
    this.source = followee ? Source.REPLAY : snapshots.isEmpty() ? Source.NONE : Source.SNAPSHOT;
    this.baseline = baseline;
    this.snapshots = snapshots;
    long sum = 0;
    for (Map.Entry<Integer, Long> e : netByPeriod.entrySet()) {
      sum += e.getValue();
      cumulative.put(e.getKey(), sum);
    }
  }

  Source source() {
    return source;
  }

  /** The count at the start of the period beginning on this epoch day; null when unknown. */
  Long at(int periodStart) {
    switch (source) {
      case REPLAY -> {
        Map.Entry<Integer, Long> before = cumulative.lowerEntry(periodStart);
        return baseline + (before == null ? 0 : before.getValue());
      }
      case SNAPSHOT -> {
        long moment = PeriodUnit.startMicros(periodStart);
        SnapshotSummary same = snapshots.get(periodStart);
        if (same != null && same.getFirstTs() == moment) {
          return same.getFirstFollowers();
        }
        Map.Entry<Integer, SnapshotSummary> before = snapshots.lowerEntry(periodStart);
        if (before != null) {
          return before.getValue().getLastFollowers();
        }
        // No snapshot at or before the moment: the first one after it.
        return snapshots.ceilingEntry(periodStart).getValue().getFirstFollowers();
      }
      default -> {
        return null;
      }
    }
  }

  /** The last snapshot's count in the period, or null. */
  Long observedEnd(int periodStart) {
    SnapshotSummary s = snapshots.get(periodStart);
    return s == null ? null : s.getLastFollowers();
  }
}
