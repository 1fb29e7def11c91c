package org.dunbar.generate;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The behaviours the analyses look for, measured from the files as a reader finds them. */
class PlantedBehaviourTest {
  private static final long LOOKBACK = 30 * Ev.DAY_MICROS;
  private static final long REPLY_WINDOW = 7 * Ev.DAY_MICROS;
  private static final int DAYS = 90;

  @TempDir static Path out;
  private static GeneratorSummary summary;
  private static List<Ev> events;
  private static Replay replay;

  /** Directed interactions by "actor target", times ascending. */
  private static Map<String, List<Long>> directed;

  @BeforeAll
  static void generate() throws IOException {
    summary = SampleGenerator.generate(new GeneratorSettings(600, DAYS, 2024), out);
    events = DumpReader.events(out);
    replay = new Replay(events, DumpReader.baseline(out));
    directed = new HashMap<>();
    for (Ev e : events) {
      if (e.directed() && !e.actor().equals(e.target())) {
        directed
            .computeIfAbsent(e.actor() + ' ' + e.target(), k -> new ArrayList<>())
            .add(e.micros());
      }
    }
    directed.values().forEach(times -> times.sort(null));
  }

  @Test
  void audiencesAreHeavyTailed() {
    List<Long> counts = new ArrayList<>();
    for (String account : accounts()) {
      if (replay.isReplayAccount(account)) {
        counts.add(replay.followersAtEnd(account));
      }
    }
    counts.sort(null);
    long median = counts.get(counts.size() / 2);
    long largest = counts.get(counts.size() - 1);
    assertTrue(
        largest >= 150 && largest >= 20 * median, "largest " + largest + ", median " + median);
  }

  @Test
  void burstDayFarExceedsTheAccountsUsualDay() {
    String burst = summary.burstAccount();
    Map<Long, List<String>> followersByDay = new TreeMap<>();
    for (Ev e : events) {
      if (e.type().equals("follow") && e.target().equals(burst)) {
        followersByDay.computeIfAbsent(e.day(), d -> new ArrayList<>()).add(e.actor());
      }
    }
    long firstDay = events.stream().mapToLong(Ev::day).min().orElseThrow();
    List<Integer> daily = new ArrayList<>();
    for (long day = firstDay; day < firstDay + DAYS; day++) {
      daily.add(followersByDay.getOrDefault(day, List.of()).size());
    }
    List<Integer> sorted = new ArrayList<>(daily);
    sorted.sort(null);
    int median = sorted.get(DAYS / 2);
    int busiest = sorted.get(DAYS - 1);
    assertTrue(
        busiest >= 100 && busiest >= 10 * median, "busiest " + busiest + ", median " + median);

    List<String> burstFollowers = followersByDay.get(firstDay + daily.indexOf(busiest));
    Set<String> engaged = new HashSet<>();
    for (Ev e : events) {
      if (e.interaction() && e.target().equals(burst)) {
        engaged.add(e.actor());
      } else if (e.interaction() && e.actor().equals(burst)) {
        engaged.add(e.target());
      }
    }
    long strangers = burstFollowers.stream().filter(a -> !engaged.contains(a)).count();
    assertTrue(
        strangers >= 0.8 * burstFollowers.size(),
        strangers + " of " + burstFollowers.size() + " never interacted with " + burst);
  }

  @Test
  void conversationsPrecedeFollowsAndThoseFollowersStay() {
    int conversation = 0;
    int conversationKept = 0;
    for (Replay.Follow f : replay.effectiveFollows()) {
      Ev e = f.event;
      if (!f.followBack()
          && within(e.actor(), e.target(), e.micros())
          && within(e.target(), e.actor(), e.micros())) {
        conversation++;
        conversationKept += f.removedAt == Long.MAX_VALUE ? 1 : 0;
      }
    }
    assertTrue(conversation >= 1, "no follow after a two-way conversation");
    assertTrue(
        conversationKept >= 0.95 * conversation,
        conversationKept + " of " + conversation + " kept");
  }

  /** Follow-backs come soon after the follow; by chance alone hardly any would. */
  @Test
  void followBacksComeShortlyAfterTheFollow() {
    List<Replay.Follow> follows = replay.effectiveFollows();
    long quick =
        follows.stream()
            .filter(f -> f.followBack() && f.reverseSince >= f.createdAt() - Ev.DAY_MICROS)
            .count();
    assertTrue(quick >= 0.03 * follows.size(), quick + " quick follow-backs of " + follows.size());
  }

  @Test
  void largeAccountsAnswerASmallerShareThanSmallOnes() {
    long[] large = new long[2];
    long[] small = new long[2];
    for (Map.Entry<String, List<Long>> pair : directed.entrySet()) {
      String[] ends = pair.getKey().split(" ");
      long followers = replay.followersAtEnd(ends[1]);
      long[] tally = followers > 150 ? large : followers <= 15 ? small : null;
      if (tally == null) {
        continue;
      }
      List<Long> answers = directed.getOrDefault(ends[1] + ' ' + ends[0], List.of());
      for (long received : pair.getValue()) {
        tally[0] += answeredWithin(answers, received) ? 1 : 0;
        tally[1]++;
      }
    }
    assertTrue(
        large[1] >= 100 && small[1] >= 100,
        "too few received: large " + large[1] + ", small " + small[1]);
    double largeShare = (double) large[0] / large[1];
    double smallShare = (double) small[0] / small[1];
    assertTrue(largeShare < 0.6 * smallShare, "large " + largeShare + ", small " + smallShare);
  }

  @Test
  void snapshotsCoverAccountsOutsideTheReplayAndDisagreeWithIt() throws IOException {
    Map<String, List<DumpReader.Snapshot>> byAccount = new TreeMap<>();
    for (DumpReader.Snapshot s : DumpReader.snapshots(out)) {
      byAccount.computeIfAbsent(s.account(), a -> new ArrayList<>()).add(s);
    }
    int snapshotOnly = 0;
    int disagreeing = 0;
    for (Map.Entry<String, List<DumpReader.Snapshot>> entry : byAccount.entrySet()) {
      List<DumpReader.Snapshot> rows = entry.getValue();
      if (!replay.isReplayAccount(entry.getKey())) {
        snapshotOnly++;
        for (int i = 1; i < rows.size(); i++) {
          assertTrue(
              rows.get(i).micros() - rows.get(i - 1).micros() == 7 * Ev.DAY_MICROS, "weekly");
        }
        continue;
      }
      for (DumpReader.Snapshot s : rows) {
        long replayed = replay.followersBefore(s.account(), s.micros());
        assertFalse(s.followers() == replayed, "snapshot of " + s + " matches the replay");
        assertTrue(
            Math.abs(s.followers() - replayed) <= 100,
            "off by a bit only: " + s + " vs " + replayed);
        disagreeing++;
      }
    }
    assertTrue(snapshotOnly >= 2, "snapshot-only accounts: " + snapshotOnly);
    assertTrue(disagreeing >= 3, "disagreeing snapshots of replay accounts: " + disagreeing);
  }

  private static boolean within(String actor, String target, long micros) {
    for (long t : directed.getOrDefault(actor + ' ' + target, List.of())) {
      if (t >= micros - LOOKBACK && t < micros) {
        return true;
      }
    }
    return false;
  }

  private static boolean answeredWithin(List<Long> answers, long received) {
    for (long t : answers) {
      if (t > received && t <= received + REPLY_WINDOW) {
        return true;
      }
    }
    return false;
  }

  private static Set<String> accounts() {
    Set<String> accounts = new HashSet<>();
    for (Ev e : events) {
      accounts.add(e.actor());
    }
    return accounts;
  }
}
