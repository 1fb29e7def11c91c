package org.dunbar.analysis;

import static org.dunbar.analysis.ReplayRecorder.DAY;
import static org.dunbar.analysis.ReplayRecorder.SECOND;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;
import org.dunbar.records.SnapshotSummary;
import org.junit.jupiter.api.Test;

/**
 * SPEC "Follower counts": the replayed count (baseline + effective follows − effective unfollows
 * before the moment) for followees; otherwise the last snapshot at or before the moment, else the
 * first after it; otherwise unknown. Weeks W0 … W5 start on Mondays from 2024-01-01.
 */
class FollowerCountsTest {
  private static final int W0 = PeriodUnit.epochDay(ReplayRecorder.T0);

  private static int week(int n) {
    return W0 + 7 * n;
  }

  private static long start(int week) {
    return PeriodUnit.startMicros(week(week));
  }

  /** Counts at the starts of weeks −1 … 5. */
  private static List<Long> weekStarts(FollowerCounts counts) {
    return java.util.stream.IntStream.rangeClosed(-1, 5).mapToObj(n -> counts.at(week(n))).toList();
  }

  private static TreeMap<Integer, Long> net(long... byWeek) {
    TreeMap<Integer, Long> net = new TreeMap<>();
    for (int n = 0; n < byWeek.length; n++) {
      if (byWeek[n] != 0) {
        net.put(week(n), byWeek[n]);
      }
    }
    return net;
  }

  /** Snapshot summaries (first and last of each week), keyed by week number. */
  private static TreeMap<Integer, SnapshotSummary> snapshots(Object... weekAndSummary) {
    TreeMap<Integer, SnapshotSummary> s = new TreeMap<>();
    for (int i = 0; i < weekAndSummary.length; i += 2) {
      s.put(week((Integer) weekAndSummary[i]), (SnapshotSummary) weekAndSummary[i + 1]);
    }
    return s;
  }

  private static SnapshotSummary summary(long firstTs, long first, long lastTs, long last) {
    return new SnapshotSummary(firstTs, first, lastTs, last);
  }

  @Test
  void replayedFromTheBaselineAndEachPeriodsNet() {
    // Baseline 3; net +2 in W0, −1 in W2, +4 in W3. A week's start sees the net of the weeks before
    // it only: W−1 3, W0 3, W1 5, W2 5, W3 4, W4 8, W5 8.
    FollowerCounts counts = new FollowerCounts(true, 3, net(2, 0, -1, 4), snapshots());
    assertEquals(FollowerCounts.Source.REPLAY, counts.source());
    assertEquals(List.of(3L, 3L, 5L, 5L, 4L, 8L, 8L), weekStarts(counts));
  }

  @Test
  void snapshotsNeverOverrideTheReplay() {
    // A followee with snapshots (of 100 and 500) still counts from the replay: baseline 1, +1 in
    // W1.
    FollowerCounts counts =
        new FollowerCounts(
            true,
            1,
            net(0, 1),
            snapshots(
                0,
                summary(start(0), 100, start(0), 100),
                2,
                summary(start(2) + DAY, 500, start(2) + DAY, 500)));
    assertEquals(List.of(1L, 1L, 1L, 2L, 2L, 2L, 2L), weekStarts(counts));
    // The snapshot still shows up as what was observed: the last in the week, null in weeks
    // without.
    assertEquals(
        Arrays.asList(100L, null, 500L, null),
        Arrays.asList(
            counts.observedEnd(week(0)),
            counts.observedEnd(week(1)),
            counts.observedEnd(week(2)),
            counts.observedEnd(week(3))));
  }

  @Test
  void snapshotAtExactlyThePeriodStartIsUsed() {
    // W1's first snapshot (60) is taken at W1's very start: it is the count then, not W0's last
    // (40).
    FollowerCounts counts =
        new FollowerCounts(
            false,
            0,
            net(),
            snapshots(
                0,
                summary(start(0) + DAY, 30, start(0) + 2 * DAY, 40),
                1,
                summary(start(1), 60, start(1) + DAY, 70)));
    assertEquals(FollowerCounts.Source.SNAPSHOT, counts.source());
    assertEquals(60L, counts.at(week(1)));
  }

  @Test
  void elseTheLastSnapshotBefore() {
    // W2's first snapshot (90) comes a second after its start: W2 starts at W0's last (40). W1,
    // with no snapshot, also starts at 40, and W3 … W5 at W2's last (95).
    FollowerCounts counts =
        new FollowerCounts(
            false,
            0,
            net(),
            snapshots(
                0,
                summary(start(0) + DAY, 30, start(0) + 2 * DAY, 40),
                2,
                summary(start(2) + SECOND, 90, start(2) + 3 * DAY, 95)));
    assertEquals(40L, counts.at(week(1)));
    assertEquals(40L, counts.at(week(2)));
    assertEquals(95L, counts.at(week(3)));
    assertEquals(95L, counts.at(week(5)));
  }

  @Test
  void elseTheFirstSnapshotAfter() {
    // Nothing at or before W−1, W0, W1 and W2: each takes the first snapshot after it, W2's first
    // (90), not its last (95).
    FollowerCounts counts =
        new FollowerCounts(
            false, 0, net(), snapshots(2, summary(start(2) + DAY, 90, start(2) + 3 * DAY, 95)));
    assertEquals(List.of(90L, 90L, 90L, 90L, 95L, 95L, 95L), weekStarts(counts));
  }

  @Test
  void noFollowEventsAndNoSnapshotsIsUnknown() {
    FollowerCounts counts = new FollowerCounts(false, 0, net(), snapshots());
    assertEquals(FollowerCounts.Source.NONE, counts.source());
    assertEquals("none", counts.source().label());
    assertEquals(Arrays.asList(null, null, null, null, null, null, null), weekStarts(counts));
    assertNull(counts.observedEnd(week(0)));
  }
}
